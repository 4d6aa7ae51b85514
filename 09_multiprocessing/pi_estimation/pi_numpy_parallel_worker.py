"""Estimate pi with NumPy darts, one block per worker process.

Chapter 9, "Random Numbers in Parallel Systems": each process throws a block
of vectorised darts. Every worker needs its own random stream: forked children
that inherit one generator state would throw identical darts. The book reseeds
NumPy in each process (``np.random.seed()``); here each block gets a child of
``SeedSequence(seed)`` (``spawn``), independent and reproducible, so
``--seed 0 --blocks 4`` counts exactly what ``pi_numpy_serial_blocks.py``
counts. The Pool has ``--workers`` processes (the book's version ignored it).
The book: 1e8 darts, serial 2.46 s, 2 processes 1.61 s, 4 processes 0.88 s.

Run:
    python 09_multiprocessing/pi_estimation/pi_numpy_parallel_worker.py --workers 4 --blocks 4
"""

import math
import multiprocessing
import time

from _pi_workers import (add_start_method_argument, estimate_nbr_points_in_quarter_circle_numpy,
                         pi_from, samples_argument)
from hpp.script import example_parser, positive_int
from pi_numpy_serial_blocks import block_jobs

SMOKE_ARGS = ["--samples", "1000000", "--workers", "2", "--blocks", "2", "--seed", "0"]


def estimate_pi_parallel(nbr_samples, nbr_workers, nbr_blocks=None, seed=None, start_method=None):
    jobs = block_jobs(nbr_samples, nbr_blocks or nbr_workers, seed)
    with multiprocessing.get_context(start_method).Pool(processes=nbr_workers) as pool:
        nbr_in_quarter_unit_circles = pool.map(estimate_nbr_points_in_quarter_circle_numpy, jobs)
    return sum(nbr_in_quarter_unit_circles)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--blocks", type=positive_int, default=None,
                        help="number of blocks (default: one per worker)")
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts in total (the book: 1e8)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    inside = estimate_pi_parallel(args.samples, args.workers, args.blocks, args.seed,
                                  args.start_method)
    elapsed = time.perf_counter() - start
    print(f"workers = {args.workers}, blocks = {args.blocks or args.workers}")
    print(f"darts = {args.samples}")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
