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

The script times each search with ``timeit`` (10,000 times per search, as the
official code does).

Run:
    python 03_lists_tuples/binary_search.py
    python 03_lists_tuples/binary_search.py --sizes 10000 --number 100
"""

import timeit

from _search_common import search_parser

SMOKE_ARGS = ["--sizes", "10000", "--number", "100"]

EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]


# book: Example 3-3 (with the official code's imin >= imax, which ends for an absent needle)
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


# book: end


# book: Example 3-3, as printed (imin > imax never ends for an absent needle)
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


# book: end


def time_binary_search(sizes, needles, number):
    """Answer the exercise, then time ``binary_search`` for each needle in each ``list(range(size))``."""
    print(f"exercise: binary_search(61, {EXERCISE_DATA}) = {binary_search(61, EXERCISE_DATA)}")
    # book: 2nd ed. code, "binary_search.py" (each needle timed in each haystack)
    for size in sizes:
        haystack = list(range(size))
        for needle in needles:
            index = binary_search(needle, haystack)
            seconds = timeit.timeit(lambda: binary_search(needle, haystack), number=number) / number
            # book: end
            print(
                f"binary_search({needle}, list(range({size}))) = {index}    "
                f"({seconds * 1e6:.2f} µs per search)"
            )


def main(argv=None):
    args = search_parser(__doc__, number=10_000).parse_args(argv)
    time_binary_search(args.sizes, args.needles, args.number)


if __name__ == "__main__":
    main()
