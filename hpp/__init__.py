"""hpp: the small shared toolbox of the High Performance Python companion code.

Nothing in here is a book example. It holds what many examples share and is
not what a section teaches:

For the examples
- ``hpp.script``     the argument parser and argument types every example uses (bad input -> one line, exit 2)
- ``hpp.interrupt``  Ctrl-C -> one line, ``interrupted``, exit 130, quiet workers (set up by ``hpp.script``)
- ``hpp.timing``     the book's ``timefn`` decorator and a repeat timer
- ``hpp.profiling``  the ``profile`` shim that works with kernprof and memory_profiler
- ``hpp.julia``      the Julia-set inputs and known sums shared by chapters 02 and 07
- ``hpp.diffusion``  the diffusion initial condition shared by chapters 06, 07 and 10
- ``hpp.gpu``        PyTorch's device, chosen in one place, and GPU timings that wait for the GPU
- ``hpp.service``    start a local server on a free loopback port and wait for it
- ``hpp.memory``     deep sizes, RSS and tracemalloc peaks (chapters 03 and 11)
- ``hpp.words``      word lists for chapter 11: the system's, a generated one, ``--input``
- ``hpp.leftovers``  nothing left behind: the temp files and processes a run leaves
- ``hpp.loader``     load an example file by path under a unique name (tests holding two same-named files)
- ``hpp.examples``   find the chapter folders and their example scripts (and their test runs)
- ``hpp.notebooks``  the chapters' read-along notebooks: find, strip, run

The ``hpp`` command (``python -m hpp``; ``hpp.cli``)
- ``hpp.bench``      declare a chapter's benchmarks (``_benchmark.py``: ``Workload``, ``Case``)
- ``hpp.discover``   find them: chapters, workloads, the book's figures, the plan
- ``hpp.runner``     run a plan: set up, verify, time, with a progress bar
- ``hpp.results``    a run as data: ``CaseResult``, ``run.json``, the machine, the estimate
- ``hpp.report``     show a run: terminal tables, report.md, report.html, plots
- ``hpp.compare``    ``hpp compare``: two saved runs case by case
- ``hpp.figures``    ``hpp figures``: the book's figures drawn on this machine, with an index page
"""

from hpp.profiling import profile
from hpp.timing import timefn

__all__ = ["profile", "timefn"]
