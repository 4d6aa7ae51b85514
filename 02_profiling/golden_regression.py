"""A golden-file regression check: write the results once, `diff` later runs against them (book chapter 2).

"Strategies to Profile Your Code Successfully": a large numerical output is
hard to unit test, so write it to a text file and run later versions through
``diff``; with floating-point numbers written in full, even a rare rounding
change shows at once. Here the output is the Julia set's, one line per row of
the grid: the row's escape counts summed, and the mean ``abs(z)`` where each
point stopped, written with ``repr`` (every digit of the float).
``--write FILE`` records the golden file; ``--check FILE`` computes again and
compares: ``golden file matches: N lines`` (exit 0) or the unified diff of the
lines that changed (exit 1).

Run:
    python 02_profiling/golden_regression.py --write /tmp/julia_golden.txt
    python 02_profiling/golden_regression.py --check /tmp/julia_golden.txt
    python 02_profiling/golden_regression.py --check /tmp/julia_golden.txt --max-iterations 299   # fails
"""

# taught: results as text lines written in full, and diff against the golden file
import difflib

from julia1_nopil import x1, x2, y1, y2

C = complex(-0.62772, -0.42193)


def julia_rows(width, max_iterations):
    """Per row of the grid: the escape counts summed and the mean ``abs(z)`` where each point stopped."""
    x_step, y_step = (x2 - x1) / width, (y1 - y2) / width
    rows = []
    for row in range(width):
        ycoord = y2 + row * y_step
        counts, final = 0, 0.0
        for column in range(width):
            z = complex(x1 + column * x_step, ycoord)
            n = 0
            while abs(z) < 2 and n < max_iterations:
                z = z * z + C
                n += 1
            counts += n
            final += abs(z)
        rows.append(f"row {row}: sum(output) = {counts}, mean abs(z) = {final / width!r}")
    return rows


def check_golden(lines, golden_path):
    """The unified diff of ``golden_path`` against ``lines``: empty when they match."""
    golden = golden_path.read_text().splitlines()
    return list(difflib.unified_diff(golden, lines, str(golden_path), "this run", lineterm=""))


def golden_regression(width, max_iterations, write=None, check=None):
    """Write the rows to ``write``, or compare them with ``check``; the exit status (1: they differ)."""
    lines = julia_rows(width, max_iterations)
    if write is not None:
        write.write_text("\n".join(lines) + "\n")
        print(f"golden file written: {write} ({len(lines)} lines)")
        return 0
    difference = check_golden(lines, check)
    if not difference:
        print(f"golden file matches: {len(lines)} lines")
        return 0
    print("\n".join(difference))
    changed = sum(1 for line in difference if line.startswith("+") and not line.startswith("+++"))
    print(f"golden file DIFFERS: {changed} of {len(lines)} lines changed")
    return 1


# taught: end


def main(argv=None):
    from _profiling_tools import run_golden_regression

    run_golden_regression(__doc__, golden_regression, argv)


if __name__ == "__main__":
    main()
