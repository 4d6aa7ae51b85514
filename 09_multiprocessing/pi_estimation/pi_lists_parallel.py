"""Estimate pi with pure-Python darts split over a Pool of threads or of processes.

Chapter 9, "Estimating Pi Using the Monte Carlo Method" / "Using Python
Objects": ``estimate_nbr_points_in_quarter_circle`` throws darts at the unit
square with ``random.uniform`` and counts those inside the quarter circle. The
darts are split into ``nbr_workers`` equal blocks and mapped over
``multiprocessing.dummy.Pool`` (threads in one process, sharing one GIL: no
faster than serial) or, with ``--processes``, ``multiprocessing.Pool``
(one interpreter and one GIL per process: about N times faster on N cores).
The book, 1e8 darts: serial 71 s; threads 71 s whatever their number; 2
processes 37 s, 4 processes 18 s.

The worker is this module's own function: a spawned or forkserver child
imports this file by its name (or runs it as ``__mp_main__``) to find it, so
every ``--start-method`` works.

Run (the book's commands):
    python pi_lists_parallel.py 4                   # 4 threads
    python pi_lists_parallel.py 4 --processes       # 4 processes
    python pi_lists_parallel.py 2 --processes --nbr_samples_in_total 1e6 --seed 0 --start-method spawn
"""

# book: 2nd ed. code, "pi_lists_parallel.py"
import random


def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=None):
    """Monte Carlo count of the darts, of ``nbr_estimates``, inside the quarter circle.

    ``seed=None`` is the book's: the ``random`` module's global generator (which
    CPython reseeds in every forked child). A seed gives a private generator,
    so a run can be repeated.
    """
    uniform = random.uniform if seed is None else random.Random(seed).uniform
    nbr_trials_in_quarter_unit_circle = 0
    for step in range(int(nbr_estimates)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def estimate_pi(nbr_samples_in_total, nbr_parallel_blocks, processes=True, seed=None, start_method=None):
    """Darts inside the quarter circle, thrown as ``nbr_parallel_blocks`` blocks by a Pool."""
    import multiprocessing
    import multiprocessing.dummy

    from _pi_common import child_seeds, split

    if processes:
        pool = multiprocessing.get_context(start_method).Pool(processes=nbr_parallel_blocks)
    else:
        pool = multiprocessing.dummy.Pool(processes=nbr_parallel_blocks)
    nbr_trials_per_process = split(nbr_samples_in_total, nbr_parallel_blocks)
    seeds = child_seeds(seed, nbr_parallel_blocks)
    with pool:
        nbr_in_quarter_unit_circles = pool.starmap(
            estimate_nbr_points_in_quarter_circle, zip(nbr_trials_per_process, seeds)
        )
    return sum(nbr_in_quarter_unit_circles)


# book: end


def main(argv=None):
    from _pi_common import run_pool

    run_pool(__doc__, estimate_pi, argv)


if __name__ == "__main__":
    main()
