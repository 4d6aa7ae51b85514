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

import os
import random
import tempfile
import time

from joblib import Memory, Parallel, delayed
from pi_lists_parallel import estimate_nbr_points_in_quarter_circle

SMOKE_ARGS = ["--nbr_samples_in_total", "200000", "--workers", "2", "--blocks", "4"]
REQUIRES = ("joblib",)


# book: 2nd ed. code, "pi_lists_parallel_joblib_cache.py"
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


def run_twice(cache_dir, nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed=None, with_idx=True):
    """Estimate pi twice with one cache: the second run reads every block's count from the disk."""
    from _pi_common import pi_from

    memory = Memory(location=str(cache_dir), verbose=0)
    for attempt in ("first", "second"):
        t1 = time.time()
        blocks = estimate_pi_cached(
            memory, nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed, with_idx=with_idx
        )
        delta = time.time() - t1
        inside = sum(blocks)
        print(f"{attempt} run: Estimated pi {pi_from(inside, nbr_samples_in_total)}, Delta: {delta:.3f}")
        print(f"{attempt} run: blocks = {blocks}")
        print(f"{attempt} run: distinct block counts = {len(set(blocks))}")


def compare_runs(
    nbr_samples_in_total, nbr_workers=8, nbr_parallel_blocks=8, seed=None, with_idx=True, cache_dir=None
):
    """``run_twice`` in ``cache_dir``, or in a temporary folder removed afterwards."""
    print(f"Making {nbr_samples_in_total // nbr_parallel_blocks:,} samples per {nbr_parallel_blocks} worker")
    runs = (nbr_samples_in_total, nbr_workers, nbr_parallel_blocks, seed, with_idx)
    if cache_dir is not None:
        run_twice(cache_dir, *runs)
    else:
        with tempfile.TemporaryDirectory(prefix="joblib_cache_") as cache_dir:
            run_twice(cache_dir, *runs)


def main(argv=None):
    from _pi_common import add_jobs_arguments, pi_parser

    from hpp.script import writable_dir

    parser = pi_parser(__doc__)
    add_jobs_arguments(parser)
    parser.add_argument("--cache-dir", type=writable_dir, help="keep the cache here (default: temporary)")
    parser.add_argument("--without-idx", action="store_true", help="no block index (the book's warning)")
    args = parser.parse_args(argv)
    compare_runs(args.samples, args.workers, args.blocks, args.seed, not args.without_idx, args.cache_dir)


if __name__ == "__main__":
    main()
