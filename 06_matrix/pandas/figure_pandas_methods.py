"""Seconds per method for the per-row OLS slope: pandas' ways of iterating, and Polars beside them.

Chapter 6 (2e) / Pandas (3e), "Applying a Function to Many Rows of Data": the
book compares ``iloc``, ``iterrows``, ``apply``, ``apply(raw=True)``, Numba and a
vectorised solution in a bar chart. This script times each (best of
``--repeat``, every result checked against ``np.linalg.lstsq`` per row), adds
the Polars expression (eager, lazy) and ``map_rows``, writes
``pandas_methods.csv`` and draws ``pandas_methods.png`` (log scale).
The Numba methods compile on first call and are left out unless named.

Run:
    python figure_pandas_methods.py --people 5000
    python figure_pandas_methods.py --people 100000 --methods apply_raw,numba_jit,vectorised,polars
"""

import csv
import time

import numpy as np
import time_iteration_methods as pandas_methods
import time_iteration_methods_polars as polars_methods
from utility import make_data, ols_slopes_reference

SMOKE_ARGS = ["--people", "200", "--repeat", "1"]

METHODS = {**pandas_methods.METHODS, **polars_methods.METHODS}
DEFAULT = [name for name in METHODS if not name.startswith("numba")]


def measure(df, methods, repeat, sums=None):
    """``{method: best seconds}``; each result checked against lstsq per row (and its slopes
    summed into ``sums``, a dict, when given)."""
    expected = ols_slopes_reference(df).to_numpy()
    pl_df = polars_methods.to_polars(df)
    seconds = {}
    for name in methods:
        data = pl_df if name in polars_methods.METHODS else df
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            slopes = METHODS[name](data)
            best = min(best, time.perf_counter() - start)
        np.testing.assert_allclose(slopes.to_numpy(), expected, rtol=1e-9, atol=1e-12)
        seconds[name] = best
        if sums is not None:
            sums[name] = float(np.sum(slopes.to_numpy()))
    return seconds


def plot(seconds, people, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(seconds)
    colours = ["tab:green" if name in polars_methods.METHODS else "tab:blue" for name in names]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.barh(names, [seconds[name] for name in names], color=colours)
    ax.set_xscale("log")
    ax.invert_yaxis()
    ax.set_xlabel("seconds (best run); blue: pandas, green: Polars")
    ax.set_title(f"Least-squares slope per row, {people:,} people x 14 days")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def compare_methods(people, methods, repeat, folder):
    """Time each method on ``people`` rows, write ``pandas_methods.csv``, print it, draw the PNG."""
    sums = {}
    seconds = measure(make_data(people), methods, repeat, sums)
    with (folder / "pandas_methods.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["method", "seconds", "people", "sum_of_slopes"])
        writer.writerows([name, f"{s:.6g}", people, repr(sums[name])] for name, s in seconds.items())
    print(f"{people:,} people; every method agrees with np.linalg.lstsq per row")
    for name, s in seconds.items():
        print(f"{name}: {s:.4f} s")
    plot(seconds, people, folder / "pandas_methods.png")
    print(f"saved {folder / 'pandas_methods.png'}")
    return seconds


def main(argv=None):
    from hpp.script import comma_choices, example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=5_000)
    parser.add_argument(
        "--methods",
        type=comma_choices(*METHODS),
        default=DEFAULT,
        help=f"comma-separated: {', '.join(METHODS)}",
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the best counts")
    parser.add_argument("--output-dir", type=writable_dir, help="where to write the CSV and PNG")
    args = parser.parse_args(argv)
    compare_methods(args.people, args.methods, args.repeat, output_dir("06_matrix", args.output_dir))


if __name__ == "__main__":
    main()
