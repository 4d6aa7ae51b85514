"""Slowest jobs first: the order of the work decides how long the last worker runs on alone.

Chapter 9's advice on jobs of varying sizes ("randomize the sequence of work,
or sort it so the slowest jobs come first"): a Pool hands the next job to
whichever worker is free, so a slow job taken last keeps one worker busy while
the others sit idle. This script makes ``--items`` primes of very different
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
    python primes_pool_slowest_first.py --items 40 --workers 4
"""

# taught: chapter 9's wrap-up: sort the queue so the slowest jobs come first
import heapq
import math
import random


def trial_divisions(prime):
    """The loop iterations ``check_prime`` spends on a prime: every odd number from 3 to its square root."""
    return len(range(3, math.isqrt(prime) + 1, 2))


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


def main(argv=None):
    from _prime_generation_common import run_orders

    run_orders(__doc__, orders, argv)


if __name__ == "__main__":
    main()
