"""Estimate pi with pure-Python darts split over a Pool of processes or of threads.

Chapter 9, "Using Python Objects": the same dart-throwing function as
``pi_lists_series.py``, run as ``--workers`` equal blocks by
``multiprocessing.Pool`` (processes, one GIL each: about N times faster on N
cores) or by ``multiprocessing.dummy.Pool`` (threads in one process sharing one
GIL: no faster at all on CPU-bound Python). The book's figures for 1e8 darts:
serial 71 s; 2 processes 37 s, 4 processes 18 s; threads 71 s whatever their number.

The workers live in ``_pi_workers.py`` so that spawned children can import
them: the example works with ``--start-method spawn`` (macOS, Windows) and
``forkserver`` (Linux from Python 3.14) as well as ``fork``.

Run:
    python 09_multiprocessing/pi_estimation/pi_lists_parallel.py --workers 4              # processes
    python 09_multiprocessing/pi_estimation/pi_lists_parallel.py --workers 4 --threads
    python 09_multiprocessing/pi_estimation/pi_lists_parallel.py --samples 1e6 --seed 0 --start-method spawn
"""

import math
import multiprocessing
import multiprocessing.dummy
import time

from _pi_workers import (add_start_method_argument, child_seeds, estimate_block, pi_from,
                         samples_argument, split)
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--samples", "200000", "--workers", "2", "--seed", "0"]


def estimate_pi(nbr_samples, nbr_workers, processes=True, seed=None, start_method=None):
    """Darts inside the quarter circle, the work split in ``nbr_workers`` blocks."""
    jobs = list(zip(split(nbr_samples, nbr_workers), child_seeds(seed, nbr_workers)))
    if processes:
        pool = multiprocessing.get_context(start_method).Pool(processes=nbr_workers)
    else:
        pool = multiprocessing.dummy.Pool(processes=nbr_workers)
    with pool:
        nbr_in_quarter_unit_circles = pool.map(estimate_block, jobs)
    return sum(nbr_in_quarter_unit_circles)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="number of workers")
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts in total (the book: 1e8)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--processes", dest="processes", action="store_true", default=True,
                      help="a Pool of processes")
    kind.add_argument("--threads", dest="processes", action="store_false",
                      help="a Pool of threads (multiprocessing.dummy)")
    parser.add_argument("--seed", type=int, default=None,
                        help="seed for a reproducible run (one child seed per worker)")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    inside = estimate_pi(args.samples, args.workers, args.processes, args.seed, args.start_method)
    elapsed = time.perf_counter() - start
    what = "processes" if args.processes else "threads"
    print(f"workers = {args.workers} {what}")
    print(f"darts = {args.samples}")
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_from(inside, args.samples):.6f}  (math.pi = {math.pi:.6f})")
    print(f"time = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
