"""Show a benchmark run: terminal tables, ``report.md``, ``report.html`` and PNG plots.

The report opens with the headline table: the book's speedup ladders (Julia,
diffusion, pi, the crawler: the workloads declared with ``headline=``) beside
this machine's. Then, per chapter and workload, the table of times, the
speedup measured here and the book's published speedup side by side, and the
plots:

- speedup of each case over the baseline (log scale), the book's figure as a diamond;
- speedup against the workload's parameter when it runs at several sizes or
  worker counts (scaling against size or against workers);
- each extra figure a case reports in megabytes or bytes (memory against variant).

``report.html`` is rendered with jinja2 (autoescaped) and embeds its plots, so
it opens offline as one file.
"""

import base64
import json
import os
import re
import shlex
import sys
import textwrap
from pathlib import Path

from hpp.bench import label
from hpp.results import FAILED, PASSED, SKIPPED, group_results

MEMORY_METRIC = re.compile(r"(\bMB\b|\bMiB\b|\bKB\b|\bbytes?\b|\bGB\b|RAM)", re.IGNORECASE)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


# ---------------------------------------------------------------- cells and tables


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


def _format_metric(value):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def table_rows(group):
    """``(header, rows)`` of one workload's table at one parameter set."""
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
        rows.append(
            [
                name,
                format_seconds(r.min_s),
                format_seconds(r.median_s),
                format_seconds(r.first_s),
                str(r.runs or "-"),
                format_speedup(r.speedup),
                book,
            ]
            + metrics
            + [status]
        )
    return header, rows


def text_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def headline_rows(results, headlines):
    """The headline table: each declared ladder's cases, the book's speedup beside this machine's.

    ``headlines`` is ``[{"title", "chapter", "workload"}]`` (saved in run.json).
    For a workload run at several parameter sets, the set with the most book
    figures (the largest on a tie) stands for it.
    """
    header = ["ladder", "case", "parameters", "book", "here", "time here"]
    rows = []
    groups = group_results(results)
    for entry in headlines:
        candidates = [
            g
            for (chapter, workload, _), g in groups.items()
            if (chapter, workload) == (entry["chapter"], entry["workload"])
        ]
        if not candidates:
            continue
        group = max(reversed(candidates), key=lambda g: sum(bool(r.book_speedup) for r in g))
        first = True
        for r in group:
            if r.status != PASSED and not r.book_speedup:
                continue
            here = format_speedup(r.speedup) if r.status == PASSED else r.status
            rows.append(
                [
                    entry["title"] if first else "",
                    r.case + (" (baseline)" if r.baseline else ""),
                    r.label if first else "",
                    format_speedup(r.book_speedup) if r.book_speedup else "",
                    here,
                    format_seconds(r.min_s),
                ]
            )
            first = False
    return header, rows


def print_tables(results, stream=None):
    """The run's tables and its failures (with the command that reruns each) on the terminal."""
    stream = stream or sys.stdout
    for group in group_results(results).values():
        r = group[0]
        header, rows = table_rows(group)
        print(f"\n{r.chapter} · {r.workload} [{r.label}]", file=stream)
        print(text_table(header, rows), file=stream)
    failed = [r for r in results if r.status == FAILED]
    if failed:
        print(f"\n{len(failed)} case(s) FAILED:", file=stream)
        for r in failed:
            print(f"  {r.chapter} · {r.workload} · {r.case} [{r.label}]: {r.message}", file=stream)
            print(
                f"    rerun: hpp bench {r.chapter} --workload {shlex.quote(r.workload)} "
                f"--case {shlex.quote(r.case)}",
                file=stream,
            )


# ---------------------------------------------------------------- plots


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _title(text, width=64):
    """A plot title wrapped to the figure's width, so that no part of it is cut off."""
    return textwrap.fill(text, width)


def _speedup_ticks(axis):
    """Label a log-scale speedup axis at 1, 2 and 5 per decade (``0.5x 1x 2x``), never crowded."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}x"))
    axis.set_minor_formatter(NullFormatter())


def _save(fig, folder, name):
    plots = Path(folder) / "plots"
    plots.mkdir(exist_ok=True)
    path = plots / f"{name}.png"
    fig.tight_layout()
    fig.savefig(path, dpi=100, bbox_inches="tight")
    _pyplot().close(fig)
    return path


def plot_speedups(folder, group):
    """Bars of each case's speedup over the baseline; the book's figure as a diamond."""
    measured = [r for r in group if r.status == PASSED and r.speedup]
    if len(measured) < 2:
        return None
    first = measured[0]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(measured) + 1.6))
    positions = list(range(len(measured)))
    ax.barh(positions, [r.speedup for r in measured], color="tab:blue", label="measured here")
    book = [(i, r.book_speedup) for i, r in enumerate(measured) if r.book_speedup]
    if book:
        ax.scatter(
            [b for _, b in book],
            [i for i, _ in book],
            color="tab:orange",
            marker="D",
            zorder=3,
            label="the book",
        )
    ax.set_yticks(positions, [r.case for r in measured])
    ax.invert_yaxis()
    ax.set_xscale("log")
    _speedup_ticks(ax.xaxis)
    ax.set_xlabel("speedup over the baseline (log scale)")
    ax.set_title(_title(f"{first.chapter} · {first.workload} [{first.label}]"), fontsize=10)
    ax.axvline(1.0, color="grey", linewidth=0.8)
    ax.legend(loc="lower right", fontsize=8)
    return _save(fig, folder, f"{slug(first.chapter)}__{slug(first.workload)}__{slug(first.label)}")


def varying_parameter(param_sets):
    """The name of the parameter that changes between a workload's parameter sets, if exactly one does."""
    keys = [k for k in (param_sets[0] if param_sets else {}) if len({repr(p.get(k)) for p in param_sets}) > 1]
    return keys[0] if len(keys) == 1 else None


def plot_scaling(folder, groups):
    """Speedup (or time) of each case against the parameter that varies between parameter sets."""
    if len(groups) < 2:
        return None
    first = groups[0][0]
    param_sets = [g[0].params for g in groups]
    key = varying_parameter(param_sets)
    values = [p.get(key) if key else label(p) for p in param_sets]
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    xs = [float(v) for v in values] if numeric else list(range(len(values)))
    cases = []
    for group in groups:
        cases += [r.case for r in group if r.case not in cases]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 4.4))
    use_speedup = all(any(r.speedup for r in g) for g in groups)
    for case in cases:
        points = []
        for x, group in zip(xs, groups):
            result = next((r for r in group if r.case == case and r.status == PASSED), None)
            value = result and (result.speedup if use_speedup else result.min_s)
            if value:
                points.append((x, value))
        if points:
            ax.plot(*zip(*points), marker="o", label=case)
    ax.set_yscale("log")
    if use_speedup:
        _speedup_ticks(ax.yaxis)
    if numeric and max(xs) / max(min(xs), 1e-12) > 8:
        ax.set_xscale("log")
    if not numeric:
        ax.set_xticks(xs, [str(v) for v in values], fontsize=7)
    ax.set_xlabel(key or "parameters")
    ax.set_ylabel("speedup over the baseline" if use_speedup else "min time (s)")
    ax.set_title(_title(f"{first.chapter} · {first.workload}: against {key or 'parameters'}"), fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return _save(fig, folder, f"{slug(first.chapter)}__{slug(first.workload)}__scaling")


def plot_memory(folder, group):
    """Bars of each memory figure (MB, bytes...) the cases report."""
    names = []
    for r in group:
        names += [
            m
            for m, v in r.metrics.items()
            if MEMORY_METRIC.search(m) and isinstance(v, (int, float)) and m not in names
        ]
    if not names:
        return None
    first = group[0]
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(names), figsize=(5 * len(names), 0.45 * len(group) + 1.8), squeeze=False)
    for ax, name in zip(axes[0], names):
        rows = [(r.case, r.metrics[name]) for r in group if isinstance(r.metrics.get(name), (int, float))]
        ax.barh(range(len(rows)), [v for _, v in rows], color="tab:green")
        ax.set_yticks(range(len(rows)), [c for c, _ in rows], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(name)
    fig.suptitle(
        _title(f"{first.chapter} · {first.workload} [{first.label}]: memory", width=32 * len(names)),
        fontsize=10,
    )
    return _save(fig, folder, f"{slug(first.chapter)}__{slug(first.workload)}__{slug(first.label)}__memory")


# ---------------------------------------------------------------- the report

EXPLANATION = (
    "Times are wall-clock; *speedup* is the baseline's min time over the case's, "
    "both measured in this run; *first* is the first call (for a JIT it includes "
    "compiling); *book* is the speedup the book reports on its own machine (edition "
    "and table under each table). Your numbers depend on your CPU, caches, cores, "
    "Python and library versions: compare ratios, not seconds."
)


def build_sections(folder, results):
    """The report's content: ``[(chapter, [workload section dicts])]`` with tables and plots."""
    by_workload = {}
    for group in group_results(results).values():
        by_workload.setdefault((group[0].chapter, group[0].workload), []).append(group)
    chapters = {}
    for (chapter, workload), groups in by_workload.items():
        tables, plots = [], []
        for group in groups:
            header, rows = table_rows(group)
            sources = sorted({r.book_source for r in group if r.book_source})
            tables.append({"label": group[0].label, "header": header, "rows": rows, "sources": sources})
            plots.append(plot_speedups(folder, group))
            plots.append(plot_memory(folder, group))
        plots.append(plot_scaling(folder, groups))
        chapters.setdefault(chapter, []).append(
            {"workload": workload, "tables": tables, "plots": [p for p in plots if p]}
        )
    return list(chapters.items())


def summary_line(results):
    failed = sum(r.status == FAILED for r in results)
    skipped = sum(r.status == SKIPPED for r in results)
    verified = sum(r.status == PASSED for r in results)
    return f"{len(results)} cases: {verified} verified, {failed} failed, {skipped} skipped."


def machine_lines(info):
    machine = info["machine"]
    lines = [
        f"date: {info['date']}",
        f"size: {info['size']} (wall time {info.get('wall_seconds', '?')} s)",
        f"machine: {machine['cpu']}, {machine['usable_cores']} usable cores, "
        f"{machine['memory_gib']} GiB, {machine['os']}",
        f"Python: {machine['python']}",
        "libraries: " + ", ".join(f"{k} {v}" for k, v in machine["libraries"].items()),
        f"threads: {json.dumps(machine['threads'])}",
    ]
    if machine.get("system_check"):
        lines.append("pyperf system check (timings may be unstable): " + "; ".join(machine["system_check"]))
    return lines


def _gallery_link(folder, gallery):
    if gallery and Path(gallery).is_file():
        return os.path.relpath(Path(gallery).resolve(), Path(folder).resolve())
    return None


def render_markdown(info, headline, sections, results, gallery=None):
    lines = ["# Benchmark report", ""] + [f"- {line}" for line in machine_lines(info)]
    lines += ["", EXPLANATION]
    if gallery:
        lines += ["", f"The book's figures, drawn on this machine: [the gallery]({gallery})."]
    if headline[1]:
        lines += ["", "## The book's ladders and this machine's", "", markdown_table(*headline)]
    for chapter, workloads in sections:
        lines += ["", f"## {chapter}"]
        for section in workloads:
            lines += ["", f"### {section['workload']}"]
            for table in section["tables"]:
                lines += ["", f"[{table['label']}]", "", markdown_table(table["header"], table["rows"])]
                if table["sources"]:
                    lines += ["", "Book figures: " + "; ".join(table["sources"]) + "."]
            for plot in section["plots"]:
                lines += ["", f"![{section['workload']}](plots/{plot.name})"]
    lines += ["", "## Summary", "", summary_line(results)]
    return "\n".join(lines) + "\n"


HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Benchmark report</title>
<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin:.5em 0;font-size:90%}
td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}
th{background:#f0f0f0}.FAILED{color:#b00;font-weight:bold}img{max-width:100%}</style>
</head><body>
<h1>Benchmark report</h1>
<ul>{% for line in machine %}<li>{{ line }}</li>{% endfor %}</ul>
<p>{{ explanation }}</p>
{% if gallery %}<p>The book's figures, drawn on this machine:
<a href="{{ gallery }}">the gallery</a>.</p>{% endif %}
{% macro table(header, rows) %}<table><tr>{% for h in header %}<th>{{ h }}</th>{% endfor %}</tr>
{% for row in rows %}<tr class="{{ 'FAILED' if row[-1].startswith('FAILED') else '' }}">
{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</table>{% endmacro %}
{% if headline[1] %}<h2 id="headline">The book's ladders and this machine's</h2>
{{ table(headline[0], headline[1]) }}{% endif %}
{% for chapter, workloads in sections %}<h2 id="{{ chapter | slug }}">{{ chapter }}</h2>
{% for section in workloads %}<h3>{{ section.workload }}</h3>
{% for t in section.tables %}<p>[{{ t.label }}]</p>
{{ table(t.header, t.rows) }}
{% if t.sources %}<p>Book figures: {{ t.sources | join('; ') }}.</p>{% endif %}
{% endfor %}{% for plot in section.plots %}
<img alt="{{ section.workload }}" src="data:image/png;base64,{{ plot | base64 }}">
{% endfor %}{% endfor %}{% endfor %}
<h2>Summary</h2><p>{{ summary }}</p>
</body></html>
"""


def render_html(info, headline, sections, results, gallery=None):
    import jinja2

    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["slug"] = slug
    environment.filters["base64"] = lambda path: base64.b64encode(Path(path).read_bytes()).decode()
    headline_cells = (headline[0], [[str(c) for c in row] for row in headline[1]])
    sections = [
        (
            chapter,
            [
                dict(
                    s,
                    tables=[dict(t, rows=[[str(c) for c in row] for row in t["rows"]]) for t in s["tables"]],
                )
                for s in workloads
            ],
        )
        for chapter, workloads in sections
    ]
    return environment.from_string(HTML_TEMPLATE).render(
        machine=machine_lines(info),
        explanation=EXPLANATION.replace("*", ""),
        gallery=gallery,
        headline=headline_cells,
        sections=sections,
        summary=summary_line(results),
    )


def write_report(folder, results, info, gallery=None):
    """Write ``report.md`` and ``report.html`` (plots embedded); returns the Markdown path.

    ``gallery``: the figures' ``index.html`` (``hpp figures``), linked when it exists.
    """
    folder = Path(folder)
    sections = build_sections(folder, results)
    headline = headline_rows(results, info.get("headlines", []))
    link = _gallery_link(folder, gallery)
    (folder / "report.html").write_text(render_html(info, headline, sections, results, link))
    path = folder / "report.md"
    path.write_text(render_markdown(info, headline, sections, results, link))
    return path
