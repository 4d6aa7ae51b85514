"""SuperLogLog: LogLog that ignores its largest registers.

Chapter 11, "LogLog Counter". A few registers see an unusually long run of
zeros and pull the LogLog mean up. Durand and Flajolet's SuperLogLog keeps only
the smallest 70% of the registers (truncation) and caps each register
(restriction) before averaging; the standard error drops to about
1.05 / sqrt(m).

Run:
    python 11_less_ram/probabilistic_datastructures/superll.py --items 100000 --p 10
"""

# book: 2nd ed. code, "superll.py"
import math

from ll import LL

TRUNCATION = 0.7
NMAX = 1_000_000_000
# For 70% truncation (Durand and Flajolet): E = ALPHA * m * 2**(mean of the m0 smallest).
ALPHA_SUPER = 0.7645


class SuperLL(LL):
    """SuperLogLog with 2**p registers, the smallest 70% averaged."""

    standard_error_factor = 1.05

    def __init__(self, p, nmax=NMAX):
        super().__init__(p)
        # Restriction: no register needs more than log2(nmax / m) + 3.
        self.max_rank = min(self.max_rank, math.ceil(math.log2(nmax / self.m) + 3))
        self.kept = int(TRUNCATION * self.m)

    def estimate(self):
        smallest = sorted(self.registers)[: self.kept]
        return ALPHA_SUPER * self.m * 2 ** (sum(smallest) / self.kept)


# book: end


def main(argv=None):
    from _probabilistic_family import count_distinct

    count_distinct(SuperLL, __doc__, argv)


if __name__ == "__main__":
    main()
