"""Estimate pi with pure-Python darts over ``joblib.Parallel``.

Chapter 9, "Replacing multiprocessing with Joblib": the dart thrower of
``pi_lists_parallel.py``, the darts split in ``--blocks`` blocks (the book: 8)
and run by ``Parallel(n_jobs=...)(delayed(f)(...) for ...)``. Joblib starts its
own worker processes (the "loky" backend, spawn-safe) and reuses them between
calls.

Run:
    python pi_lists_parallel_joblib.py                       # 1e8 darts, 8 blocks, 8 jobs
    python pi_lists_parallel_joblib.py --workers 2 --blocks 8 --nbr_samples_in_total 1e6
"""

import time

from joblib import Parallel, delayed
from pi_lists_parallel import estimate_nbr_points_in_quarter_circle

SMOKE_ARGS = ["--nbr_samples_in_total", "200000", "--workers", "2", "--blocks", "4", "--seed", "0"]
REQUIRES = ("joblib",)


def estimate_pi(nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed=None):
    """Darts inside the quarter circle: ``nbr_parallel_blocks`` jobs run by ``nbr_workers`` processes."""
    from _pi_common import child_seeds, split

    jobs = zip(split(nbr_samples_in_total, nbr_parallel_blocks), child_seeds(seed, nbr_parallel_blocks))
    nbr_in_quarter_unit_circles = Parallel(n_jobs=nbr_workers)(
        delayed(estimate_nbr_points_in_quarter_circle)(nbr_samples_per_worker, block_seed)
        for nbr_samples_per_worker, block_seed in jobs
    )
    return sum(nbr_in_quarter_unit_circles)


def main(argv=None):
    from _pi_common import add_seed_argument, report, samples_argument

    from hpp.script import example_parser, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=8, help="n_jobs (the book: 8)")
    parser.add_argument("--blocks", type=positive_int, default=8, help="number of jobs (the book: 8)")
    parser.add_argument(
        "--samples",
        "--nbr_samples_in_total",
        dest="samples",
        type=samples_argument,
        default=int(1e8),
        help="darts in total (the book: 1e8)",
    )
    add_seed_argument(parser)
    args = parser.parse_args(argv)

    print(f"Making {args.samples // args.blocks:,} samples per {args.blocks} worker")
    t1 = time.time()
    inside = estimate_pi(args.samples, args.workers, args.blocks, args.seed)
    report(inside, args.samples, time.time() - t1)


if __name__ == "__main__":
    main()
