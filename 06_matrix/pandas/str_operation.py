"""A string operation on a column: the ``.str`` accessor versus ``apply`` with a Python function.

Chapter 6 (2e) / Pandas (3e), string operations: turn the first day's hours
into text and find the position of the first '9' after the decimal point
(-1 when there is none). The vectorised-looking ``.str.split(...).str.find``
builds an intermediate DataFrame of pieces; a plain Python function through
``apply`` does one pass, and the book found it the faster of the two. Both
answers are checked to be equal.

Run:
    python 06_matrix/pandas/str_operation.py --people 100000
"""

import time

from utility import BOOK_PEOPLE, make_data

from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--people", "1000"]


def find_9_str_accessor(text_column):
    return text_column.str.split(".", expand=True)[1].str.find("9")


def find_9(text):
    return text.split(".")[1].find("9")


def find_9_apply(text_column):
    return text_column.apply(find_9)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE)
    args = parser.parse_args(argv)
    df = make_data(args.people)
    text_column = df[0].astype(str)
    timings = {}
    results = {}
    for name, function in (("str accessor", find_9_str_accessor), ("apply(find_9)", find_9_apply)):
        start = time.perf_counter()
        results[name] = function(text_column)
        timings[name] = time.perf_counter() - start
    first, second = results.values()
    assert (first.to_numpy(dtype="int64") == second.to_numpy(dtype="int64")).all()
    print(f"{args.people} values, both methods agree")
    print(f"rows with a 9 after the point = {int((second >= 0).sum())}")
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
