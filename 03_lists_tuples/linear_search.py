"""Linear search: look at every element until the needle turns up (Example 3-2).

Chapter 3, "A More Efficient Search". ``linear_search`` walks the list with
``enumerate`` and returns the index of the first match, or -1; it is the
algorithm ``list.index`` uses (in C, and raising ValueError instead of
returning -1). Its cost grows with the position of the needle: O(n).

The script searches ``range(size)`` lists for the official repository's
needles (1, 6000, 9000, 1000000; the last one is never present) and times each
search with ``timeit``.

Run:
    python 03_lists_tuples/linear_search.py
    python 03_lists_tuples/linear_search.py --sizes 10000 --number 100
"""

import timeit

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--sizes", "10000", "--number", "5"]

BOOK_SIZES = (10_000, 100_000, 1_000_000)
BOOK_NEEDLES = (1, 6000, 9000, 1_000_000)
EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]


def linear_search(needle, array):
    for i, item in enumerate(array):
        if item == needle:
            return i
    return -1


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument(
        "--sizes",
        type=positive_int,
        nargs="+",
        default=list(BOOK_SIZES),
        help="haystack sizes: each haystack is list(range(SIZE))",
    )
    parser.add_argument(
        "--needles",
        type=non_negative_int,
        nargs="+",
        default=list(BOOK_NEEDLES),
        help="values to search for (0 or more; SIZE or more is absent)",
    )
    parser.add_argument(
        "--number",
        type=positive_int,
        default=1000,
        help="timeit repetitions per search (the official code: 1000)",
    )
    args = parser.parse_args(argv)
    print(f"exercise: linear_search(61, {EXERCISE_DATA}) = {linear_search(61, EXERCISE_DATA)}")
    for size in args.sizes:
        haystack = list(range(size))
        for needle in args.needles:
            index = linear_search(needle, haystack)
            seconds = timeit.timeit(lambda: linear_search(needle, haystack), number=args.number) / args.number
            print(
                f"linear_search({needle}, list(range({size}))) = {index}    "
                f"({seconds * 1e6:.2f} µs per search)"
            )


if __name__ == "__main__":
    main()
