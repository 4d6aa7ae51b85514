"""Estimate pi with NumPy darts thrown in blocks, one after the other.

Chapter 9, "Using numpy": the same vectorised darts as ``pi_numpy_serial.py``
in ``--blocks`` blocks, so only one block's vectors are in RAM at a time. Each
block has its own random stream from ``SeedSequence(seed).spawn(blocks)``: with
the same ``--seed`` and ``--blocks`` this gives exactly the count of
``pi_numpy_parallel_worker.py``, which throws the same blocks in parallel.

Run:
    python 09_multiprocessing/pi_estimation/pi_numpy_serial_blocks.py --blocks 4
"""

import math
import time

import numpy as np

from _pi_workers import estimate_nbr_points_in_quarter_circle_numpy, pi_from, samples_argument, split
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--samples", "1000000", "--blocks", "4", "--seed", "0"]


def block_jobs(nbr_samples, nbr_blocks, seed=None):
    """``(size, SeedSequence)`` for each block: independent, reproducible streams."""
    seeds = np.random.SeedSequence(seed).spawn(nbr_blocks)
    return list(zip(split(nbr_samples, nbr_blocks), seeds))


def estimate_pi_in_blocks(nbr_samples, nbr_blocks, seed=None):
    return sum(estimate_nbr_points_in_quarter_circle_numpy(job)
               for job in block_jobs(nbr_samples, nbr_blocks, seed))


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts in total (the book: 1e8)")
    parser.add_argument("--blocks", type=positive_int, default=4, help="number of blocks")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    inside = estimate_pi_in_blocks(args.samples, args.blocks, args.seed)
    elapsed = time.perf_counter() - start
    print(f"darts = {args.samples} in {args.blocks} blocks")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
