"""Indexing a list is O(1): as fast in a 10,000,000-item list as in a 10-item one (Example 3-1).

Chapter 3, "A More Efficient Search". A list is an array of pointers, so
``l[i]`` is one address computation, whatever the length. The book's
``%%timeit`` gives 14 ns for ``l[5]`` in ``list(range(10))`` and 13.9 ns for
``l[100_000]`` in ``list(range(10_000_000))``. This script times the same two
statements with ``timeit``.

Run:
    python 03_lists_tuples/list_indexing.py
    python 03_lists_tuples/list_indexing.py --size 1000000 --number 1000000
"""

import timeit

from hpp.script import example_parser, fail, positive_int

SMOKE_ARGS = ["--size", "200000", "--number", "200000"]


def time_lookup(size, index, number):
    """``(value, seconds per lookup)`` of ``l[index]`` in ``l = list(range(size))``."""
    l = list(range(size))
    seconds = min(timeit.repeat("l[index]", globals={"l": l, "index": index},
                                number=number, repeat=5)) / number
    return l[index], seconds


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=10_000_000,
                        help="length of the long list (the book: 10,000,000)")
    parser.add_argument("--index", type=int, default=100_000)
    parser.add_argument("--number", type=positive_int, default=10_000_000)
    args = parser.parse_args(argv)
    if not 0 <= args.index < args.size:
        fail(f"--index must be between 0 and --size - 1 ({args.size - 1})")
    short_value, short = time_lookup(10, 5, args.number)
    long_value, long = time_lookup(args.size, args.index, args.number)
    print(f"list(range(10))[5] = {short_value}    {short * 1e9:.1f} ns")
    print(f"list(range({args.size}))[{args.index}] = {long_value}    {long * 1e9:.1f} ns")
    print(f"long / short = {long / short:.2f}")


if __name__ == "__main__":
    main()
