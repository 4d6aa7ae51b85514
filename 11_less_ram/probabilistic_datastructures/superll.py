"""SuperLogLog: LogLog that ignores its largest registers.

Chapter 11, "LogLog Counter". A few registers see an unusually long run of
zeros and pull the LogLog mean up. Durand and Flajolet's SuperLogLog keeps only
the smallest 70% of the registers (truncation) and caps each register
(restriction) before averaging; the standard error drops to about
1.05 / sqrt(m).

Run:
    python 11_less_ram/probabilistic_datastructures/superll.py --items 100000 --p 10
"""

import math

from ll import LL

from hpp.script import example_parser, int_range, positive_int

SMOKE_ARGS = ["--items", "5000", "--p", "6"]

# book: 2nd ed. code, "superll.py"
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


def count_distinct(items, p):
    """Add ``items`` distinct items to a SuperLogLog of 2**p registers and print its estimate."""
    counter = SuperLL(p)
    for i in range(items):
        counter.add(i)
    estimate = counter.estimate()
    print(f"distinct items = {items}")
    print(f"registers = {counter.m}, averaged = {counter.kept}")
    print(f"estimate = {estimate:.0f}")
    print(
        f"relative error = {(estimate - items) / items:+.2%} (standard error {counter.standard_error():.2%})"
    )
    return estimate


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--items", type=positive_int, default=100_000, help="distinct items: 0, 1, 2, ...")
    parser.add_argument("--p", type=int_range(4, 20), default=10, help="2**p registers (4-20)")
    args = parser.parse_args(argv)
    count_distinct(args.items, args.p)


if __name__ == "__main__":
    main()
