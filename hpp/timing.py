"""Timing helpers: the book's ``timefn`` decorator and a repeat timer."""

import statistics
import time
from dataclasses import dataclass, field
from functools import wraps


def timefn(fn):
    """Print how long each call of ``fn`` took (the book's Example 2-5).

    ``functools.wraps`` keeps the function's name, so the printout and any
    profiler report name the real function.
    """

    @wraps(fn)
    def measure_time(*args, **kwargs):
        t1 = time.perf_counter()
        result = fn(*args, **kwargs)
        t2 = time.perf_counter()
        print(f"@timefn: {fn.__name__} took {t2 - t1:.6f} seconds")
        return result

    return measure_time


@dataclass
class Timing:
    """The times of repeated runs, in seconds; ``first`` is the warm-up run."""

    first: float
    times: list = field(default_factory=list)

    @property
    def min(self):
        return min(self.times)

    @property
    def median(self):
        return statistics.median(self.times)


def repeat_timer(fn, *, repeat=5, warmup=True, budget_seconds=None):
    """Time ``fn()``: one warm-up call, then up to ``repeat`` timed calls.

    The warm-up call is timed too and reported as ``first`` (for a JIT it holds
    the compile time). With ``warmup=False`` the first call also counts as a
    timed run. ``budget_seconds`` stops repeating once the timed runs have used
    that much time (at least one timed run is always made).
    Returns ``(Timing, result of the last call)``.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    start = time.perf_counter()
    result = fn()
    first = time.perf_counter() - start
    timing = Timing(first=first)
    if not warmup:
        timing.times.append(first)
    spent = 0.0
    while len(timing.times) < repeat:
        if timing.times and budget_seconds is not None and spent >= budget_seconds:
            break
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        timing.times.append(elapsed)
        spent += elapsed
    return timing, result
