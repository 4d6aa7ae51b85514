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

# taught: 2nd ed., "Applying a Function to Many Rows of Data": each way of iterating timed, all checked
import time

import numpy as np
import time_iteration_methods as pandas_methods
import time_iteration_methods_polars as polars_methods
from utility import ols_slopes_reference

POLARS = {
    name.removeprefix("slopes_"): f for name, f in vars(polars_methods).items() if name.startswith("slopes_")
}
METHODS = {**pandas_methods.METHODS, **POLARS}
DEFAULT = [name for name in METHODS if not name.startswith("numba")]


def measure(df, methods, repeat, sums=None):
    """``{method: best seconds}``; each result checked against lstsq per row (and its slopes
    summed into ``sums``, a dict, when given)."""
    expected = ols_slopes_reference(df).to_numpy()
    pl_df = polars_methods.to_polars(df)
    seconds = {}
    for name in methods:
        data = pl_df if name in POLARS else df
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


# taught: end


def main(argv=None):
    from _pandas_drivers import run_pandas_methods

    run_pandas_methods(__doc__, measure, METHODS, DEFAULT, POLARS, argv)


if __name__ == "__main__":
    main()
