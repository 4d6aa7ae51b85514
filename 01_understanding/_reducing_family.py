"""The driver of ``reducing_operations.py`` (not a book example): its flags, timings and result lines.

The script holds the book's four searches; this module times them with ``timeit`` (the 2nd
edition's harness: a needle near the start and one near the end of ``list(range(N))``).
"""

import timeit


def time_searches(searches, haystack, needle, number):
    """``{name: seconds per call}`` for each search, plus the common answer."""
    answers = {search(haystack, needle) for search in searches}
    if len(answers) != 1:
        raise AssertionError("the four searches disagree")
    times = {}
    for search in searches:
        total = timeit.timeit(lambda search=search: search(haystack, needle), number=number)
        times[search.__name__] = total / number
    return answers.pop(), times


def compare_searches(searches, haystack_size=1000, number=10_000):
    """Time the four searches for a needle near the start, then the end, of ``list(range(haystack_size))``."""
    haystack = list(range(haystack_size))
    near_start = min(5, haystack_size - 1)
    near_end = max(haystack_size - 10, 0)
    for needle in (near_start, near_end):
        found, times = time_searches(searches, haystack, needle, number)
        print(f"needle {needle} in list(range({haystack_size})): found = {found}")
        for name, seconds in times.items():
            print(f"  {name:16s} {seconds * 1e6:9.2f} µs per call")


def run_reducing_operations(doc, searches, argv=None):
    """``reducing_operations.py``: --haystack-size, --number (timeit's calls per search)."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument(
        "--haystack-size", type=positive_int, default=1000, help="the haystack is list(range(N))"
    )
    parser.add_argument("--number", type=positive_int, default=10_000, help="timeit calls per search")
    args = parser.parse_args(argv)
    compare_searches(searches, args.haystack_size, args.number)
