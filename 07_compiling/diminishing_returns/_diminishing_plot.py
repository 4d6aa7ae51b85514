"""The plumbing of make_diminishing_returns.py: timing, loading the builds, the figure, the flags.

Not a book example: the script keeps the book's ``sigmoid``, the baseline and
the measured ladder (the lesson); this module times calls, finds the Cython
builds beside ``cython/NAME.pyx``, draws the two panels and parses the flags.
"""

import importlib.machinery
import importlib.util
import os
import time
from pathlib import Path

CYTHON = Path(__file__).resolve().parents[1] / "cython"


def best_time(function, repeat):
    """``(best seconds, result)`` of ``repeat`` calls of ``function()``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def compiled_variant(name):
    """The module ``make install`` built beside ``cython/NAME.pyx``, or None."""
    for path in sorted(CYTHON.glob(f"{name}.*.so")):
        try:
            loader = importlib.machinery.ExtensionFileLoader(name, str(path))
            spec = importlib.util.spec_from_file_location(name, path, loader=loader)
            module = importlib.util.module_from_spec(spec)
            loader.exec_module(module)
            return module
        except ImportError:
            continue
    return None


def draw(rows, path, width, sigmoid):
    """The book's cartoon (``sigmoid``) on the left, the measured ladder on a log axis on the right."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels = [row[0] for row in rows]
    speedups = [row[2] for row in rows]
    figure, (cartoon, axis) = plt.subplots(1, 2, figsize=(12, 4.5), width_ratios=(1, 2))
    cartoon.plot(sigmoid(np.arange(-10, 10)))
    cartoon.set(xticks=[], yticks=[], xlabel="increasing effort", ylabel="faster execution")
    cartoon.set_title("the book's cartoon: a sigmoid")
    steps = range(len(rows))
    axis.plot(steps, speedups, marker="o")
    for step, speedup in zip(steps, speedups):
        axis.annotate(
            f"{speedup:.0f}x" if speedup >= 10 else f"{speedup:.1f}x",
            (step, speedup),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
        )
    axis.set_yscale("log")
    axis.set_xticks(list(steps), labels, rotation=25, ha="right")
    axis.set_xlabel("effort (each step builds on the last)")
    axis.set_ylabel("speedup over pure Python (log)")
    axis.set_title(f"Diminishing returns: the Julia set at width {width}, measured here")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def run_diminishing_returns(doc, measure, print_ladder, sigmoid, argv=None):
    """Parse the flags, ``measure`` the ladder, ``print_ladder`` it, name what is not built, draw."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--width", type=positive_int, default=300, help="points along each side of the grid")
    parser.add_argument(
        "--max-iterations", type=positive_int, default=300, help="iterations per point, at most"
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="best of this many runs")
    parser.add_argument("--output-dir", type=writable_dir, help="where diminishing_returns.png goes")
    args = parser.parse_args(argv)
    folder = output_dir("07_compiling", args.output_dir)
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    rows, missing = measure(args.width, args.max_iterations, args.repeat)
    print_ladder(rows)
    if missing:
        print(f"not built here, left out: {', '.join(missing)}")
    path = folder / "diminishing_returns.png"
    draw(rows, path, args.width, sigmoid)
    print(f"figure: {path}")
    return rows
