"""Time the five squared-norm versions for N = 2^7 .. 2^20 and plot time against N.

Chapter 6, the norm comparison figure: every version is checked against the
closed form (n - 1) n (2n - 1) / 6, timed (best of ``--repeat``), printed as
a table and drawn on log-log axes to ``compare_norms.png``; every result and
time goes to ``compare_norms.csv``.

Run:
    python 06_matrix/norm/figure_compare_norms.py --max-power 20 --repeat 10
"""

import csv
import importlib
from pathlib import Path

from _norm_cli import expected_norm_squared

from hpp.script import example_parser, fail, output_dir, positive_int, writable_dir
from hpp.timing import repeat_timer

SMOKE_ARGS = ["--min-power", "7", "--max-power", "12", "--repeat", "2"]

HERE = Path(__file__).resolve().parent
# book: 3rd ed. code, "norm/figure_compare_norms.py"
VERSIONS = {  # label: (file, function)
    "python loop": ("norm_python.py", "norm_square_list"),
    "list comprehension": ("norm_python_comprehension.py", "norm_square_list_comprehension"),
    "array loop": ("norm_array.py", "norm_square_array"),
    "numpy.sum(v * v)": ("norm_numpy.py", "norm_square_numpy"),
    "numpy.dot(v, v)": ("norm_numpy_dot.py", "norm_square_numpy_dot"),
}


def load_versions():
    versions = {}
    for label, (filename, function) in VERSIONS.items():
        module = importlib.import_module(filename.removesuffix(".py"))  # a neighbour, by plain name
        versions[label] = (module.make_vector, getattr(module, function))
    return versions


def measure(sizes, repeat, results=None):
    """``{label: [best seconds per size]}``; every result checked against the closed form (and
    appended to ``results``, a list, as ``(label, size, result)``)."""
    timings = {}
    for label, (make_vector, norm_square) in load_versions().items():
        for size in sizes:
            vector = make_vector(size)
            timing, result = repeat_timer(lambda f=norm_square, v=vector: f(v), repeat=repeat)
            if int(result) != expected_norm_squared(size):
                raise AssertionError(f"{label} gave {result} for N = {size}")
            timings.setdefault(label, []).append(timing.min)
            if results is not None:
                results.append((label, size, int(result)))
    return timings


def plot(sizes, timings, folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, times in timings.items():
        ax.plot(sizes, times, marker="o", label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("N (vector length)")
    ax.set_ylabel("best time (s)")
    ax.set_title("Squared norm of range(N)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = folder / "compare_norms.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


# book: end


def power(text):
    """argparse type: a power of two from 1 to 26 (2**26 Python ints already take GBs)."""
    import argparse

    value = positive_int(text)
    if value > 26:
        raise argparse.ArgumentTypeError(f"expected a power from 1 to 26, got {text!r}")
    return value


def compare_norms(min_power, max_power, repeat, folder):
    """Time every version for N = 2**min_power .. 2**max_power, print the table, save the plot."""
    sizes = [2**p for p in range(min_power, max_power + 1)]
    results = []
    timings = measure(sizes, repeat, results)
    with (folder / "compare_norms.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["version", "N", "norm_squared", "best_s"])
        for label, size, result in results:
            writer.writerow([label, size, result, f"{timings[label][sizes.index(size)]:.6g}"])
    print("N".rjust(9) + "".join(label.rjust(20) for label in timings))
    for i, size in enumerate(sizes):
        print(f"{size:>9}" + "".join(f"{timings[label][i] * 1e3:17.4f} ms" for label in timings))
    print(f"all versions agree with (n - 1) n (2n - 1) / 6 for N = 2^{min_power} .. 2^{max_power}")
    path = plot(sizes, timings, folder)
    print(f"saved {path}")
    return timings


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--min-power", type=power, default=7, help="smallest N is 2**MIN_POWER")
    parser.add_argument("--max-power", type=power, default=20, help="largest N is 2**MAX_POWER")
    parser.add_argument("--repeat", type=positive_int, default=10)
    parser.add_argument("--output-dir", type=writable_dir, help="where to save compare_norms.png")
    args = parser.parse_args(argv)
    if args.min_power > args.max_power:
        fail(f"--min-power {args.min_power} is above --max-power {args.max_power}")
    compare_norms(args.min_power, args.max_power, args.repeat, output_dir("06_matrix", args.output_dir))


if __name__ == "__main__":
    main()
