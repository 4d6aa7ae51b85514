"""The plumbing of the pandas scripts (not an example): flags, timing, checks, CSV, printout, bar chart.

The script keeps the lesson (each method timed and checked); this module
writes ``pandas_methods.csv``, prints the seconds and draws ``pandas_methods.png``.
The name is unique in the repository: tests load examples of several chapters
into one process.
"""

import csv
import time

from utility import make_data


def plot(seconds, people, path, polars_names):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(seconds)
    colours = ["tab:green" if name in polars_names else "tab:blue" for name in names]
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


def compare_methods(measure, polars_names, people, methods, repeat, folder):
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
    plot(seconds, people, folder / "pandas_methods.png", polars_names)
    print(f"saved {folder / 'pandas_methods.png'}")
    return seconds


def run_pandas_methods(doc, measure, methods, default, polars_names, argv=None):
    """figure_pandas_methods.py's flags; measure, write ``pandas_methods.csv``, print, draw."""
    from hpp.script import comma_choices, example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=5_000)
    parser.add_argument(
        "--methods",
        type=comma_choices(*methods),
        default=default,
        help=f"comma-separated: {', '.join(methods)}",
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the best counts")
    parser.add_argument("--output-dir", type=writable_dir, help="where to write the CSV and PNG")
    args = parser.parse_args(argv)
    folder = output_dir("06_matrix", args.output_dir)
    return compare_methods(measure, polars_names, args.people, args.methods, args.repeat, folder)


# ---------------------------------------------------------------- str_operation.py


def to_polars(df):
    import polars as pl

    return pl.from_pandas(df.rename(columns=str))


def compare_string_methods(finders, polars, counters, people):
    """Time the four ways to find the 9 and the three ways to count rows without one; check they agree."""
    import pandas as pd

    df = make_data(people)
    text_column = df[0].astype(str)
    timings, results = {}, {}

    def timed(name, function, *arguments):
        start = time.perf_counter()
        results[name] = function(*arguments)
        timings[name] = time.perf_counter() - start

    labels = {"str_accessor": "str accessor", "apply": "apply(find_9)", "polars": "polars eager"}
    labels["polars_lazy"] = "polars lazy"
    for name, function in finders.items():
        timed(labels.get(name, name), function, text_column)
    pl_df = to_polars(df[[0]])
    for name, function in polars.items():
        timed(labels.get(name, name), function, pl_df)
    positions = results["apply(find_9)"].to_numpy(dtype="int64")
    for name in results:
        assert (results[name].to_numpy().astype("int64") == positions).all(), name
    print(f"{people:,} values, all four string methods agree")
    print(f"rows with a 9 after the point = {int((positions >= 0).sum())}")

    counted = pd.DataFrame({"find_9": positions})
    for name, function in counters.items():
        timed(name, function, counted)
    assert results["query"] == results["groupby"] == results["mask"]
    print(f"rows without a 9 = {results['mask']} (query, groupby, mask agree)")
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1e3:.2f} ms")
    return timings


def run_string_methods(doc, finders, counters, polars, argv=None):
    """str_operation.py's ``--people``; Polars checked for; every method timed and compared.

    ``finders``, ``counters``, ``polars``: ``{label: function}`` as the script names them.
    """
    from utility import BOOK_PEOPLE

    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    args = parser.parse_args(argv)
    needs("polars", "polars")
    return compare_string_methods(finders, polars, counters, args.people)


# ---------------------------------------------------------------- time_iteration_methods*.py


def compare_slope_methods(methods, chosen, people, convert=None):
    """Time each method on ``people`` rows, check its slopes against lstsq per row, print each."""
    import numpy as np
    from utility import ols_slopes_reference

    df = make_data(people)
    expected = ols_slopes_reference(df).to_numpy()
    data = convert(df) if convert else df
    print(f"{people} people x {df.shape[1]} days; checking against np.linalg.lstsq per row")
    for name in chosen:
        start = time.perf_counter()
        slopes = methods[name](data)
        seconds = time.perf_counter() - start
        np.testing.assert_allclose(slopes.to_numpy(), expected, rtol=1e-9, atol=1e-12)
        print(f"{name}: {seconds:.4f} s, slopes agree, sum(slopes) = {slopes.sum():.10f}")


def run_slope_methods(doc, methods, argv=None, convert=None):
    """``--people N --methods a,b``: each method (on ``convert(df)`` when given) timed and checked.

    ``methods``: ``{name: function}``, or a list of ``slopes_<name>`` functions.
    """
    from utility import BOOK_PEOPLE

    if not isinstance(methods, dict):
        methods = {function.__name__.removeprefix("slopes_"): function for function in methods}

    from hpp.script import comma_choices, example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    parser.add_argument(
        "--methods", type=comma_choices(*methods), default=list(methods), help="comma-separated"
    )
    args = parser.parse_args(argv)
    compare_slope_methods(methods, args.methods, args.people, convert)


# ---------------------------------------------------------------- time_iteration_methods_slow_with_diagram.py


def plot_chunks(chunk_times, path, set_common_mpl_styles):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.bar([f"{10 * (i + 1)}%" for i in range(len(chunk_times))], chunk_times)
    set_common_mpl_styles(
        ax,
        legend=False,
        ylabel="seconds for this 10%",
        xlabel="progress through the rows",
        title="pd.concat in a loop: each chunk costs more than the last",
    )
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def compare_concats(build_concat_in_loop, build_collect_then_concat, set_common_mpl_styles, path, people):
    """Time both ways to build the result frame, check they agree, print, and plot the chunk times."""
    import pandas as pd

    df = make_data(people)

    start = time.perf_counter()
    looped, chunk_times = build_concat_in_loop(df)
    loop_seconds = time.perf_counter() - start
    start = time.perf_counter()
    collected = build_collect_then_concat(df)
    collect_seconds = time.perf_counter() - start
    pd.testing.assert_frame_equal(looped, collected)

    print(f"{people} rows, both results equal, sum(slope) = {collected['slope'].sum():.10f}")
    print(f"concat in the loop: {loop_seconds:.3f} s")
    print(f"collect, then one concat: {collect_seconds:.3f} s")
    print("seconds per 10% chunk (concat in the loop): " + ", ".join(f"{t:.3f}" for t in chunk_times))
    plot_chunks(chunk_times, path, set_common_mpl_styles)
    print(f"saved {path}")
    return chunk_times


def run_concats(doc, build_concat_in_loop, build_collect_then_concat, set_common_mpl_styles, argv=None):
    """``--people N --output-dir D``: both ways to build the result, checked, timed, the chunks drawn."""
    from utility import BOOK_PEOPLE

    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    parser.add_argument("--output-dir", type=writable_dir, help="where to save the PNG")
    args = parser.parse_args(argv)
    path = output_dir("06_matrix", args.output_dir) / "concat_cost_per_iteration_chunk.png"
    builders = (build_concat_in_loop, build_collect_then_concat, set_common_mpl_styles)
    return compare_concats(*builders, path, args.people)


# ---------------------------------------------------------------- time_iteration_methods_dask.py


def compare_with_pandas(methods, chosen, people, npartitions, workers=None):
    """Slopes with pandas in this process, then with each Dask method on ``workers`` processes; all equal."""
    import numpy as np
    from time_iteration_methods import slopes_apply_raw

    df = make_data(people)
    print(f"{people} people x {df.shape[1]} days, {npartitions} blocks, {workers} worker processes")
    start = time.perf_counter()
    expected = slopes_apply_raw(df)
    print(f"pandas apply_raw: {time.perf_counter() - start:.4f} s, sum(slopes) = {expected.sum():.10f}")
    for name in chosen:
        start = time.perf_counter()
        slopes = methods[name](df, npartitions).compute(scheduler="processes", num_workers=workers)
        seconds = time.perf_counter() - start
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=1e-15)
        print(f"{name}: {seconds:.4f} s, slopes agree, sum(slopes) = {slopes.sum():.10f}")
    print("dask equals pandas = True")


def run_dask_methods(doc, methods, copies, npartitions, argv=None):
    """time_iteration_methods_dask.py's flags (the book's frame x ``copies``, ``npartitions`` blocks)."""
    import os

    from utility import BOOK_PEOPLE

    from hpp.script import comma_choices, example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE * copies, help="rows")
    parser.add_argument(
        "--methods", type=comma_choices(*methods), default=list(methods), help="comma-separated"
    )
    parser.add_argument(
        "--blocks",
        type=positive_int,
        default=npartitions,
        help="row blocks (Dask's npartitions)",
    )
    parser.add_argument("--workers", type=positive_int, default=os.cpu_count(), help="worker processes")
    args = parser.parse_args(argv)
    compare_with_pandas(methods, args.methods, args.people, args.blocks, args.workers)


# ---------------------------------------------------------------- utility.py and the scikit-learn scripts


def needs(module, package, extra="matrix"):
    """Import ``module`` or end with one line naming the extra to install (exit 2)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        from hpp.script import fail

        fail(f"needs {package}: pip install -e '.[{extra}]'")


def print_first_row_slopes(functions):
    """Print each of the four OLS helpers' slope of the first row."""
    row = make_data(1).iloc[0]
    for function in functions:
        value = function(row.to_numpy() if function.__name__ == "ols_lstsq_raw" else row)
        print(f"{function.__name__}(df.iloc[0]) = {value:.12f}")


def run_utility_check(doc, functions, argv=None):
    """``python utility.py``: scikit-learn and statsmodels checked for, each helper's slope of row 0."""
    from hpp.script import example_parser

    example_parser(doc).parse_args(argv)
    needs("sklearn", "scikit-learn")
    needs("statsmodels", "statsmodels")
    print_first_row_slopes(functions)


def hits(lp, function_name):
    """Calls of ``function_name`` (``fit`` or ``LinearRegression.fit``): the hits of its first line."""
    for (_filename, _first_line, name), lines in lp.get_stats().timings.items():
        if lines and function_name in (name, name.rpartition(".")[2]):
            return min(lines)[1]  # the body's first statement runs once per call
    return 0


def print_sklearn_profile(profile_fit, rows):
    """Line-profile the fits, print the report and how many ``fit`` calls it saw."""
    import io

    df = make_data(max(rows, 1))
    lp = profile_fit(df, rows)
    report = io.StringIO()
    lp.print_stats(stream=report, stripzeros=True)
    print(report.getvalue())
    print(f"fit calls profiled = {hits(lp, 'fit')} (1 row, then {rows:,} rows)")
    return lp


def run_sklearn_profile(doc, profile_fit, rows, argv=None):
    """sklearn_line_profiler.py's ``--rows``; profile the fits and print the report."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--rows", type=positive_int, default=rows, help="rows to fit after the first")
    args = parser.parse_args(argv)
    return print_sklearn_profile(profile_fit, args.rows)


def compare_timings(time_methods, number, data=None):
    """Check the four methods agree on the first row (of the pickle ``data``, or made here); time them."""
    import numpy as np
    import pandas as pd
    from utility import ols_lstsq, ols_lstsq_raw, ols_sklearn, ols_sm

    df = pd.read_pickle(data) if data else make_data()
    row = df.iloc[0]
    expected = ols_lstsq_raw(row.to_numpy(dtype=np.float64))
    for function in (ols_sklearn, ols_sm, ols_lstsq):
        assert np.isclose(function(row), expected, rtol=1e-9, atol=1e-12), function.__name__
    print(f"slope of df.iloc[0] = {expected:.12f} (all four methods agree)")
    timings = time_methods(row, number)
    fastest = min(timings.values())
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1e6:.1f} µs per call ({seconds / fastest:.1f}x the fastest)")
    return timings


def run_sklearn_timings(doc, time_methods, number, argv=None):
    """compare_sklearn_lstsq_timing.py's ``--number`` and ``--data``; check the four methods, time them."""
    from hpp.script import example_parser, existing_file, positive_int

    parser = example_parser(doc)
    parser.add_argument("--number", type=positive_int, default=number, help="calls per timeit run")
    parser.add_argument("--data", type=existing_file, help="generate_data.py's pickle (default: made here)")
    args = parser.parse_args(argv)
    needs("sklearn", "scikit-learn")
    needs("statsmodels", "statsmodels")
    return compare_timings(time_methods, args.number, args.data)


# ---------------------------------------------------------------- plot_min_max_slopes.py


def plot_min_max(min_max_slopes, plot_rows, path, people, data=None):
    """Print the largest and smallest slopes (of the pickle ``data``, or made here); plot them to ``path``."""
    import pandas as pd

    df = pd.read_pickle(data) if data else make_data(people)
    results, idxmax, idxmin = min_max_slopes(df)
    print(f"{len(df):,} people, slopes from df.apply(ols_lstsq, axis=1)")
    print(f"largest slope: person {idxmax}, m = {results[idxmax]:.6f}")
    print(f"smallest slope: person {idxmin}, m = {results[idxmin]:.6f}")
    plot_rows(df, {"largest": idxmax, "smallest": idxmin}, path)
    print(f"saved {path}")
    return idxmax, idxmin


def run_min_max_slopes(doc, min_max_slopes, plot_rows, argv=None):
    """plot_min_max_slopes.py's flags; the extreme slopes printed and drawn."""
    from utility import BOOK_PEOPLE

    from hpp.script import example_parser, existing_file, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    parser.add_argument("--data", type=existing_file, help="generate_data.py's pickle (default: made here)")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save min_max_slopes.png")
    args = parser.parse_args(argv)
    path = output_dir("06_matrix", args.output_dir) / "min_max_slopes.png"
    return plot_min_max(min_max_slopes, plot_rows, path, args.people, args.data)


# ---------------------------------------------------------------- memory_dtypes.py


def print_memory_lessons(memory_lessons, column_bytes, people):
    """Print each lesson's bytes before and after the smaller dtype."""
    print(f"{people:,} rows; bytes from memory_usage(deep=True), index excluded")
    for lesson, before, after in memory_lessons(people):
        b, a = column_bytes(before), column_bytes(after)
        print(f"{lesson}: {before.dtype} {b:,} bytes -> {after.dtype} {a:,} bytes ({a / b:.1%} of before)")


def run_memory_lessons(doc, memory_lessons, column_bytes, argv=None):
    """memory_dtypes.py's ``--people``; each lesson's bytes before and after."""
    from utility import BOOK_PEOPLE

    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    args = parser.parse_args(argv)
    print_memory_lessons(memory_lessons, column_bytes, args.people)


# ---------------------------------------------------------------- generate_data.py


def run_generate_data(doc, save_data, argv=None):
    """generate_data.py's flags (people, days, seed, output folder); make and save the data."""
    from utility import BOOK_DAYS, BOOK_PEOPLE, SEED

    from hpp.script import example_parser, output_dir, positive_int, seed, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    parser.add_argument("--days", type=positive_int, default=BOOK_DAYS)
    parser.add_argument("--seed", type=seed, default=SEED)
    parser.add_argument("--output-dir", type=writable_dir, help="where to write the pickle and the PNG")
    args = parser.parse_args(argv)
    return save_data(output_dir("06_matrix", args.output_dir), args.people, args.days, args.seed)
