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

import csv
import importlib
import importlib.util
import inspect
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from hpp.script import example_parser, fail, output_dir, positive_int, writable_dir

HERE = Path(__file__).resolve().parent
SMOKE_ARGS = [
    "--variants",
    "diffusion_numpy_memory2",
    "--size",
    "64",
    "--iterations",
    "5",
    "--tools",
    "time,tracemalloc",
]

TOOLS = ("time", "perf", "tracemalloc", "kernprof", "memit")
# book: 3rd ed. code, "Makefile" (perf stat's events)
PERF_EVENTS = (
    "cycles,instructions,cache-references,cache-misses,branches,branch-misses,task-clock,faults,page-faults"
)
# book: end

PURE_PYTHON = ("diffusion_python", "diffusion_python_memory")
TOOL_TIMEOUT_S = 3600


def variant_names():
    """Every diffusion script in this folder, by name (without ``.py``)."""
    return sorted(p.stem for p in HERE.glob("diffusion_*.py"))


def parse_variants(text):
    names = variant_names()
    if text == "all":
        return names
    chosen = [name.strip().removesuffix(".py") for name in text.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in names]
    if unknown or not chosen:
        raise ValueError(
            f"unknown variant(s) {', '.join(unknown) or text!r}; choose from: {', '.join(names)}"
        )
    return chosen


def parse_tools(text):
    chosen = [tool.strip() for tool in text.split(",") if tool.strip()]
    unknown = [tool for tool in chosen if tool not in TOOLS]
    if unknown or not chosen:
        raise ValueError(f"unknown tool(s) {', '.join(unknown) or text!r}; choose from: {', '.join(TOOLS)}")
    return chosen


def needs_missing_package(name):
    """The package a variant needs and this Python lacks (e.g. torch), or None."""
    module_path = HERE / f"{name}.py"
    for line in module_path.read_text().splitlines():
        if line.startswith("REQUIRES"):
            for package in re.findall(r"['\"](\w+)['\"]", line):
                if importlib.util.find_spec(package) is None:
                    return package
    return None


# ---------------------------------------------------------------- allocations


# taught: 1st ed., "In-Place Operations and Memory Allocation": in place, no allocation, no new pages
def step_allocations(module, size, steps=2):
    """Peak bytes one ``evolve`` step allocates above the grids it is given (tracemalloc).

    Works for the list and NumPy variants (``evolve(grid, dt)`` returning a new
    grid, or ``evolve(grid, dt, out)`` writing into ``out``); the returned grid
    of an allocating step counts, since it is new memory every step. Returns
    None for the PyTorch variants (torch's allocator is not traced).
    """
    import numpy as np

    from hpp.diffusion import DT, initial_grid, initial_grid_lists

    if "torch" in getattr(module, "REQUIRES", ()):
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


# ---------------------------------------------------------------- tools


# taught: end


def script_command(name, size, iterations):
    return [str(HERE / f"{name}.py"), "--size", str(size), "--iterations", str(iterations)]


def run_tool(command, log_path, env=None):
    """Run ``command``, save its stdout and stderr to ``log_path``; returns (returncode, seconds)."""
    start = time.perf_counter()
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=TOOL_TIMEOUT_S, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        log_path.write_text(f"timed out after {TOOL_TIMEOUT_S} s: {' '.join(command)}\n")
        return None, time.perf_counter() - start
    log_path.write_text(f"$ {' '.join(command)}\n{completed.stdout}{completed.stderr}")
    return completed.returncode, time.perf_counter() - start


def gnu_time():
    """The path of GNU time (``apt-get install time``) if it answers ``-v``, else None."""
    path = shutil.which("time")
    if path and subprocess.run([path, "-v", "true"], capture_output=True).returncode == 0:
        return path
    return None


def perf_available():
    if shutil.which("perf") is None:
        return False
    probe = subprocess.run(["perf", "stat", "-e", "task-clock", "true"], capture_output=True)
    return probe.returncode == 0


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


def measure_tracemalloc(name, size, folder):
    path = folder / "tracemalloc" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    module = importlib.import_module(name)  # a neighbour, imported by its plain name
    allocated = step_allocations(module, size)
    if allocated is None:
        path.write_text(f"{name}: not traced (PyTorch's allocator is invisible to tracemalloc)\n")
        return {}
    path.write_text(
        f"{name}, {size} x {size}: one evolve step allocates at peak "
        f"{allocated / 2**20:.3f} MiB ({allocated} bytes) above its input grids\n"
    )
    return {"MB_per_step": allocated / 2**20}


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


# ---------------------------------------------------------------- main

SUMMARY_COLUMNS = (
    "variant",
    "wall_s",
    "user_s",
    "system_s",
    "max_rss_MB",
    "minor_faults",
    "major_faults",
    "MB_per_step",
    "perf_instructions",
    "perf_cycles",
    "perf_cache-misses",
    "perf_page-faults",
    "error",
)


def format_cell(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def argument_type(parse):
    """An argparse type from a parser that raises ValueError (checked before any work)."""
    import argparse

    def checked(text):
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    checked.__name__ = parse.__name__
    return checked


def measure_variants(variants, tools, size, iterations, folder):
    """Run every tool on every variant, write ``summary.csv``, print the table; returns the rows."""
    if "perf" in tools and not perf_available():
        print("perf is not available here (apt-get install linux-perf): skipping perf")
        tools = [tool for tool in tools if tool != "perf"]

    rows = []
    for name in variants:
        missing = needs_missing_package(name)
        if missing:
            print(f"{name}: skipped, needs {missing} (pip install -e '.[gpu]')")
            continue
        print(f"measuring {name} ({', '.join(tools)}) ...", flush=True)
        row = {"variant": name}
        errors = []
        for tool in tools:
            if tool == "time":
                figures = measure_time(name, size, iterations, folder)
            elif tool == "perf":
                figures = measure_perf(name, size, iterations, folder)
            elif tool == "tracemalloc":
                figures = measure_tracemalloc(name, size, folder)
            elif tool == "kernprof":
                figures = measure_kernprof(name, size, iterations, folder)
            else:
                figures = measure_memit(name, size, iterations, folder)
            if "error" in figures:
                errors.append(figures.pop("error"))
            row.update(figures)
        row["error"] = "; ".join(errors) or None
        rows.append(row)

    summary = folder / "summary.csv"
    columns = [c for c in SUMMARY_COLUMNS if any(row.get(c) is not None for row in rows)]
    with open(summary, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"\n{size} x {size}, {iterations} iterations")
    widths = [max(len(c), *(len(format_cell(r.get(c))) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in rows:
        print("  ".join(format_cell(row.get(c)).ljust(w) for c, w in zip(columns, widths)))
    print(f"files written under {folder}")
    print(f"summary = {summary}")
    return rows


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument(
        "--variants",
        type=argument_type(parse_variants),
        default="all",
        help="comma-separated script names, or 'all'",
    )
    parser.add_argument(
        "--tools",
        type=argument_type(parse_tools),
        default=",".join(TOOLS),
        help=f"comma-separated: {', '.join(TOOLS)}",
    )
    parser.add_argument("--size", type=positive_int, default=512)
    parser.add_argument("--iterations", type=positive_int, default=100)
    parser.add_argument("--output-dir", type=writable_dir, help="default: results/06_matrix/measure")
    args = parser.parse_args(argv)
    folder = output_dir("06_matrix", args.output_dir or output_dir("06_matrix") / "measure")
    rows = measure_variants(args.variants, args.tools, args.size, args.iterations, folder)
    if any(row["error"] for row in rows):
        fail("some measurements failed: see the error column and the files it names")


if __name__ == "__main__":
    main()
