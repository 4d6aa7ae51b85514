"""The OLS helpers and the generated data the pandas examples share (the book's ``utility.py``).

Chapter 6 (2e) / Pandas (3e): each row of the DataFrame is one person's
hours of phone use over 14 days; the task is the slope of a straight-line
least-squares fit per row. The book solves it four ways:

- ``ols_sklearn``: scikit-learn's ``LinearRegression`` (the intercept is built in);
- ``ols_lstsq``: ``np.linalg.lstsq`` on a row given as a pandas Series;
- ``ols_lstsq_raw``: the same on a plain NumPy array (what ``apply(raw=True)`` passes);
- ``ols_sm``: statsmodels' ``OLS`` with ``add_constant`` (the official file used ``sm``
  without importing it; ours imports it).

All four give the slope of ``np.linalg.lstsq`` (``tests/test_06_matrix.py``).
``ols_slopes_vectorised`` is the whole-table answer in one matrix product.
scikit-learn and statsmodels are imported inside their functions: every pandas
script imports this module, and only two of them need the libraries.

Run its check: ``python utility.py`` prints each method's slope for the first person.
"""

# book: 2nd ed. code, "generate_data.py" (the data)
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


# book: end


# book: 2nd ed. code, "utility.py"
def ols_sklearn(row):
    """Solve OLS using scikit-learn's LinearRegression."""
    from sklearn.linear_model import LinearRegression

    est = LinearRegression()
    X = np.arange(row.shape[0]).reshape(-1, 1)  # shape (14, 1)
    # the intercept is built inside LinearRegression
    est.fit(X, row.values)
    m = est.coef_[0]  # c is in est.intercept_
    return m


def ols_lstsq(row):
    """Solve OLS using numpy.linalg.lstsq: the slope for ``row`` (a pandas Series) against 0..n-1."""
    # build X values for [0, 13]
    X = np.arange(row.shape[0])  # shape (14,)
    ones = np.ones(row.shape[0])  # constant used to build the intercept
    A = np.vstack((X, ones)).T  # shape (14, 2)
    # lstsq returns the coefficient and intercept as the first result,
    # followed by the residuals and other items
    m, c = np.linalg.lstsq(A, row.values, rcond=-1)[0]
    return m


def ols_lstsq_raw(row):
    """Variant of ``ols_lstsq`` where ``row`` is a NumPy array, not a Series (compiles with Numba)."""
    X = np.arange(row.shape[0])
    ones = np.ones(row.shape[0])
    A = np.vstack((X, ones)).T
    m, c = np.linalg.lstsq(A, row, rcond=-1)[0]
    return m


def ols_sm(row):
    """Solve OLS using statsmodels: ``OLS(y, add_constant(x)).fit()``, the slope is ``params[1]``."""
    import statsmodels.api as sm

    X = np.arange(row.shape[0])
    X = sm.add_constant(X)
    model = sm.OLS(row.values, X)
    results = model.fit()
    m = results.params[1]
    return m


# book: end


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


def main(argv=None):
    from _pandas_drivers import run_utility_check

    run_utility_check(__doc__, [ols_sklearn, ols_lstsq, ols_lstsq_raw, ols_sm], argv)


if __name__ == "__main__":
    main()
