"""Slowest jobs first: the order of the work decides how long the last worker runs on alone.

Chapter 9's advice on jobs of varying sizes ("randomize the sequence of work,
or sort it so the slowest jobs come first"): a Pool hands the next job to
whichever worker is free, so a slow job taken last keeps one worker busy while
the others sit idle. This script makes ``--jobs`` primes of very different
sizes (1e6 to 1e12: the dearest needs a thousand times the trial divisions of
the cheapest), and checks them with ``check_prime`` on a ``Pool`` of
``--workers``, one job per message (``imap_unordered``, chunksize 1), in three
orders: sorted cheapest first, shuffled (seeded), and slowest first. For each
order it prints the makespan a schedule simulation gives from the jobs' costs
(trial divisions, known exactly for a prime: the odd numbers from 3 to its
square root), beside the lower bound max(total / workers, largest job), and
the seconds the real run took. Slowest first (the "longest processing time"
rule) is never worse than cheapest first: the cheapest-first order ends with
the dearest job started last.

Run:
    python primes_pool_slowest_first.py --jobs 40 --workers 4
"""

import heapq
import math
import multiprocessing
import random
import time

from primes_pool import check_prime

SMOKE_ARGS = ["--jobs", "12", "--workers", "2", "--max-exponent", "9"]


def make_jobs(nbr_jobs, max_exponent=12, seed=0):
    """``nbr_jobs`` primes, each the first prime above 10**x for x uniform in [6, ``max_exponent``]."""
    rng = random.Random(seed)
    jobs = []
    for _ in range(nbr_jobs):
        n = int(10 ** rng.uniform(6, max_exponent)) | 1
        while not check_prime(n):
            n += 2
        jobs.append(n)
    return jobs


def trial_divisions(prime):
    """The loop iterations ``check_prime`` spends on a prime: every odd number from 3 to its square root."""
    return len(range(3, math.isqrt(prime) + 1, 2))


# taught: chapter 9's wrap-up: sort the queue so the slowest jobs come first
def makespan(costs, nbr_workers):
    """When the last worker finishes if each free worker takes the next job of ``costs`` in order."""
    finish = [0] * nbr_workers
    for cost in costs:
        heapq.heappush(finish, heapq.heappop(finish) + cost)
    return max(finish)


def orders(jobs, seed=0):
    """The three orders of the same jobs: cheapest first, shuffled, slowest first."""
    shuffled = list(jobs)
    random.Random(seed).shuffle(shuffled)
    return {
        "sorted cheapest first": sorted(jobs, key=trial_divisions),
        "shuffled": shuffled,
        "slowest first": sorted(jobs, key=trial_divisions, reverse=True),
    }


# taught: end


def run_order(jobs, pool):
    """Seconds for ``pool`` to check every job, one per message, in the given order."""
    start = time.perf_counter()
    answers = list(pool.imap_unordered(check_prime, jobs, chunksize=1))
    seconds = time.perf_counter() - start
    assert all(answers), "a job that is prime was not found prime"
    return seconds


def compare_orders(nbr_jobs, nbr_workers, max_exponent=12, seed=0, start_method=None):
    """Print each order's simulated makespan and measured time; return ``{order: (makespan, seconds)}``."""
    jobs = make_jobs(nbr_jobs, max_exponent, seed)
    costs = [trial_divisions(n) for n in jobs]
    bound = max(math.ceil(sum(costs) / nbr_workers), max(costs))
    print(f"jobs = {nbr_jobs} primes from {min(jobs)} to {max(jobs)}, workers = {nbr_workers}")
    print(f"trial divisions: total = {sum(costs)}, largest job = {max(costs)}, lower bound = {bound}")
    results = {}
    with multiprocessing.get_context(start_method).Pool(nbr_workers) as pool:
        pool.map(check_prime, [3] * nbr_workers)  # the workers started before any timing
        for name, order in orders(jobs, seed).items():
            simulated = makespan([trial_divisions(n) for n in order], nbr_workers)
            seconds = run_order(order, pool)
            results[name] = (simulated, seconds)
            print(
                f"{name}: simulated makespan = {simulated} divisions ({simulated / bound:.3f}x the bound), "
                f"measured = {seconds:.3f} s"
            )
    return results


def main(argv=None):
    from _prime_generation_common import add_start_method_argument

    from hpp.script import example_parser, int_range, positive_int, seed

    parser = example_parser(__doc__)
    parser.add_argument("--jobs", type=positive_int, default=40, help="primes to check")
    parser.add_argument("--workers", type=positive_int, default=4, help="Pool size")
    parser.add_argument("--max-exponent", type=int_range(7, 13), default=12, help="primes up to 10**this")
    parser.add_argument("--seed", type=seed, default=0, help="which primes, and the shuffle")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    compare_orders(args.jobs, args.workers, args.max_exponent, args.seed, args.start_method)


if __name__ == "__main__":
    main()
