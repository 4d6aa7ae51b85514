"""Estimate pi with pure-Python darts, serially: the baseline of the chapter.

Chapter 9, "An Overview of the multiprocessing Module" / "Estimating Pi Using
the Monte Carlo Method": throw darts at the unit square and count those that
land inside the quarter circle; 4 * inside / total tends to pi. The book throws
1e8 darts (2nd edition; 4e8 in the 3rd), about 70 s in one process.

Run:
    python 09_multiprocessing/pi_estimation/pi_lists_series.py              # 1e8 darts
    python 09_multiprocessing/pi_estimation/pi_lists_series.py --samples 1e6 --seed 0
"""

import math
import time

from _pi_workers import estimate_nbr_points_in_quarter_circle, pi_from, samples_argument
from hpp.script import example_parser

SMOKE_ARGS = ["--samples", "200000", "--seed", "0"]


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts to throw (the book: 1e8)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    inside = estimate_nbr_points_in_quarter_circle(args.samples, args.seed)
    elapsed = time.perf_counter() - start
    print(f"darts = {args.samples}")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
