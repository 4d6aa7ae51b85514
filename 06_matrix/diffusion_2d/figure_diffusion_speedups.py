"""The chapter's speedup ladder: every CPU diffusion variant against pure Python, beside the book's.

Chapter 6 ends its diffusion story with a table of speedups over pure Python
(the 3rd edition's official ``_benchmark.csv``: numpy 121x, numpy+memory
171x, numpy+memory2 183x, numexpr 161x, scipy 43x at 512 x 512). This script
measures the same ladder on this machine (every variant the same steps on the
same grid, best of ``--repeat``, each checked against ``diffusion_numpy``), writes
``diffusion_speedups.csv`` (with each grid's sum and its largest difference from
``diffusion_numpy``'s) and draws ``diffusion_speedups.png``: our bars beside
the book's.

Run:
    python figure_diffusion_speedups.py --size 256 --iterations 10
    python figure_diffusion_speedups.py --size 512 --iterations 15 --repeat 5
"""

import csv
import importlib
import time
from pathlib import Path

import numpy as np

SMOKE_ARGS = ["--size", "32", "--iterations", "2", "--repeat", "1"]

VARIANTS = {  # label in the book's table: our script
    "python": "diffusion_python",
    "python+memory": "diffusion_python_memory",
    "numpy": "diffusion_numpy",
    "numpy+memory": "diffusion_numpy_memory",
    "numpy+memory2": "diffusion_numpy_memory2",
    "numpy+memory2+numexpr": "diffusion_numpy_memory2_numexpr",
    "scipy laplace": "diffusion_scipy",
}
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


def measure(size, iterations, repeat, grids=None):
    """``{label: best seconds}``; every grid checked against diffusion_numpy's (and, in ``grids``,
    a dict, summed: ``{label: (sum of the grid, largest difference from diffusion_numpy)}``)."""
    reference = importlib.import_module("diffusion_numpy").run_experiment(iterations, size)
    seconds = {}
    for label, name in VARIANTS.items():
        run_experiment = importlib.import_module(name).run_experiment
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            grid = run_experiment(iterations, size)
            best = min(best, time.perf_counter() - start)
        difference = float(np.abs(np.asarray(grid) - reference).max())
        assert difference <= 1e-12, f"{name} differs from diffusion_numpy by {difference:.3g}"
        seconds[label] = best
        if grids is not None:
            grids[label] = (float(np.sum(grid)), difference)
    return seconds


# book: 2nd ed. code, "figures/matrix_method_speed.py" (each method's speedup drawn)
def plot(speedups, book, book_size, size, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(speedups)
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.bar(x - 0.2, [speedups[k] for k in labels], 0.4, label=f"this machine, {size}^2")
    ax.bar(
        x + 0.2,
        [book.get(k, 1.0 if k == "python" else np.nan) for k in labels],
        0.4,
        label=f"the book (3e), {book_size}^2",
    )
    ax.set_xticks(x, labels, rotation=20, ha="right")
    ax.set_yscale("log")
    ax.set_ylabel("speedup over pure Python")
    ax.set_title("2-D diffusion: each step of the chapter")
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def compare_speedups(size, iterations, repeat, folder):
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
        for label in VARIANTS:
            total, difference = grids[label]
            row = [label, f"{seconds[label]:.6g}", f"{speedups[label]:.4g}", book.get(label, "")]
            writer.writerow(row + [repr(total), f"{difference:.3g}"])
    print(f"grid = {size} x {size}, iterations = {iterations}, every variant agrees with diffusion_numpy")
    for label in VARIANTS:
        theirs = f", book {book[label]:g}x at {book_size}^2" if label in book else ""
        print(f"{label}: {seconds[label]:.4f} s, {speedups[label]:.1f}x{theirs}")
    plot(speedups, book, book_size, size, folder / "diffusion_speedups.png")
    print(f"saved {folder / 'diffusion_speedups.png'}")
    return speedups


def main(argv=None):
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=256, help="the grid is SIZE x SIZE")
    parser.add_argument("--iterations", type=positive_int, default=10, help="steps per run")
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the best counts")
    parser.add_argument("--output-dir", type=writable_dir, help="where to write the CSV and PNG")
    args = parser.parse_args(argv)
    compare_speedups(args.size, args.iterations, args.repeat, output_dir("06_matrix", args.output_dir))


if __name__ == "__main__":
    main()
