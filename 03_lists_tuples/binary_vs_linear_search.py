"""Linear against binary search on the same sorted lists, side by side.

Chapter 3, "A More Efficient Search". Imports ``linear_search`` and
``binary_search`` from the two neighbouring scripts (this works from any
folder: a script's own folder is always on ``sys.path``) and ``bisect``'s C
binary search, checks that they agree, and times them. Linear search grows
with the needle's position; binary search with log2 of the list's length.

Run:
    python 03_lists_tuples/binary_vs_linear_search.py
    python 03_lists_tuples/binary_vs_linear_search.py --sizes 10000 100000 --number 10
"""

import bisect
import timeit

from _search_common import search_parser
from binary_search import binary_search
from linear_search import linear_search

SMOKE_ARGS = ["--sizes", "10000", "--number", "5"]


# taught: the bisect module does the binary search in C
def bisect_search(needle, haystack):
    """Binary search with the standard library's ``bisect_left`` (in C)."""
    i = bisect.bisect_left(haystack, needle)
    if i != len(haystack) and haystack[i] == needle:
        return i
    return -1


# taught: end


SEARCHES = (linear_search, binary_search, bisect_search)


def compare_searches(sizes, needles, number):
    """Check that the three searches agree on each needle in each ``list(range(size))``, and time them."""
    # book: 2nd ed. code, "binary_vs_linear_search.py" (the searches timed side by side)
    for size in sizes:
        haystack = list(range(size))
        for needle in needles:
            # book: end
            answers = {search(needle, haystack) for search in SEARCHES}
            if len(answers) != 1:
                raise AssertionError(f"the searches disagree on {needle}: {answers}")
            # book: 2nd ed. code, "binary_vs_linear_search.py" (continued)
            times = {
                search.__name__: timeit.timeit(lambda: search(needle, haystack), number=number) / number
                for search in SEARCHES
            }
            # book: end
            cells = "  ".join(f"{name} {t * 1e6:9.2f} µs" for name, t in times.items())
            print(f"size {size:>8} needle {needle:>8}: index = {answers.pop():>6}  {cells}")


def main(argv=None):
    args = search_parser(__doc__, number=100).parse_args(argv)
    compare_searches(args.sizes, args.needles, args.number)


if __name__ == "__main__":
    main()
