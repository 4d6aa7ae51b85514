"""Linear search: look at every element until the needle turns up (Example 3-2).

Chapter 3, "A More Efficient Search". ``linear_search`` walks the list with
``enumerate`` and returns the index of the first match, or -1; it is the
algorithm ``list.index`` uses (in C, and raising ValueError instead of
returning -1). Its cost grows with the position of the needle: O(n).

The script searches ``range(size)`` lists for the official repository's
needles (1, 6000, 9000, 1000000; the last one is never present) and times each
search with ``timeit`` (1,000 times per search, as the official code does).

Run:
    python 03_lists_tuples/linear_search.py
    python 03_lists_tuples/linear_search.py --sizes 10000 --number 100
"""

import timeit

from _search_common import search_parser

SMOKE_ARGS = ["--sizes", "10000", "--number", "5"]

EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]


# book: Example 3-2
def linear_search(needle, array):
    for i, item in enumerate(array):
        if item == needle:
            return i
    return -1


# book: end


def time_linear_search(sizes, needles, number):
    """Answer the exercise, then time ``linear_search`` for each needle in each ``list(range(size))``."""
    print(f"exercise: linear_search(61, {EXERCISE_DATA}) = {linear_search(61, EXERCISE_DATA)}")
    # book: 2nd ed. code, "linear_search.py" (each needle timed in each haystack)
    for size in sizes:
        haystack = list(range(size))
        for needle in needles:
            index = linear_search(needle, haystack)
            seconds = timeit.timeit(lambda: linear_search(needle, haystack), number=number) / number
            # book: end
            print(
                f"linear_search({needle}, list(range({size}))) = {index}    "
                f"({seconds * 1e6:.2f} µs per search)"
            )


def main(argv=None):
    args = search_parser(__doc__, number=1000).parse_args(argv)
    time_linear_search(args.sizes, args.needles, args.number)


if __name__ == "__main__":
    main()
