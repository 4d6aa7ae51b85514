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


# book: 2nd ed. code, "str_operation.py" (and its counts of the rows without a 9)
def find_9_str_accessor(text_column):
    return text_column.str.split(".", expand=True)[1].str.find("9")


def find_9(text):
    return text.split(".")[1].find("9")


def find_9_apply(text_column):
    return text_column.apply(find_9)


def count_query(df):
    return len(df.query("find_9 == -1"))


def count_groupby(df):
    return int(df.groupby("find_9").size().get(-1, 0))


def count_mask(df):
    return int((df["find_9"] == -1).sum())


# book: end


# taught: 3rd ed., "So Why Use Python?": polars, an alternative to pandas with a built-in query
# planner: the same string task as one expression, run eagerly and through the lazy query plan
# (Polars' column names are strings: "0" .. "13")
def find_9_polars_expr():
    import polars as pl

    return pl.col("0").cast(pl.String).str.split(".").list.get(1).str.find("9").fill_null(-1).alias("find_9")


def find_9_polars(pl_df):
    """Eager: the expression runs at once on the DataFrame."""
    return pl_df.select(find_9_polars_expr()).to_series()


def find_9_polars_lazy(pl_df):
    """Lazy: a query plan, optimised and run by ``collect()``."""
    return pl_df.lazy().select(find_9_polars_expr()).collect().to_series()


# taught: end


def main(argv=None):
    from _pandas_drivers import run_string_methods

    finders = {"str_accessor": find_9_str_accessor, "apply": find_9_apply}
    counters = {"query": count_query, "groupby": count_groupby, "mask": count_mask}
    polars = {"polars": find_9_polars, "polars_lazy": find_9_polars_lazy}
    run_string_methods(__doc__, finders, counters, polars, argv)


if __name__ == "__main__":
    main()
