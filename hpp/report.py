"""Write a benchmark run to disk: ``run.json``, ``report.md`` and PNG plots."""

import json
import re
import time
from dataclasses import asdict
from pathlib import Path

from hpp.bench import CaseResult, PASSED, format_seconds, group_results, table_rows
from hpp.loader import REPO_ROOT

RESULTS_ROOT = REPO_ROOT / "results" / "bench"


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def new_run_folder(root=RESULTS_ROOT):
    """A fresh ``results/bench/YYYYmmdd-HHMMSS`` folder."""
    folder = Path(root) / time.strftime("%Y%m%d-%H%M%S")
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = Path(root) / (time.strftime("%Y%m%d-%H%M%S") + f"-{suffix}")
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
    results = [CaseResult(**r) for r in data.pop("results")]
    return data, results


def plot_group(folder, chapter, workload, size, group):
    """A bar chart of the speedups of one workload at one size; returns the PNG path or None."""
    measured = [r for r in group if r.status == PASSED and r.speedup]
    if len(measured) < 2:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r.case for r in measured]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(names) + 1.4))
    positions = range(len(names))
    ax.barh(positions, [r.speedup for r in measured], color="tab:blue", label="measured here")
    book = [(i, r.book_speedup) for i, r in enumerate(measured) if r.book_speedup]
    if book:
        ax.scatter([b for _, b in book], [i for i, _ in book], color="tab:orange",
                   marker="D", zorder=3, label="the book")
    ax.set_yticks(list(positions), names)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("speedup over the baseline (log scale)")
    ax.set_title(f"{chapter} · {workload} [{size}]", fontsize=10)
    ax.axvline(1.0, color="grey", linewidth=0.8)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    plots = Path(folder) / "plots"
    plots.mkdir(exist_ok=True)
    path = plots / f"{slug(chapter)}__{slug(workload)}__{slug(size)}.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |"
              for row in rows]
    return "\n".join(lines)


def write_report(folder, results, info):
    """Write ``report.md`` with every table and plot; returns its path."""
    machine = info["machine"]
    lines = [
        "# Benchmark report",
        "",
        f"- date: {info['date']}",
        f"- size: {info['size']}",
        f"- machine: {machine['cpu']}, {machine['usable_cores']} usable cores, "
        f"{machine['memory_gib']} GiB, {machine['os']}",
        f"- Python: {machine['python']}",
        "- libraries: " + ", ".join(f"{k} {v}" for k, v in machine["libraries"].items()),
        f"- threads: {json.dumps(machine['threads'])}",
        "",
        "Times are wall-clock seconds; *speedup* is the baseline's min time over the case's,",
        "measured in this run; *first* is the first call (for a JIT it includes compiling);",
        "*book* is the speedup the book reports on its own machine.",
    ]
    chapter = None
    for (chapter_name, workload, size), group in group_results(results).items():
        if chapter_name != chapter:
            chapter = chapter_name
            lines += ["", f"## {chapter}"]
        header, rows = table_rows(group)
        lines += ["", f"### {workload} [{size}]", "", markdown_table(header, rows)]
        sources = sorted({r.book_source for r in group if r.book_source})
        if sources:
            lines += ["", "Book figures: " + "; ".join(sources) + "."]
        plot = plot_group(folder, chapter_name, workload, size, group)
        if plot:
            lines += ["", f"![{workload}](plots/{plot.name})"]
    failed = [r for r in results if r.status != PASSED and r.status != "skipped"]
    lines += ["", "## Summary", "",
              f"{len(results)} cases: {sum(r.status == PASSED for r in results)} verified, "
              f"{len(failed)} failed, {sum(r.status == 'skipped' for r in results)} skipped."]
    total = sum((r.first_s or 0) + (r.min_s or 0) * max(r.runs - 1, 0) for r in results)
    lines.append(f"Time spent in measured calls: about {format_seconds(total)}.")
    path = Path(folder) / "report.md"
    path.write_text("\n".join(lines) + "\n")
    return path
