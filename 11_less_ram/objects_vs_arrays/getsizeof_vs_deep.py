"""``sys.getsizeof`` against the deep size of containers.

Chapter 11, "Objects for Primitives Are Expensive": ``sys.getsizeof`` "only
reports the size of parent objects and is frequently misleading for
containers". It counts a list's pointers, not the objects they point to. The
deep size (``hpp.memory.deep_sizeof``, like Pympler's ``asizeof`` that the book
uses) follows every reference and counts each object once, so a list of N
references to one string costs the list plus one string.

Run:
    python 11_less_ram/objects_vs_arrays/getsizeof_vs_deep.py
    python 11_less_ram/objects_vs_arrays/getsizeof_vs_deep.py --items 100000
"""

# taught: 2nd ed., "Objects for primitives are expensive": getsizeof misses what a container holds
import sys

from hpp.memory import deep_sizeof


def containers(items):
    """(name, container) pairs: the book's small cases, then containers of ``items`` entries."""
    words = [f"word{i:07d}" for i in range(items)]
    same = "the same string, referenced every time"
    return [
        ("int()", 0),
        ("[]", []),
        ("[1]", [1]),
        ("[1, 2]", [1, 2]),
        (f"list of {items} distinct str", words),
        (f"list of {items} references to one str", [same] * items),
        (f"tuple of {items} ints > 256", tuple(range(1000, 1000 + items))),
        (f"list of {items} lists of 3 floats", [[i + 0.5, i + 1.5, i + 2.5] for i in range(items)]),
        (f"dict of {items} str -> int", {word: i + 1000 for i, word in enumerate(words)}),
        (f"set of {items} str", set(words)),
    ]


def sizes(obj):
    """(getsizeof, deep size) in bytes."""
    return sys.getsizeof(obj), deep_sizeof(obj)


# taught: end


def main(argv=None):
    import sys

    from _objects_family import print_sizes

    print_sizes(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
