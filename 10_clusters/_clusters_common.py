"""Code that several chapter 10 examples share (not a book example itself).

- the pure-Python Monte Carlo pi task every engine runs (the book's
  ``estimate_nbr_points_in_quarter_circle``), how to split the darts between
  tasks and how to turn the counts into pi with its standard error;
- the integer ``check_prime`` the job queues and ``client.map`` use;
- the per-row OLS task (chapter 06's pandas example) and its generated data;
- starting or joining a Dask cluster and an IPython Parallel cluster, always
  on loopback when they are local, and always stopped afterwards;
- ``ship_by_value``: cluster workers cannot import a chapter file, so the
  functions sent to them are pickled by value (with cloudpickle).

The name is unique in the repository on purpose: every chapter folder ends up
on ``sys.path`` in one benchmark process, and a plain ``_common`` would clash.
"""

import contextlib
import math
import shutil
import sys
import tempfile
from pathlib import Path

CHAPTER = Path(__file__).resolve().parent
LOOPBACK = "127.0.0.1"
CONNECT_TIMEOUT_S = 10


# ---------------------------------------------------------------- pi

def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=None):
    """Throw ``nbr_estimates`` darts at the unit square; count those in the quarter circle.

    The book's task, in pure Python (it runs on an engine, so it imports what it
    needs itself). ``seed=None`` seeds from the operating system, as each engine
    does in the book; tests give every task its own seed.
    """
    import random

    rng = random.Random(seed)
    uniform = rng.uniform
    nbr_trials_in_quarter_unit_circle = 0
    for _ in range(int(nbr_estimates)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


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


# ---------------------------------------------------------------- primes

def check_prime(number):
    """True when ``number`` is prime (integer trial division: exact for any size)."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, math.isqrt(number) + 1, 2):
        if number % i == 0:
            return False
    return True


# ---------------------------------------------------------------- OLS per row

NBR_DAYS = 14


def make_ols_frame(nbr_people, seed=0):
    """Hours of phone use: one row per person, one column per day, Poisson(60)/60."""
    import numpy as np
    import pandas as pd

    rng = np.random.RandomState(seed)
    hours = rng.poisson(lam=60, size=(nbr_people, NBR_DAYS)) / 60
    return pd.DataFrame(hours, columns=list(range(NBR_DAYS)))


def ols_lstsq_raw(row):
    """The slope of a least-squares line through one row (an ndarray of NBR_DAYS values)."""
    import numpy as np

    days = np.arange(row.shape[0])
    design = np.vstack([days, np.ones(row.shape[0])]).T
    slope, _intercept = np.linalg.lstsq(design, row, rcond=-1)[0]
    return slope


# ---------------------------------------------------------------- shipping code

def ship_by_value(*modules):
    """Make cloudpickle send these modules' functions by value to cluster workers.

    A script run from the shell is ``__main__`` and is already sent by value;
    loaded by tests or the benchmark it has a name no worker can import, and
    ``_clusters_common`` is not on a remote worker's path either.
    """
    import cloudpickle

    for module in modules:
        if isinstance(module, str):
            module = sys.modules[module]
        if module.__name__ != "__main__":
            cloudpickle.register_pickle_by_value(module)


# ---------------------------------------------------------------- Dask

class ClusterUnreachable(RuntimeError):
    """The cluster named on the command line does not answer."""


@contextlib.contextmanager
def dask_client(scheduler=None, workers=2, threads_per_worker=1):
    """A ``distributed.Client``: to ``scheduler`` when given, else to a new LocalCluster.

    The local cluster has ``workers`` worker processes on 127.0.0.1 and is
    closed on exit, whatever happens.
    """
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise ClusterUnreachable(
                f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker,
                           processes=True, host=LOOPBACK, dashboard_address=f"{LOOPBACK}:0",
                           silence_logs=logging.ERROR)
    try:
        client = Client(cluster, timeout=CONNECT_TIMEOUT_S)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def dashboard_line(client):
    """``dashboard = URL`` (and how to get it served when bokeh is missing)."""
    import importlib.util

    link = client.dashboard_link
    if importlib.util.find_spec("bokeh") is None:
        return f"dashboard = {link} (not served: pip install 'bokeh>=3.1')"
    return f"dashboard = {link}"


# ---------------------------------------------------------------- IPython Parallel

@contextlib.contextmanager
def ipython_client(engines=2, profile=None, url_file=None):
    """An ``ipyparallel.Client`` with cloudpickle serialisation.

    With ``url_file`` (a controller's ``ipcontroller-client.json``) or
    ``profile`` it joins an existing cluster; otherwise it starts a controller
    and ``engines`` engines as local processes, in a throw-away profile folder,
    and stops them on exit.
    """
    import ipyparallel as ipp

    if url_file or profile:
        try:
            client = ipp.Client(url_file=str(url_file) if url_file else None, profile=profile,
                                timeout=CONNECT_TIMEOUT_S)
            client.wait_for_engines(1, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ipp.error.TimeoutError) as error:
            where = url_file or f"profile {profile!r}"
            raise ClusterUnreachable(f"cannot reach the IPython cluster of {where}: {error}") \
                from None
        try:
            client[:].use_cloudpickle()
            yield client
        finally:
            client.close()
        return
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
