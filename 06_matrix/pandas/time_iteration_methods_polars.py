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

import time

import numpy as np
import polars as pl
from utility import BOOK_PEOPLE, make_data, ols_lstsq_raw, ols_slopes_reference

SMOKE_ARGS = ["--people", "300"]


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


METHODS = {
    "polars": slopes_polars,
    "polars_lazy": slopes_polars_lazy,
    "polars_map_rows": slopes_polars_map_rows,
}


def compare_methods(people=BOOK_PEOPLE, methods=tuple(METHODS)):
    """Time each Polars method on ``people`` rows, check its slopes against lstsq per row, print each."""
    df = make_data(people)
    expected = ols_slopes_reference(df).to_numpy()
    pl_df = to_polars(df)
    print(f"{people} people x {df.shape[1]} days; checking against np.linalg.lstsq per row")
    for name in methods:
        start = time.perf_counter()
        slopes = METHODS[name](pl_df)
        seconds = time.perf_counter() - start
        np.testing.assert_allclose(slopes.to_numpy(), expected, rtol=1e-9, atol=1e-12)
        print(f"{name}: {seconds:.4f} s, slopes agree, sum(slopes) = {slopes.sum():.10f}")


def main(argv=None):
    from hpp.script import comma_choices, example_parser, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    parser.add_argument(
        "--methods", type=comma_choices(*METHODS), default=list(METHODS), help="comma-separated"
    )
    args = parser.parse_args(argv)
    compare_methods(args.people, args.methods)


if __name__ == "__main__":
    main()
