"""The command lines of the norm scripts (not an example): ``--size N --repeat R``, and the figure's.

Each norm script keeps the book's function and timing; ``run_main`` builds the
vector, times it and prints ``norm squared of range(N) = ...``.
``figure_compare_norms.py`` keeps the book's measurement and plot;
``run_compare_norms`` parses its powers, prints the table and writes the CSV.
"""

import csv

from hpp.script import example_parser, positive_int
from hpp.timing import repeat_timer

BOOK_SIZE = 1_000_000
BOOK_REPEAT = 10


def expected_norm_squared(size):
    """sum(i * i for i in range(size)), in closed form: (n - 1) n (2n - 1) / 6."""
    return (size - 1) * size * (2 * size - 1) // 6


def run_main(doc, make_vector, norm_square, argv=None):
    """Build the vector once, time ``norm_square`` ``--repeat`` times, print the result and the best time."""
    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=BOOK_SIZE, help="the vector is range(SIZE)")
    parser.add_argument(
        "--repeat", type=positive_int, default=BOOK_REPEAT, help="timed runs; the best is reported"
    )
    args = parser.parse_args(argv)
    vector = make_vector(args.size)
    timing, result = repeat_timer(lambda: norm_square(vector), repeat=args.repeat, warmup=False)
    print(f"norm squared of range({args.size}) = {int(result)}")
    print(f"best of {args.repeat}: {timing.min * 1e3:.3f} ms")
    return int(result)


def power(text):
    """argparse type: a power of two from 1 to 26 (2**26 Python ints already take GBs)."""
    import argparse

    value = positive_int(text)
    if value > 26:
        raise argparse.ArgumentTypeError(f"expected a power from 1 to 26, got {text!r}")
    return value


def compare_norms(measure, plot, min_power, max_power, repeat, folder):
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


def run_compare_norms(doc, measure, plot, argv=None):
    """figure_compare_norms.py's flags; time every version, print the table, write the CSV, plot."""
    from hpp.script import fail, output_dir, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--min-power", type=power, default=7, help="smallest N is 2**MIN_POWER")
    parser.add_argument("--max-power", type=power, default=20, help="largest N is 2**MAX_POWER")
    parser.add_argument("--repeat", type=positive_int, default=10)
    parser.add_argument("--output-dir", type=writable_dir, help="where to save compare_norms.png")
    args = parser.parse_args(argv)
    if args.min_power > args.max_power:
        fail(f"--min-power {args.min_power} is above --max-power {args.max_power}")
    folder = output_dir("06_matrix", args.output_dir)
    return compare_norms(measure, plot, args.min_power, args.max_power, args.repeat, folder)
