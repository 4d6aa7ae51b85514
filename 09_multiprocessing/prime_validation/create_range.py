"""Split [from_i, to_i) into contiguous ranges whose lower bounds (after the first) are odd.

Chapter 9, "Verifying Primes Using Interprocess Communication": every worker
tests the odd factors of its own slice of [3, sqrt(n)], so each slice must start
on an odd number. ``create`` moves each boundary up to the next odd number as it
goes, so the slices stay nearly equal: ``create(1, 31, 4)`` gives
``[(1, 9), (9, 17), (17, 25), (25, 31)]``. (The official version computes each
boundary from the first one and returns ``(9, 15), (15, 23), ...``, failing its
own third test.)

The book's file carries its own tests; run them with ``python -m unittest
create_range`` or ``pytest create_range.py``.

Run:
    python create_range.py --start 1 --stop 31 --blocks 4
"""

# book: 2nd ed. code, "create_range.py"
import unittest


def create(from_i, to_i, nbr_ranges):
    """``nbr_ranges`` (or fewer, for a tiny span) contiguous ranges covering [from_i, to_i)."""
    if nbr_ranges < 1:
        raise ValueError(f"nbr_ranges must be at least 1, got {nbr_ranges}")
    if to_i <= from_i:
        raise ValueError(f"empty range [{from_i}, {to_i})")
    step = max((to_i - from_i) // nbr_ranges, 1)
    ranges = []
    lower = from_i
    for _ in range(nbr_ranges - 1):
        upper = lower + step
        if upper % 2 == 0:
            upper += 1
        if upper >= to_i:
            break
        ranges.append((lower, upper))
        lower = upper
    ranges.append((lower, to_i))
    return ranges


# book: end


# book: 2nd ed. code, "create_range.py" (its own tests)
class test(unittest.TestCase):  # the book's (lower-case) name
    def test1(self):
        self.assertEqual(create(2, 11, 2), [(2, 7), (7, 11)])

    def test2(self):
        self.assertEqual(create(1, 31, 3), [(1, 11), (11, 21), (21, 31)])

    def test3(self):  # the official code fails this one
        self.assertEqual(create(1, 31, 4), [(1, 9), (9, 17), (17, 25), (25, 31)])


# book: end


def main(argv=None):
    from _prime_validation_common import run_create_range

    run_create_range(__doc__, create, argv)


if __name__ == "__main__":
    main()
