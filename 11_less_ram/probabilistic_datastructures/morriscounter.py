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

import random
import statistics

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--events", "2000", "--trials", "20"]


# book: 2nd ed. code, "morriscounter.py"
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


def mean_of_counters(events, counters, seed=0):
    """The estimates of ``counters`` independent counters after ``events`` events each."""
    rng = random.Random(seed)
    estimates = []
    for _ in range(counters):
        counter = MorrisCounter(rng)
        for _ in range(events):
            counter.add()
        estimates.append(len(counter))
    return estimates


def report_counters(events, counters, seed=0):
    """Count ``events`` events on ``counters`` counters and print their mean, error and range."""
    estimates = mean_of_counters(events, counters, seed)
    mean = statistics.fmean(estimates)
    print(f"events = {events}")
    print(f"counters = {counters}")
    print(f"mean estimate = {mean:.1f}")
    print(f"relative error of the mean = {(mean - events) / events:+.2%}")
    print(f"one counter ranges {min(estimates)} .. {max(estimates)}")
    print(f"largest exponent = {max(estimates).bit_length()} (fits in one byte)")
    return estimates


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--events", type=positive_int, default=100_000, help="events counted by each counter")
    parser.add_argument("--trials", type=positive_int, default=200, help="independent counters to average")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    args = parser.parse_args(argv)
    report_counters(args.events, args.trials, args.seed)


if __name__ == "__main__":
    main()
