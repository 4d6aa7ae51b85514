"""The driver of the three search scripts (not a book example): flags, timings, result lines.

Each haystack is ``list(range(SIZE))``; the default sizes and needles are the
official repository's (1,000,000 is never present). ``linear_search.py`` and
``binary_search.py`` call ``run_search`` with their listing's function,
``binary_vs_linear_search.py`` calls ``run_search_comparison`` with all three.
"""

import timeit

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


def time_search(search, sizes, needles, number):
    """Time ``search`` for each needle in each ``list(range(size))`` (the 2nd edition's loop); print each."""
    for size in sizes:
        haystack = list(range(size))
        for needle in needles:
            index = search(needle, haystack)
            seconds = timeit.timeit(lambda: search(needle, haystack), number=number) / number
            print(
                f"{search.__name__}({needle}, list(range({size}))) = {index}    "
                f"({seconds * 1e6:.2f} µs per search)"
            )


def run_search(doc, search, exercise_data, number, argv=None):
    """A search script's ``main``: answer the book's exercise (find 61), then time ``search``."""
    args = search_parser(doc, number).parse_args(argv)
    print(f"exercise: {search.__name__}(61, {exercise_data}) = {search(61, exercise_data)}")
    time_search(search, args.sizes, args.needles, args.number)


def run_search_comparison(doc, searches, number, argv=None):
    """Check that ``searches`` agree on each needle in each ``list(range(size))``, and time them."""
    args = search_parser(doc, number).parse_args(argv)
    for size in args.sizes:
        haystack = list(range(size))
        for needle in args.needles:
            answers = {search(needle, haystack) for search in searches}
            if len(answers) != 1:
                raise AssertionError(f"the searches disagree on {needle}: {answers}")
            times = {
                search.__name__: timeit.timeit(lambda: search(needle, haystack), number=args.number)
                / args.number
                for search in searches
            }
            cells = "  ".join(f"{name} {t * 1e6:9.2f} µs" for name, t in times.items())
            print(f"size {size:>8} needle {needle:>8}: index = {answers.pop():>6}  {cells}")
