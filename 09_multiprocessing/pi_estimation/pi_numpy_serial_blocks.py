"""Estimate pi with NumPy darts thrown in blocks, one after the other.

Chapter 9, "Using numpy": the vectorised darts of
``pi_numpy_parallel_worker.py`` in ``--blocks`` blocks (the book: 4), so only
one block's vectors are in RAM at a time. With ``--seed`` each block has its
own stream from ``SeedSequence(seed).spawn(blocks)``: the same count as the
parallel version with the same seed and blocks.

Run:
    python pi_numpy_serial_blocks.py                              # 1e8 darts in 4 blocks
    python pi_numpy_serial_blocks.py --nbr_samples_in_total 1e7 --seed 0
"""

# book: 2nd ed. code, "pi_numpy_serial_blocks.py"
import numpy as np


def estimate_nbr_points_in_circle(nbr_samples, seed=None):
    """Darts inside the quarter circle, ``nbr_samples`` thrown as two NumPy vectors.

    ``seed=None`` is the book's: NumPy's global generator reseeded from the OS.
    A seed (an int or a ``SeedSequence``) gives a private, reproducible generator,
    the same stream as ``pi_numpy_parallel_worker``'s workers draw for that seed.
    """
    if seed is None:
        np.random.seed()
        uniform = np.random.uniform
    else:
        uniform = np.random.default_rng(seed).uniform
    xs = uniform(0, 1, nbr_samples)
    ys = uniform(0, 1, nbr_samples)
    estimate_inside_quarter_unit_circle = (xs * xs + ys * ys) <= 1
    nbr_trials_in_quarter_unit_circle = np.sum(estimate_inside_quarter_unit_circle)
    return int(nbr_trials_in_quarter_unit_circle)


# book: end


# book: 2nd ed. code, "pi_numpy_serial_blocks.py" (continued)
def estimate_pi_in_blocks(nbr_samples_in_total, nbr_parallel_blocks=4, seed=None):
    from _pi_common import block_jobs, split

    if seed is None:
        jobs = [(size, None) for size in split(nbr_samples_in_total, nbr_parallel_blocks)]
    else:
        jobs = block_jobs(nbr_samples_in_total, nbr_parallel_blocks, seed)
    return sum(estimate_nbr_points_in_circle(size, block_seed) for size, block_seed in jobs)


# book: end


def main(argv=None):
    from _pi_common import run_series

    run_series(__doc__, estimate_pi_in_blocks, argv, blocks=4)


if __name__ == "__main__":
    main()
