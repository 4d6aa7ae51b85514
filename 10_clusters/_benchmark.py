"""Chapter 10 benchmark: the same Monte Carlo pi task on one process, a local
multiprocessing Pool, a Dask LocalCluster (futures, ``dask.delayed``, ``dask.bag``),
an IPython Parallel cluster, Parallel Python (a local ``pp.Server``, and two
``ppserver`` processes on loopback joined as a cluster) and Celery (two ``celery
worker`` processes on a throw-away redis-server, the broker and result backend).

Two workloads separate the compute from the per-task overhead: a few large
tasks (one per worker: the engines should approach the Pool), and many tiny
tasks of 10 darts (the time is then nearly all overhead: divide it by the
number of tasks for the cost of one task on each engine). Every engine has two
workers. Starting the clusters is set-up, not timed; they are started once,
shared by both workloads and stopped when the process ends.
"""

import atexit
import contextlib
import math
import multiprocessing
import os
import secrets
import shutil
import sys
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example
from hpp.service import local_dask_client

HERE = Path(__file__).resolve().parent
WORKERS = 2

_engines = {}
_stack = contextlib.ExitStack()
atexit.register(_stack.close)


def close():
    """Stop the pool and the clusters; hpp bench calls it after the chapter."""
    _stack.close()
    _engines.clear()


def common():
    """``hpp.clusters``: the seeded dart task every engine runs (spawned children import it by name)."""
    from hpp import clusters

    return clusters


def engine(kind):
    """The running engine of ``kind`` (started on first use, stopped at exit)."""
    if kind not in _engines:
        c = common()
        c.ship_by_value(c)
        if kind == "pool":
            _engines[kind] = _stack.enter_context(multiprocessing.get_context("spawn").Pool(WORKERS))
        elif kind == "dask":
            _engines[kind] = _stack.enter_context(local_dask_client(workers=WORKERS))
        elif kind == "ipython":
            client = _stack.enter_context(c.ipython_client(engines=WORKERS))
            _engines[kind] = client.load_balanced_view()
        elif kind == "pp":
            _engines[kind] = pp_server(ncpus=WORKERS)
        elif kind == "ppservers":
            _engines[kind] = pp_cluster(nodes=WORKERS)
        elif kind == "celery":
            _engines[kind] = _stack.enter_context(celery_app(workers=WORKERS))
    return _engines[kind]


@contextlib.contextmanager
def celery_app(workers):
    """A Celery app on a throw-away redis-server, with ``workers`` ``celery worker`` processes
    (one process each) that run ``job_queue/_celery_bench.py``'s pi task; all stopped on exit."""
    import gc
    import time

    from celery import Celery

    from hpp.service import redis_server

    family = load_example(HERE / "job_queue" / "_job_queue_family.py")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))}
    with redis_server() as service:
        url = family.redis_url(service)
        with (
            family.local_workers(url, workers, app="_celery_bench", env=env),
            Celery(broker=url, backend=url) as app,
        ):
            deadline = time.monotonic() + 60
            while len(app.control.ping(timeout=0.5)) < workers:  # every worker up before the timing
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{workers} celery workers did not answer within 60 s")
            try:
                yield app
            finally:  # results sit in reference cycles: free them while Redis answers their goodbye
                gc.collect()


@contextlib.contextmanager
def pythonpath_kept():
    """pp writes this process's sys.path into $PYTHONPATH for its workers: set it back after,
    for the chapters that follow in the same process."""
    before = os.environ.get("PYTHONPATH")
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def pp_server(**kwargs):
    """A local ``pp.Server``, destroyed at exit."""
    import pp

    with pythonpath_kept():
        job_server = pp.Server(**kwargs)
    _stack.callback(job_server.destroy)
    return job_server


def pp_cluster(nodes):
    """``nodes`` ppservers of one worker on loopback (``ppserver -p PORT -s SECRET -i 127.0.0.1``),
    joined by a ``pp.Server`` with no local workers, as ``pi_pp_local_cluster.py`` does."""
    folder = HERE / "parallelpython"
    helper = load_example(folder / "_parallelpython.py")
    cluster = load_example(folder / "pi_pp_local_cluster.py")
    secret = secrets.token_hex(16)
    servers = _stack.enter_context(helper.local_ppservers(nodes, 1, secret))
    with pythonpath_kept():
        job_server = cluster.connect_to_ppservers(servers, secret)
    _stack.callback(job_server.destroy)
    return job_server


def run_serial(state):
    _, darts, seeds = state
    task = common().darts_inside
    return [task(n, seed) for n, seed in zip(darts, seeds)]


def run_pool(state):
    pool, darts, seeds = state
    # chunksize=1: one message per task, as the cluster engines do
    return pool.starmap(common().darts_inside, zip(darts, seeds), chunksize=1)


def run_dask(state):
    client, darts, seeds = state
    futures = client.map(common().darts_inside, darts, seeds, pure=False)
    return client.gather(futures)


def run_ipython(state):
    view, darts, seeds = state
    return view.map_sync(common().darts_inside, darts, seeds)


def dask_example(name):
    """A script of dask/, its functions (and its neighbours') sent by value to the cluster's workers."""
    module = load_example(HERE / "dask" / name)
    common().ship_by_value(module, *[name for name in ("_dask_lazy", "primes_dask") if name in sys.modules])
    return module


def on_cluster(lazy, client):
    """Compute a delayed or bag graph on the cluster as the scripts do (every function sent by value)."""
    return load_example(HERE / "dask" / "_dask_lazy.py").whole_graph_by_value(lazy).compute(scheduler=client)


def run_dask_delayed(state):
    client, darts, seeds = state
    lazy = dask_example("pi_dask_delayed.py").pi_dask_delayed(sum(darts), len(darts), seed=1)
    return on_cluster(lazy, client)


def run_dask_bag(state):
    client, darts, seeds = state
    lazy = dask_example("pi_dask_bag.py").pi_dask_bag(sum(darts), len(darts), seed=1)
    return on_cluster(lazy, client)


def run_celery(state):
    app, darts, seeds = state
    results = [app.send_task("bench.darts_inside", (n, seed)) for n, seed in zip(darts, seeds)]
    return [result.get(timeout=600) for result in results]


def run_pp(state):
    job_server, darts, seeds = state
    # pp ships darts_inside as source text: the workers import nothing of ours
    jobs = [job_server.submit(common().darts_inside, (n, seed)) for n, seed in zip(darts, seeds)]
    return [job() for job in jobs]


def pi_case(name, run, kind=None):
    def setup(params):
        c = common()
        darts = c.split_darts(params["darts"], params["tasks"])
        return engine(kind) if kind else None, darts, c.task_seeds(1, params["tasks"])

    def check(counts, params):
        c = common()
        expected = _serial_counts(params)
        if isinstance(counts, int):  # dask.delayed and dask.bag add the counts up on the cluster
            assert counts == sum(expected), "the total differs from the serial run"
            counts = [counts]
        else:
            assert len(counts) == params["tasks"]
            # every engine ran the same seeded tasks: the same counts as this process
            assert list(counts) == expected, "counts differ from the serial run"
        pi = c.pi_from_counts(counts, params["darts"])
        assert abs(pi - math.pi) < 5 * c.pi_standard_error(params["darts"]), pi
        return {"tasks": params["tasks"], "pi": round(pi, 5)}

    def requires(params):
        if kind == "celery" and shutil.which("redis-server") is None:
            return "needs redis-server (Celery's broker): apt-get install redis-server (or make system-deps)"
        return None

    return Case(name, run=run, setup=setup, check=check, requires=requires)


_serial_cache = {}


def _serial_counts(params):
    key = (params["darts"], params["tasks"])
    if key not in _serial_cache:
        c = common()
        state = (None, c.split_darts(*key), c.task_seeds(1, key[1]))
        _serial_cache[key] = run_serial(state)
    return _serial_cache[key]


def cases():
    return [
        pi_case("serial (1 process)", run_serial),
        pi_case("multiprocessing Pool(2)", run_pool, "pool"),
        pi_case("Dask LocalCluster (2 workers)", run_dask, "dask"),
        pi_case("Dask delayed (2 workers)", run_dask_delayed, "dask"),
        pi_case("Dask bag (2 workers)", run_dask_bag, "dask"),
        pi_case("IPython Parallel (2 engines)", run_ipython, "ipython"),
        pi_case("Celery (2 workers, Redis broker)", run_celery, "celery"),
        pi_case("Parallel Python pp.Server (2 workers)", run_pp, "pp"),
        pi_case("Parallel Python (2 ppservers)", run_pp, "ppservers"),
    ]


WORKLOADS = [
    Workload(
        name="pi, few large tasks",
        description="pure-Python darts, one task per worker: compute dominates",
        baseline="serial (1 process)",
        sizes={
            "test": [{"darts": 20_000, "tasks": 2}],
            "quick": [{"darts": 1_000_000, "tasks": 2}],
            "book": [{"darts": 100_000_000, "tasks": 4}],
        },
        cases=cases(),
        repeat=3,
    ),
    Workload(
        name="pi, many tiny tasks",
        description="10 darts per task: time / tasks = the per-task overhead of each engine",
        baseline="serial (1 process)",
        sizes={
            "test": [{"darts": 1_000, "tasks": 20}],
            "quick": [{"darts": 10_000, "tasks": 1_000}],
            "book": [{"darts": 100_000, "tasks": 10_000}],
        },
        cases=cases(),
        repeat=3,
    ),
]


# ---------------------------------------------------------------- primes in a range, on Dask


def primes_setup(params):
    return engine("dask"), params


def run_primes_serial(state):
    _, params = state
    return dask_example("primes_dask.py").count_primes(0, params["stop"])


def run_primes_map(state):
    client, params = state
    return dask_example("primes_dask.py").count_primes_on_cluster(client, 0, params["stop"], params["tasks"])


def run_primes_delayed(state):
    client, params = state
    lazy = dask_example("primes_dask_delayed.py").primes_dask_delayed(0, params["stop"], params["tasks"])
    return on_cluster(lazy, client)


def run_primes_bag(state):
    client, params = state
    lazy = dask_example("primes_dask_bag.py").primes_dask_bag(0, params["stop"], params["tasks"])
    return on_cluster(lazy, client)


def check_primes(found, params):
    is_prime = bytearray([1]) * params["stop"]  # a sieve of Eratosthenes
    is_prime[:2] = b"\x00\x00"
    for i in range(2, math.isqrt(params["stop"] - 1) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = bytes(len(range(i * i, params["stop"], i)))
    assert found == sum(is_prime), (found, sum(is_prime))
    return {"primes": found}


WORKLOADS.append(
    Workload(
        name="primes below N, in blocks",
        description="trial division over [0, N) cut into blocks: Dask futures (client.map), "
        "dask.delayed and dask.bag on the same 2 workers, checked against a sieve",
        baseline="serial (1 process)",
        sizes={
            "test": [{"stop": 20_000, "tasks": 8}],
            "quick": [{"stop": 300_000, "tasks": 20}],
            "book": [{"stop": 1_000_000, "tasks": 100}],
        },
        cases=[
            Case(
                "serial (1 process)",
                run=run_primes_serial,
                setup=lambda params: (None, params),
                check=check_primes,
            ),
            Case("Dask client.map (2 workers)", run=run_primes_map, setup=primes_setup, check=check_primes),
            Case("Dask delayed (2 workers)", run=run_primes_delayed, setup=primes_setup, check=check_primes),
            Case("Dask bag (2 workers)", run=run_primes_bag, setup=primes_setup, check=check_primes),
        ],
        repeat=3,
    )
)
