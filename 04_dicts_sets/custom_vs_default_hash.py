"""Equal but not the same: a class's default hash against a custom one (Example 4-6).

Chapter 4, "Hash Functions and Entropy". By default an object hashes by its
identity (``id``) and equals only itself, so two ``Point(1, 1)`` are two
set members and a third ``Point(1, 1)`` is not found. ``PointHash`` defines
``__hash__`` from ``(x, y)`` and ``__eq__`` on the values: the set keeps one
(the first inserted, ``p1``), and a new ``PointHash(1, 1)`` is found.

Run:
    python 04_dicts_sets/custom_vs_default_hash.py
"""


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


# book: Example 4-6 (continued): two equal points in a set
def demonstrate(cls):
    p1 = cls(1, 1)
    p2 = cls(1, 1)
    points = set([p1, p2])
    return len(points), cls(1, 1) in points, next(iter(points)) is p1  # ours: which one was kept


# book: end


def main(argv=None):
    from _dicts_sets_family import compare_hashes

    compare_hashes((Point, PointHash), demonstrate, __doc__, argv)


if __name__ == "__main__":
    main()
