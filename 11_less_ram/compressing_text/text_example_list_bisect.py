"""Store a word list as a sorted ``list`` and search it with ``bisect``.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (list + bisect). Sorting
once makes each lookup a binary search, O(log n), with the RAM of a list: no
hash table.

Run:
    python 11_less_ram/compressing_text/text_example_list_bisect.py
"""

import bisect

import text_example

SMOKE_ARGS = ["--generated", "5000", "--lookups", "2000"]


def build(words):
    return sorted(words)


def index_of(haystack, needle):
    """The position of ``needle`` in the sorted ``haystack``, or -1."""
    position = bisect.bisect_left(haystack, needle)
    if position != len(haystack) and haystack[position] == needle:
        return position
    return -1


def contains(structure, word):
    return index_of(structure, word) >= 0


def main(argv=None):
    text_example.run("sorted list + bisect", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
