"""The Morris counter: count to about a billion in one byte.

Chapter 11, "Probabilistic Data Structures" ("Very Approximate Counting with a
1-Byte Morris Counter"). The counter stores an exponent ``c`` and, on each
event, adds one to it with probability 2**-c. Its value is 2**c - 1: the
expectation of 2**c after n events is exactly n + 1 (the book's code returns
2**c, one too many; the error vanishes for large n). Each counter varies a lot
(standard deviation about n / sqrt(2)), but it never needs more than a byte.

Run:
    python 11_less_ram/probabilistic_datastructures/morriscounter.py
    python 11_less_ram/probabilistic_datastructures/morriscounter.py --events 100000 --trials 200
"""

# book: 2nd ed. code, "morriscounter.py"
import random


class MorrisCounter:
    """An approximate counter that keeps only an exponent (0-255: one byte)."""

    def __init__(self, rng=None):
        self.exponent = 0
        self._random = rng or random.Random()

    def add(self, item=None):
        """Count one event (``item`` is ignored: the counter counts, it does not deduplicate)."""
        if self._random.random() < 2.0**-self.exponent:
            self.exponent += 1

    def __len__(self):
        """The estimate 2**c - 1, unbiased: E[2**c] = n + 1."""
        return 2**self.exponent - 1


# book: end


def main(argv=None):
    from _probabilistic_family import report_counters

    report_counters(MorrisCounter, __doc__, argv)


if __name__ == "__main__":
    main()
