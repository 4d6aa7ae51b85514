"""hpp: the small shared toolbox of the High Performance Python companion code.

Nothing in here is a book example. It holds what many examples share and is
not what a section teaches:

- ``hpp.timing``     the book's ``timefn`` decorator and a repeat timer
- ``hpp.profiling``  the ``profile`` shim that works with kernprof and memory_profiler
- ``hpp.loader``     load an example file by path (chapter folders are not packages)
- ``hpp.service``    start a local server on a free loopback port and wait for it
- ``hpp.script``     the argument parser every example uses (bad input -> one line, exit 2)
- ``hpp.julia``      the Julia-set inputs shared by chapters 02 and 07
- ``hpp.diffusion``  the diffusion initial condition shared by chapters 06, 07 and 10
- ``hpp.bench``      the benchmark harness behind ``hpp bench``
"""

from hpp.profiling import profile
from hpp.timing import timefn

__all__ = ["profile", "timefn"]
