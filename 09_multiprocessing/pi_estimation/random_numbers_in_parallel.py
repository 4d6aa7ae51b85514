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

# taught: 1st ed.: forked processes inherit one random state; reseed in each
import os
import random

import numpy as np


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


def main(argv=None):
    from _pi_common import run_draws

    run_draws(__doc__, draws_in_workers, argv)


if __name__ == "__main__":
    main()
