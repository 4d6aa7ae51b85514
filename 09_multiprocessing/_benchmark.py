"""Chapter 09 benchmark cases: pi and primes by threads and processes, flags, locking.

Everything runs with 2 workers (the book's tables use 1-8; the speedup you can
get is bounded by your cores). Pools for the pi and prime-generation cases are
created inside the timed call, as the book's scripts time them; the
prime-validation pools (and the Manager, the flag file, a throw-away
redis-server) are made once, reused by every timed call and closed when the
benchmark process exits.
"""

import atexit
import importlib
import math
import multiprocessing
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent
WORKERS = 2


def plain(folder, name):
    """Import a chapter module by its plain name, as its spawned workers will."""
    path = str(HERE / folder)
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


_cleanups = []


def on_exit(function):
    if not _cleanups:
        atexit.register(close)
    _cleanups.append(function)


def close():
    """Stop the pools, the Manager and the redis-servers; hpp bench calls it after the chapter."""
    while _cleanups:
        _cleanups.pop()()
    _shared.clear()
    if "joblib" in sys.modules:  # Joblib keeps its worker processes for the next call
        from joblib.externals.loky import get_reusable_executor

        get_reusable_executor().shutdown(wait=True, kill_workers=True)


# ---------------------------------------------------------------- pi


def pi_check(inside, params):
    common = plain("pi_estimation", "_pi_common")
    total = params["samples"]
    error = abs(common.pi_from(inside, total) - math.pi)
    assert error < 5 * common.standard_error(total), f"pi estimate off by {error:.2g}"
    return {"pi": round(common.pi_from(inside, total), 5)}


def pure_python_case(name, workers=None, processes=True, joblib=False, futures=False):
    def run(params):
        if futures:
            return plain("pi_estimation", "pi_lists_parallel_futures").estimate_pi(
                params["samples"], workers, processes=processes
            )
        if workers is None:
            return plain("pi_estimation", "pi_lists_parallel").estimate_nbr_points_in_quarter_circle(
                params["samples"]
            )
        if joblib:
            return plain("pi_estimation", "pi_lists_parallel_joblib").estimate_pi(
                params["samples"], workers, workers
            )
        return plain("pi_estimation", "pi_lists_parallel").estimate_pi(
            params["samples"], workers, processes=processes
        )

    requires = None
    if joblib:

        def requires(params):
            return None if importlib.util.find_spec("joblib") else "needs joblib: pip install joblib"

    return Case(name, run=run, check=pi_check, requires=requires)


def numpy_case(name, how):
    def run(params):
        if how == "serial":
            return plain("pi_estimation", "pi_numpy_serial").estimate_nbr_points_in_quarter_circle(
                params["samples"]
            )
        if how == "blocks":
            return plain("pi_estimation", "pi_numpy_serial_blocks").estimate_pi_in_blocks(
                params["samples"], 4
            )
        return plain("pi_estimation", "pi_numpy_parallel_worker").estimate_pi_parallel(
            params["samples"], WORKERS
        )

    return Case(name, run=run, check=pi_check)


# ---------------------------------------------------------------- prime generation


def prime_range_setup(params):
    common = plain("prime_generation", "_prime_generation_common")
    start, stop, expected = common.RANGES[params["range"]]
    return start, stop


def prime_range_check(primes, params):
    common = plain("prime_generation", "_prime_generation_common")
    expected = common.RANGES[params["range"]][2]
    assert len(primes) == expected, f"{len(primes)} primes, expected {expected}"
    assert primes == sorted(primes)


def generation_case(name, how, chunksize=None, queue="manager"):
    def run(state):
        start, stop = state
        if how == "serial":  # two primes.py in this chapter: load this one by its path
            return load_example(HERE / "prime_generation" / "primes.py").find_primes(start, stop)
        if how == "pool":
            return plain("prime_generation", "primes_pool").find_primes(
                list(range(start, stop)), WORKERS, chunksize
            )
        if how == "queue":
            return plain("prime_generation", "primes_queue").find_primes(range(start, stop), WORKERS, queue)
        if how.startswith("futures"):
            return plain("prime_generation", "primes_pool_futures").find_primes(
                range(start, stop), WORKERS, 1000, processes=how == "futures processes"
            )
        if how == "pipe":
            return plain("prime_generation", "primes_pipe").find_primes(range(start, stop), WORKERS, 1000)[0]
        if how == "feeder":
            return plain("prime_generation", "primes_queue_jobs_feeder_thread").find_primes(
                range(start, stop), WORKERS, queue
            )
        less_work = plain("prime_generation", "primes_queue_less_work")
        return plain("prime_generation", "primes_queue").find_primes(
            less_work.odd_candidates(start, stop), WORKERS, queue
        )

    return Case(name, run=run, setup=prime_range_setup, check=prime_range_check)


# ---------------------------------------------------------------- prime validation

_shared = {}


def validation_pool(script, kind):
    """The Pool (and the flag's extra argument) of one script, made once and closed at exit."""
    if script in _shared:
        return _shared[script]
    module = plain("prime_validation", script)
    context = multiprocessing.get_context()
    extra = ()
    if kind == "manager":
        manager = context.Manager()
        on_exit(manager.shutdown)
        extra = (manager.Value(b"c", module.FLAG_CLEAR),)
        pool = context.Pool(WORKERS)
    elif kind == "value":
        pool = module.make_pool(WORKERS)
    elif kind == "mmap":
        handle, path = tempfile.mkstemp(prefix="prime_flag_")
        os.write(handle, b"\x00")
        os.close(handle)
        on_exit(lambda: os.unlink(path))
        pool = module.make_pool(WORKERS, path)
        on_exit(module.sh_mem.close)
    elif kind == "redis":
        from hpp.service import redis_server

        server = redis_server()
        service = server.__enter__()
        on_exit(lambda: server.__exit__(None, None, None))
        pool = module.make_pool(WORKERS, f"redis://{service.host}:{service.port}/0")
        on_exit(lambda: (module.rds.delete(module.FLAG_NAME), module.rds.close()))
    else:
        pool = context.Pool(WORKERS)
    on_exit(lambda: (pool.terminate(), pool.join()))
    _shared[script] = (module.check_prime, (pool, WORKERS, *extra))
    return _shared[script]


def redis_missing(params):
    if shutil.which("redis-server") is None:
        return "needs redis-server: apt-get install redis-server"
    if importlib.util.find_spec("redis") is None:
        return "needs redis-py: pip install redis"
    return None


def validation_case(name, script, kind=None, requires=None):
    def setup(params):
        number = params["number"]
        if kind is None:  # two primes.py in this chapter: load this one by its path
            return load_example(HERE / "prime_validation" / "primes.py").check_prime, number, ()
        check_prime, extra = validation_pool(script, kind)
        return check_prime, number, extra

    def run(state):
        check_prime, number, extra = state
        return check_prime(number, *extra)

    def check(answer, params):
        from sympy import isprime

        assert answer is isprime(params["number"]), f"wrong answer for {params['number']}"
        return {"prime": answer}

    return Case(name, run=run, setup=setup, check=check, requires=requires)


# ---------------------------------------------------------------- locking


def counter_folder():
    """A folder for the counter file: RAM-backed when there is one, so the lock is timed, not the disk."""
    base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    folder = tempfile.mkdtemp(prefix="hpp_locking_", dir=base)
    on_exit(lambda: shutil.rmtree(folder, ignore_errors=True))
    return Path(folder)


def run_processes(context, target, args, nbr_processes):
    """The book's ``run_workers`` loop, without its printing: start, join, check the exit codes."""
    processes = [context.Process(target=target, args=args) for _ in range(nbr_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    assert all(p.exitcode == 0 for p in processes), "a worker process failed"


def locking_case(name, how, expect, requires=None):
    """``expect``: "exact" (a lock), "at most" (no lock: any loss) or "lockstep" (a certain loss).

    A locked counter must end at exactly processes x increments: one lost update fails its check.
    Whether the processes of one run overlap enough to lose one without the lock is luck, so
    tests/test_09_multiprocessing.py also holds each worker's lock and sees it wait.
    """

    def setup(params):
        state = {"context": multiprocessing.get_context(), "params": params}
        if how.startswith("file"):
            state["folder"] = counter_folder()
        if how == "redis":
            import redis

            from hpp.service import redis_server

            server = redis_server()
            service = server.__enter__()
            on_exit(lambda: server.__exit__(None, None, None))
            state["url"] = f"redis://{service.host}:{service.port}/0"
            state["client"] = redis.Redis.from_url(state["url"], socket_timeout=10)
            on_exit(state["client"].close)
        return state

    def run(state):
        context = state["context"]
        nbr, increments = state["params"]["processes"], state["params"]["increments"]
        if how.startswith("file"):
            path = state["folder"] / "count.txt"
            path.write_text("0")
            script = {"file": "ex1_nolock4", "file_locked": "ex1_lock"}[how]
            run_processes(context, plain("locking", script).work, (str(path), increments), nbr)
            return int(path.read_text() or 0)
        if how == "redis":
            key = f"hpp:counter:{uuid.uuid4().hex}"
            run_processes(context, plain("locking", "ex3_redis").work, (increments, state["url"], key), nbr)
            count = int(state["client"].get(key))
            state["client"].delete(key)
            return count
        if how == "rawvalue":
            value, lock = context.RawValue("i", 0), context.Lock()
            run_processes(context, plain("locking", "ex2_lock_rawvalue").work, (value, increments, lock), nbr)
            return value.value
        value = context.Value("i", 0)
        if how == "value_locked":
            run_processes(context, plain("locking", "ex2_lock").work, (value, increments), nbr)
        elif how == "value_lockstep":
            run_processes(
                context,
                plain("locking", "ex2_nolock").work_lockstep,
                (value, increments, context.Barrier(nbr)),
                nbr,
            )
        else:
            run_processes(context, plain("locking", "ex2_nolock").work, (value, increments), nbr)
        return value.value

    def check(count, params):
        expected = params["processes"] * params["increments"]
        if expect == "exact":
            assert count == expected, f"a locked counter reached {count}, not {expected}"
        elif expect == "lockstep":  # every round of reads before writes adds exactly one
            assert count == params["increments"], f"lock-step counter {count}, not {params['increments']}"
        else:  # unlocked: how many are lost depends on the scheduler; never more than the total
            # counted, and never nothing: the last write of each process is the number it read + 1
            assert 1 <= count <= expected, f"an unlocked counter reached {count}, not 1 to {expected}"
        return {"counter": count, "lost": expected - count}

    return Case(name, run=run, setup=setup, check=check, requires=requires)


# ---------------------------------------------------------------- the workloads

QUICK_NUMBERS = [112272535095295, 25000000166123, 25000000000013]  # trivial, 1500007 x 16666589, prime
TEST_NUMBERS = [112272535095295, 25000000166123, 1_000_000_007]  # trivial, 1500007 x 16666589, prime
BOOK_NUMBERS = [
    112272535095295,
    100109100129100369,
    100109100129101027,
    100109100129100151,
    100109100129162907,
]

WORKLOADS = [
    Workload(
        name="pi, pure-Python darts",
        description=(
            "random.uniform darts; threads (multiprocessing.dummy, ThreadPoolExecutor) vs processes "
            f"(Pool, ProcessPoolExecutor), up to {WORKERS} workers"
        ),
        baseline="serial",
        sizes={
            "test": [{"samples": 20_000}],
            "quick": [{"samples": 3_000_000}],
            "book": [{"samples": 100_000_000}],
        },
        cases=[
            pure_python_case("serial"),
            pure_python_case("threads, 1", 1, processes=False),
            pure_python_case("threads, 2", 2, processes=False),
            pure_python_case("processes, 1", 1),
            pure_python_case("processes, 2", 2),
            pure_python_case("joblib, 2", 2, joblib=True),
            pure_python_case("ThreadPoolExecutor, 2", 2, processes=False, futures=True),
            pure_python_case("ProcessPoolExecutor, 2", 2, futures=True),
        ],
        repeat=3,
        budget_seconds=3.0,
        headline="Pi, processes",
    ),
    Workload(
        name="pi, NumPy darts",
        description="vectorised darts: one array, 4 serial blocks, a Pool of 2 processes",
        baseline="serial, one array",
        sizes={
            "test": [{"samples": 100_000}],
            "quick": [{"samples": 10_000_000}],
            "book": [{"samples": 100_000_000}],
        },
        cases=[
            numpy_case("serial, one array", "serial"),
            numpy_case("serial, 4 blocks", "blocks"),
            numpy_case("processes, 2", "pool"),
        ],
        repeat=3,
        budget_seconds=1.5,
    ),
    Workload(
        name="primes in a range",
        description=(
            "range A (quick) or C (book): Pool.map, Queue and Pipe workers, concurrent.futures, 2 workers"
        ),
        baseline="serial",
        sizes={"test": [{"range": "A"}], "quick": [{"range": "A"}], "book": [{"range": "C"}]},
        cases=[
            generation_case("serial", "serial"),
            generation_case("Pool.map, default chunksize", "pool"),
            generation_case("Pool.map, chunksize 1", "pool", chunksize=1),
            generation_case("Manager queues", "queue"),
            generation_case("Manager queues, feeder thread", "feeder"),
            generation_case("Manager queues, odd numbers only", "less work"),
            generation_case("multiprocessing.Queue", "queue", queue="multiprocessing"),
            generation_case("Pipe per worker, chunks of 1000", "pipe"),
            generation_case("ProcessPoolExecutor, chunks of 1000", "futures processes"),
            generation_case("ThreadPoolExecutor, chunks of 1000", "futures threads"),
        ],
        repeat=2,
        budget_seconds=1.0,
    ),
    Workload(
        name="prime validation, shared flags",
        description=(
            "one number checked by 2 processes; flags for an early exit "
            "(the book's five numbers at the book size)"
        ),
        baseline="serial",
        sizes={
            "test": [{"number": n} for n in TEST_NUMBERS],
            "quick": [{"number": n} for n in QUICK_NUMBERS],
            "book": [{"number": n} for n in BOOK_NUMBERS],
        },
        cases=[
            validation_case("serial", "primes", None),
            validation_case("pool 1", "primes_pool_per_number1", "plain"),
            validation_case("pool 2 (serial pre-check)", "primes_pool_per_number2", "plain"),
            validation_case("Manager flag", "primes_pool_per_number_manager", "manager"),
            validation_case("Redis flag", "primes_pool_per_number_redis", "redis", requires=redis_missing),
            validation_case("RawValue flag", "primes_pool_per_number_value", "value"),
            validation_case("mmap flag", "primes_pool_per_number_mmap", "mmap"),
            validation_case("mmap2 flag", "primes_pool_per_number_mmap2", "mmap"),
            validation_case("mmap3 flag", "primes_pool_per_number_mmap3", "mmap"),
            validation_case("mmap4 flag (local names)", "primes_pool_per_number_mmap4", "mmap"),
        ],
        repeat=2,
        budget_seconds=1.0,
    ),
    Workload(
        name="locking, 4 processes x 1000 increments",
        description="a counter in a file (RAM disk when there is one), a Value, a RawValue, Redis INCR",
        baseline="file, no lock",
        sizes={
            "test": [{"processes": 2, "increments": 100}],
            "quick": [{"processes": 4, "increments": 1000}],
            "book": [{"processes": 4, "increments": 1000}],
        },
        cases=[
            locking_case("file, no lock", "file", expect="at most"),
            locking_case("file, fasteners lock", "file_locked", expect="exact"),
            locking_case("Value, no lock", "value", expect="at most"),
            locking_case("Value, no lock, lock-step", "value_lockstep", expect="lockstep"),
            locking_case("Value, get_lock()", "value_locked", expect="exact"),
            locking_case("RawValue + Lock", "rawvalue", expect="exact"),
            locking_case("Redis INCR", "redis", expect="exact", requires=redis_missing),
        ],
        repeat=3,
        budget_seconds=1.0,
    ),
]
