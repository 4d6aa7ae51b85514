"""Estimate pi with NumPy darts in one vectorised step.

Chapter 9, "Random Numbers in Parallel Systems" / "Using numpy": two vectors of
uniform random numbers replace the Python loop; the book's 1e8 darts take about
2.5 s instead of 71 s. The catch: both vectors (and their temporaries) live in
RAM at once, 1e8 x 8 bytes x 2 = 1.6 GB and more; ``pi_numpy_serial_blocks.py``
throws the same darts in blocks.

Run:
    python 09_multiprocessing/pi_estimation/pi_numpy_serial.py                  # 1e8 darts
    python 09_multiprocessing/pi_estimation/pi_numpy_serial.py --samples 1e7 --seed 0
"""

import math
import time

import numpy as np

from _pi_workers import pi_from, samples_argument
from hpp.script import example_parser, fail

SMOKE_ARGS = ["--samples", "1000000", "--seed", "0"]


def estimate_nbr_points_in_quarter_circle(nbr_samples, seed=None):
    """Darts inside the quarter circle, all ``nbr_samples`` thrown as two vectors."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(0, 1, nbr_samples)
    ys = rng.uniform(0, 1, nbr_samples)
    estimate_inside_quarter_unit_circle = (xs * xs + ys * ys) <= 1
    return int(np.sum(estimate_inside_quarter_unit_circle))


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts (the book: 1e8, needing about 3 GB of RAM)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        inside = estimate_nbr_points_in_quarter_circle(args.samples, args.seed)
    except MemoryError:
        fail(f"not enough memory for {args.samples} darts at once: "
             "use fewer --samples or pi_numpy_serial_blocks.py")
    elapsed = time.perf_counter() - start
    print(f"darts = {args.samples}")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
