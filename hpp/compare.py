"""``hpp compare RUN_A RUN_B``: the ratio of every case between two saved runs.

Use it to compare two machines, two Python versions, or a run before and after
a change. A change is flagged only when it is larger than the noise both runs
saw between their repeats (median over min), and at least 5%.
"""

from hpp.report import format_seconds, text_table
from hpp.results import PASSED, load_run

MIN_CHANGE = 0.05


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


def print_comparison(run_a, run_b):
    info_a, _ = load_run(run_a)
    info_b, _ = load_run(run_b)
    print(f"A: {run_a}\n   {info_a['machine']['cpu']}, {info_a['machine']['python']}, {info_a['date']}")
    print(f"B: {run_b}\n   {info_b['machine']['cpu']}, {info_b['machine']['python']}, {info_b['date']}")
    rows, only_a, only_b = compare_runs(run_a, run_b)
    table = []
    for a, b, ratio, threshold, verdict in rows:
        table.append(
            [
                f"{a.chapter} · {a.workload} · {a.case} [{a.label}]",
                format_seconds(a.min_s),
                format_seconds(b.min_s),
                f"{ratio:.3f}" if ratio else "-",
                f"±{threshold:.0%}" if threshold else "-",
                verdict,
            ]
        )
    print()
    print(text_table(["case", "A min", "B min", "B / A", "noise", "verdict"], table))
    for side, results in (("only in A", only_a), ("only in B", only_b)):
        for r in results:
            print(f"{side}: {r.chapter} · {r.workload} · {r.case} [{r.label}]")
    flagged = sum(row[-1] in ("SLOWER", "FASTER") for row in rows)
    print(f"\n{len(rows)} cases compared, {flagged} changed beyond the noise.")
