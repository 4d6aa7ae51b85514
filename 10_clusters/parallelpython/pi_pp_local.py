"""Monte Carlo pi on local worker processes with Parallel Python (book chapter 10, "Parallel Python").

Parallel Python (``pp``) is the chapter's first clustering solution: "best for
research or simple local ad hoc clusters", with an API close to
``multiprocessing``. ``pp.Server(ncpus=4)`` starts four worker processes;
``job_server.submit(calculate_pi, (nbr_estimates,), (), ("random",))`` sends a
worker the function's *source* (pp does not pickle functions) and the names of
the modules it needs, and returns a job; ``job()`` waits for its result. The
book throws 1e8 darts in each of 4 jobs. Here the darts are split over
``--workers`` jobs, and ``--seed`` gives each job its own seeded generator, so a
run can be checked against the same counts computed in one process.

``pi_pp_local_cluster.py`` submits the same jobs to ppservers on other machines.

Run (from this folder):
    python pi_pp_local.py                                   # 4 workers, 4 x 1e8 darts (the book)
    python pi_pp_local.py --workers 2 --samples 1000000 --seed 1
"""

# book: 1st ed., "Using the Parallel Python Module for Simple Local Clusters"
import random
import time

import pp

NBR_ESTIMATES = 1e8  # darts in each job (the book)
NBR_PROCESSES = 4


def calculate_pi(nbr_estimates, seed=None):
    """How many of ``nbr_estimates`` random darts fall in the quarter circle, in pure Python.

    ``seed`` (ours) makes a job's count reproducible; the book's call leaves it
    out and each worker draws from its own ``random``.
    """
    rng = random if seed is None else random.Random(seed)
    steps = range(int(nbr_estimates))
    nbr_trials_in_unit_circle = 0
    for step in steps:  # noqa: B007  (the book names it)
        x = rng.uniform(0, 1)
        y = rng.uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_unit_circle += is_in_unit_circle
    return nbr_trials_in_unit_circle


def count_darts(job_server, nbr_samples_in_total, nbr_jobs, seed=None):
    """Submit ``calculate_pi`` once per share of the darts; the darts each job found inside."""
    from _parallelpython import job_seeds, split_darts

    nbr_trials_per_process = split_darts(nbr_samples_in_total, nbr_jobs)
    jobs = []
    for input_args in zip(nbr_trials_per_process, job_seeds(seed, nbr_jobs)):
        # the function travels as source text, "random" is imported on the worker
        job = job_server.submit(calculate_pi, input_args, (), ("random",))
        jobs.append(job)
    # each job blocks until its result is ready
    nbr_in_unit_circles = [job() for job in jobs]
    if None in nbr_in_unit_circles:  # pp returns None for a job that raised
        raise RuntimeError(f"a pp job failed: {nbr_in_unit_circles}")
    return nbr_in_unit_circles


# book: end


# book: 1st ed., "Using the Parallel Python Module for Simple Local Clusters" (continued: the main)
def run_pi_local(nbr_processes=NBR_PROCESSES, nbr_samples_in_total=NBR_ESTIMATES * NBR_PROCESSES, seed=None):
    """Start ``pp.Server(ncpus=nbr_processes)``, run one job per worker, print pi; destroy the server."""
    from _parallelpython import print_pi

    job_server = pp.Server(ncpus=nbr_processes)
    try:
        print("Starting pp with", job_server.get_ncpus(), "workers")
        t1 = time.time()
        nbr_in_unit_circles = count_darts(job_server, nbr_samples_in_total, nbr_processes, seed)
        return print_pi(nbr_in_unit_circles, int(nbr_samples_in_total), time.time() - t1)
    finally:
        job_server.destroy()


# book: end


def main(argv=None):
    from _parallelpython import local_main

    local_main(__doc__, run_pi_local, NBR_PROCESSES, NBR_ESTIMATES * NBR_PROCESSES, argv)


if __name__ == "__main__":
    main()
