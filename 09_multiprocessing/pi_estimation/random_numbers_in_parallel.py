"""The pitfall of "Random Numbers in Parallel Systems": forked workers draw the same numbers.

Chapter 9: a forked child starts with a copy of its parent's memory, NumPy's
global random generator included. Unless each worker reseeds it, every worker
draws the same "random" numbers: N workers throwing the same darts give the
statistics of one. Here ``--workers`` processes each draw ``--draws`` numbers
from ``np.random`` (the parent seeded it with ``--seed``, so the run is
repeatable) and from Python's ``random``:

- NumPy, forked, not reseeded: every worker's draws are identical;
- NumPy with ``--reseed`` (the book's ``np.random.seed()`` in the worker), or
  workers started with ``--start-method spawn`` (fresh interpreters): all differ;
- Python's ``random``: differ even when forked, because CPython reseeds it in
  every forked child (``os.register_at_fork``); NumPy does not.

Run:
    python random_numbers_in_parallel.py                 # fork: identical NumPy draws
    python random_numbers_in_parallel.py --reseed        # the book's fix
"""

import os
import random

import numpy as np


# taught: 1st ed.: forked processes inherit one random state; reseed in each
def draw_numbers(nbr_draws, reseed, results):
    """In a worker: draw from NumPy's global generator (reseeding it first if asked) and from random."""
    if reseed:
        np.random.seed()  # the fix: a fresh state from the OS, per process
    numpy_draws = np.random.random(nbr_draws).tolist()
    python_draws = [random.random() for _ in range(nbr_draws)]
    results.put((os.getpid(), numpy_draws, python_draws))


def draws_in_workers(nbr_workers, nbr_draws=3, reseed=False, seed=0, start_method="fork"):
    """``[(pid, numpy draws, python draws), ...]``, one per worker, each its own process."""
    import multiprocessing

    context = multiprocessing.get_context(start_method)
    np.random.seed(seed)  # the parent's state, which forked children inherit
    random.seed(seed)
    results = context.Queue()
    workers = [
        context.Process(target=draw_numbers, args=(nbr_draws, reseed, results)) for _ in range(nbr_workers)
    ]
    for worker in workers:
        worker.start()
    draws = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join()
    return draws


# taught: end


def all_identical(lists):
    return all(one == lists[0] for one in lists[1:])


def show_draws(nbr_workers=4, nbr_draws=3, reseed=False, seed=0, start_method="fork"):
    """Print each worker's draws, then whether they are the same in every worker."""
    draws = draws_in_workers(nbr_workers, nbr_draws, reseed, seed, start_method)
    for pid, numpy_draws, python_draws in draws:
        print(
            f"pid {pid}: np.random {[round(x, 6) for x in numpy_draws]}, "
            f"random {[round(x, 6) for x in python_draws]}"
        )
    print(f"identical NumPy draws in every worker = {all_identical([d[1] for d in draws])}")
    print(f"identical random draws in every worker = {all_identical([d[2] for d in draws])}")


SMOKE_ARGS = ["--workers", "2"]


def main(argv=None):
    from hpp.script import START_METHODS, example_parser, positive_int, seed

    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--draws", type=positive_int, default=3, help="numbers each worker draws")
    parser.add_argument("--seed", type=seed, default=0, help="the parent's seed")
    parser.add_argument(
        "--reseed", action="store_true", help="np.random.seed() in each worker (the book's fix)"
    )
    parser.add_argument("--start-method", choices=START_METHODS, default="fork", help="the pitfall is fork's")
    args = parser.parse_args(argv)
    show_draws(args.workers, args.draws, args.reseed, args.seed, args.start_method)


if __name__ == "__main__":
    main()
