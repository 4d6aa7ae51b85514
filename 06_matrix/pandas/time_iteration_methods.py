"""Per-row OLS slopes with every way pandas lets you iterate, from slowest to fastest.

Chapter 6 (2e) / Pandas (3e), "Applying a Function to Many Rows of Data":
the same slope for each of 100,000 people by

- ``iloc``: a Python loop fetching each row with ``df.iloc[i]`` (a new Series each time);
- ``iterrows``: the same loop through ``df.iterrows()``;
- ``apply``: ``df.apply(ols_lstsq, axis=1)``, still a Series per row;
- ``apply raw``: ``apply(ols_lstsq_raw, axis=1, raw=True)``, a NumPy array per row;
- ``numba jit``: ``apply(raw=True)`` with ``numba.njit(ols_lstsq_raw)``;
- ``numba engine``: ``apply(ols_lstsq_raw, raw=True, engine="numba")`` (pandas compiles the
  whole loop; the first call includes a long compile);
- ``vectorised``: no per-row Python at all, one matrix product (``ols_slopes_vectorised``).

Every result is checked against ``np.linalg.lstsq`` row by row (assert_allclose).
(The official script stopped half-way with a deliberate ``1/0``.)

Run:
    python 06_matrix/pandas/time_iteration_methods.py --people 100000
    python 06_matrix/pandas/time_iteration_methods.py --people 10000 --methods apply_raw,vectorised
"""

# book: 3rd ed. code, "time_iteration_methods.py"
import pandas as pd
from utility import ols_lstsq, ols_lstsq_raw, ols_slopes_vectorised


def slopes_iloc(df):
    results = []
    for row_idx in range(df.shape[0]):
        row = df.iloc[row_idx]
        results.append(ols_lstsq(row))
    return pd.Series(results, index=df.index)


def slopes_iterrows(df):
    results = []
    for _row_idx, row in df.iterrows():
        results.append(ols_lstsq(row))
    return pd.Series(results, index=df.index)


def slopes_apply(df):
    return df.apply(ols_lstsq, axis=1)


def slopes_apply_raw(df):
    return df.apply(ols_lstsq_raw, axis=1, raw=True)


_jitted = {}


def slopes_numba_jit(df):
    if "ols" not in _jitted:
        from numba import njit

        _jitted["ols"] = njit(ols_lstsq_raw)
    return df.apply(_jitted["ols"], axis=1, raw=True)


def slopes_numba_engine(df):
    return df.apply(ols_lstsq_raw, axis=1, raw=True, engine="numba")


def slopes_vectorised(df):
    return ols_slopes_vectorised(df)


METHODS = {
    "iloc": slopes_iloc,
    "iterrows": slopes_iterrows,
    "apply": slopes_apply,
    "apply_raw": slopes_apply_raw,
    "numba_jit": slopes_numba_jit,
    "numba_engine": slopes_numba_engine,
    "vectorised": slopes_vectorised,
}


# book: end


def main(argv=None):
    from _pandas_drivers import run_slope_methods

    run_slope_methods(__doc__, METHODS, argv)


if __name__ == "__main__":
    main()
