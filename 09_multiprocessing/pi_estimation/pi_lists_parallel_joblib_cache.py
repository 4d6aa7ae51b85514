"""Joblib's ``Memory`` cache: the second run of the same pi estimate is read from disk.

Chapter 9, "Intelligent caching of function call results": ``Memory(location)``
wraps the dart-throwing function; a call with arguments it has seen is answered
from the cache folder instead of being computed. The block index is one of the
arguments: without it every block would have the same arguments, and the cache
would return block 0's answer for all of them (the same count eight times).
With no seed the answer is random yet cached: the second run repeats the first.

The cache goes in a fresh temporary folder, removed at the end, unless
``--cache-dir`` names one to keep (run twice to see the second run hit it).

Run:
    python 09_multiprocessing/pi_estimation/pi_lists_parallel_joblib_cache.py --workers 4 --blocks 8
    python 09_multiprocessing/pi_estimation/pi_lists_parallel_joblib_cache.py --cache-dir /tmp/joblib_cache
"""

import math
import tempfile
import time
from pathlib import Path

from joblib import Memory, Parallel, delayed

from _pi_workers import (child_seeds, estimate_nbr_points_in_quarter_circle_with_idx, pi_from,
                         samples_argument, split)
from hpp.script import example_parser, fail, positive_int

SMOKE_ARGS = ["--samples", "200000", "--workers", "2", "--blocks", "4"]
REQUIRES = ("joblib",)


def estimate_pi_cached(memory, nbr_samples, nbr_workers, nbr_blocks, seed=None):
    """Darts inside, each block computed once per (size, index, seed) and then cached."""
    cached_estimate = memory.cache(estimate_nbr_points_in_quarter_circle_with_idx)
    jobs = zip(split(nbr_samples, nbr_blocks), range(nbr_blocks), child_seeds(seed, nbr_blocks))
    nbr_in_quarter_unit_circles = Parallel(n_jobs=nbr_workers)(
        delayed(cached_estimate)(nbr_estimates, idx, block_seed)
        for nbr_estimates, idx, block_seed in jobs)
    return nbr_in_quarter_unit_circles


def run_twice(cache_dir, args):
    memory = Memory(location=str(cache_dir), verbose=0)
    for attempt in ("first", "second"):
        start = time.perf_counter()
        blocks = estimate_pi_cached(memory, args.samples, args.workers, args.blocks, args.seed)
        elapsed = time.perf_counter() - start
        inside = sum(blocks)
        print(f"{attempt} run: inside = {inside}, pi estimate = "
              f"{pi_from(inside, args.samples):.6f}, time = {elapsed:.3f} s")
        print(f"{attempt} run: blocks = {blocks}")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="n_jobs")
    parser.add_argument("--blocks", type=positive_int, default=8, help="number of jobs")
    parser.add_argument("--samples", type=samples_argument, default=int(1e8),
                        help="darts in total (the book: 1e8)")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="keep the cache in this folder (default: a temporary one)")
    args = parser.parse_args(argv)

    print(f"darts = {args.samples} in {args.blocks} blocks, math.pi = {math.pi:.6f}")
    if args.cache_dir is not None:
        try:
            args.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(f"cannot create the cache folder {args.cache_dir}: {error.strerror}")
        run_twice(args.cache_dir, args)
    else:
        with tempfile.TemporaryDirectory(prefix="joblib_cache_") as cache_dir:
            run_twice(cache_dir, args)


if __name__ == "__main__":
    main()
