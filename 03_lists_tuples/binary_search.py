"""Binary search: halve a sorted list until the needle is found (Example 3-3).

Chapter 3, "A More Efficient Search". On a *sorted* list, compare the needle
with the middle element and keep the half that can still hold it: O(log n)
steps instead of O(n).

Two versions are here:

- ``binary_search`` stops when the range ``[imin, imax)`` is empty
  (``imin >= imax``) and returns -1: correct for every needle.
- ``binary_search_book`` is the 3rd edition's text, which tests
  ``imin > imax``. With ``imax = len(haystack)`` the range ``[n, n)`` is
  empty but not yet "crossed", so an absent needle either loops forever
  (``imin == imax`` forever) or reads past the end (IndexError). It is kept
  to show the bug; the tests check both.

Run:
    python 03_lists_tuples/binary_search.py
    python 03_lists_tuples/binary_search.py --sizes 10000 --number 100
"""

import timeit

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--sizes", "10000", "--number", "100"]

BOOK_SIZES = (10_000, 100_000, 1_000_000)
BOOK_NEEDLES = (1, 6000, 9000, 1_000_000)
EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]


def binary_search(needle, haystack):
    imin, imax = 0, len(haystack)
    while True:
        if imin >= imax:
            return -1
        midpoint = (imin + imax) // 2
        if haystack[midpoint] > needle:
            imax = midpoint
        elif haystack[midpoint] < needle:
            imin = midpoint + 1
        else:
            return midpoint


def binary_search_book(needle, haystack):
    """The 3rd edition's text: ``imin > imax`` never ends for an absent needle."""
    imin, imax = 0, len(haystack)
    while True:
        if imin > imax:
            return -1
        midpoint = (imin + imax) // 2
        if haystack[midpoint] > needle:
            imax = midpoint
        elif haystack[midpoint] < needle:
            imin = midpoint + 1
        else:
            return midpoint


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
        default=10_000,
        help="timeit repetitions per search (the official code: 10,000)",
    )
    args = parser.parse_args(argv)
    print(f"exercise: binary_search(61, {EXERCISE_DATA}) = {binary_search(61, EXERCISE_DATA)}")
    for size in args.sizes:
        haystack = list(range(size))
        for needle in args.needles:
            index = binary_search(needle, haystack)
            seconds = timeit.timeit(lambda: binary_search(needle, haystack), number=args.number) / args.number
            print(
                f"binary_search({needle}, list(range({size}))) = {index}    "
                f"({seconds * 1e6:.2f} µs per search)"
            )


if __name__ == "__main__":
    main()
