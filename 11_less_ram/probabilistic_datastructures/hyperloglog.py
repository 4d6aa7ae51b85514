"""HyperLogLog: the harmonic mean of the registers, with corrections at both ends.

Chapter 11, "LogLog Counter" (HyperLogLog). The registers are those of LogLog;
Flajolet et al. combine them with a harmonic mean,
E = alpha_m * m**2 / sum(2**-register), so no register needs sorting or
truncating; the standard error is 1.04 / sqrt(m). Two corrections from the
paper:

- small range: while E <= 5m/2 and some registers are still zero (V of them),
  count with "linear counting", m * ln(m / V);
- large range: above 2**32 / 30 the 32-bit hashes collide, so
  E = -2**32 * ln(1 - E / 2**32).

Both use the NATURAL logarithm. The book's code writes ``math.log(x, 2)``,
which makes every small count 1 / ln 2 = 1.44 times too large (it reports
144,465 for 100,000 items with p = 16). ``HyperLogLogBookLog2`` keeps that
version beside the fixed one so you can see the difference.

Run:
    python 11_less_ram/probabilistic_datastructures/hyperloglog.py            # the book's p=8, 100,000 items
    python 11_less_ram/probabilistic_datastructures/hyperloglog.py --p 16
"""

# book: 2nd ed. code, "hyperloglog.py"
import math

from ll import LL

TWO_POW_32 = 2.0**32


def hll_alpha(m):
    """The bias constant alpha_m of the HyperLogLog paper."""
    if m == 16:
        return 0.673
    if m == 32:
        return 0.697
    if m == 64:
        return 0.709
    return 0.7213 / (1 + 1.079 / m)


class HyperLogLog(LL):
    """HyperLogLog with 2**p one-byte registers and natural-log corrections."""

    standard_error_factor = 1.04

    @staticmethod
    def log(x):
        return math.log(x)

    def estimate(self):
        m = self.m
        raw = hll_alpha(m) * m * m / sum(2.0**-register for register in self.registers)
        if raw <= 2.5 * m:
            zeros = self.registers.count(0)
            if zeros:
                return m * self.log(m / zeros)
            return raw
        if raw > TWO_POW_32 / 30:
            return -TWO_POW_32 * self.log(1 - raw / TWO_POW_32)
        return raw


class HyperLogLogBookLog2(HyperLogLog):
    """The book's version: the corrections use log base 2 (the bug, kept to show it)."""

    @staticmethod
    def log(x):
        return math.log(x, 2)


# book: end


def main(argv=None):
    import sys

    from _probabilistic_family import compare_corrections

    compare_corrections(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
