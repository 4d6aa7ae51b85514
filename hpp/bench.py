"""The benchmark harness behind ``hpp bench``.

Each chapter declares its benchmarks in ``_benchmark.py`` as a list called
``WORKLOADS``::

    from hpp.bench import Case, Workload

    WORKLOADS = [
        Workload(
            name="julia set",
            baseline="pure python",
            sizes={"quick": [{"width": 300}], "book": [{"width": 1000}]},
            cases=[
                Case("pure python", setup=make_inputs, run=run_pure, check=check_sum),
                Case("numba", setup=make_inputs, run=run_numba, check=check_sum, jit=True),
            ],
        ),
    ]

For every size of every workload, each case is set up (untimed), called once
as a warm-up (timed and reported as ``first``: for a JIT it includes the
compile), its result verified by ``check``, then timed ``repeat`` times within
a time budget. The table gives the min and median times and the speedup over
the baseline measured in the same run, beside the book's figure where the
chapter's ``_book_figures.csv`` has one.
"""

import csv
import gc
import importlib
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from hpp.loader import REPO_ROOT, load_example
from hpp.timing import repeat_timer

SIZES = ("quick", "book")
PASSED, FAILED, SKIPPED = "ok", "FAILED", "skipped"


@dataclass
class Case:
    """One variant of a workload.

    - ``run(state)`` is the timed call; it returns the result to verify.
    - ``setup(params)`` builds ``state`` untimed (default: ``params`` itself).
    - ``check(result, params)`` verifies the result: it fails by raising
      (``assert``) or returning False, and may return a dict of extra figures
      to show in the table (``{"MB": 12.5}``).
    - ``requires(params)`` returns the reason the case cannot run here (a
      missing toolchain, a size too large for it), or None.
    - ``jit=True`` always times at least one call after the first.
    """

    name: str
    run: Callable[[Any], Any]
    setup: Optional[Callable[[dict], Any]] = None
    check: Optional[Callable[[Any, dict], Any]] = None
    requires: Optional[Callable[[dict], Optional[str]]] = None
    jit: bool = False
    note: str = ""


@dataclass
class Workload:
    """A task, its sizes (``quick`` and ``book``), and the cases that do it."""

    name: str
    baseline: str
    cases: list
    sizes: dict
    description: str = ""
    repeat: int = 5
    budget_seconds: float = 2.0
    # Rough time of the whole workload at --size book over --size quick, used
    # for the estimate shown before a book-size run when no earlier one exists.
    book_factor: Optional[float] = None

    def params_for(self, size):
        """The list of parameter dicts to run at ``size`` (``quick`` or ``book``)."""
        params = self.sizes.get(size) or self.sizes.get("quick") or [{}]
        return [dict(p) for p in params]


def size_label(params):
    """A short label for a parameter dict: ``width=300, iterations=50``."""
    return ", ".join(f"{key}={value}" for key, value in params.items()) or "default"


@dataclass
class CaseResult:
    chapter: str
    workload: str
    case: str
    size: str
    status: str
    first_s: Optional[float] = None
    min_s: Optional[float] = None
    median_s: Optional[float] = None
    runs: int = 0
    wall_s: Optional[float] = None
    speedup: Optional[float] = None
    metrics: dict = field(default_factory=dict)
    message: str = ""
    note: str = ""
    baseline: bool = False
    book_speedup: Optional[float] = None
    book_source: str = ""


# ---------------------------------------------------------------- discovery

def chapter_folders(root=None):
    """Every chapter folder (``01_understanding`` ... ``11_less_ram``), in order.

    ``root`` defaults to the repository (or ``$HPP_ROOT``, which tests use).
    """
    root = root or os.environ.get("HPP_ROOT") or REPO_ROOT
    return sorted(p for p in Path(root).iterdir()
                  if p.is_dir() and p.name[:2].isdigit() and p.name[2:3] == "_")


def resolve_chapters(names, root=None):
    """Map ``["06", "matrix", "07_compiling"]`` to chapter folders; unknown names raise ValueError."""
    folders = chapter_folders(root)
    if not names:
        return folders
    chosen = []
    for name in names:
        name = name.strip("/").split("/")[-1]
        matches = [f for f in folders
                   if f.name == name or f.name[:2] == name.zfill(2) or f.name[3:] == name]
        if not matches:
            known = ", ".join(f.name for f in folders)
            raise ValueError(f"unknown chapter {name!r} (chapters: {known})")
        chosen.extend(m for m in matches if m not in chosen)
    return chosen


def load_workloads(chapter):
    """The ``WORKLOADS`` declared in ``CHAPTER/_benchmark.py`` (empty when there is none)."""
    path = Path(chapter) / "_benchmark.py"
    if not path.is_file():
        return []
    return list(load_example(path).WORKLOADS)


def load_book_figures(chapter):
    """``{(workload, case, size label or ""): (speedup, source)}`` from ``_book_figures.csv``."""
    path = Path(chapter) / "_book_figures.csv"
    figures = {}
    if path.is_file():
        with open(path, newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                key = (row["workload"], row["case"], row.get("size") or "")
                source = f"{row.get('edition', '').strip()} {row.get('source', '').strip()}".strip()
                figures[key] = (float(row["book_speedup"]), source)
    return figures


# ---------------------------------------------------------------- running

def run_case(case, params, workload):
    """Set up, warm up, verify and time one case; returns a partly filled CaseResult."""
    result = CaseResult("", workload.name, case.name, size_label(params), PASSED, note=case.note)
    started = time.perf_counter()
    reason = case.requires(params) if case.requires else None
    if reason:
        result.status, result.message = SKIPPED, reason
        return result
    try:
        state = case.setup(params) if case.setup else params
        first_timing, output = repeat_timer(lambda: case.run(state), repeat=1, warmup=False)
        verdict = case.check(output, params) if case.check else None
        if verdict is False:
            raise AssertionError("the result did not pass its check")
        if isinstance(verdict, dict):
            result.metrics = dict(verdict)
        del output
        first = first_timing.first
        # A slow case is timed once only; its first call is the measurement.
        if first >= workload.budget_seconds and not case.jit:
            timing = first_timing
        else:
            timing, _ = repeat_timer(lambda: case.run(state), repeat=workload.repeat,
                                     warmup=False, budget_seconds=workload.budget_seconds)
        result.first_s, result.min_s, result.median_s = first, timing.min, timing.median
        result.runs = len(timing.times)
    except Exception as error:  # a failing case is reported, the tour goes on
        result.status = FAILED
        text = f"{type(error).__name__}: {error}".strip()
        if isinstance(error, AssertionError) and not str(error):
            frame = traceback.extract_tb(error.__traceback__)[-1]
            text = f"AssertionError at {Path(frame.filename).name}:{frame.lineno}: {frame.line}"
        result.message = text.splitlines()[0][:300] if text else type(error).__name__
    finally:
        gc.collect()
        result.wall_s = time.perf_counter() - started
    return result


class Progress:
    """A one-line progress bar on stderr (a plain line per case when not a terminal)."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.stream = total, 0, stream
        self.tty = stream.isatty()

    def start(self, label):
        if self.tty:
            self.stream.write(f"\r\033[K{self._bar()} {label} ...")
            self.stream.flush()

    def finish(self, label, outcome):
        self.done += 1
        if self.tty:
            self.stream.write(f"\r\033[K{self._bar()} {label}: {outcome}\n")
        else:
            self.stream.write(f"{self._bar()} {label}: {outcome}\n")
        self.stream.flush()

    def _bar(self, width=20):
        filled = int(width * self.done / max(self.total, 1))
        return f"[{'#' * filled}{'.' * (width - filled)}] {self.done:>3}/{self.total}"


def matches(text, pattern):
    return pattern is None or pattern.lower() in text.lower()


def plan_benchmarks(chapters, size="quick", workload_filter=None, case_filter=None):
    """``[(chapter name, book figures, workload, params, cases)]``: what a run will do."""
    plan = []
    for chapter in chapters:
        book = load_book_figures(chapter)
        for workload in load_workloads(chapter):
            if not matches(workload.name, workload_filter):
                continue
            for params in workload.params_for(size):
                cases = [c for c in workload.cases
                         if matches(c.name, case_filter) or c.name == workload.baseline]
                plan.append((Path(chapter).name, book, workload, params, cases))
    return plan


def run_benchmarks(chapters, size="quick", workload_filter=None, case_filter=None,
                   stream=sys.stderr):
    """Run every selected case; returns the list of CaseResult in order."""
    plan = plan_benchmarks(chapters, size, workload_filter, case_filter)
    progress = Progress(sum(len(item[4]) for item in plan), stream)
    results = []
    for chapter, book, workload, params, cases in plan:
        group = []
        for case in cases:
            label = f"{chapter} · {workload.name} · {case.name} [{size_label(params)}]"
            progress.start(label)
            result = run_case(case, params, workload)
            result.chapter = chapter
            result.baseline = case.name == workload.baseline
            figure = book.get((workload.name, case.name, result.size)) or \
                book.get((workload.name, case.name, ""))
            if figure:
                result.book_speedup, result.book_source = figure
            outcome = (f"{result.min_s:.4g} s" if result.status == PASSED
                       else f"{result.status} {result.message}")
            progress.finish(label, outcome)
            group.append(result)
        base = next((r for r in group if r.baseline and r.status == PASSED), None)
        for result in group:
            if base and result.status == PASSED and result.min_s > 0:
                result.speedup = base.min_s / result.min_s
        results.extend(group)
    return results


# ---------------------------------------------------------------- reporting

def format_seconds(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.3f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3f} ms"
    return f"{seconds * 1e6:.1f} µs"


def format_speedup(value):
    if value is None:
        return "-"
    return f"{value:.3g}x" if value < 100 else f"{value:.0f}x"


def group_results(results):
    """``{(chapter, workload, size): [CaseResult, ...]}`` in run order."""
    groups = {}
    for result in results:
        groups.setdefault((result.chapter, result.workload, result.size), []).append(result)
    return groups


def table_rows(group):
    """The rows of one workload's table, each a list of cells."""
    metric_names = []
    for result in group:
        metric_names += [m for m in result.metrics if m not in metric_names]
    header = ["case", "min", "median", "first", "runs", "speedup", "book"] + metric_names + ["status"]
    rows = []
    for r in group:
        status = r.status if r.status == PASSED else f"{r.status}: {r.message}"
        book = format_speedup(r.book_speedup) if r.book_speedup else ""
        name = r.case + (" (baseline)" if r.baseline else "")
        metrics = [_format_metric(r.metrics.get(m)) for m in metric_names]
        rows.append([name, format_seconds(r.min_s), format_seconds(r.median_s),
                     format_seconds(r.first_s), str(r.runs or "-"), format_speedup(r.speedup),
                     book] + metrics + [status])
    return header, rows


def _format_metric(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def text_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def print_tables(results, stream=sys.stdout):
    for (chapter, workload, size), group in group_results(results).items():
        header, rows = table_rows(group)
        print(f"\n{chapter} · {workload} [{size}]", file=stream)
        print(text_table(header, rows), file=stream)
    failed = [r for r in results if r.status == FAILED]
    if failed:
        print(f"\n{len(failed)} case(s) FAILED:", file=stream)
        for r in failed:
            print(f"  {r.chapter} · {r.workload} · {r.case} [{r.size}]: {r.message}", file=stream)
            print(f"    rerun: hpp bench {r.chapter} --workload {shell_quote(r.workload)} "
                  f"--case {shell_quote(r.case)}", file=stream)


def shell_quote(text):
    import shlex

    return shlex.quote(text)


def library_versions(names=("numpy", "scipy", "pandas", "numexpr", "numba", "cython",
                            "matplotlib", "torch", "dask", "distributed", "joblib",
                            "scikit-learn", "line_profiler", "memory_profiler")):
    from importlib import metadata

    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return versions


def machine_info():
    """What the run was measured on: CPU, cores, memory, OS, Python, libraries, threads."""
    import os
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        pass
    threads = {k: os.environ[k] for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "MKL_NUM_THREADS",
                                          "OPENBLAS_NUM_THREADS", "NUMBA_NUM_THREADS",
                                          "NUMEXPR_NUM_THREADS", "NUMEXPR_MAX_THREADS")
               if k in os.environ}
    try:
        from threadpoolctl import threadpool_info

        threads["threadpools"] = [{"api": p.get("internal_api"), "threads": p.get("num_threads")}
                                  for p in threadpool_info()]
    except Exception:
        pass
    return {
        "cpu": cpu,
        "logical_cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": round(memory_gib, 1) if memory_gib else None,
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libraries": library_versions(),
        "threads": threads,
    }
