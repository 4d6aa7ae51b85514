"""LogLog: average many registers to estimate the number of distinct items.

Chapter 11, "LogLog Counter". The first ``p`` bits of each 32-bit hash pick one
of m = 2**p registers; the register keeps the largest "rank" (trailing zeros
plus one) of the remaining bits. Durand and Flajolet's estimate is
alpha_m * m * 2**(mean rank), with alpha_m -> 0.39701: its standard error is
about 1.30 / sqrt(m), once every register has seen a few dozen items.

Run:
    python 11_less_ram/probabilistic_datastructures/ll.py --items 100000 --p 10
"""

# book: 2nd ed. code, "ll.py"
import math
from array import array

from llregister import HASH_BITS, hash32

ALPHA_INFINITY = 0.39701


def loglog_alpha(m):
    """Durand and Flajolet's bias correction for m registers."""
    return ALPHA_INFINITY - (2 * math.pi**2 + math.log(2) ** 2) / (48 * m)


class LL:
    """LogLog with 2**p one-byte registers."""

    standard_error_factor = 1.30

    def __init__(self, p):
        if not 4 <= p <= 20:
            raise ValueError(f"p must be between 4 and 20, got {p}")
        self.p = p
        self.m = 1 << p
        self.mask = self.m - 1
        self.max_rank = HASH_BITS - p + 1
        self.registers = array("B", bytes(self.m))

    def add(self, item):
        self._add(hash32(item))

    def _add(self, item_hash):
        index = item_hash & self.mask
        rest = item_hash >> self.p
        rank = (rest & -rest).bit_length() if rest else self.max_rank
        if rank > self.registers[index]:
            self.registers[index] = rank

    def standard_error(self):
        return self.standard_error_factor / math.sqrt(self.m)

    def __len__(self):
        return int(self.estimate())

    def estimate(self):
        mean_rank = sum(self.registers) / self.m
        return loglog_alpha(self.m) * self.m * 2**mean_rank


# book: end


def main(argv=None):
    from _probabilistic_family import count_distinct

    count_distinct(LL, __doc__, argv)


if __name__ == "__main__":
    main()
