"""Lazy anomaly detection on an endless sensor stream (Examples 5-2 to 5-5).

Chapter 5, "Lazy Generator Evaluation". One reading a second for 20 years is
631,152,000 points: too many for a list, no problem for a chain of
generators. Each stage pulls one item at a time from the one before:

    read_fake_data      an endless stream of Datum(date, value): N(0, 1) noise,
                        with a value of 100 injected about once a week
    groupby_day         itertools.groupby on the UTC calendar day -> one list per day
    filterfalse(is_normal)  keep the days whose values fail scipy.stats.normaltest
    islice(..., 5)      stop after the first five anomalous days

Nothing is read beyond the fifth anomalous day. Two fixes to the book's code:
the fake stream is seeded (``--seed``), and days are UTC days: the book uses
``datetime.fromtimestamp`` (local time) and groups on the day of the month,
so its days depend on the machine's time zone. ``read_data`` reads real
``timestamp,value`` lines (Unix seconds, a number) through the same pipeline
with ``--input``; days with fewer than 20 readings are too short to test and
count as normal. ``groupby_window`` is the book's sliding-window variant.

The 1st and 2nd editions checked each day in one pass instead: Welford's
online mean and variance (``online_statistics``) and a flag when the day's
maximum lies more than 6 standard deviations above its mean
(``check_anomaly``, ``--method welford``, no scipy needed); the day's readings
stream through and are never stored. ``rolling_window_grouper`` is their
sliding window.

Run:
    python 05_iterators/lazy_data_analysis.py                 # the first 5 anomalous days, seed 0
    python 05_iterators/lazy_data_analysis.py --seed 42 --anomalies 3
    python 05_iterators/lazy_data_analysis.py --input readings.csv
    python 05_iterators/lazy_data_analysis.py --method welford      # same five days, one pass
"""

# book: Example 5-2 (its imports, with math and deque for the 1st/2nd editions' one-pass check)
import math
import random
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count, filterfalse, groupby, islice
from operator import attrgetter

SECONDS_PER_DAY = 60 * 60 * 24
ANOMALY_PROBABILITY = 1 / (7 * SECONDS_PER_DAY)  # about once a week at one reading a second
MIN_READINGS = 20  # scipy's normaltest needs at least 20 values for its kurtosis test


@dataclass
class Datum:
    date: datetime
    value: float


def utc(timestamp):  # the book: datetime.fromtimestamp(timestamp), the machine's local time
    return datetime.fromtimestamp(timestamp, tz=UTC)


# book: end


# book: Example 5-2 (read_data; a header line, blank lines and a bad line named with its number are ours)
def read_data(filename):
    """Yield a Datum per ``timestamp,value`` line (a header line, blank lines and # comments are skipped)."""
    with open(filename) as fd:
        for line_number, line in enumerate(fd, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            data = line.split(",")
            try:
                if len(data) != 2:
                    raise ValueError
                timestamp, value = float(data[0]), float(data[1])
            except ValueError:
                if line_number == 1:  # a header such as "timestamp,value"
                    continue
                raise ValueError(
                    f"{filename}:{line_number}: expected 'timestamp,value', got {line[:60]!r}"
                ) from None
            yield Datum(utc(timestamp), value)


# book: end


# book: Example 5-2 (continued), seeded
def read_fake_data(filename=None, seed=0, anomaly_probability=ANOMALY_PROBABILITY):
    """An endless 1 Hz stream from 1970-01-01 UTC; ``filename`` is ignored, as in the book."""
    rng = random.Random(seed)
    one_in = round(1 / anomaly_probability)
    for timestamp in count():
        if rng.randint(0, one_in - 1) == 1:
            value = 100
        else:
            value = rng.normalvariate(0, 1)
        yield Datum(utc(timestamp), value)


# book: end


# book: Example 5-3 (grouped by the UTC calendar day)
def groupby_day(iterable):
    key = lambda row: row.date.date()  # the UTC calendar day (the book: row.date.day)
    for day, data_group in groupby(iterable, key):
        yield list(data_group)


# book: end


# book: Example 5-4
def is_normal(data, threshold=1e-3):
    from scipy.stats import normaltest

    values = tuple(map(attrgetter("value"), data))
    if len(values) < MIN_READINGS:
        return True  # too few readings to test
    k2, p_value = normaltest(values)
    return not p_value < threshold


def filter_anomalous_groups(data):
    yield from filterfalse(is_normal, data)


# book: end


# book: Example 5-5
def filter_anomalous_data(data):
    data_group = groupby_day(data)
    yield from filter_anomalous_groups(data_group)


# book: end


# book: 3rd ed., "Lazy Generator Evaluation" (groupby_window)
def groupby_window(data, window_size=3600):
    window = tuple(islice(data, window_size))
    for item in data:
        yield window
        window = window[1:] + (item,)


# book: end


# The 1st and 2nd editions: a one-pass check (Welford's online mean and variance) and a
# rolling window. No day is ever held in memory: only n, the mean, M2 and the maximum.


# book: 1st and 2nd ed. code, "lazy_data_analysis.py" (the one-pass check and the rolling window)
def online_statistics(values):
    """``(n, mean, sample variance, maximum)`` in one pass over ``values`` (Welford's algorithm)."""
    n, mean, M2, max_value = 0, 0.0, 0.0, float("-inf")
    for value in values:
        n += 1
        delta = value - mean
        mean += delta / n
        M2 += delta * (value - mean)
        max_value = max(max_value, value)
    variance = M2 / (n - 1) if n > 1 else 0.0
    return n, mean, variance, max_value


def day_grouper(iterable):
    """``(day, readings of that day)`` pairs; the readings are a lazy iterator, never a list."""
    key = lambda row: row.date.date()
    return groupby(iterable, key)


def check_anomaly(day_data, sigmas=6):
    """True when the day's largest value is more than ``sigmas`` standard deviations above its mean."""
    n, mean, variance, max_value = online_statistics(datum.value for datum in day_data)
    return n > 1 and max_value > mean + sigmas * math.sqrt(variance)


def anomalous_days(data, sigmas=6):
    """The days ``check_anomaly`` flags, one day at a time, in constant memory."""
    for day, day_data in day_grouper(data):
        if check_anomaly(day_data, sigmas):
            yield day


def rolling_window_grouper(data, window_size=86400):
    """``(start date, window)`` for each run of ``window_size`` readings, sliding by one.

    Unlike ``groupby_window`` the last window is yielded too. The deque drops
    the oldest reading in O(1); each window is copied to a tuple, so the caller
    may keep it (the copy the 3rd edition says costs the deque its benefit).
    """
    window = deque(islice(data, window_size), maxlen=window_size)
    if len(window) < window_size:
        return
    yield window[0].date, tuple(window)
    for item in data:
        window.append(item)
        yield window[0].date, tuple(window)


# book: end


# book: Example 5-5 (continued): the first anomalies printed
def print_anomalies(data, anomalies=5, threshold=1e-3):
    anomalous = filterfalse(lambda day: is_normal(day, threshold), groupby_day(data))
    found = 0
    for data_anomaly in islice(anomalous, anomalies):
        start_date = data_anomaly[0].date
        end_date = data_anomaly[-1].date
        peak = max(d.value for d in data_anomaly)  # ours: the day's size and its peak
        print(
            f"Anomaly from {start_date:%Y-%m-%d %H:%M:%S} - {end_date:%Y-%m-%d %H:%M:%S} "
            f"({len(data_anomaly)} readings, max {peak:.2f})"
        )
        found += 1
    return found


# book: end


def main(argv=None):
    import sys

    from _iterators_family import find_anomalies

    find_anomalies(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
