"""Estimate pi with NumPy darts, one block per worker process.

Chapter 9, "Random Numbers in Parallel Systems" / "Using numpy": each process
throws a block of vectorised darts. Every worker needs its own random stream:
forked children inherit the parent's NumPy generator state and would throw
identical darts (see ``random_numbers_in_parallel.py``), so the book calls
``np.random.seed()`` in each worker ("remember to set the seed per process").
With ``--seed`` each block gets a child of ``SeedSequence(seed)`` instead:
independent and reproducible, so ``--seed 0`` with 4 blocks counts exactly what
``pi_numpy_serial_blocks.py --seed 0 --blocks 4`` counts. The Pool has
``nbr_workers`` processes (the book's ``Pool()`` ignored it). The book, 1e8
darts: serial 2.46 s, 2 processes 1.61 s, 4 processes 0.88 s.

Run:
    python pi_numpy_parallel_worker.py 4 --processes
    python pi_numpy_parallel_worker.py 2 --processes --nbr_samples_in_total 1e7 --seed 0
"""

# book: 2nd ed. code, "pi_numpy_parallel_worker.py"
import numpy as np


def estimate_nbr_points_in_quarter_circle(nbr_samples, seed=None):
    """Darts inside the quarter circle, ``nbr_samples`` thrown as two NumPy vectors.

    ``seed=None`` is the book's: reseed NumPy's global generator from the OS in
    this process first. A seed (an int or a ``SeedSequence``) gives a private,
    reproducible generator.
    """
    if seed is None:
        np.random.seed()  # remember to set the seed per process
        uniform = np.random.uniform
    else:
        uniform = np.random.default_rng(seed).uniform
    xs = uniform(0, 1, nbr_samples)
    ys = uniform(0, 1, nbr_samples)
    estimate_inside_quarter_unit_circle = (xs * xs + ys * ys) <= 1
    nbr_trials_in_quarter_unit_circle = np.sum(estimate_inside_quarter_unit_circle)
    return int(nbr_trials_in_quarter_unit_circle)


def estimate_pi_parallel(
    nbr_samples_in_total, nbr_workers, nbr_blocks=None, seed=None, start_method=None, processes=True
):
    """The darts inside, thrown in ``nbr_blocks`` blocks (one per worker by default)."""
    import multiprocessing
    import multiprocessing.dummy

    from _pi_common import block_jobs, split

    nbr_blocks = nbr_blocks or nbr_workers
    if seed is None:
        map_inputs = [(size, None) for size in split(nbr_samples_in_total, nbr_blocks)]
    else:
        map_inputs = block_jobs(nbr_samples_in_total, nbr_blocks, seed)
    if processes:
        pool = multiprocessing.get_context(start_method).Pool(processes=nbr_workers)
    else:
        pool = multiprocessing.dummy.Pool(processes=nbr_workers)
    with pool:
        results = pool.starmap(estimate_nbr_points_in_quarter_circle, map_inputs)
    return sum(results)


# book: end


def main(argv=None):
    from _pi_common import run_pool

    run_pool(__doc__, estimate_pi_parallel, argv, blocks=True)


if __name__ == "__main__":
    main()
