"""The plumbing of ``measure.py`` (not an example): which variants and tools, running them, the summary.

``measure.py`` keeps the lesson (what one step allocates, how many pages it
faults) and the book's commands (``time -v``, ``perf stat``, ``kernprof``,
``memory_profiler``); this module parses ``--variants``/``--tools``, runs
each tool on each variant, writes ``summary.csv`` and prints the table.
"""

import csv
import importlib
import importlib.util
import shutil
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = ("time", "perf", "tracemalloc", "kernprof", "memit")
PURE_PYTHON = ("diffusion_python", "diffusion_python_memory")
TOOL_TIMEOUT_S = 3600


def variant_names():
    """Every diffusion script in this folder that steps the grid (an ``evolve``), by name (no ``.py``).

    ``diffusion_sweep_sizes.py`` times the others and has no step of its own.
    """
    return sorted(p.stem for p in HERE.glob("diffusion_*.py") if "evolve" in p.read_text())


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
    from hpp.examples import requirements

    for package in requirements(HERE / f"{name}.py")[0]:
        if importlib.util.find_spec(package) is None:
            return package
    return None


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


def measure_tracemalloc(name, size, folder, step_allocations):
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


def measure_variants(variants, tools, size, iterations, folder, measures, step_allocations):
    """Run every tool on every variant, write ``summary.csv``, print the table; returns the rows.

    ``measures`` maps a tool to ``measure(name, size, iterations, folder) -> figures``
    (measure.py's); tracemalloc runs ``step_allocations`` in this process.
    """
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
            if tool == "tracemalloc":
                figures = measure_tracemalloc(name, size, folder, step_allocations)
            else:
                figures = measures[tool](name, size, iterations, folder)
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


def run_measure(doc, measures, step_allocations, argv=None):
    """measure.py's flags (variants, tools, size, iterations, output folder); measure and report."""
    from hpp.script import example_parser, fail, output_dir, positive_int, writable_dir

    if not isinstance(measures, dict):  # measure_time -> "time"
        measures = {function.__name__.removeprefix("measure_"): function for function in measures}
    parser = example_parser(doc)
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
    rows = measure_variants(
        args.variants, args.tools, args.size, args.iterations, folder, measures, step_allocations
    )
    if any(row["error"] for row in rows):
        fail("some measurements failed: see the error column and the files it names")
