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

# book: 3rd ed., "A More Efficient Search" (the exercise: find 61 in this list)
EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]
# book: end


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


def main(argv=None):
    from _search_common import run_search

    run_search(__doc__, binary_search, EXERCISE_DATA, 10_000, argv)


if __name__ == "__main__":
    main()
