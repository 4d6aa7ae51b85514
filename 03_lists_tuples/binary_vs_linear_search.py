"""Linear against binary search on the same sorted lists, side by side.

Chapter 3, "A More Efficient Search". Compares ``linear_search`` and
``binary_search`` from the two neighbouring scripts (``main`` imports them; a
script's own folder is always on ``sys.path``) and ``bisect``'s C
binary search, checks that they agree, and times them. Linear search grows
with the needle's position; binary search with log2 of the list's length.

Run:
    python 03_lists_tuples/binary_vs_linear_search.py
    python 03_lists_tuples/binary_vs_linear_search.py --sizes 10000 100000 --number 10
"""

# taught: the bisect module does the binary search in C
import bisect


def bisect_search(needle, haystack):
    """Binary search with the standard library's ``bisect_left`` (in C)."""
    i = bisect.bisect_left(haystack, needle)
    if i != len(haystack) and haystack[i] == needle:
        return i
    return -1


# taught: end


def main(argv=None):
    from _search_common import run_search_comparison
    from binary_search import binary_search
    from linear_search import linear_search

    run_search_comparison(__doc__, (linear_search, binary_search, bisect_search), 100, argv)


if __name__ == "__main__":
    main()
