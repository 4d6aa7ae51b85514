"""Reducing operations: stop as soon as you know the answer.

The book asks which of four searches is faster. ``search_fast`` returns at the
first match; ``search_slow`` always walks the whole list. ``search_unknown1``
uses ``any`` over a generator, which also stops early; ``search_unknown2``
builds the whole list of comparisons first, then calls ``any``, so it cannot.
All four give the same answer; this script times them with ``timeit`` as the
book does, with the needle near the start and near the end of the haystack.

Run:
    python 01_understanding/reducing_operations.py
    python 01_understanding/reducing_operations.py --haystack-size 1000 --number 10000
"""

import timeit

from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--haystack-size", "200", "--number", "100"]


# book: 3rd ed., "Python's virtual machine"
def search_fast(haystack, needle):
    for item in haystack:  # noqa: SIM110 (the book's early exit, written out)
        if item == needle:
            return True
    return False


def search_slow(haystack, needle):
    return_value = False
    for item in haystack:
        if item == needle:
            return_value = True
    return return_value


def search_unknown1(haystack, needle):
    return any(item == needle for item in haystack)


def search_unknown2(haystack, needle):
    return any([item == needle for item in haystack])


# book: end


SEARCHES = (search_fast, search_slow, search_unknown1, search_unknown2)


def time_searches(haystack, needle, number):
    """``{name: seconds per call}`` for each search, plus the common answer."""
    answers = {search(haystack, needle) for search in SEARCHES}
    if len(answers) != 1:
        raise AssertionError("the four searches disagree")
    times = {}
    for search in SEARCHES:
        total = timeit.timeit(lambda search=search: search(haystack, needle), number=number)
        times[search.__name__] = total / number
    return answers.pop(), times


def compare_searches(haystack_size=1000, number=10_000):
    """Time the four searches for a needle near the start, then the end, of ``list(range(haystack_size))``."""
    # book: 2nd ed. code, "reducing_operations.py" (the haystack and the two needles timed)
    haystack = list(range(haystack_size))
    near_start = min(5, haystack_size - 1)
    near_end = max(haystack_size - 10, 0)
    for needle in (near_start, near_end):
        found, times = time_searches(haystack, needle, number)
        # book: end
        print(f"needle {needle} in list(range({haystack_size})): found = {found}")
        for name, seconds in times.items():
            print(f"  {name:16s} {seconds * 1e6:9.2f} µs per call")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument(
        "--haystack-size", type=positive_int, default=1000, help="the haystack is list(range(N))"
    )
    parser.add_argument("--number", type=positive_int, default=10_000, help="timeit calls per search")
    args = parser.parse_args(argv)
    compare_searches(args.haystack_size, args.number)


if __name__ == "__main__":
    main()
