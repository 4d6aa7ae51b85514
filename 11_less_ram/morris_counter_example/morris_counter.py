"""Many Morris counters in one ``array('B')``: one byte each.

Chapter 11, "Very Approximate Counting with a 1-Byte Morris Counter". The book
keeps the exponents of many counters in an ``array('B')`` (unsigned bytes), so
a million counters take a megabyte. ``add(index)`` bumps counter ``index``'s
exponent with probability 2**-exponent; ``get(index)`` is 2**exponent - 1
(the book returns 2**exponent, which is biased by one).

Run:
    python 11_less_ram/morris_counter_example/morris_counter.py --counters 1000 --events 10000
"""

import random
import statistics
import sys
from array import array

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--counters", "50", "--events", "2000"]


class MorrisCounter:
    """``counters`` approximate counters, one byte of exponent each."""

    def __init__(self, counters=1, seed=None):
        self.exponents = array("B", bytes(counters))
        self._random = random.Random(seed)

    def add(self, index=0):
        exponent = self.exponents[index]
        if exponent < 255 and self._random.random() < 2.0 ** -exponent:
            self.exponents[index] = exponent + 1

    def get(self, index=0):
        return 2 ** self.exponents[index] - 1

    def __len__(self):
        return len(self.exponents)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--counters", type=positive_int, default=1000)
    parser.add_argument("--events", type=positive_int, default=10_000,
                        help="events added to every counter")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    args = parser.parse_args(argv)
    counters = MorrisCounter(args.counters, seed=args.seed)
    for index in range(args.counters):
        for _ in range(args.events):
            counters.add(index)
    values = [counters.get(index) for index in range(args.counters)]
    mean = statistics.fmean(values)
    print(f"counters = {args.counters}, events each = {args.events}")
    print(f"bytes for the exponents = {counters.exponents.itemsize * len(counters)} "
          f"(sys.getsizeof of the array = {sys.getsizeof(counters.exponents)})")
    print(f"mean of the counters = {mean:.1f}")
    print(f"relative error of the mean = {(mean - args.events) / args.events:+.2%}")


if __name__ == "__main__":
    main()
