"""Monte Carlo pi on an IPython Parallel cluster (book chapter 10, "Using IPython Parallel").

The book's pure-Python dart-throwing function, decorated with ``@require('random')``
so every engine imports ``random`` before running it, is sent to all the engines
with ``dview.apply_sync``; the client adds up the counts. Unlike the official
script, the darts are split by the number of engines found (it assumed 4), and
the task does not use ``os`` that a fresh engine never imported.

By default the script runs ``ipcluster start -n WORKERS`` itself (``--workers`` engines) (controller on
127.0.0.1, a throw-away profile folder) and ``ipcluster stop`` at the end. To use
a cluster you started yourself, possibly over several machines, as the book's
``%run pi_ipython_cluster.py`` does, pass ``--profile default`` or ``--url-file
.../security/ipcontroller-client.json``.

Run (from this folder):
    python pi_ipython_cluster.py                      # 4 engines, 4e8 darts (3rd edition)
    python pi_ipython_cluster.py --workers 2 --samples 1000000 --seed 1
    ipcluster start -n 4 --daemonize && python pi_ipython_cluster.py --profile default
"""

# book: 2nd ed. code, "pi_ipython_cluster.py"
import random
import time

from ipyparallel import require

NBR_SAMPLES_IN_TOTAL = 4e8  # the 3rd edition (the 2nd: 1e8 darts on each engine)


@require("random")
def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=None):
    """Monte Carlo estimate of the number of points in a quarter circle, in pure Python.

    ``seed`` (ours) makes a count reproducible; the book's call leaves it out and
    each engine draws from its own ``random``.
    """
    rng = random if seed is None else random.Random(seed)
    nbr_trials_in_quarter_unit_circle = 0
    for step in range(int(nbr_estimates)):  # noqa: B007  (the book names it)
        x = rng.uniform(0, 1)
        y = rng.uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def calculate_pi(dview, nbr_samples_in_total=NBR_SAMPLES_IN_TOTAL, seed=None):
    """The darts inside the quarter circle, one count per engine of ``dview``.

    As the book: ``apply_sync`` runs the same call on every engine. With a
    ``seed``, or darts that do not split evenly, ``map_sync`` gives each engine
    its own share and seed.
    """
    nbr_parallel_blocks = len(dview)
    nbr_samples_in_total = int(nbr_samples_in_total)
    nbr_samples_per_worker, extra = divmod(nbr_samples_in_total, nbr_parallel_blocks)
    if seed is None and extra == 0:
        return dview.apply_sync(estimate_nbr_points_in_quarter_circle, nbr_samples_per_worker)
    shares = [nbr_samples_per_worker + (i < extra) for i in range(nbr_parallel_blocks)]
    seeds = [None if seed is None else seed * 1_000_003 + i for i in range(nbr_parallel_blocks)]
    return dview.map_sync(estimate_nbr_points_in_quarter_circle, shares, seeds)


def print_pi(nbr_in_quarter_unit_circles, nbr_samples_in_total, delta):
    """The book's lines; pi itself is printed once, by the driver (``pi estimate = ...``)."""
    print("Estimates made:", nbr_in_quarter_unit_circles)
    pi_estimate = sum(nbr_in_quarter_unit_circles) * 4 / nbr_samples_in_total
    print("Delta:", delta)
    return pi_estimate


def run_pi(c, nbr_samples_in_total=NBR_SAMPLES_IN_TOTAL, seed=None):
    """The book's ``%run pi_ipython_cluster.py`` with client ``c``: count on every engine, print pi."""
    nbr_engines = len(c.ids)
    print(f"We're using {nbr_engines} engines")
    dview = c[:]
    dview.use_cloudpickle()
    t1 = time.time()
    nbr_in_quarter_unit_circles = calculate_pi(dview, nbr_samples_in_total, seed)
    return print_pi(nbr_in_quarter_unit_circles, nbr_samples_in_total, time.time() - t1)


# book: end


def main(argv=None):
    from _ipcluster import pi_main

    pi_main(__doc__, run_pi, NBR_SAMPLES_IN_TOTAL, argv)


if __name__ == "__main__":
    main()
