"""Reducing operations: stop as soon as you know the answer.

The book asks which of four searches is faster. ``search_fast`` returns at the
first match; ``search_slow`` always walks the whole list. ``search_unknown1``
uses ``any`` over a generator, which also stops early; ``search_unknown2``
builds the whole list of comparisons first, then calls ``any``, so it cannot.
All four give the same answer; this script times them with ``timeit`` as the
book does, with the needle near the start and near the end of the haystack.

Run:
    python 01_understanding/reducing_operations.py
    python 01_understanding/reducing_operations.py --haystack-size 1000 --number 10000
"""


# book: 3rd ed., "Python's virtual machine"
def search_fast(haystack, needle):
    for item in haystack:  # noqa: SIM110 (the book's early exit, written out)
        if item == needle:
            return True
    return False


def search_slow(haystack, needle):
    return_value = False
    for item in haystack:
        if item == needle:
            return_value = True
    return return_value


def search_unknown1(haystack, needle):
    return any(item == needle for item in haystack)


def search_unknown2(haystack, needle):
    return any([item == needle for item in haystack])


# book: end


SEARCHES = (search_fast, search_slow, search_unknown1, search_unknown2)


def main(argv=None):
    from _reducing_family import run_reducing_operations

    run_reducing_operations(__doc__, SEARCHES, argv)


if __name__ == "__main__":
    main()
