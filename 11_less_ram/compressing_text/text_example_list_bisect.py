"""Store a word list as a sorted ``list`` and search it with ``bisect``.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (list + bisect). Sorting
once makes each lookup a binary search, O(log n), with the RAM of a list: no
hash table.

Run:
    python 11_less_ram/compressing_text/text_example_list_bisect.py
"""

# book: 2nd ed. code, "text_example_list_bisect.py" (the sorted list)
import bisect


def build(words):
    return sorted(words)


# book: end


# book: 2nd ed. code, "text_example_list_bisect.py" (the bisect module's documented recipe)
def index(a, x):
    """Locate the leftmost value exactly equal to x: its position in the sorted ``a``."""
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f"{x!r} is not in the list")


# book: end


# book: 2nd ed. code, "text_example_list_bisect.py" (continued)
def contains(structure, word):
    try:
        index(structure, word)
    except ValueError:
        return False
    return True


# book: end


def main(argv=None):
    from _text_family import run

    run("sorted list + bisect", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
