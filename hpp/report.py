"""Write a benchmark run to disk: ``run.json``, ``report.md``, ``report.html`` and PNG plots.

The report has, per chapter and workload, the table of times, the speedup
measured here and the book's published speedup side by side, and the plots:

- speedup of each case over the baseline (log scale), the book's figure as a diamond;
- speedup against the workload's parameter when it runs at several sizes or
  worker counts (scaling against size or against workers);
- each extra figure a case reports in megabytes or bytes (memory against variant).

``report.html`` holds the same content with the plots embedded, so it opens
offline as one file.
"""

import base64
import html
import json
import re
import time
from dataclasses import asdict
from pathlib import Path

from hpp.bench import CaseResult, PASSED, SKIPPED, FAILED, format_seconds, group_results, table_rows
from hpp.loader import REPO_ROOT

RESULTS_ROOT = REPO_ROOT / "results" / "bench"
MEMORY_METRIC = re.compile(r"(\bMB\b|\bMiB\b|\bKB\b|\bbytes?\b|\bGB\b|RAM)", re.IGNORECASE)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


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
    results = [CaseResult(**r) for r in data.pop("results")]
    return data, results


def saved_runs(root=RESULTS_ROOT):
    """Every saved run folder under ``root``, oldest first."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "run.json").is_file())


# ---------------------------------------------------------------- plots

def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, folder, name):
    plots = Path(folder) / "plots"
    plots.mkdir(exist_ok=True)
    path = plots / f"{name}.png"
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    _pyplot().close(fig)
    return path


def plot_speedups(folder, chapter, workload, size, group):
    """Bars of each case's speedup over the baseline; the book's figure as a diamond."""
    measured = [r for r in group if r.status == PASSED and r.speedup]
    if len(measured) < 2:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(measured) + 1.4))
    positions = list(range(len(measured)))
    ax.barh(positions, [r.speedup for r in measured], color="tab:blue", label="measured here")
    book = [(i, r.book_speedup) for i, r in enumerate(measured) if r.book_speedup]
    if book:
        ax.scatter([b for _, b in book], [i for i, _ in book], color="tab:orange",
                   marker="D", zorder=3, label="the book")
    ax.set_yticks(positions, [r.case for r in measured])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("speedup over the baseline (log scale)")
    ax.set_title(f"{chapter} · {workload} [{size}]", fontsize=10)
    ax.axvline(1.0, color="grey", linewidth=0.8)
    ax.legend(loc="lower right", fontsize=8)
    return _save(fig, folder, f"{slug(chapter)}__{slug(workload)}__{slug(size)}")


def varying_parameter(groups):
    """The name of the parameter that changes between a workload's sizes, if exactly one does."""
    parsed = [dict(part.split("=", 1) for part in size.split(", ") if "=" in part)
              for size in groups]
    keys = [k for k in (parsed[0] if parsed else {}) if len({p.get(k) for p in parsed}) > 1]
    return keys[0] if len(keys) == 1 else None, parsed


def plot_scaling(folder, chapter, workload, groups):
    """Speedup (or time) of each case against the parameter that varies between sizes."""
    if len(groups) < 2:
        return None
    key, parsed = varying_parameter(list(groups))
    labels = [p.get(key, size) if key else size for p, size in zip(parsed, groups)]
    try:
        xs = [float(label) for label in labels]
        numeric = True
    except ValueError:
        xs, numeric = list(range(len(labels))), False
    cases = []
    for group in groups.values():
        cases += [r.case for r in group if r.case not in cases]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 4.2))
    use_speedup = all(any(r.speedup for r in g) for g in groups.values())
    for case in cases:
        points = []
        for x, group in zip(xs, groups.values()):
            result = next((r for r in group if r.case == case and r.status == PASSED), None)
            value = result and (result.speedup if use_speedup else result.min_s)
            if value:
                points.append((x, value))
        if points:
            ax.plot(*zip(*points), marker="o", label=case)
    ax.set_yscale("log")
    if numeric and max(xs) / max(min(xs), 1e-12) > 8:
        ax.set_xscale("log")
    if not numeric:
        ax.set_xticks(xs, labels, fontsize=7)
    ax.set_xlabel(key or "size")
    ax.set_ylabel("speedup over the baseline" if use_speedup else "min time (s)")
    ax.set_title(f"{chapter} · {workload}: against {key or 'size'}", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return _save(fig, folder, f"{slug(chapter)}__{slug(workload)}__scaling")


def plot_memory(folder, chapter, workload, size, group):
    """Bars of each memory figure (MB, bytes...) the cases report."""
    names = []
    for r in group:
        names += [m for m, v in r.metrics.items()
                  if MEMORY_METRIC.search(m) and isinstance(v, (int, float)) and m not in names]
    if not names:
        return None
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(names), figsize=(5 * len(names), 0.45 * len(group) + 1.4),
                             squeeze=False)
    for ax, name in zip(axes[0], names):
        rows = [(r.case, r.metrics[name]) for r in group
                if isinstance(r.metrics.get(name), (int, float))]
        ax.barh(range(len(rows)), [v for _, v in rows], color="tab:green")
        ax.set_yticks(range(len(rows)), [c for c, _ in rows], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(name)
    fig.suptitle(f"{chapter} · {workload} [{size}]: memory", fontsize=10)
    return _save(fig, folder, f"{slug(chapter)}__{slug(workload)}__{slug(size)}__memory")


# ---------------------------------------------------------------- report

def build_sections(folder, results):
    """The report's content: ``[(chapter, [workload section dicts])]`` with tables and plots."""
    chapters = {}
    by_workload = {}
    for (chapter, workload, size), group in group_results(results).items():
        by_workload.setdefault((chapter, workload), {})[size] = group
    for (chapter, workload), groups in by_workload.items():
        tables = []
        plots = []
        for size, group in groups.items():
            header, rows = table_rows(group)
            sources = sorted({r.book_source for r in group if r.book_source})
            tables.append({"size": size, "header": header, "rows": rows, "sources": sources})
            plots.append(plot_speedups(folder, chapter, workload, size, group))
            plots.append(plot_memory(folder, chapter, workload, size, group))
        plots.append(plot_scaling(folder, chapter, workload, groups))
        chapters.setdefault(chapter, []).append(
            {"workload": workload, "tables": tables, "plots": [p for p in plots if p]})
    return list(chapters.items())


def summary_line(results):
    failed = sum(r.status == FAILED for r in results)
    skipped = sum(r.status == SKIPPED for r in results)
    verified = sum(r.status == PASSED for r in results)
    return f"{len(results)} cases: {verified} verified, {failed} failed, {skipped} skipped."


def machine_lines(info):
    machine = info["machine"]
    return [
        f"date: {info['date']}",
        f"size: {info['size']} (wall time {info.get('wall_seconds', '?')} s)",
        f"machine: {machine['cpu']}, {machine['usable_cores']} usable cores, "
        f"{machine['memory_gib']} GiB, {machine['os']}",
        f"Python: {machine['python']}",
        "libraries: " + ", ".join(f"{k} {v}" for k, v in machine["libraries"].items()),
        f"threads: {json.dumps(machine['threads'])}",
    ]


EXPLANATION = ("Times are wall-clock; *speedup* is the baseline's min time over the case's, "
               "both measured in this run; *first* is the first call (for a JIT it includes "
               "compiling); *book* is the speedup the book reports on its own machine (edition "
               "and table under each table). Your numbers depend on your CPU, caches, cores, "
               "Python and library versions: compare ratios, not seconds.")


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |"
              for row in rows]
    return "\n".join(lines)


def render_markdown(info, sections, results):
    lines = ["# Benchmark report", ""] + [f"- {line}" for line in machine_lines(info)]
    lines += ["", EXPLANATION]
    for chapter, workloads in sections:
        lines += ["", f"## {chapter}"]
        for section in workloads:
            lines += ["", f"### {section['workload']}"]
            for table in section["tables"]:
                lines += ["", f"[{table['size']}]", "",
                          markdown_table(table["header"], table["rows"])]
                if table["sources"]:
                    lines += ["", "Book figures: " + "; ".join(table["sources"]) + "."]
            for plot in section["plots"]:
                lines += ["", f"![{section['workload']}](plots/{plot.name})"]
    lines += ["", "## Summary", "", summary_line(results)]
    return "\n".join(lines) + "\n"


def render_html(info, sections, results):
    e = html.escape
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<title>Benchmark report</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse;margin:.5em 0;font-size:90%}"
             "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
             "th{background:#f0f0f0}.FAILED{color:#b00;font-weight:bold}"
             "img{max-width:100%}</style></head><body>",
             "<h1>Benchmark report</h1><ul>"]
    parts += [f"<li>{e(line)}</li>" for line in machine_lines(info)]
    parts += ["</ul>", f"<p>{e(EXPLANATION).replace('*', '')}</p>"]
    for chapter, workloads in sections:
        parts.append(f"<h2 id='{slug(chapter)}'>{e(chapter)}</h2>")
        for section in workloads:
            parts.append(f"<h3>{e(section['workload'])}</h3>")
            for table in section["tables"]:
                parts.append(f"<p>[{e(table['size'])}]</p><table><tr>")
                parts += [f"<th>{e(h)}</th>" for h in table["header"]]
                parts.append("</tr>")
                for row in table["rows"]:
                    status = "FAILED" if str(row[-1]).startswith("FAILED") else ""
                    parts.append(f"<tr class='{status}'>" +
                                 "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>")
                parts.append("</table>")
                if table["sources"]:
                    parts.append(f"<p>Book figures: {e('; '.join(table['sources']))}.</p>")
            for plot in section["plots"]:
                data = base64.b64encode(Path(plot).read_bytes()).decode()
                parts.append(f"<img alt='{e(section['workload'])}' "
                             f"src='data:image/png;base64,{data}'>")
    parts += [f"<h2>Summary</h2><p>{e(summary_line(results))}</p>", "</body></html>"]
    return "\n".join(parts) + "\n"


def write_report(folder, results, info):
    """Write ``report.md`` and ``report.html`` (plots embedded); returns the Markdown path."""
    folder = Path(folder)
    sections = build_sections(folder, results)
    (folder / "report.html").write_text(render_html(info, sections, results))
    path = folder / "report.md"
    path.write_text(render_markdown(info, sections, results))
    return path


# ---------------------------------------------------------------- estimate

def estimate_seconds(plan, size, root=RESULTS_ROOT):
    """``(seconds, workloads without an estimate)`` for running ``plan`` at ``size``.

    A case's time comes from the latest saved run at the same size; failing
    that, a workload's time is its latest quick run times its ``book_factor``.
    """
    from hpp.bench import size_label

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
                target[(r.chapter, r.workload, r.case, r.size)] = r.wall_s
    total, unknown, scaled = 0.0, [], set()
    for chapter, _, workload, params, cases in plan:
        keys = [(chapter, workload.name, case.name, size_label(params)) for case in cases]
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
