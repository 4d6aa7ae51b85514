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

import timeit

import numpy as np
import pandas as pd
from utility import make_data, needs, ols_lstsq, ols_lstsq_raw, ols_sklearn, ols_sm

SMOKE_ARGS = ["--number", "20"]
BOOK_NUMBER = 10_000


# book: 2nd ed. code, "compare_sklearn_lstsq_timing.py"
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


def compare_timings(number=BOOK_NUMBER, data=None):
    """Check the four methods agree on the first row (of the pickle ``data``, or made here); time them."""
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


def main(argv=None):
    from hpp.script import example_parser, existing_file, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--number", type=positive_int, default=BOOK_NUMBER, help="calls per timeit run")
    parser.add_argument("--data", type=existing_file, help="generate_data.py's pickle (default: made here)")
    args = parser.parse_args(argv)
    needs("sklearn", "scikit-learn")
    needs("statsmodels", "statsmodels")
    compare_timings(args.number, args.data)


if __name__ == "__main__":
    main()
