"""What chapter 10's scripts, benchmark, figure and tests share (not a book example).

The book's code lives in the examples (``estimate_nbr_points_in_quarter_circle``
in ``ipython_parallel/pi_ipython_cluster.py``, ``ols_lstsq_raw`` in
``dask/ols_dask_dataframe.py``, ``is_prime`` in ``job_queue/nsq_worker.py``).
Here: a seeded copy of the dart-throwing task that a spawned ``Pool``, Dask and
IPython Parallel can all run side by side (``darts_inside``), how to split the
darts between tasks and turn counts into pi, and starting an IPython Parallel
cluster with ``ipyparallel.Cluster`` (the examples start theirs with
``ipython_parallel/_ipcluster.py``; a Dask ``LocalCluster`` is
``hpp.service.local_dask_client``).

It lives in ``hpp`` so that every folder of the chapter (``dask/``, ``job_queue/``...)
and every worker process started from this environment imports it by name; a worker
elsewhere gets its functions as code (``ship_by_value``).
"""

import contextlib
import math
import shutil
import sys
import tempfile

# ---------------------------------------------------------------- pi


def darts_inside(nbr_darts, seed=None):
    """How many of ``nbr_darts`` seeded darts fall in the quarter circle (pure Python)."""
    import random

    rng = random.Random(seed)
    uniform = rng.uniform
    inside = 0
    for _ in range(int(nbr_darts)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        inside += x * x + y * y <= 1.0
    return inside


def split_darts(total, parts):
    """``parts`` dart counts that add up to exactly ``total`` (the first ones get the remainder)."""
    base, extra = divmod(int(total), int(parts))
    return [base + (1 if i < extra else 0) for i in range(parts)]


def task_seeds(seed, parts):
    """One seed per task (None when ``seed`` is None: each task seeds from the OS)."""
    return [None if seed is None else seed * 1_000_003 + i for i in range(parts)]


def pi_from_counts(counts, total):
    """pi = 4 * darts inside / darts thrown."""
    return 4.0 * sum(counts) / total


def pi_standard_error(total):
    """The standard error of the Monte Carlo estimate: 4 * sqrt(p(1-p)/N), p = pi/4."""
    p = math.pi / 4
    return 4.0 * math.sqrt(p * (1 - p) / total)


# ---------------------------------------------------------------- engines


def ship_by_value(*modules):
    """Make cloudpickle send these modules' functions by value to cluster workers.

    A module loaded by the benchmark or the tests has a name no worker can
    import, so its functions travel as code, not as references.
    """
    import cloudpickle

    for module in modules:
        if isinstance(module, str):
            module = sys.modules[module]
        if module.__name__ != "__main__":
            cloudpickle.register_pickle_by_value(module)


@contextlib.contextmanager
def ipython_client(engines=2):
    """An ``ipyparallel.Client`` (cloudpickle serialisation) to ``engines`` new local engines.

    The controller and engines run as local processes in a throw-away profile
    folder and are stopped on exit.
    """
    import ipyparallel as ipp

    profile_dir = tempfile.mkdtemp(prefix="hpp-ipcluster-")
    cluster = ipp.Cluster(n=engines, profile_dir=profile_dir, log_level=40)
    try:
        client = cluster.start_and_connect_sync(activate=False)
        try:
            client[:].use_cloudpickle()
            yield client
        finally:
            client.close()
    finally:
        try:
            cluster.stop_cluster_sync()
        finally:
            shutil.rmtree(profile_dir, ignore_errors=True)
