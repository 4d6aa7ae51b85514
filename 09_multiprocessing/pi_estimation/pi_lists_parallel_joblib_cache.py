"""Joblib's ``Memory`` cache: the second run of the same pi estimate is read from disk.

Chapter 9, "Intelligent caching of function call results": ``Memory(location)``
wraps the dart thrower; a call with arguments it has seen is answered from the
cache folder instead of being computed. ``estimate_nbr_points_in_quarter_circle_with_idx``
takes the block index as an argument: without it all eight blocks have the
same arguments, and the cache answers block 0's count for every one of them
(the book's warning, shown here by ``--without-idx``: one distinct count).

The cache goes in a fresh temporary folder, removed at the end, unless
``--cache-dir`` names one to keep (run twice to see the second run hit it; the
book uses ``./joblib_cache``).

Run:
    python pi_lists_parallel_joblib_cache.py --nbr_samples_in_total 1e6
    python pi_lists_parallel_joblib_cache.py --cache-dir /tmp/joblib_cache
"""

# book: 2nd ed. code, "pi_lists_parallel_joblib_cache.py"
import os
import random

from joblib import Parallel, delayed
from pi_lists_parallel import estimate_nbr_points_in_quarter_circle


def estimate_nbr_points_in_quarter_circle_with_idx(nbr_estimates, idx, seed=None):
    """The dart thrower with the block index as an argument, so the cache keeps one entry per block."""
    print(
        f"Executing estimate_nbr_points_in_quarter_circle with {nbr_estimates} on sample {idx} "
        f"on pid {os.getpid()}"
    )
    uniform = random.uniform if seed is None else random.Random(seed).uniform
    nbr_trials_in_quarter_unit_circle = 0
    for step in range(int(nbr_estimates)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def estimate_pi_cached(
    memory, nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed=None, with_idx=True
):
    """The count of each block; each (size, index, seed) computed once, then read from the cache."""
    from _pi_common import child_seeds, split

    sizes = split(nbr_samples_in_total, nbr_parallel_blocks)
    seeds = child_seeds(seed, nbr_parallel_blocks)
    if with_idx:
        cached = memory.cache(estimate_nbr_points_in_quarter_circle_with_idx)
        calls = (delayed(cached)(n, idx, s) for idx, (n, s) in enumerate(zip(sizes, seeds)))
    else:  # the book's warning: the same arguments for every block, so the same cached answer
        cached = memory.cache(estimate_nbr_points_in_quarter_circle)
        calls = (delayed(cached)(sizes[0], seeds[0]) for _ in sizes)
    return Parallel(n_jobs=nbr_workers)(calls)


# book: end


def main(argv=None):
    from _pi_common import run_cached_twice

    run_cached_twice(__doc__, estimate_pi_cached, argv)


if __name__ == "__main__":
    main()
