"""Measuring the memory that Python objects and calls take (chapter 11 and any chapter that asks).

- ``deep_sizeof(obj)``: bytes taken by ``obj`` and everything it refers to, each
  object counted once (like Pympler's ``asizeof``; ``sys.getsizeof`` counts only
  the outer object);
- ``rss_bytes()``: this process's resident set size (psutil);
- ``traced_peak(function, *args)``: the peak of what tracemalloc sees during a call
  (NumPy reports its buffers, so temporaries count);
- ``peak_rss_growth(function, *args)``: the peak growth of the resident set size
  during a call, sampled by a thread (what ``memory_profiler.memory_usage(...,
  max_usage=True)`` reports, without its child process).
"""

import gc
import os
import random
import sys
import threading
import tracemalloc
import types

# Shared machinery, not part of a data structure: a deep size skips them.
_SKIP_TYPES = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    random.Random,
)


def deep_sizeof(obj):
    """Bytes taken by ``obj`` and every object it refers to, each counted once.

    Like Pympler's ``asizeof``: walk the references with ``gc.get_referents``
    and sum ``sys.getsizeof`` (plus a dict's keys, which the GC does not list
    when they are all strings). Buffers owned by ``array``, ``bitarray``,
    ``bytearray`` and NumPy arrays are part of their ``getsizeof``. Classes,
    modules, functions and random generators are shared, so they are skipped.

    >>> deep_sizeof([1]) == sys.getsizeof([1]) + sys.getsizeof(1)
    True
    """
    seen = set()
    total = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, _SKIP_TYPES):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (str, bytes, int, float, bool)):
            continue
        if isinstance(item, dict):
            # A dict whose keys are all str does not report its keys to the GC
            # (strings cannot form cycles), so ask for them.
            stack.extend(item.keys())
        stack.extend(gc.get_referents(item))
    return total


def rss_bytes():
    """The resident set size of this process, in bytes (needs psutil)."""
    import psutil

    return psutil.Process(os.getpid()).memory_info().rss


def traced_peak(function, *args):
    """(result, peak bytes) of ``function(*args)`` as tracemalloc sees it.

    NumPy reports its array buffers to tracemalloc, so the peak counts the
    temporaries an expression makes; memory allocated by C code that does not
    report itself (numexpr's small per-thread chunk buffers) is not counted.
    """
    gc.collect()
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        result = function(*args)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if started:
            tracemalloc.stop()
    return result, peak


def peak_rss_growth(function, *args, interval=0.001):
    """(result, peak RSS growth in bytes) of ``function(*args)``, sampled by a thread.

    What ``memory_profiler.memory_usage(..., max_usage=True)`` reports, without
    the monitoring child process (forking a multi-threaded process is unsafe).
    Only meaningful for allocations large enough to reach the OS (mmap).
    """
    gc.collect()
    base = rss_bytes()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_bytes())
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        result = function(*args)
        peak[0] = max(peak[0], rss_bytes())
    finally:
        done.set()
        sampler.join()
    return result, peak[0] - base
