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

# book: 3rd ed., "A More Efficient Search" (the exercise: find 61 in this list)
EXERCISE_DATA = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]
# book: end


# book: Example 3-2
def linear_search(needle, array):
    for i, item in enumerate(array):
        if item == needle:
            return i
    return -1


# book: end


def main(argv=None):
    from _search_common import run_search

    run_search(__doc__, linear_search, EXERCISE_DATA, 1000, argv)


if __name__ == "__main__":
    main()
