"""The OLS helpers and the generated data the pandas examples share (the book's ``utility.py``).

Chapter 6 (2e) / Pandas (3e): each row of the DataFrame is one person's
hours of phone use over 14 days; the task is the slope of a straight-line
least-squares fit per row. ``ols_lstsq`` takes a row as a pandas Series,
``ols_lstsq_raw`` a plain NumPy array (what ``apply(raw=True)`` passes).
``ols_slopes_vectorised`` is the whole-table answer in one matrix product.
"""

import numpy as np
import pandas as pd

BOOK_PEOPLE = 100_000
BOOK_DAYS = 14
SEED = 0


def make_data(people=BOOK_PEOPLE, days=BOOK_DAYS, seed=SEED):
    """People x days of ``Poisson(60) / 60`` hours, seeded (the official code used ``np.float_``)."""
    rng = np.random.default_rng(seed)
    values = rng.poisson(lam=60, size=(people, days)) / 60
    return pd.DataFrame(values, columns=range(days))


def ols_lstsq(row):
    """The slope of the least-squares line through ``row`` (a pandas Series) against 0..n-1."""
    X = np.arange(row.shape[0])
    ones = np.ones(row.shape[0])
    A = np.vstack((X, ones)).T
    m, c = np.linalg.lstsq(A, row.values, rcond=-1)[0]
    return m


def ols_lstsq_raw(row):
    """The same slope for ``row`` given as a NumPy array (also compiles with Numba)."""
    X = np.arange(row.shape[0])
    ones = np.ones(row.shape[0])
    A = np.vstack((X, ones)).T
    m, c = np.linalg.lstsq(A, row, rcond=-1)[0]
    return m


def ols_slopes_vectorised(df):
    """Every row's slope at once: sum((x - mean x)(y - mean y)) / sum((x - mean x)^2)."""
    y = df.to_numpy(dtype=np.float64)
    x = np.arange(y.shape[1], dtype=np.float64)
    x_centred = x - x.mean()
    slopes = (y - y.mean(axis=1, keepdims=True)) @ x_centred / (x_centred @ x_centred)
    return pd.Series(slopes, index=df.index)


def ols_slopes_reference(df):
    """The oracle: ``np.linalg.lstsq`` on each row, in a plain loop over the NumPy array."""
    values = df.to_numpy(dtype=np.float64)
    return pd.Series([ols_lstsq_raw(row) for row in values], index=df.index)
