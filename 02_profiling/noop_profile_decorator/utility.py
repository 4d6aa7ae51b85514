"""A no-op ``@profile`` so profiled code still runs under pytest (Examples 2-19 to 2-22).

kernprof puts ``profile`` into ``builtins`` and ``python -m memory_profiler``
puts it into the script's globals (and ``builtins``). Under plain Python or
pytest there is no such name, and ``@profile`` raises ``NameError`` (pytest:
"1 error" at collection). The fix is a no-op decorator defined only when no
profiler supplied one.

The official guard, ``if 'line_profiler' not in dir() and 'profile' not in
dir()``, looks only at the module's own names: kernprof's ``profile`` lives in
``builtins``, so the guard replaces it with the dummy and ``kernprof -l -v``
prints an empty report. Asking for the name itself (``try: profile``) finds it
wherever it is, so this version works under all three. (The other examples of
the chapter use the same idea from ``hpp.profile``.)

Run (section "Unit Testing During Optimization to Maintain Correctness"):
    cd 02_profiling/noop_profile_decorator
    python utility.py
    pytest test_utility.py           # 1 passed in about 3 s (three 1-second sleeps)
    kernprof -l -v utility.py        # the sleep line is 100% of the time
    python -m memory_profiler utility.py
"""

import time

try:
    profile  # noqa: B018 (kernprof's builtin, or memory_profiler's global)
except NameError:
    def profile(func):
        """No profiler is running: return the function unchanged."""
        return func

SMOKE_ARGS = ["--sleep", "0"]
SLEEP_SECONDS = 1.0


@profile
def some_fn(useful_input):
    """An expensive function that we wish to both test and profile"""
    # artificial "we're doing something clever and expensive" delay
    time.sleep(SLEEP_SECONDS)
    return useful_input ** 2


def main(argv=None):
    global SLEEP_SECONDS
    from hpp.script import example_parser

    parser = example_parser(__doc__)
    parser.add_argument("--sleep", type=float, default=SLEEP_SECONDS,
                        help="seconds some_fn sleeps (the book: 1)")
    args = parser.parse_args(argv)
    if args.sleep < 0:
        parser.error(f"argument --sleep: expected a number >= 0, got {args.sleep}")
    SLEEP_SECONDS = args.sleep
    print(f"Example call `some_fn(2)` == {some_fn(2)}")


if __name__ == "__main__":
    main()
