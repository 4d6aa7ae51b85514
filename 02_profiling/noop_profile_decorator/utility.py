"""A no-op ``@profile`` so profiled code still runs under pytest (Examples 2-19 to 2-22).

kernprof puts ``profile`` into ``builtins`` and ``python -m memory_profiler``
puts it into the script's globals (and ``builtins``). Under plain Python or
pytest there is no such name, and ``@profile`` raises ``NameError`` (pytest:
"1 error" at collection). The fix is a no-op decorator defined only when no
profiler supplied one.

The book's guard, ``if 'line_profiler' not in dir() and 'profile' not in
dir()``, looks only at the module's own names: kernprof's ``profile`` lives in
``builtins``, so the guard replaces it with the dummy and ``kernprof -l -v``
prints an empty report. Asking for the name itself (``try: profile``) finds it
wherever it is, so this version works under all three.

The module holds its own test, as the book's does, so ``pytest utility.py``
collects and runs it (three one-second sleeps: "1 passed in 3.0 s").

Run (section "Unit Testing During Optimization to Maintain Correctness"):
    cd 02_profiling/noop_profile_decorator
    python utility.py
    pytest utility.py                # 1 passed in about 3 s
    pytest test_utility.py           # the same test, from its own file
    kernprof -l -v utility.py        # the sleep line is 100% of the time
    python -m memory_profiler utility.py
"""

# book: Example 2-19 (its import)
import time

# book: end

# book: Example 2-21
# check for line_profiler or memory_profiler in the local scope, both
# are injected by their respective tools or they're absent
# if these tools aren't being used (in which case we need to substitute
# a dummy @profile decorator)
try:
    profile  # noqa: B018 (a name lookup: kernprof's builtin, or memory_profiler's global)
except NameError:

    def profile(func):
        """No profiler is running: return the function unchanged."""
        return func


# book: end


SLEEP_SECONDS = 1.0


# book: Example 2-19
def test_some_fn():
    """Check basic behaviours for our function"""
    assert some_fn(2) == 4
    assert some_fn(1) == 1
    assert some_fn(-1) == 1


@profile
def some_fn(useful_input):
    """An expensive function that we wish to both test and profile"""
    # artificial "we're doing something clever and expensive" delay
    time.sleep(SLEEP_SECONDS)
    return useful_input**2


# book: end


def main(argv=None):
    from _noop_profile_flags import set_delay_from_flags

    set_delay_from_flags(__doc__, globals(), argv)  # --delay: SLEEP_SECONDS, the book's 1 s sleep
    # book: Example 2-19 (continued)
    print(f"Example call `some_fn(2)` == {some_fn(2)}")
    # book: end


if __name__ == "__main__":
    main()
