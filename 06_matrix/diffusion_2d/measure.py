"""Measure every diffusion variant the way the book does, with one command.

Chapter 6 measures the machine itself: "Understanding perf", page faults and
cache misses, memory allocations, line-by-line profiles. For each variant
this runs the script as a separate process and collects:

- ``time``: wall time, peak RSS and page faults from GNU ``/usr/bin/time -v``
  (or ``resource`` via ``os.wait4`` when GNU time is missing);
- ``perf``: ``perf stat -e cycles,instructions,cache-references,cache-misses,
  branches,branch-misses,task-clock,faults,page-faults`` where perf works
  (in many VMs the hardware counters read ``<not supported>``: the file
  says so and the software counters are still there);
- ``tracemalloc``: the peak memory one ``evolve`` step allocates on top of
  the grids it is given, measured in this process (``MB/step``);
- ``kernprof``: ``kernprof -l -v`` line report of ``evolve``;
- ``memit``: ``python -m memory_profiler`` line report of ``evolve`` (skipped
  for the pure-Python variants above 64 x 64: it samples memory on every line
  of the inner loop and would take hours).

Everything is written under the output folder (``results/06_matrix/measure``
by default, which git ignores): ``time/NAME.time``, ``perf/NAME.perf``,
``tracemalloc/NAME.txt``, ``kernprof/NAME.kernprof``, ``memit/NAME.memit`` and
``summary.csv``; the summary table is printed.

Run:
    python 06_matrix/diffusion_2d/measure.py                        # every variant, 512^2, 100 steps
    python 06_matrix/diffusion_2d/measure.py --variants diffusion_numpy,diffusion_numpy_memory2 \\
        --tools time,perf,tracemalloc --iterations 500
"""

# taught: 1st ed., "In-Place Operations and Memory Allocation": in place, no allocation, no new pages
import inspect
import subprocess
import sys
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent


def step_allocations(module, size, steps=2):
    """Peak bytes one ``evolve`` step allocates above the grids it is given (tracemalloc).

    Works for the list and NumPy variants (``evolve(grid, dt)`` returning a new
    grid, or ``evolve(grid, dt, out)`` writing into ``out``); the returned grid
    of an allocating step counts, since it is new memory every step. Returns
    None for the PyTorch variants (torch's allocator is not traced).
    """
    import numpy as np

    from hpp.diffusion import DT, initial_grid, initial_grid_lists
    from hpp.examples import requirements

    if "torch" in requirements(module.__file__)[0]:
        return None
    in_place = "out" in inspect.signature(module.evolve).parameters
    if hasattr(module, "initial_grid_lists"):
        grid = initial_grid_lists(size)
        out = [[0.0] * size for _ in range(size)]
    else:
        grid = initial_grid(size)
        out = np.zeros_like(grid)

    def step(grid, out):
        if in_place:
            module.evolve(grid, DT, out)
            return out, grid
        return module.evolve(grid, DT), out

    # Two warm-up steps: caches, numexpr's compiled expression, and every cell
    # of both list grids holding its own float (the initial lists share one 0.0).
    for _ in range(2):
        grid, out = step(grid, out)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        worst = 0
        for _ in range(steps):
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            grid, out = step(grid, out)
            _, peak = tracemalloc.get_traced_memory()
            worst = max(worst, peak - before)
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return worst


FAULTS_CHILD = """
import importlib, resource, sys
module = importlib.import_module(sys.argv[1])
size, steps = int(sys.argv[2]), int(sys.argv[3])
def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
module.run_experiment(2, size)  # imports, caches, the first grids
start = faults(); module.run_experiment(20, size); short = faults() - start
start = faults(); module.run_experiment(20 + steps, size); long = faults() - start
print((long - short) / steps)
"""


def page_faults_per_step(name, size=512, steps=200):
    """Minor page faults one step of variant ``name`` causes, counted by the kernel.

    A fresh process runs ``run_experiment`` for 20 and for 20 + ``steps`` steps
    and reads its own ``ru_minflt`` (``resource.getrusage``) around each; the
    difference divided by ``steps`` leaves out start-up and the initial grids.
    The book's lesson (``perf stat``: 508k faults for NumPy, 13.5k in place):
    a step that allocates new arrays touches fresh pages every time; an
    in-place step touches none.
    """
    import resource

    if not hasattr(resource, "getrusage"):
        return None
    completed = subprocess.run(
        [sys.executable, "-c", FAULTS_CHILD, name, str(size), str(steps)],
        cwd=HERE,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return float(completed.stdout.strip().splitlines()[-1])


# taught: end


# book: 3rd ed. code, "Makefile" (perf stat's events)
import os  # noqa: E402
import time  # noqa: E402

from _measure_tools import PURE_PYTHON, gnu_time, run_tool, script_command  # noqa: E402

PERF_EVENTS = (
    "cycles,instructions,cache-references,cache-misses,branches,branch-misses,task-clock,faults,page-faults"
)
# book: end


# book: 3rd ed. code, "Makefile" (time -v and perf stat on each script)
TIME_FIELDS = {
    "Maximum resident set size (kbytes)": ("max_rss_MB", lambda v: int(v) / 1024),
    "Minor (reclaiming a frame) page faults": ("minor_faults", int),
    "Major (requiring I/O) page faults": ("major_faults", int),
    "User time (seconds)": ("user_s", float),
    "System time (seconds)": ("system_s", float),
}


def measure_time(name, size, iterations, folder):
    """Peak RSS and page faults of one run: GNU time -v, else os.wait4's rusage."""
    path = folder / "time" / f"{name}.time"
    path.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable] + script_command(name, size, iterations)
    figures = {}
    gnu_time_path = gnu_time()
    if gnu_time_path:
        code, seconds = run_tool([gnu_time_path, "-v"] + command, path)
        for line in path.read_text().splitlines():
            key, _, value = line.strip().rpartition(": ")
            if key in TIME_FIELDS:
                label, convert = TIME_FIELDS[key]
                figures[label] = convert(value)
    else:
        start = time.perf_counter()
        with open(path, "w") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = code = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        figures.update(
            max_rss_MB=usage.ru_maxrss / 1024,
            minor_faults=usage.ru_minflt,
            major_faults=usage.ru_majflt,
            user_s=usage.ru_utime,
            system_s=usage.ru_stime,
        )
        with open(path, "a") as log:
            log.write(f"(resource.getrusage via os.wait4) {figures}\n")
    figures["wall_s"] = seconds
    if code != 0:
        figures["error"] = f"time: exit {code}, see {path}"
    return figures


def measure_perf(name, size, iterations, folder):
    path = folder / "perf" / f"{name}.perf"
    path.parent.mkdir(parents=True, exist_ok=True)
    command = ["perf", "stat", "-e", PERF_EVENTS, "-o", str(path), "--", sys.executable] + script_command(
        name, size, iterations
    )
    code, _ = run_tool(command, path.with_suffix(".log"))
    figures = {}
    if code != 0 or not path.is_file():
        return {"error": f"perf: exit {code}, see {path.with_suffix('.log')}"}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] in ("instructions", "cycles", "cache-misses", "page-faults"):
            value = parts[0].replace(",", "")
            figures[f"perf_{parts[1]}"] = int(value) if value.isdigit() else "not supported"
    return figures


# book: end


# book: 3rd ed. code, "Makefile" (kernprof -l -v and python -m memory_profiler on each script)
def measure_kernprof(name, size, iterations, folder):
    path = folder / "kernprof" / f"{name}.kernprof"
    path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "kernprof",
        "-l",
        "-v",
        "-o",
        str(path.with_suffix(".lprof")),
    ] + script_command(name, size, iterations)
    code, _ = run_tool(command, path)
    return {} if code == 0 else {"error": f"kernprof: exit {code}, see {path}"}


def measure_memit(name, size, iterations, folder):
    path = folder / "memit" / f"{name}.memit"
    path.parent.mkdir(parents=True, exist_ok=True)
    if name in PURE_PYTHON and size > 64:
        path.write_text(
            f"skipped: memory_profiler samples memory on every line of {name}'s "
            "inner loop; run it with --size 64 or smaller\n"
        )
        return {}
    command = [sys.executable, "-m", "memory_profiler"] + script_command(name, size, iterations)
    code, _ = run_tool(command, path)
    return {} if code == 0 else {"error": f"memit: exit {code}, see {path}"}


# book: end


def main(argv=None):
    from _measure_tools import run_measure

    run_measure(
        __doc__, [measure_time, measure_perf, measure_kernprof, measure_memit], step_allocations, argv
    )


if __name__ == "__main__":
    main()
