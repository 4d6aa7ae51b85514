"""The per-row OLS slope in Polars: one expression, eager and lazy, beside a per-row UDF.

Pandas (3e): the 3rd edition's README promises Polars beside pandas; this is
the same task as ``time_iteration_methods.py``. A Polars expression describes
the whole calculation on columns, so no Python runs per row:
slope = sum_i (i - mean(i)) * y_i / sum_i (i - mean(i))^2 over the 14 day
columns, as ``pl.sum_horizontal``. ``slopes_polars`` runs it eagerly,
``slopes_polars_lazy`` builds a query plan and ``collect()``s it, and
``slopes_polars_map_rows`` is Polars' equivalent of ``apply``: ``ols_lstsq_raw``
called in Python for each row, as slow as pandas' ``apply(raw=True)``. Every
result is checked against ``np.linalg.lstsq`` row by row.

Run:
    python time_iteration_methods_polars.py --people 100000
    python time_iteration_methods_polars.py --people 10000 --methods polars,polars_lazy
"""

# taught: 3rd ed., "So Why Use Python?": polars, "an alternative to pandas with a built-in query
# planner for faster and parallelized execution of queries": the book's per-row slope as one
# expression, run eagerly and through the lazy query plan, beside a per-row Python UDF (map_rows)
import numpy as np
import polars as pl
from utility import ols_lstsq_raw


def to_polars(df):
    """The pandas frame as a Polars one; Polars column names are strings: "0" .. "13"."""
    return pl.from_pandas(df.rename(columns=str))


def ols_slope_expr(columns):
    """The least-squares slope of each row against 0..n-1, as one Polars expression."""
    n = len(columns)
    x_mean = (n - 1) / 2
    sxx = sum((i - x_mean) ** 2 for i in range(n))
    return (pl.sum_horizontal([(i - x_mean) * pl.col(name) for i, name in enumerate(columns)]) / sxx).alias(
        "slope"
    )


def slopes_polars(pl_df):
    return pl_df.select(ols_slope_expr(pl_df.columns)).to_series()


def slopes_polars_lazy(pl_df):
    return pl_df.lazy().select(ols_slope_expr(pl_df.columns)).collect().to_series()


def slopes_polars_map_rows(pl_df):
    return pl_df.map_rows(lambda row: ols_lstsq_raw(np.array(row)), return_dtype=pl.Float64).to_series()


# taught: end


def main(argv=None):
    from _pandas_drivers import run_slope_methods

    run_slope_methods(
        __doc__, [slopes_polars, slopes_polars_lazy, slopes_polars_map_rows], argv, convert=to_polars
    )


if __name__ == "__main__":
    main()
