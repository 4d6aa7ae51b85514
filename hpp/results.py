"""A benchmark run as data: each case's :class:`CaseResult`, the machine, ``run.json`` on disk.

- ``CaseResult``: one case at one parameter set (the parameters kept as a dict);
- ``machine_info()``: CPU, cores, memory, Python, libraries, thread settings and
  pyperf's system check (``python -m pyperf system show``: what would make
  timings unstable here, such as CPU frequency scaling or no isolated CPU);
- ``save_run`` / ``load_run`` / ``saved_runs``: ``results/bench/DATE/run.json``;
- ``estimate_seconds``: how long a plan will take, from earlier runs.

Statistics are min and median of the repeats (``hpp.timing``); pyperf's
``Runner`` is not used for the timing itself: it runs every benchmark in
fresh worker processes with calibration (the right tool for one
micro-benchmark, but minutes per case), and cannot time a call on state
built in this process (a pool, a server, a compiled function).
"""

import contextlib
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from hpp.bench import label
from hpp.loader import REPO_ROOT

RESULTS_ROOT = REPO_ROOT / "results" / "bench"
PASSED, FAILED, SKIPPED = "ok", "FAILED", "skipped"


@dataclass
class CaseResult:
    """What one case did at one parameter set."""

    chapter: str
    workload: str
    case: str
    params: dict
    status: str = PASSED
    first_s: float | None = None
    min_s: float | None = None
    median_s: float | None = None
    runs: int = 0
    wall_s: float | None = None
    speedup: float | None = None
    metrics: dict = field(default_factory=dict)
    message: str = ""
    note: str = ""
    baseline: bool = False
    book_speedup: float | None = None
    book_source: str = ""

    @property
    def label(self):
        """The parameters as a reader sees them (display only)."""
        return label(self.params)

    @property
    def key(self):
        """``(chapter, workload, case, params)`` as a hashable tuple: the case's identity across runs."""
        return self.chapter, self.workload, self.case, params_key(self.params)


def params_key(params):
    """A hashable form of a parameter dict (order-independent)."""
    return tuple(sorted(params.items()))


def group_results(results):
    """``{(chapter, workload, params key): [CaseResult, ...]}`` in run order."""
    groups = {}
    for result in results:
        key = (result.chapter, result.workload, params_key(result.params))
        groups.setdefault(key, []).append(result)
    return groups


# ---------------------------------------------------------------- runs on disk


def new_run_folder(root=RESULTS_ROOT):
    """A fresh ``results/bench/YYYYmmdd-HHMMSS`` folder."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder, suffix = Path(root) / stamp, 1
    while folder.exists():
        suffix += 1
        folder = Path(root) / f"{stamp}-{suffix}"
    folder.mkdir(parents=True)
    return folder


def save_run(folder, results, info):
    """Write ``run.json``: the machine, the settings and every case's figures."""
    data = dict(info, results=[asdict(r) for r in results])
    path = Path(folder) / "run.json"
    path.write_text(json.dumps(data, indent=2, default=str))
    return path


def load_run(path):
    """Read a ``run.json`` (or the folder holding one): ``(info, [CaseResult])``."""
    path = Path(path)
    if path.is_dir():
        path = path / "run.json"
    data = json.loads(path.read_text())
    names = {f.name for f in fields(CaseResult)}
    results = [
        CaseResult(**{k: v for k, v in row.items() if k in names})
        for row in data.pop("results")
        if "params" in row
    ]
    return data, results


def saved_runs(root=RESULTS_ROOT):
    """Every saved run folder under ``root``, oldest first."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "run.json").is_file())


def estimate_seconds(plan, size, root=RESULTS_ROOT):
    """``(seconds, workloads without an estimate)`` for running ``plan`` (PlanItems) at ``size``.

    A case's time comes from the latest saved run at the same size; failing
    that, a workload's time is its latest quick run times its ``book_factor``.
    """
    same, quick = {}, {}
    for folder in saved_runs(root):
        try:
            info, results = load_run(folder)
        except (OSError, ValueError, TypeError, KeyError):
            continue
        target = same if info.get("size") == size else quick if info.get("size") == "quick" else None
        if target is None:
            continue
        for r in results:
            if r.wall_s is not None:
                target[r.key] = r.wall_s
    total, unknown, scaled = 0.0, [], set()
    for item in plan:
        chapter, workload = item.chapter_name, item.workload
        keys = [(chapter, workload.name, case.name, params_key(item.params)) for case in item.cases]
        if all(k in same for k in keys):
            total += sum(same[k] for k in keys)
            continue
        if (chapter, workload.name) in scaled:
            continue
        earlier = [t for (c, w, _, _), t in quick.items() if (c, w) == (chapter, workload.name)]
        factor = 1.0 if size == "quick" else workload.book_factor
        if earlier and factor:
            total += sum(earlier) * factor
            scaled.add((chapter, workload.name))
        else:
            unknown.append(f"{chapter} · {workload.name}")
    return total, sorted(set(unknown))


# ---------------------------------------------------------------- the machine


def library_versions(
    names=(
        "numpy",
        "scipy",
        "pandas",
        "numexpr",
        "numba",
        "cython",
        "matplotlib",
        "torch",
        "dask",
        "distributed",
        "joblib",
        "scikit-learn",
        "line_profiler",
        "memory_profiler",
    ),
):
    from importlib import metadata

    versions = {}
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return versions


def system_check(timeout=30):
    """pyperf's advice on this machine's stability for benchmarks: a list of lines (may be empty).

    Runs ``python -m pyperf system show`` and keeps its "Advices" and "Errors"
    sections (CPU frequency scaling, Turbo Boost, isolated CPUs...).
    """
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "pyperf", "system", "show"],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    lines, keep = [], False
    for line in completed.stdout.splitlines():
        if re.fullmatch(r"=+", line.strip()):
            continue
        if line.strip() in ("Advices", "Errors", "Warnings", "System state"):
            keep = line.strip() in ("Advices", "Errors")
            continue
        if keep and line.strip() and not line.startswith("Run "):
            lines.append(line.strip())
    return lines


def machine_info():
    """What the run was measured on: CPU, cores, memory, OS, Python, libraries, threads."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    threads = {
        k: os.environ[k]
        for k in (
            "OMP_NUM_THREADS",
            "OMP_WAIT_POLICY",
            "MKL_NUM_THREADS",
            "OPENBLAS_NUM_THREADS",
            "NUMBA_NUM_THREADS",
            "NUMEXPR_NUM_THREADS",
            "NUMEXPR_MAX_THREADS",
        )
        if k in os.environ
    }
    try:
        from threadpoolctl import threadpool_info

        threads["threadpools"] = [
            {"api": p.get("internal_api"), "threads": p.get("num_threads")} for p in threadpool_info()
        ]
    except Exception:  # threadpoolctl is optional and may fail on exotic builds: the report goes on
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
        "system_check": system_check(),
    }
