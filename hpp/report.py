"""Show a benchmark run: terminal tables, ``report.md``, ``report.html`` and PNG plots.

The report opens with what a reader looks for first: the verdict (cases
verified, failed, skipped and why, in short), the contents (a link to every
chapter and workload), then the headline table: the book's speedup ladders
(Julia, diffusion, pi, the crawler: the workloads declared with ``headline=``)
beside this machine's, a skipped case's reason in its note. Then the machine
in words (threads, BLAS, pyperf's advice as one sentence with a link), and
per chapter and workload the table of times, the speedup measured here and
the book's published speedup side by side (status alone in its column, the
reason in full in the last, ``note``), and the plots:

- speedup of each case over the baseline, its value at the bar's end, the book's figure as a diamond;
- speedup against the workload's parameter when it runs at several sizes or
  worker counts (scaling against size or against workers); a parameter that
  names cases rather than a scale (three numbers to test) is a categorical axis;
- each extra figure a case reports in megabytes or bytes (memory against variant).

A value axis is linear when its values span less than 10x (a log axis would
label a single tick) and log beyond, with a few labels written in plain
numbers; labels that would overlap are dropped. Plots are saved at 150 dpi
and shown at 100 dpi's size.

``report.html`` is rendered with jinja2 (autoescaped) and embeds its plots, so
it opens offline as one file.
"""

import base64
import math
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


def case_note(result):
    """A case's note column: why it was skipped or failed (in full), then the case's own note."""
    message = result.message if result.status != PASSED else ""
    if message and result.note:
        return f"{message} ({result.note})"
    return message or result.note


def short_reason(message, width=40):
    """A reason's first clause: ``needs PyTorch`` of ``needs PyTorch: pip install -e '.[gpu]' (...)``."""
    first = re.split(r":\s|;\s|\s\(|\s—\s", message.strip(), maxsplit=1)[0].strip()
    return textwrap.shorten(first, width, placeholder=" …") if first else ""


def table_rows(group):
    """``(header, rows)`` of one workload's table at one parameter set.

    The status column holds ``ok``, ``skipped`` or ``FAILED`` alone; the reason,
    however long, goes in the last column (``note``), away from the times.
    """
    metric_names = []
    for result in group:
        metric_names += [m for m in result.metrics if m not in metric_names]
    header = ["case", "min", "median", "first", "runs", "speedup", "book"] + metric_names + ["status", "note"]
    rows = []
    for r in group:
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
            + [r.status, case_note(r)]
        )
    return _without_empty_note(header, rows)


def _without_empty_note(header, rows):
    """Drop the last column, ``note``, when no row has one."""
    if header[-1] == "note" and not any(row[-1] for row in rows):
        return header[:-1], [row[:-1] for row in rows]
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
    figures (the largest on a tie) stands for it. A case that did not run
    says why in the note, in short (the chapter's table has it in full).
    """
    header = ["ladder", "case", "parameters", "book", "here", "time here", "note"]
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
                    short_reason(r.message) if r.status != PASSED else "",
                ]
            )
            first = False
    return _without_empty_note(header, rows)


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

#: Plots are saved at this resolution; the page shows them at 100 dpi's size, sharp on any screen.
DPI = 150
#: A value axis spanning less than this ratio (max over min) is linear: a log axis would label one tick.
LOG_SPAN = 10
MARKERS = "osD^vP*Xh<>"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _title(text, width=64):
    """A plot title wrapped to the figure's width, so that no part of it is cut off."""
    return textwrap.fill(text, width)


def number_text(value):
    """A tick value as a reader writes it: ``0.0005``, ``1.5``, ``2,000,000``; powers of ten beyond.

    Never ``5e-05`` nor an offset (``1e14`` in the corner): the value is in the label itself.
    """
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)) + 1e-9)
    if -4 <= exponent < 7:
        return f"{value:,.7g}"
    mantissa = round(value / 10**exponent, 2)
    if mantissa == 1:
        return f"$10^{{{exponent}}}$"
    return f"${mantissa:g}\\times10^{{{exponent}}}$"


def speedup_text(value):
    return number_text(value) + "x"


def seconds_text(value):
    """A time tick: ``500 µs``, ``12 ms``, ``1.5 s``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if abs(value) >= scale:
            return f"{number_text(value / scale)} {unit}"
    return f"{number_text(value * 1e9)} ns" if value else "0 s"


def value_scale(values):
    """``"log"`` for positive values spanning ``LOG_SPAN`` or more, else ``"linear"``.

    On a log axis a span of 1x to 1.6x has a single labelled tick and a 1.32x
    bar looks like 10x; a linear axis shows it as it is.
    """
    positive = [v for v in values if v is not None and v > 0]
    if not positive or max(positive) / min(positive) < LOG_SPAN:
        return "linear"
    return "log"


def value_axis(ax, which, values, text=speedup_text, bars=False, scale=None):
    """Set the scale, limits and ticks of a value axis (``"x"`` or ``"y"``) to show ``values``.

    Linear below ``LOG_SPAN`` (about six labelled ticks), else log with ticks
    at 1, 2 and 5 per decade over at most two decades and at the powers of
    ten beyond (at most nine labels); ``text`` writes each label.
    ``bars``: a bar starts at 0 on a linear axis, at 1 (the baseline) on a log one.
    ``scale`` forces ``"linear"`` or ``"log"``. Returns the scale.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter, NullLocator

    axis = ax.xaxis if which == "x" else ax.yaxis
    set_limits = ax.set_xlim if which == "x" else ax.set_ylim
    scale = scale or value_scale(values)
    (ax.set_xscale if which == "x" else ax.set_yscale)(scale)
    positive = [v for v in values if v is not None and v > 0] or [1.0]
    low, high = min(positive), max(positive)
    if scale == "linear":
        axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        axis.set_minor_locator(NullLocator())
        if bars:  # room for the value written at the end of the longest bar
            set_limits(0, high * 1.22)
        else:
            pad = (high - low) * 0.12 or high * 0.12
            set_limits(max(low - pad, 0), high + pad)
    else:
        decades = math.log10(high / low)
        subs = (1.0, 2.0, 5.0) if decades <= 2 else (1.0,)
        axis.set_major_locator(LogLocator(base=10, subs=subs, numticks=9))
        axis.set_minor_locator(LogLocator(base=10, subs=tuple(range(2, 10)), numticks=12))
        axis.set_minor_formatter(NullFormatter())
        # bars: room for the value written at the end of each (left of a bar under 1x)
        set_limits(low / (4 if bars and low < 1 else 1.5), high * (4 if bars else 1.5))
    axis.set_major_formatter(FuncFormatter(lambda value, _: text(value)))
    return scale


def tick_labels(axis):
    """``[(position, text)]`` of an axis's labelled major ticks in view, as drawn (draw the figure first)."""
    low, high = sorted(axis.get_view_interval())
    slack = (high - low) * 1e-9
    return [
        (loc, label.get_text())
        for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
        if low - slack <= loc <= high + slack and label.get_text() and label.get_visible()
    ]


def drop_crowded_labels(fig, axes, pad=4):
    """Blank each tick label that would overlap the one before it on ``axes`` (Axis objects)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for axis in axes:
        low, high = sorted(axis.get_view_interval())
        slack = (high - low) * 1e-9
        ticks = [
            (loc, label)
            for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
            if low - slack <= loc <= high + slack
        ]
        horizontal = axis.axis_name == "x"
        kept, last_end, dropped = [], None, False
        for loc, tick_label in sorted(ticks, key=lambda item: _extent_start(item[1], renderer, horizontal)):
            text = tick_label.get_text()
            box = tick_label.get_window_extent(renderer)
            start, end = (box.x0, box.x1) if horizontal else (box.y0, box.y1)
            if text and last_end is not None and start < last_end + pad:
                text, dropped = "", True
            elif text:
                last_end = end
            kept.append((loc, text))
        if dropped:
            kept.sort()
            axis.set_ticks([loc for loc, _ in kept], [text for _, text in kept])


def _extent_start(label, renderer, horizontal):
    box = label.get_window_extent(renderer)
    return box.x0 if horizontal else box.y0


def _save(fig, folder, name, crowded=()):
    plots = Path(folder) / "plots"
    plots.mkdir(exist_ok=True)
    path = plots / f"{name}.png"
    drop_crowded_labels(fig, crowded)
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    _pyplot().close(fig)
    return path


def speedup_figure(group):
    """Bars of each case's speedup over the baseline, the value at the end; the book's as a diamond."""
    measured = [r for r in group if r.status == PASSED and r.speedup]
    if len(measured) < 2:
        return None
    first = measured[0]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(measured) + 1.5), layout="constrained")
    positions = list(range(len(measured)))
    speedups = [r.speedup for r in measured]
    book = [(i, r.book_speedup) for i, r in enumerate(measured) if r.book_speedup]
    scale = value_axis(ax, "x", speedups + [b for _, b in book] + [1.0], bars=True)
    start = 0.0 if scale == "linear" else 1.0  # on a log axis a ratio's bar starts at the baseline
    ax.barh(positions, [v - start for v in speedups], left=start, color="tab:blue", label="measured here")
    low, high = (math.log10(v) for v in ax.get_xlim()) if scale == "log" else (0, 1)
    for i, r in enumerate(measured):  # the value past the bar's end (and past the book's diamond)
        ends = [r.speedup] + ([r.book_speedup] if r.book_speedup else [])
        leftwards = scale == "log" and r.speedup < 1
        # a long bar to the left has its value inside, at its end: outside, the axis would cut it
        inside = leftwards and -math.log10(min(ends)) > 0.3 * (high - low)
        ax.annotate(
            format_speedup(r.speedup),
            (min(ends) if leftwards else max(ends), i),
            xytext=(6 if inside else -6 if leftwards else 6, 0),
            textcoords="offset points",
            ha="left" if inside or not leftwards else "right",
            va="center",
            fontsize=8,
            color="white" if inside else "black",
        )
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
    ax.set_xlabel("speedup over the baseline" + (" (log scale)" if scale == "log" else ""))
    ax.set_title(_title(f"{first.chapter} · {first.workload} [{first.label}]"), fontsize=10)
    ax.axvline(1.0, color="grey", linewidth=0.8)
    ax.grid(axis="x", alpha=0.3)
    if book:  # below the plot, where it hides no bar
        fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig


def plot_speedups(folder, group):
    """Save :func:`speedup_figure` as a PNG; its path, or None when there is nothing to compare."""
    fig = speedup_figure(group)
    if fig is None:
        return None
    first = group[0]
    name = f"{slug(first.chapter)}__{slug(first.workload)}__{slug(first.label)}"
    return _save(fig, folder, name, crowded=[fig.axes[0].xaxis])


def varying_parameter(param_sets):
    """The name of the parameter that changes between a workload's parameter sets, if exactly one does."""
    keys = [k for k in (param_sets[0] if param_sets else {}) if len({repr(p.get(k)) for p in param_sets}) > 1]
    return keys[0] if len(keys) == 1 else None


def parameter_axis(values):
    """How a scaling plot places a parameter's values (run order): ``"log"``, ``"linear"``, ``"category"``.

    A number is a scale only when the values are numbers that grow from one
    parameter set to the next and stand apart on the axis (sizes, worker
    counts); otherwise they name cases (three numbers to test for primality,
    two of them 25,000,000,xxx,xxx) and sit side by side as labels, without
    lines joining them.
    """
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    if not numeric or len(values) < 2 or any(a >= b for a, b in zip(values, values[1:])):
        return "category"
    scale = "log" if values[0] > 0 and values[-1] / values[0] >= LOG_SPAN else "linear"
    positions = [math.log10(v) for v in values] if scale == "log" else [float(v) for v in values]
    span = positions[-1] - positions[0]
    if min(b - a for a, b in zip(positions, positions[1:])) < 0.06 * span:
        return "category"
    return scale


def scaling_figure(groups):
    """Speedup (or time) of each case against the parameter that varies between parameter sets."""
    from matplotlib.ticker import NullLocator

    if len(groups) < 2:
        return None
    first = groups[0][0]
    param_sets = [g[0].params for g in groups]
    key = varying_parameter(param_sets)
    values = [p.get(key) for p in param_sets] if key else [label(p) for p in param_sets]
    placement = parameter_axis(values)
    category = placement == "category"
    xs = list(range(len(values))) if category else [float(v) for v in values]
    cases = []
    for group in groups:
        cases += [r.case for r in group if r.case not in cases]
    use_speedup = all(any(r.speedup for r in g) for g in groups)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.5 if len(cases) <= 4 else 9.5, 4.4), layout="constrained")
    colours = plt.get_cmap("tab10").colors
    drawn = []
    for i, case in enumerate(cases):
        points = []
        for x, group in zip(xs, groups):
            result = next((r for r in group if r.case == case and r.status == PASSED), None)
            value = result and (result.speedup if use_speedup else result.min_s)
            if value:
                points.append((x, value))
        if not points:
            continue
        style = {"color": colours[i % len(colours)], "marker": MARKERS[i % len(MARKERS)], "label": case}
        if category:  # side by side around each label, no line between unlike cases
            dodge = 0.5 * (i / max(len(cases) - 1, 1) - 0.5)
            ax.plot([x + dodge for x, _ in points], [v for _, v in points], linestyle="none", **style)
        else:
            ax.plot(*zip(*points), **style)
        drawn += [v for _, v in points]
    value_axis(ax, "y", drawn + ([1.0] if use_speedup else []), speedup_text if use_speedup else seconds_text)
    if category:
        width = max(12, 100 // len(values))
        ax.set_xticks(xs, [textwrap.fill(str(v), width) for v in values], fontsize=8)
        ax.set_xlim(-0.6, len(values) - 0.4)
    else:
        ax.set_xscale(placement)
        ax.set_xticks(xs, [number_text(v) for v in values])
        ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel(key or "parameters")
    ax.set_ylabel("speedup over the baseline" if use_speedup else "min time")
    title = f"{first.chapter} · {first.workload}: against {key or 'parameters'}"
    ax.set_title(_title(title, int(8.5 * fig.get_figwidth())), fontsize=10)
    if len(cases) <= 4:
        ax.legend(fontsize=8)
    else:
        fig.legend(loc="outside right upper", fontsize=8)
    ax.grid(alpha=0.3)
    return fig


def plot_scaling(folder, groups):
    """Save :func:`scaling_figure` as a PNG; its path, or None for a workload run at one parameter set."""
    fig = scaling_figure(groups)
    if fig is None:
        return None
    first = groups[0][0]
    ax = fig.axes[0]
    return _save(fig, folder, f"{slug(first.chapter)}__{slug(first.workload)}__scaling", [ax.xaxis, ax.yaxis])


def memory_figure(group):
    """Bars of each memory figure (MB, bytes...) the cases report, the value written at each bar's end."""
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
    width = max(7.5, 3.75 * len(names))
    fig, axes = plt.subplots(
        1, len(names), figsize=(width, 0.42 * len(group) + 1.5), squeeze=False, layout="constrained"
    )
    for ax, name in zip(axes[0], names):
        rows = [(r.case, r.metrics[name]) for r in group if isinstance(r.metrics.get(name), (int, float))]
        bars = ax.barh(range(len(rows)), [v for _, v in rows], color="tab:green")
        ax.bar_label(bars, labels=[number_text(float(f"{v:.3g}")) for _, v in rows], padding=3, fontsize=8)
        # memory bars start at zero on a linear axis: the sizes compare by their length
        value_axis(ax, "x", [v for _, v in rows], number_text, bars=True, scale="linear")
        ax.set_yticks(range(len(rows)), [c for c, _ in rows], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(name)
        ax.grid(axis="x", alpha=0.3)
    fig.suptitle(
        _title(f"{first.chapter} · {first.workload} [{first.label}]: memory", width=int(8.5 * width)),
        fontsize=10,
    )
    return fig


def plot_memory(folder, group):
    """Save :func:`memory_figure` as a PNG; its path, or None when the cases report no memory figure."""
    fig = memory_figure(group)
    if fig is None:
        return None
    first = group[0]
    name = f"{slug(first.chapter)}__{slug(first.workload)}__{slug(first.label)}__memory"
    return _save(fig, folder, name, [ax.xaxis for ax in fig.axes])


# ---------------------------------------------------------------- the report

EXPLANATION = (
    "Times are wall-clock; *speedup* is the baseline's min time over the case's, "
    "both measured in this run; *first* is the first call (for a JIT it includes "
    "compiling); *book* is the speedup the book reports on its own machine (edition "
    "and table under each table). Your numbers depend on your CPU, caches, cores, "
    "Python and library versions: compare ratios, not seconds."
)

#: Where pyperf explains how to make a machine steady for benchmarks (CPU isolation, frequency...).
PYPERF_TUNING_URL = "https://pyperf.readthedocs.io/en/latest/system.html"

# What pyperf's advice is about, in a reader's words (the topic before the colon of each line).
PYPERF_TOPICS = {
    "linux scheduler": "no CPU set apart for benchmarks",
    "cpu frequency": "CPU frequency scaling",
    "turbo boost": "Turbo Boost",
    "turbo boost (msr)": "Turbo Boost",
    "turbo boost (intel_pstate)": "Turbo Boost",
    "perf event": "perf's sampling rate",
    "aslr": "address space randomisation",
    "irq affinity": "interrupts on the benchmark CPUs",
    "power supply": "running on battery",
    "check nohz_full": "timer interrupts on the benchmark CPUs",
}

THREAD_VARIABLES = {
    "OMP_NUM_THREADS": "OpenMP",
    "MKL_NUM_THREADS": "MKL",
    "OPENBLAS_NUM_THREADS": "OpenBLAS",
    "NUMBA_NUM_THREADS": "Numba",
    "NUMEXPR_NUM_THREADS": "NumExpr",
    "NUMEXPR_MAX_THREADS": "NumExpr (at most)",
}
THREAD_POOLS = {"openblas": "OpenBLAS", "mkl": "MKL", "blis": "BLIS", "openmp": "the OpenMP runtime"}


def workload_anchor(chapter, workload):
    """The HTML id of a workload's section: ``06-matrix--diffusion-2d``."""
    return f"{slug(chapter)}--{slug(workload)}"


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
            {
                "workload": workload,
                "anchor": workload_anchor(chapter, workload),
                "tables": tables,
                "plots": [p for p in plots if p],
            }
        )
    return list(chapters.items())


def summary_line(results):
    failed = sum(r.status == FAILED for r in results)
    skipped = sum(r.status == SKIPPED for r in results)
    verified = sum(r.status == PASSED for r in results)
    return f"{len(results)} cases: {verified} verified, {failed} failed, {skipped} skipped."


def skip_reasons(results):
    """``[(short reason, count)]`` of the skipped cases, the most frequent first."""
    counts = {}
    for r in results:
        if r.status == SKIPPED:
            reason = short_reason(r.message) or "no reason given"
            counts[reason] = counts.get(reason, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def verdict(info, results):
    """The report's first lines: ``{"line", "context", "failed": [...], "skipped": [...], "ok"}``."""
    machine = info.get("machine", {})
    cores = machine.get("usable_cores")
    context = f"Measured at the {info.get('size', '?')} size on {machine.get('cpu', 'an unknown CPU')}"
    context += f" ({cores} usable cores)" if cores else ""
    context += f", {info['date']}." if info.get("date") else "."
    failed = [
        {
            "text": f"{r.chapter} · {r.workload} · {r.case} [{r.label}]: {r.message}",
            "anchor": workload_anchor(r.chapter, r.workload),
            "rerun": f"hpp bench {r.chapter} --workload {shlex.quote(r.workload)} "
            f"--case {shlex.quote(r.case)}",
        }
        for r in results
        if r.status == FAILED
    ]
    skipped = [f"{reason} ({count})" for reason, count in skip_reasons(results)]
    return {"line": summary_line(results), "context": context, "failed": failed, "skipped": skipped}


def threads_text(threads):
    """The run's thread settings in words: ``BLAS: OpenBLAS, 2 threads; idle OpenMP threads sleep ...``."""
    parts, pools = [], {}
    for pool in threads.get("threadpools") or []:
        key = (pool.get("api"), pool.get("threads"))
        pools[key] = pools.get(key, 0) + 1
    for (api, count), libraries in pools.items():
        name = THREAD_POOLS.get(api, str(api))
        kind = "BLAS: " if api in ("openblas", "mkl", "blis") else ""
        times = f" (in {libraries} libraries)" if libraries > 1 else ""
        parts.append(f"{kind}{name}, {count} threads{times}")
    for variable, name in THREAD_VARIABLES.items():
        if variable in threads:
            parts.append(f"{name} limited to {threads[variable]} threads ({variable})")
    policy = str(threads.get("OMP_WAIT_POLICY", "")).upper()
    if policy:
        doing = {"PASSIVE": "sleep", "ACTIVE": "spin"}.get(policy, "follow their policy")
        parts.append(f"idle OpenMP threads {doing} (OMP_WAIT_POLICY={threads['OMP_WAIT_POLICY']})")
    known = set(THREAD_VARIABLES) | {"OMP_WAIT_POLICY", "threadpools"}
    parts += [f"{key}={value}" for key, value in threads.items() if key not in known]
    return "; ".join(parts) if parts else "each library's default (no thread setting found)"


def stability_note(info):
    """pyperf's advice as one sentence a reader can act on, or None: ``{"text", "link", "url", "end"}``."""
    advice = info.get("machine", {}).get("system_check") or []
    if not advice:
        return None
    topics = []
    for line in advice:
        topic = line.split(":", 1)[0].strip() if ":" in line else line
        words = PYPERF_TOPICS.get(topic.lower(), topic)
        if words not in topics:
            topics.append(words)
    return {
        "text": (
            f"pyperf finds this machine not tuned for benchmarks ({', '.join(topics)}), so a time "
            "may vary by a few percent from run to run (the speedups, both measured in the same run, "
            "vary less); to steady it, follow "
        ),
        "link": "pyperf's guide to tuning a system for benchmarks",
        "url": PYPERF_TUNING_URL,
        "end": " (python -m pyperf system tune, as root).",
    }


def machine_lines(info):
    """The machine and the run, in words: ``[(name, text)]``."""
    machine = info["machine"]
    cores = machine.get("usable_cores")
    logical = machine.get("logical_cores")
    cores_text = f"{cores} usable cores" + (f" of {logical}" if logical and logical != cores else "")
    lines = [
        (
            "Run",
            f"{info['date']}, {info['size']} size, {info.get('wall_seconds', '?')} s of wall time",
        ),
        (
            "Machine",
            f"{machine['cpu']}, {cores_text}, {machine['memory_gib']} GiB of memory, {machine['os']}",
        ),
        ("Python", machine["python"]),
        ("Libraries", ", ".join(f"{k} {v}" for k, v in machine["libraries"].items())),
        ("Threads", threads_text(machine.get("threads") or {})),
    ]
    return lines


def _gallery_link(folder, gallery):
    if gallery and Path(gallery).is_file():
        return os.path.relpath(Path(gallery).resolve(), Path(folder).resolve())
    return None


def _markdown_anchors(sections):
    """GitHub's anchors for the Markdown headings: ``{heading key: anchor}`` (a repeat gets ``-1``)."""
    seen, anchors = {}, {}

    def anchor(text):
        base = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        count = seen.get(base, 0)
        seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"

    for text in ("Benchmark report", HEADLINE_TITLE, MACHINE_TITLE):
        anchors[text] = anchor(text)
    for chapter, workloads in sections:
        anchors[chapter] = anchor(chapter)
        for section in workloads:
            anchors[(chapter, section["workload"])] = anchor(section["workload"])
    return anchors


HEADLINE_TITLE = "The book's ladders and this machine's"
MACHINE_TITLE = "This machine"


def render_markdown(info, headline, sections, results, gallery=None):
    top = verdict(info, results)
    anchors = _markdown_anchors(sections)
    lines = ["# Benchmark report", "", f"**{top['line']}** {top['context']}"]
    for failure in top["failed"]:
        lines += [f"- FAILED {failure['text']} (rerun: `{failure['rerun']}`)"]
    if top["skipped"]:
        lines += [
            "",
            "Why skipped: " + "; ".join(top["skipped"]) + " (in full in the chapters' tables).",
        ]
    lines += ["", "Contents:", ""]
    if headline[1]:
        lines += [f"- [{HEADLINE_TITLE}](#{anchors[HEADLINE_TITLE]})"]
    lines += [f"- [{MACHINE_TITLE}](#{anchors[MACHINE_TITLE]})"]
    for chapter, workloads in sections:
        links = " · ".join(f"[{s['workload']}](#{anchors[(chapter, s['workload'])]})" for s in workloads)
        lines += [f"- [{chapter}](#{anchors[chapter]}): {links}"]
    if headline[1]:
        lines += ["", f"## {HEADLINE_TITLE}", "", markdown_table(*headline)]
    lines += ["", f"## {MACHINE_TITLE}", ""] + [f"- {name}: {text}" for name, text in machine_lines(info)]
    note = stability_note(info)
    if note:
        lines += [f"- Timing stability: {note['text']}[{note['link']}]({note['url']}){note['end']}"]
    lines += ["", EXPLANATION]
    if gallery:
        lines += ["", f"The book's figures, drawn on this machine: [the gallery]({gallery})."]
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
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Benchmark report</title>
<style>body{font-family:sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;line-height:1.35}
h1{font-size:1.7em;margin:.1em 0 .3em}h2{font-size:1.35em;margin:1.1em 0 .4em}h2,h3{scroll-margin-top:.5em}
.verdict{font-size:110%;margin:.3em 0;padding:.35em .7em;border-left:6px solid #2a7d2a;background:#f2f8f2}
.verdict.failed{border-color:#b00;background:#fbeeee}.verdict p{margin:.2em 0}.verdict ul{margin:.2em 0}
.context{color:#444;font-size:90%}
nav{font-size:88%;margin:.6em 0;padding:.3em .7em;background:#f7f7f7}nav ul{margin:.2em 0;padding-left:1.2em}
nav li{margin:.15em 0}nav strong{margin-right:.4em}
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5em 0;font-size:90%}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;white-space:nowrap;vertical-align:top}
th{background:#f0f0f0;white-space:normal}td.text{white-space:normal;min-width:7em}td.note{white-space:normal;min-width:8em;color:#444}
tr.FAILED td{color:#b00;font-weight:bold}tr.skipped td{color:#666}
img{max-width:100%;height:auto;display:block;margin:.8em 0}
a.up{font-size:65%;font-weight:normal;margin-left:.8em}
code{background:#f3f3f3;padding:0 .2em}</style>
</head><body>
<h1 id="top">Benchmark report</h1>
<div id="verdict" class="verdict{{ ' failed' if verdict.failed else '' }}">
<p><strong>{{ verdict.line }}</strong> <span class="context">{{ verdict.context }}</span></p>
{% if verdict.failed %}<ul>{% for f in verdict.failed %}<li><a href="#{{ f.anchor }}">FAILED</a> {{ f.text }}
(rerun: <code>{{ f.rerun }}</code>)</li>{% endfor %}</ul>{% endif %}
{% if verdict.skipped %}<p class="context">Why skipped: {{ verdict.skipped | join('; ') }}
(in full in the chapters' tables).</p>{% endif %}
</div>
<nav id="contents"><strong>Contents</strong>
{% if headline[1] %}<a href="#headline">{{ headline_title }}</a> · {% endif %}
<a href="#machine">{{ machine_title }}</a>
<ul>{% for chapter, workloads in sections %}<li><a href="#{{ chapter | slug }}"><b>{{ chapter }}</b></a>:
{% for section in workloads %}<a href="#{{ section.anchor }}">{{ section.workload }}</a>
{{- ' · ' if not loop.last }}
{% endfor %}</li>{% endfor %}</ul></nav>
{% macro table(header, rows, id='') %}<div class="scroll"><table{% if id %} id="{{ id }}"{% endif %}>
<tr>{% for h in header %}<th>{{ h }}</th>{% endfor %}</tr>
{% for row in rows %}<tr class="{{ row.status }}">{% for cell in row.cells %}
<td class="{{ row.kinds[loop.index0] }}">
{%- if cell is mapping %}<a href="#{{ cell.anchor }}">{{ cell.text }}</a>{% else %}{{ cell }}{% endif -%}
</td>{% endfor %}</tr>
{% endfor %}</table></div>{% endmacro %}
{% if headline[1] %}<h2 id="headline">{{ headline_title }}</h2>
{{ table(headline[0], headline[1], 'headline-table') }}{% endif %}
<h2 id="machine">{{ machine_title }}<a class="up" href="#top">top ↑</a></h2>
<ul>{% for name, text in machine %}<li>{{ name }}: {{ text }}</li>{% endfor %}
{% if stability %}<li>Timing stability: {{ stability.text -}}
<a href="{{ stability.url }}">{{ stability.link }}</a>{{ stability.end }}</li>{% endif %}</ul>
<p>{{ explanation }}</p>
{% if gallery %}<p>The book's figures, drawn on this machine:
<a href="{{ gallery }}">the gallery</a>.</p>{% endif %}
{% for chapter, workloads in sections %}
<h2 id="{{ chapter | slug }}">{{ chapter }}<a class="up" href="#top">top ↑</a></h2>
{% for section in workloads %}<h3 id="{{ section.anchor }}">{{ section.workload }}</h3>
{% for t in section.tables %}<p>[{{ t.label }}]</p>
{{ table(t.header, t.rows) }}
{% if t.sources %}<p>Book figures: {{ t.sources | join('; ') }}.</p>{% endif %}
{% endfor %}{% for plot in section.plots %}
<img alt="{{ section.workload }}: {{ plot.stem | replace('__', ' · ') | replace('-', ' ') }}"
width="{{ plot | css_width }}" src="data:image/png;base64,{{ plot | base64 }}">
{% endfor %}{% endfor %}{% endfor %}
<h2 id="summary">Summary<a class="up" href="#top">top ↑</a></h2><p>{{ verdict.line }}</p>
</body></html>
"""


def _css_width(path):
    """The width in CSS pixels that shows a plot at 100 dpi's size (sharp on a high-density screen)."""
    width = int.from_bytes(Path(path).read_bytes()[16:20], "big")  # the PNG header's width
    return round(width * 100 / DPI)


#: Columns whose words may wrap; the others (times, speedups, figures, status) stay on one line.
TEXT_COLUMNS = {"case": "text", "parameters": "text", "note": "note"}


def _html_rows(header, rows):
    """Rows as the template takes them: the cells, each cell's kind (its class) and the row's status."""
    status_at = header.index("status") if "status" in header else None
    kinds = [TEXT_COLUMNS.get(h, "") for h in header]
    out = []
    for row in rows:
        status = row[status_at] if status_at is not None else ""
        out.append(
            {
                "cells": [c if isinstance(c, dict) else str(c) for c in row],
                "status": status if status in (FAILED, SKIPPED) else "",
                "kinds": kinds,
            }
        )
    return out


def render_html(info, headline, sections, results, gallery=None):
    import jinja2

    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["slug"] = slug
    environment.filters["base64"] = lambda path: base64.b64encode(Path(path).read_bytes()).decode()
    environment.filters["css_width"] = _css_width
    # the headline: the ladder's title links to its workload; a skipped case's row, to its reason in full
    anchors = {e["title"]: workload_anchor(e["chapter"], e["workload"]) for e in info.get("headlines", [])}
    header, rows = headline
    here_at = header.index("here") if "here" in header else None
    headline_cells = []
    for row in rows:
        cells = list(row)
        if cells and cells[0] in anchors:
            cells[0] = {"text": cells[0], "anchor": anchors[cells[0]]}
        headline_cells.append(cells)
    headline_rows_html = _html_rows(header, headline_cells)
    if here_at is not None:
        for row, cells in zip(headline_rows_html, rows):
            row["status"] = cells[here_at] if cells[here_at] in (FAILED, SKIPPED) else ""
    sections = [
        (
            chapter,
            [
                dict(s, tables=[dict(t, rows=_html_rows(t["header"], t["rows"])) for t in s["tables"]])
                for s in workloads
            ],
        )
        for chapter, workloads in sections
    ]
    return environment.from_string(HTML_TEMPLATE).render(
        verdict=verdict(info, results),
        machine=machine_lines(info),
        stability=stability_note(info),
        explanation=EXPLANATION.replace("*", ""),
        gallery=gallery,
        headline=(header, headline_rows_html),
        headline_title=HEADLINE_TITLE,
        machine_title=MACHINE_TITLE,
        sections=sections,
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
