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

# book: 2nd ed. code, "pi_lists_parallel_joblib.py"
from joblib import Parallel, delayed
from pi_lists_parallel import estimate_nbr_points_in_quarter_circle


def estimate_pi(nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed=None):
    """Darts inside the quarter circle: ``nbr_parallel_blocks`` jobs run by ``nbr_workers`` processes."""
    from _pi_common import child_seeds, split

    jobs = zip(split(nbr_samples_in_total, nbr_parallel_blocks), child_seeds(seed, nbr_parallel_blocks))
    nbr_in_quarter_unit_circles = Parallel(n_jobs=nbr_workers)(
        delayed(estimate_nbr_points_in_quarter_circle)(nbr_samples_per_worker, block_seed)
        for nbr_samples_per_worker, block_seed in jobs
    )
    return sum(nbr_in_quarter_unit_circles)


# book: end


def main(argv=None):
    from _pi_common import run_jobs

    run_jobs(__doc__, estimate_pi, argv)


if __name__ == "__main__":
    main()
