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

# taught: 3rd ed., the chapter's closing table: every step of the ladder against pure Python, checked
import importlib
import time

import numpy as np
from _diffusion_sweep_tools import CPU_METHODS, METHODS  # the book table's labels: our scripts

VARIANTS = {label: METHODS[label] for label in CPU_METHODS}


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


# taught: end


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


def main(argv=None):
    from _diffusion_figures import run_speedups

    run_speedups(__doc__, measure, plot, argv)


if __name__ == "__main__":
    main()
