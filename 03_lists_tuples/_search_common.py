"""The flags the three search scripts share (not a book example).

Each haystack is ``list(range(SIZE))``; the default sizes and needles are the
official repository's (1,000,000 is never present).
"""

from hpp.script import example_parser, non_negative_int, positive_int

BOOK_SIZES = (10_000, 100_000, 1_000_000)
BOOK_NEEDLES = (1, 6000, 9000, 1_000_000)


def search_parser(doc, number):
    """The parser of a search script: ``--sizes``, ``--needles`` and ``--number`` (default ``number``)."""
    parser = example_parser(doc)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=list(BOOK_SIZES), help="haystack sizes"
    )
    parser.add_argument(
        "--needles", type=non_negative_int, nargs="+", default=list(BOOK_NEEDLES), help="values to search for"
    )
    parser.add_argument("--number", type=positive_int, default=number, help="timeit repetitions per search")
    return parser
