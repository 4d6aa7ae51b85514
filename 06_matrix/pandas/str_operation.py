"""A string operation on a column: the ``.str`` accessor versus ``apply``; then query, groupby, mask.

Chapter 6 (2e) / Pandas (3e), string operations: turn the first day's hours
into text and find the position of the first '9' after the decimal point
(-1 when there is none). The vectorised-looking ``.str.split(...).str.find``
builds an intermediate DataFrame of pieces; a plain Python function through
``apply`` does one pass, and the book found it the faster of the two (3e
comments: 146 ms vs 51.7 ms for 100,000 rows). Then three ways to count the
rows with no 9 after the point (``find_9 == -1``): ``df.query``, a
``groupby`` and a boolean mask (3e comments: 4.85 ms, 1.45 ms and 1.9 ms).
Polars does the string task as one expression, eager and lazy, beside them.
Every variant's answer is checked to be the same.

Run:
    python str_operation.py --people 100000
"""

import time

import pandas as pd
from utility import BOOK_PEOPLE, make_data

SMOKE_ARGS = ["--people", "1000"]


# book: 2nd ed. code, "str_operation.py"
def find_9_str_accessor(text_column):
    return text_column.str.split(".", expand=True)[1].str.find("9")


def find_9(text):
    return text.split(".")[1].find("9")


def find_9_apply(text_column):
    return text_column.apply(find_9)


# book: end


# ---- counting the rows without a 9 after the point, three ways


def count_query(df):
    return len(df.query("find_9 == -1"))


def count_groupby(df):
    return int(df.groupby("find_9").size().get(-1, 0))


def count_mask(df):
    return int((df["find_9"] == -1).sum())


# ---- the same string task in Polars (column names are strings there)


def find_9_polars_expr():
    import polars as pl

    return pl.col("0").cast(pl.String).str.split(".").list.get(1).str.find("9").fill_null(-1).alias("find_9")


def find_9_polars(pl_df):
    """Eager: the expression runs at once on the DataFrame."""
    return pl_df.select(find_9_polars_expr()).to_series()


def find_9_polars_lazy(pl_df):
    """Lazy: a query plan, optimised and run by ``collect()``."""
    return pl_df.lazy().select(find_9_polars_expr()).collect().to_series()


def to_polars(df):
    import polars as pl

    return pl.from_pandas(df.rename(columns=str))


def compare_string_methods(people):
    """Time the four ways to find the 9 and the three ways to count rows without one; check they agree."""
    df = make_data(people)
    text_column = df[0].astype(str)
    timings, results = {}, {}

    def timed(name, function, *arguments):
        start = time.perf_counter()
        results[name] = function(*arguments)
        timings[name] = time.perf_counter() - start

    timed("str accessor", find_9_str_accessor, text_column)
    timed("apply(find_9)", find_9_apply, text_column)
    pl_df = to_polars(df[[0]])
    timed("polars eager", find_9_polars, pl_df)
    timed("polars lazy", find_9_polars_lazy, pl_df)
    positions = results["apply(find_9)"].to_numpy(dtype="int64")
    for name in ("str accessor", "polars eager", "polars lazy"):
        assert (results[name].to_numpy().astype("int64") == positions).all(), name
    print(f"{people:,} values, all four string methods agree")
    print(f"rows with a 9 after the point = {int((positions >= 0).sum())}")

    counted = pd.DataFrame({"find_9": positions})
    timed("query", count_query, counted)
    timed("groupby", count_groupby, counted)
    timed("mask", count_mask, counted)
    assert results["query"] == results["groupby"] == results["mask"]
    print(f"rows without a 9 = {results['mask']} (query, groupby, mask agree)")
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1e3:.2f} ms")
    return timings


def main(argv=None):
    from utility import needs

    from hpp.script import example_parser, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    args = parser.parse_args(argv)
    needs("polars", "polars")
    compare_string_methods(args.people)


if __name__ == "__main__":
    main()
