"""Pi with threads, with and without the GIL ("Where did the GIL go?", 3rd edition).

The GIL lets one thread at a time run Python bytecode, so a CPU-bound
pure-Python job split over threads takes as long as on one thread. PEP 703's
free-threaded build of CPython (3.13+, ``python3.13t``) drops the GIL;
``sys._is_gil_enabled()`` says which one is running. The job is the Monte Carlo
pi of chapter 9: each thread throws its share of darts at the unit square with
its own seeded generator, so the count (and ``pi estimate``) is the same
whatever the threads' order, and only the time changes.

The script runs the job on 1 thread and on ``--workers`` threads in this
interpreter (GIL: about the same time), then, if a free-threaded CPython is on
the PATH (``python3.14t``, ``python3.13t``) or named with ``--python PATH``,
runs it there too (no GIL: close to ``--workers`` times faster on as many
cores). Without one it says in one line what to install.

Run (section "The future of Python"):
    python 01_understanding/free_threaded_pi.py
    python 01_understanding/free_threaded_pi.py --python ~/.pyenv/versions/3.13.0t/bin/python3.13t
"""

# taught: the GIL: CPU-bound Python threads take turns; PEP 703's build runs them at once
import random
import sys
import threading


def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=0):
    """How many of ``nbr_estimates`` random darts in the unit square land in the quarter circle."""
    rng = random.Random(seed)
    nbr_trials_in_quarter_unit_circle = 0
    for _ in range(int(nbr_estimates)):
        x = rng.uniform(0, 1)
        y = rng.uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def estimate_pi_with_threads(nbr_samples, nbr_threads, seed=0):
    """Split the darts over ``nbr_threads`` threads (thread i seeded ``seed + i``); (pi, hits)."""
    per_thread = nbr_samples // nbr_threads
    hits = [0] * nbr_threads

    def work(index):
        hits[index] = estimate_nbr_points_in_quarter_circle(per_thread, seed + index)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(nbr_threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 4 * sum(hits) / (per_thread * nbr_threads), sum(hits)


def gil_enabled():
    """``sys._is_gil_enabled()`` where it exists (3.13+); before 3.13 the GIL is always on."""
    return getattr(sys, "_is_gil_enabled", lambda: True)()


# taught: end


def main(argv=None):
    from _future import run_free_threaded_pi

    run_free_threaded_pi(__doc__, __file__, estimate_pi_with_threads, gil_enabled, argv)


if __name__ == "__main__":
    main()
