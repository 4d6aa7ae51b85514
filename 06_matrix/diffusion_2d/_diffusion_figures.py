"""The plumbing of the diffusion figure scripts (not an example): the book's numbers, flags, CSV, printout.

``figure_diffusion_speedups.py`` and ``figure_diffusion_snapshots.py`` keep
their measurement (the lesson) and the book's plot; this module reads the
book's speedups from ``_book_figures.csv``, parses the flags, writes the CSVs
and prints the comparison.
The name is unique in the repository: tests load examples of several chapters
into one process.
"""

import csv
from pathlib import Path

BOOK_FIGURES = Path(__file__).resolve().parent.parent / "_book_figures.csv"


def book_speedups(size):
    """The book's speedups at ``size`` (the closest size the table has): ``(size, {label: x})``."""
    import json

    lines = [line for line in BOOK_FIGURES.open() if not line.startswith("#")]
    rows = [
        (json.loads(row["params"]), row) for row in csv.DictReader(lines) if row["workload"] == "diffusion 2d"
    ]
    closest = min({params["size"] for params, _ in rows}, key=lambda s: abs(s - size))
    return closest, {
        row["case"]: float(row["book_speedup"]) for params, row in rows if params["size"] == closest
    }


def compare_speedups(measure, plot, size, iterations, repeat, folder):
    """Measure the ladder, write ``diffusion_speedups.csv``, print it beside the book's, draw the PNG."""
    grids = {}
    seconds = measure(size, iterations, repeat, grids)
    speedups = {label: seconds["python"] / s for label, s in seconds.items()}
    book_size, book = book_speedups(size)
    with (folder / "diffusion_speedups.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["variant", "seconds", "speedup", f"book_speedup_{book_size}", "sum", "max_abs_difference"]
        )
        for label in seconds:
            total, difference = grids[label]
            row = [label, f"{seconds[label]:.6g}", f"{speedups[label]:.4g}", book.get(label, "")]
            writer.writerow(row + [repr(total), f"{difference:.3g}"])
    print(f"grid = {size} x {size}, iterations = {iterations}, every variant agrees with diffusion_numpy")
    for label in seconds:
        theirs = f", book {book[label]:g}x at {book_size}^2" if label in book else ""
        print(f"{label}: {seconds[label]:.4f} s, {speedups[label]:.1f}x{theirs}")
    plot(speedups, book, book_size, size, folder / "diffusion_speedups.png")
    print(f"saved {folder / 'diffusion_speedups.png'}")
    return speedups


def run_speedups(doc, measure, plot, argv=None):
    """figure_diffusion_speedups.py's flags; measure, print beside the book, write the CSV, draw."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=256, help="the grid is SIZE x SIZE")
    parser.add_argument("--iterations", type=positive_int, default=10, help="steps per run")
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the best counts")
    parser.add_argument("--output-dir", type=writable_dir, help="where to write the CSV and PNG")
    args = parser.parse_args(argv)
    folder = output_dir("06_matrix", args.output_dir)
    return compare_speedups(measure, plot, args.size, args.iterations, args.repeat, folder)


# ---------------------------------------------------------------- figure_diffusion_snapshots.py


def draw_snapshots(snapshots, plot, size, steps, folder):
    """Take the snapshots, print and write each one's sum and peak, draw the figure."""
    taken = snapshots(size, steps)
    with open(folder / "diffusion_snapshots.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", "sum", "max"])
        for step, grid in taken.items():
            writer.writerow([step, repr(float(grid.sum())), repr(float(grid.max()))])
            print(f"step {step}: sum {grid.sum():.6g}, max {grid.max():.6e}")
    plot(taken, folder / "diffusion_snapshots.png")
    print(f"saved {folder / 'diffusion_snapshots.png'}")
    return taken


def run_snapshots(doc, snapshots, plot, argv=None):
    """figure_diffusion_snapshots.py's flags; the snapshots printed, written as CSV and drawn."""
    from hpp.script import example_parser, non_negative_int, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=256, help="the grid is SIZE x SIZE")
    parser.add_argument(
        "--steps", type=non_negative_int, nargs="+", default=[0, 100, 500, 1000, 2000], help="snapshot steps"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    return draw_snapshots(snapshots, plot, args.size, args.steps, output_dir("06_matrix", args.output_dir))
