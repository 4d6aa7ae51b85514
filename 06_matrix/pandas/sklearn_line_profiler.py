"""Line-profiling library code: where does scikit-learn's ``LinearRegression.fit`` spend its time?

Chapter 6 (2e) / Pandas (3e): ``ols_sklearn`` is many times slower per row than
``np.linalg.lstsq``. To see why, the book points ``line_profiler``'s
``LineProfiler`` at scikit-learn's own functions (no ``@profile`` decorator
needed: a function object is enough) and runs the fit on one row, then on
5,000 rows. The report shows most of the time in input validation
(``validate_data``/``check_X_y``) and centring (``_preprocess_data``), and only
a small share in the least-squares solve itself: safety checks a caller who
knows the data is clean pays for on every row.

``fit`` is wrapped by ``_fit_context`` in current scikit-learn, so we profile
``LinearRegression.fit.__wrapped__`` as the 3rd edition does (the 2e file
imported the since-removed ``sklearn.linear_model.base``).

Run:
    python sklearn_line_profiler.py                 # one row, then 5,000 rows
    python sklearn_line_profiler.py --rows 500
"""

# book: 3rd ed. code, "sklearn_line_profiler.py"
import numpy as np
from line_profiler import LineProfiler
from sklearn.linear_model import LinearRegression, _base
from sklearn.utils import validation
from utility import ols_sklearn

BOOK_ROWS = 5_000


def library_functions():
    """The scikit-learn functions the book profiles, as they are named in this version."""
    fit = LinearRegression.fit
    functions = [getattr(fit, "__wrapped__", fit), _base._preprocess_data]
    for name in ("validate_data", "check_X_y"):
        if hasattr(validation, name):
            functions.append(getattr(validation, name))
    return functions


def profile_fit(df, rows=BOOK_ROWS):
    """Line-profile one ``est.fit`` on ``df.iloc[0]``, then ``ols_sklearn`` over ``rows`` rows."""
    lp = LineProfiler(*library_functions())
    est = LinearRegression()
    row = df.iloc[0]
    X = np.arange(row.shape[0]).reshape(-1, 1).astype(np.float64)
    lp.runcall(est.fit, X, row.values)
    lp.runcall(df[:rows].apply, ols_sklearn, axis=1)
    return lp


# book: end


def main(argv=None):
    from _pandas_drivers import run_sklearn_profile

    run_sklearn_profile(__doc__, profile_fit, BOOK_ROWS, argv)


if __name__ == "__main__":
    main()
