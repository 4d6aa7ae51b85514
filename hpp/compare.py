"""``hpp compare RUN_A RUN_B``: the ratio of every case between two saved runs.

Use it to compare two machines, two Python versions, or a run before and after
a change. A change is flagged only when it is larger than the noise both runs
saw between their repeats (median over min), and at least 5%.
"""

import textwrap

from hpp.report import format_seconds
from hpp.results import PASSED, load_run

MIN_CHANGE = 0.05
WIDTH = 100  # the columns of a terminal line the output keeps within


def noise(result):
    """The relative spread of a case's repeats: median / min - 1."""
    if not result.min_s or not result.median_s or result.runs < 2:
        return 0.0
    return result.median_s / result.min_s - 1.0


def compare_runs(run_a, run_b):
    """``(rows, only in A, only in B)``: a row ``(a, b, ratio, threshold, verdict)`` per case in both.

    Cases are matched by chapter, workload, case name and parameters (as data).
    """
    _, results_a = load_run(run_a)
    _, results_b = load_run(run_b)
    index_b = {r.key: r for r in results_b}
    rows, only_a = [], []
    for a in results_a:
        b = index_b.pop(a.key, None)
        if b is None:
            only_a.append(a)
            continue
        if a.status != PASSED or b.status != PASSED:
            rows.append((a, b, None, None, f"not comparable ({a.status} / {b.status})"))
            continue
        ratio = b.min_s / a.min_s
        threshold = max(MIN_CHANGE, 2 * max(noise(a), noise(b)))
        if ratio > 1 + threshold:
            verdict = "SLOWER"
        elif ratio < 1 / (1 + threshold):
            verdict = "FASTER"
        else:
            verdict = "same within noise"
        rows.append((a, b, ratio, threshold, verdict))
    return rows, only_a, list(index_b.values())


def _fit(text, width, indent="   "):
    """``text`` wrapped within ``width`` columns, continued under ``indent``."""
    return textwrap.fill(
        text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def comparison_lines(run_a, run_b, width=WIDTH):
    """The lines ``hpp compare`` prints, each within ``width`` columns (a path longer than that aside).

    The cases are grouped under a heading line per chapter, workload and
    parameters; a case name too long for its column goes on over the next lines.
    """
    info_a, _ = load_run(run_a)
    info_b, _ = load_run(run_b)
    lines = []
    for name, run, info in (("A", run_a, info_a), ("B", run_b, info_b)):
        machine = info["machine"]
        lines.append(f"{name}: {run}")
        lines.append(_fit(f"   {machine['cpu']}, {machine['python']}, {info['date']}", width))
    rows, only_a, only_b = compare_runs(run_a, run_b)
    header = ["case", "A min", "B min", "B / A", "noise", "verdict"]
    cells = [
        [
            format_seconds(a.min_s),
            format_seconds(b.min_s),
            f"{ratio:.3f}" if ratio else "-",
            f"±{threshold:.0%}" if threshold else "-",
            verdict,
        ]
        for a, b, ratio, threshold, verdict in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(*header[1:], *cells)]
    numbers = sum(widths[:-1]) + 2 * len(widths)  # the columns after the case, the verdict unpadded
    case_width = max(
        12, min(max((len(a.case) + 2 for a, *_ in rows), default=4), width - numbers - widths[-1])
    )

    def row(case, values):
        padded = [value.rjust(w) for value, w in zip(values[:-1], widths, strict=False)]
        return "  ".join([case.ljust(case_width), *padded, values[-1]]).rstrip()

    lines += ["", row("case", header[1:]), "-" * min(width, case_width + numbers + widths[-1])]
    group = None
    for (a, *_), values in zip(rows, cells, strict=True):
        if (a.chapter, a.workload, a.label) != group:
            group = (a.chapter, a.workload, a.label)
            lines.append(_fit(f"{a.chapter} · {a.workload} [{a.label}]", width))
        name = textwrap.wrap(a.case, case_width - 2, break_on_hyphens=False) or [""]
        lines.append(row("  " + name[0], values))
        lines += ["    " + more for more in name[1:]]
    for side, results in (("only in A", only_a), ("only in B", only_b)):
        lines += [_fit(f"{side}: {r.chapter} · {r.workload} · {r.case} [{r.label}]", width) for r in results]
    flagged = sum(verdict in ("SLOWER", "FASTER") for *_, verdict in rows)
    lines += ["", f"{len(rows)} cases compared, {flagged} changed beyond the noise."]
    lines.append(
        _fit(
            "noise: a change counts beyond it: twice the larger spread of a case's repeats "
            f"(median/min-1) in the two runs, and at least {MIN_CHANGE:.0%}.",
            width,
            indent="       ",
        )
    )
    return "\n".join(lines).splitlines()


def print_comparison(run_a, run_b):
    print("\n".join(comparison_lines(run_a, run_b)))
