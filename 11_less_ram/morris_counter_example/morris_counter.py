"""Many Morris counters in one ``array('B')``: one byte each.

Chapter 11, "Very Approximate Counting with a 1-Byte Morris Counter". The book
keeps the exponents of many counters in an ``array('B')`` (unsigned bytes), so
a million counters take a megabyte. ``add(index)`` bumps counter ``index``'s
exponent with probability 2**-exponent; ``get(index)`` is 2**exponent - 1
(the book returns 2**exponent, which is biased by one).

Run:
    python 11_less_ram/morris_counter_example/morris_counter.py --trials 1000 --events 10000
"""

# book: 2nd ed. code, "morris_counter.py"
import random
from array import array

SMALLEST_UNSIGNED_INTEGER = "B"  # unsigned char: one byte


class MorrisCounter:
    """``nbr_counters`` approximate counters, an exponent each in an ``array(type_code)``.

    The book's parameters; ``seed`` (ours) makes the coin flips reproducible.
    """

    def __init__(self, type_code=SMALLEST_UNSIGNED_INTEGER, nbr_counters=1, seed=None):
        self.exponents = array(type_code, [0] * nbr_counters)
        self._largest = 2 ** (8 * self.exponents.itemsize) - 1
        self._random = random.Random(seed)

    def __len__(self):
        """How many counters (not a count)."""
        return len(self.exponents)

    def add_counter(self):
        """Add a new counter, at zero."""
        self.exponents.append(0)

    def get(self, counter=0):
        """The estimate of ``counter``: 2**exponent - 1 (unbiased; the book's 2**exponent is one high)."""
        return 2 ** self.exponents[counter] - 1

    def add(self, counter=0):
        """Add 1 to ``counter``, probably: the exponent grows with probability 2**-exponent."""
        exponent = self.exponents[counter]
        if exponent < self._largest and self._random.random() < 2.0**-exponent:
            self.exponents[counter] = exponent + 1


# book: end


def main(argv=None):
    from _morris_family import count_events

    count_events(MorrisCounter, __doc__, argv)


if __name__ == "__main__":
    main()
