"""What the chapter 10 benchmark and tests share (not a book example).

The book's code lives in the examples (``estimate_nbr_points_in_quarter_circle``
in ``ipython_parallel/pi_ipython_cluster.py``, ``ols_lstsq_raw`` in
``dask/ols_dask_dataframe.py``, ``is_prime`` in ``job_queue/nsq_worker.py``).
Here: a seeded copy of the dart-throwing task that a spawned ``Pool``, Dask and
IPython Parallel can all run side by side (``darts_inside``), how to split the
darts between tasks and turn counts into pi, and starting an IPython Parallel
cluster with ``ipyparallel.Cluster``. Dask's start/join helpers are in
``dask/_dask_cluster.py``, re-exported here.

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


# ---------------------------------------------------------------- Dask (re-exported)

sys.path.insert(0, str(CHAPTER / "dask"))
from _dask_cluster import ClusterUnreachable, dask_client, ship_by_value  # noqa: E402,F401

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
            client = ipp.Client(str(url_file) if url_file else None, profile=profile,
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
