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

from binary_search import binary_search
from linear_search import linear_search

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--sizes", "10000", "--number", "5"]

BOOK_SIZES = (10_000, 100_000, 1_000_000)
BOOK_NEEDLES = (1, 6000, 9000, 1_000_000)


def bisect_search(needle, haystack):
    """Binary search with the standard library's ``bisect_left`` (in C)."""
    i = bisect.bisect_left(haystack, needle)
    if i != len(haystack) and haystack[i] == needle:
        return i
    return -1


SEARCHES = (linear_search, binary_search, bisect_search)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--sizes", type=positive_int, nargs="+", default=list(BOOK_SIZES))
    parser.add_argument(
        "--needles",
        type=non_negative_int,
        nargs="+",
        default=list(BOOK_NEEDLES),
        help="values to search for (0 or more; SIZE or more is absent)",
    )
    parser.add_argument("--number", type=positive_int, default=100, help="timeit repetitions per search")
    args = parser.parse_args(argv)
    for size in args.sizes:
        haystack = list(range(size))
        for needle in args.needles:
            answers = {search(needle, haystack) for search in SEARCHES}
            if len(answers) != 1:
                raise AssertionError(f"the searches disagree on {needle}: {answers}")
            times = {
                search.__name__: timeit.timeit(lambda: search(needle, haystack), number=args.number)
                / args.number
                for search in SEARCHES
            }
            cells = "  ".join(f"{name} {t * 1e6:9.2f} µs" for name, t in times.items())
            print(f"size {size:>8} needle {needle:>8}: index = {answers.pop():>6}  {cells}")


if __name__ == "__main__":
    main()
