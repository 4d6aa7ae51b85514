"""``timeit`` turns the garbage collector off while it times (book chapter 2, "Simple Approaches to Timing").

The book warns: the ``timeit`` module temporarily disables the garbage
collector, which may hide a cost your real code pays when its allocations
set the collector off. ``gc.enable()`` as the first statement of the setup
turns it back on for the timing (the ``timeit`` documentation's advice).

The script times one allocation-heavy statement (a list of 1,000 small
lists) both ways, and for each run prints what the statement saw
(``gc.isenabled()`` inside the timed code) and how many collections the
collector made during the run (``gc.callbacks``): none
with ``timeit``'s default, some once the setup enables it.

Run:
    python 02_profiling/timeit_gc.py
    python 02_profiling/timeit_gc.py --number 200
"""

# taught: timeit with its default setup against a setup of "gc.enable()"
import gc
import timeit

STATEMENT = "data = [[i] for i in range(1000)]; seen.append(gc.isenabled())"


def time_with_gc(setup, number):
    """``(seconds, gc enabled inside the statement?, collections during the run)``.

    A ``gc.callbacks`` hook counts the collections that start while the statement
    runs (after the setup, before the last pass ends): not one set off by
    compiling the timer, nor one after ``timeit`` has switched the collector back on.
    """
    seen, started, during = [], [], []

    def count(phase, info):
        if phase == "start" and started and len(seen) < number:
            during.append(info["generation"])

    gc.callbacks.append(count)
    try:
        seconds = timeit.timeit(
            STATEMENT,
            setup=f"{setup}; started.append(True)",
            number=number,
            globals={"gc": gc, "seen": seen, "started": started},
        )
    finally:
        gc.callbacks.remove(count)
    if len(set(seen)) != 1:
        raise AssertionError("the collector changed state during the run")
    return seconds, seen[0], len(during)


# taught: end


def main(argv=None):
    from _profiling_tools import run_timeit_gc

    run_timeit_gc(__doc__, STATEMENT, time_with_gc, argv)


if __name__ == "__main__":
    main()
