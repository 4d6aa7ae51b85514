"""Equal but not the same: a class's default hash against a custom one (Example 4-6).

Chapter 4, "Hash Functions and Entropy". By default an object hashes by its
identity (``id``) and equals only itself, so two ``Point(1, 1)`` are two
set members and a third ``Point(1, 1)`` is not found. ``PointHash`` defines
``__hash__`` from ``(x, y)`` and ``__eq__`` on the values: the set keeps one
(the first inserted, ``p1``), and a new ``PointHash(1, 1)`` is found.

Run:
    python 04_dicts_sets/custom_vs_default_hash.py
"""

from hpp.script import example_parser

SMOKE_ARGS = []


# book: Example 4-6 (the default Point, and the custom-hash one under the official name PointHash)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointHash:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y


# book: end


def demonstrate(cls):
    """``(len of the set of two equal points, is a third equal point in it, kept element is p1)``."""
    # book: Example 4-6 (continued): two equal points in a set
    p1 = cls(1, 1)
    p2 = cls(1, 1)
    points = set([p1, p2])
    return len(points), cls(1, 1) in points, next(iter(points)) is p1
    # book: end


def compare_hashes():
    """Two equal points in a set, without and with ``__hash__``/``__eq__``."""
    for cls in (Point, PointHash):
        size, found, first = demonstrate(cls)
        print(f"{cls.__name__}: len(set([p1, p2])) = {size}")
        print(f"{cls.__name__}: {cls.__name__}(1, 1) in set([p1, p2]) = {found}")
        if size == 1:
            print(f"{cls.__name__}: the element kept is p1 = {first}")


def main(argv=None):
    example_parser(__doc__).parse_args(argv)
    compare_hashes()


if __name__ == "__main__":
    main()
