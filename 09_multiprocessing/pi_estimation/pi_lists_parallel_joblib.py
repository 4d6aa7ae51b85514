"""Estimate pi with pure-Python darts over ``joblib.Parallel``.

Chapter 9, "Replacing multiprocessing with Joblib": the same function as
``pi_lists_parallel.py``, the darts split in ``--blocks`` blocks and run by
``Parallel(n_jobs=--workers)(delayed(f)(...) for ...)``. Joblib starts its own
worker processes (the "loky" backend, spawn-safe) and reuses them between calls.

Run:
    python 09_multiprocessing/pi_estimation/pi_lists_parallel_joblib.py --workers 4 --blocks 8
"""

import math
import time

from joblib import Parallel, delayed

from _pi_workers import (child_seeds, estimate_nbr_points_in_quarter_circle, pi_from,
                         samples_argument, split)
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--samples", "200000", "--workers", "2", "--blocks", "4", "--seed", "0"]
REQUIRES = ("joblib",)


def estimate_pi(nbr_samples, nbr_workers, nbr_blocks, seed=None):
    """Darts inside the quarter circle, ``nbr_blocks`` jobs run by ``nbr_workers`` processes."""
    jobs = zip(split(nbr_samples, nbr_blocks), child_seeds(seed, nbr_blocks))
    nbr_in_quarter_unit_circles = Parallel(n_jobs=nbr_workers)(
        delayed(estimate_nbr_points_in_quarter_circle)(nbr_estimates, block_seed)
        for nbr_estimates, block_seed in jobs)
    return sum(nbr_in_quarter_unit_circles)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="n_jobs")
    parser.add_argument("--blocks", type=positive_int, default=8, help="number of jobs")
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts in total (the book: 1e8)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    inside = estimate_pi(args.samples, args.workers, args.blocks, args.seed)
    elapsed = time.perf_counter() - start
    print(f"workers = {args.workers}, blocks = {args.blocks}")
    print(f"darts = {args.samples}")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
