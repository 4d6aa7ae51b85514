"""One row's OLS slope four ways: scikit-learn, ``np.linalg.lstsq`` (Series and raw), statsmodels.

Chapter 6 (2e) / Pandas (3e), "Applying a Function to Many Rows of Data":
before running a slope on 100,000 rows, the book times one row. scikit-learn's
``LinearRegression`` validates its input, centres the data and builds an
estimator object on every call; ``np.linalg.lstsq`` just solves the 14 x 2
system, so it is several times faster per row for the same slope. The script
checks that all four agree with ``np.linalg.lstsq`` before it times them
(``timeit``, 10,000 calls each, as the official script).

Run (the data come from ``utility.make_data``, or the book's pickle with ``--data``):
    python compare_sklearn_lstsq_timing.py
    python compare_sklearn_lstsq_timing.py --number 1000 --data generated_ols_data.pickle
"""

# book: 2nd ed. code, "compare_sklearn_lstsq_timing.py"
import timeit

from utility import ols_lstsq, ols_lstsq_raw, ols_sklearn, ols_sm

BOOK_NUMBER = 10_000


def time_methods(row, number=BOOK_NUMBER):
    """Seconds per call of each method on ``row`` (a Series), best of 3 ``timeit`` runs."""
    raw = row.to_numpy()
    calls = {
        "ols_sklearn": lambda: ols_sklearn(row),
        "ols_sm": lambda: ols_sm(row),
        "ols_lstsq": lambda: ols_lstsq(row),
        "ols_lstsq_raw": lambda: ols_lstsq_raw(raw),
    }
    return {name: min(timeit.repeat(call, number=number, repeat=3)) / number for name, call in calls.items()}


# book: end


def main(argv=None):
    from _pandas_drivers import run_sklearn_timings

    run_sklearn_timings(__doc__, time_methods, BOOK_NUMBER, argv)


if __name__ == "__main__":
    main()
