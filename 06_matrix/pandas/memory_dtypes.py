"""Smaller DataFrames: ``category``, downcast numbers and nullable integers, in bytes.

Chapter 6 (2e) / Pandas (3e), "Advice for Effective pandas Development" and
"pandas's internal model":

- a large column of strings with few distinct values becomes a ``category``:
  one small integer code per row plus the distinct strings once;
- 8-byte ``float64``/``int64`` become 4-byte ``float32`` or 1-byte ``int8`` where the
  range allows (``pd.to_numeric(downcast=...)`` picks the smallest that fits);
- NumPy's ``int64`` cannot hold a missing value, so pandas turns such a column into
  ``float64``; the nullable ``Int64`` keeps integers exact with a one-byte mask per row
  (9 bytes a row, one more than ``float64``), and ``Int8`` brings it down to 2.

Each lesson prints the column's bytes before and after (``memory_usage(deep=True)``,
index excluded); ``tests/test_06_matrix.py`` asserts each saving.

Run:
    python memory_dtypes.py --people 100000
"""

# taught: 2nd ed., "Advice for effective pandas development": category and smaller dtypes use less RAM
import numpy as np
import pandas as pd
from utility import BOOK_PEOPLE, make_data

PHONES = ["android", "iphone", "other"]


def column_bytes(series):
    """Bytes a column holds, its Python objects included (``deep=True``), without the index."""
    return int(series.memory_usage(deep=True, index=False))


def phone_column(people, seed=0):
    """A low-cardinality string column: each person's phone type, as Python strings."""
    rng = np.random.default_rng(seed)
    return pd.Series(rng.choice(PHONES, size=people), dtype=object, name="phone")


def category_lesson(people):
    phones = phone_column(people)
    return phones, phones.astype("category")


def downcast_float_lesson(df):
    hours = df[0]  # float64 hours on day 0
    return hours, pd.to_numeric(hours, downcast="float")  # float32


def downcast_int_lesson(df):
    minutes = (df[0] * 60).round().astype("int64")  # Poisson(60) minutes: all below 127
    return minutes, pd.to_numeric(minutes, downcast="integer")  # int8


def nullable_int_lesson(df):
    minutes = (df[0] * 60).round().astype("int64")
    with_missing = minutes.where(minutes.index % 10 != 0)  # every 10th value missing: float64
    return with_missing, with_missing.astype("Int64")


def nullable_downcast_lesson(df):
    _, nullable = nullable_int_lesson(df)
    return nullable, nullable.astype("Int8")  # still nullable, 1 byte + 1 mask byte per row


def memory_lessons(people=BOOK_PEOPLE):
    """``[(lesson, before, after), ...]`` with the columns before and after the change."""
    df = make_data(people)
    return [
        ("strings -> category", *category_lesson(people)),
        ("float64 -> float32", *downcast_float_lesson(df)),
        ("int64 -> int8", *downcast_int_lesson(df)),
        ("int64 with NaN -> Int64", *nullable_int_lesson(df)),
        ("Int64 -> Int8", *nullable_downcast_lesson(df)),
    ]


# taught: end


def main(argv=None):
    from _pandas_drivers import run_memory_lessons

    run_memory_lessons(__doc__, memory_lessons, column_bytes, argv)


if __name__ == "__main__":
    main()
