"""Chapter 09: pi, primes, shared flags, locking, shared NumPy, Joblib, the pitfalls; 2 workers.

The functions the book teaches are defined in the scripts the book names, and
the workers sent to other processes are those scripts' own functions. So each
worker is exercised under ``spawn`` and ``forkserver`` (macOS and Windows
spawn; Linux forkservers from Python 3.14) both ways a reader meets it: the
script run by its path (its functions pickled from ``__main__``) and the
script imported by its plain name (as the read-along notebook does).
"""

import importlib
import math
import multiprocessing
import random
import re
import subprocess
import sys

import numpy as np
import pytest

from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "09_multiprocessing"
PI = CHAPTER / "pi_estimation"
GEN = CHAPTER / "prime_generation"
VAL = CHAPTER / "prime_validation"
LOCK = CHAPTER / "locking"
NPS = CHAPTER / "np_shared_example"
RND = NPS / "rnd_demo"

WORKERS = 2
NOT_FORK = ["spawn", "forkserver"]
ALL_METHODS = ["fork", "spawn", "forkserver"]

# Import by plain name, as a reader in the folder does and as spawned children will.
for folder in (PI, GEN, VAL, LOCK, NPS, RND, CHAPTER):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
# Two scripts are called primes.py (generation and validation): those two are
# loaded by path; no worker function lives in either.
gen_primes = load_example(GEN / "primes.py")
val_primes = load_example(VAL / "primes.py")


def plain(name):
    return importlib.import_module(name)


pi_common = plain("_pi_common")
pi_lists_parallel = plain("pi_lists_parallel")
gen_common = plain("_prime_generation_common")
val_common = plain("_prime_validation_common")
create_range = plain("create_range")


@pytest.fixture(scope="module", autouse=True)
def stop_the_helpers_of_in_process_pools():
    """The forkserver, the resource tracker and their socket folder outlive every Pool: stop them."""
    yield
    from multiprocessing import forkserver, process, resource_tracker, util

    forkserver._forkserver._stop()
    resource_tracker._resource_tracker._stop()
    tempdir = process.current_process()._config.pop("tempdir", None)
    for finalizer in list(util._finalizer_registry.values()):
        if tempdir and tempdir in (finalizer._args or ()):
            finalizer()  # the removal multiprocessing would make at exit, made now


def sieve(limit):
    is_prime = np.ones(limit, dtype=bool)
    is_prime[:2] = False
    for i in range(2, math.isqrt(limit) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = False
    return is_prime


def primes_in(start, stop):
    """The primes of [start, stop) by a segmented sieve (NumPy): the oracle for the ranges."""
    base = np.flatnonzero(sieve(math.isqrt(stop) + 1))
    window = np.ones(stop - start, dtype=bool)
    for p in base:
        first = max(p * p, (start + p - 1) // p * p)
        window[first - start :: p] = False
    if start < 2:
        window[: 2 - start] = False
    return (np.flatnonzero(window) + start).tolist()


def within_five_standard_errors(inside, total):
    return abs(pi_common.pi_from(inside, total) - math.pi) < 5 * pi_common.standard_error(total)


def value_of(text, name):
    match = re.search(rf"^{re.escape(name)} = (.+)$", text, re.MULTILINE)
    assert match, f"no '{name} = ' line in:\n{text}"
    return match.group(1).strip()


# ---------------------------------------------------------------- the book's names in the book's files

BOOK_NAMES = {
    PI / "pi_lists_parallel.py": ["estimate_nbr_points_in_quarter_circle"],
    PI / "pi_lists_parallel_joblib_cache.py": ["estimate_nbr_points_in_quarter_circle_with_idx"],
    PI / "pi_numpy_serial.py": ["estimate_nbr_points_in_quarter_circle"],
    PI / "pi_numpy_parallel_worker.py": ["estimate_nbr_points_in_quarter_circle"],
    GEN / "primes.py": ["check_prime"],
    GEN / "primes_pool.py": ["check_prime"],
    GEN / "primes_queue.py": ["check_prime", "check_prime_worker"],
    GEN / "primes_timed_makes_graph.py": ["check_prime"],
    VAL / "primes.py": ["check_prime"],
    VAL / "create_range.py": ["create"],
    **{
        VAL / f"primes_pool_per_number{suffix}.py": ["check_prime_in_range", "check_prime"]
        for suffix in ("1", "2", "_manager", "_redis", "_value", "_mmap", "_mmap2", "_mmap3")
    },
    VAL / "primes_pool_per_number_mmap4.py": ["check_prime_in_range", "check_prime", "init_worker"],
    VAL / "primes_understand_comms_frequency.py": ["check_prime_in_range", "check_prime"],
    **{
        LOCK / f"{name}.py": ["work", "run_workers"]
        for name in (
            "ex1_nolock1",
            "ex1_nolock4",
            "ex1_lock",
            "ex2_nolock",
            "ex2_lock",
            "ex2_lock_rawvalue",
            "ex3_redis",
        )
    },
    NPS / "np_shared.py": ["worker_fn"],
    RND / "np_shared_rnd_parallel.py": ["worker_fn"],
}


@pytest.mark.parametrize("path", sorted(BOOK_NAMES), ids=lambda p: str(p.relative_to(CHAPTER)))
def test_the_book_defines_its_functions_in_its_files(path):
    """Defined there (``def`` in the file), not imported from a helper."""
    import ast

    defined = {
        node.name
        for node in ast.parse(path.read_text()).body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    missing = [name for name in BOOK_NAMES[path] if name not in defined]
    assert not missing, f"{path.name} does not define {missing}"


def test_no_script_edits_sys_path_or_loads_examples():
    for path in CHAPTER.rglob("*.py"):
        if path.name.startswith("_"):
            continue
        text = path.read_text()
        assert "sys.path" not in text and "load_example" not in text, path


# ---------------------------------------------------------------- Monte Carlo pi


def test_split_and_child_seeds():
    assert pi_common.split(10, 3) == [4, 3, 3]
    assert sum(pi_common.split(1_000_003, 7)) == 1_000_003
    seeds = pi_common.child_seeds(0, 4)
    assert len(set(seeds)) == 4 and seeds == pi_common.child_seeds(0, 4)
    assert pi_common.child_seeds(None, 3) == [None, None, None]


def test_pure_python_darts_estimate_pi_within_five_standard_errors():
    total = 200_000
    inside = pi_lists_parallel.estimate_nbr_points_in_quarter_circle(total, seed=0)
    assert inside == pi_lists_parallel.estimate_nbr_points_in_quarter_circle(total, seed=0)
    assert within_five_standard_errors(inside, total)


@pytest.mark.parametrize("start_method", ALL_METHODS)
def test_processes_threads_and_serial_blocks_count_the_same_darts(start_method):
    total, seed = 100_000, 7
    jobs = zip(pi_common.split(total, WORKERS), pi_common.child_seeds(seed, WORKERS))
    serial = sum(pi_lists_parallel.estimate_nbr_points_in_quarter_circle(n, s) for n, s in jobs)
    processes = pi_lists_parallel.estimate_pi(
        total, WORKERS, processes=True, seed=seed, start_method=start_method
    )
    threads = pi_lists_parallel.estimate_pi(total, WORKERS, processes=False, seed=seed)
    assert processes == threads == serial
    assert within_five_standard_errors(processes, total)


@pytest.mark.parametrize("start_method", NOT_FORK)
def test_the_script_run_by_path_sends_its_own_worker(run_example, start_method):
    """``python pi_lists_parallel.py 2 --processes``: the worker is pickled from __main__."""
    total, seed = 40_000, 3
    expected = pi_lists_parallel.estimate_pi(total, WORKERS, processes=False, seed=seed)
    completed = run_example(
        PI / "pi_lists_parallel.py",
        WORKERS,
        "--processes",
        "--nbr_samples_in_total",
        total,
        "--seed",
        seed,
        "--start-method",
        start_method,
        check=True,
    )
    assert completed.stdout.splitlines()[:2] == ["Using Processes", "Making 20,000 samples per 2 worker"]
    assert int(value_of(completed.stdout, "inside")) == expected
    assert value_of(completed.stdout, "pi estimate") == f"{4 * expected / total:.5f}"
    assert completed.stdout.count("pi estimate") == 1  # printed once


def test_unseeded_processes_throw_different_darts():
    first = pi_lists_parallel.estimate_pi(50_000, WORKERS, processes=True)
    second = pi_lists_parallel.estimate_pi(50_000, WORKERS, processes=True)
    assert first != second  # CPython reseeds random in each forked child
    assert within_five_standard_errors(first, 50_000)


def test_the_series_script_counts_the_parallel_darts(run_example):
    completed = run_example(
        PI / "pi_lists_series.py", "--nbr_samples_in_total", "30000", "--seed", "5", check=True
    )
    expected = pi_lists_parallel.estimate_nbr_points_in_quarter_circle(30_000, 5)
    assert int(value_of(completed.stdout, "inside")) == expected
    assert value_of(completed.stdout, "pi estimate") == f"{4 * expected / 30_000:.5f}"
    assert "Estimated pi" not in completed.stdout


@pytest.mark.parametrize("start_method", ALL_METHODS)
def test_futures_processes_threads_and_the_pool_count_the_same_darts(start_method):
    futures = plain("pi_lists_parallel_futures")
    total, seed = 100_000, 7
    pool = pi_lists_parallel.estimate_pi(total, WORKERS, processes=False, seed=seed)
    processes = futures.estimate_pi(total, WORKERS, processes=True, seed=seed, start_method=start_method)
    threads = futures.estimate_pi(total, WORKERS, processes=False, seed=seed)
    assert processes == threads == pool
    assert within_five_standard_errors(processes, total)


def futures_run(run_example, *args):
    """Run ``pi_lists_parallel_futures.py`` by path; its darts inside, worker PIDs and CPU per block."""
    completed = run_example(PI / "pi_lists_parallel_futures.py", WORKERS, *args, check=True)
    out = completed.stdout
    wall = float(re.search(r"^Delta: (\S+)$", out, re.MULTILINE).group(1))
    cpu = [float(s) for s in value_of(out, "CPU seconds per block").split(", ")]
    return (
        out,
        int(value_of(out, "processes that threw darts")),
        value_of(out, "darts thrown in this process"),
        cpu,
        wall,
    )


@pytest.mark.parametrize("start_method", NOT_FORK)
def test_the_futures_script_run_by_path_sends_its_own_worker(run_example, start_method):
    """``python pi_lists_parallel_futures.py 2 --processes``: the worker is pickled from __main__."""
    total, seed = 40_000, 3
    expected = pi_lists_parallel.estimate_pi(total, WORKERS, processes=False, seed=seed)
    out, *_ = futures_run(
        run_example, "--processes", "--samples", total, "--seed", seed, "--start-method", start_method
    )
    assert out.splitlines()[0] == "Using ProcessPoolExecutor"
    assert int(value_of(out, "inside")) == expected


# Blocks of a million darts (about 0.3 s of CPU each): long enough that each worker takes one.
GIL_DARTS = 2_000_000


def test_futures_threads_throw_every_dart_in_this_process_one_core_at_a_time(run_example):
    """The GIL, without a clock race: every block's PID is the script's own, and the threads' CPU
    seconds add up to no more than the run's wall time (one core's worth; a free-threaded build may
    use more). On a loaded machine the threads get less, never more."""
    out, nbr_processes, here, cpu, wall = futures_run(run_example, "--samples", GIL_DARTS)
    assert out.splitlines()[0] == "Using ThreadPoolExecutor"
    assert (nbr_processes, here) == (1, "True")
    assert len(cpu) == WORKERS and all(seconds > 0 for seconds in cpu)
    if getattr(sys, "_is_gil_enabled", lambda: True)():
        assert sum(cpu) <= 1.2 * wall + 0.05, (cpu, wall)


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_futures_processes_throw_the_darts_in_worker_processes_of_their_own(run_example, start_method):
    """Processes: no dart in the script's own process; one worker process per block, each burning
    CPU of its own (each has its own interpreter and GIL)."""
    out, nbr_processes, here, cpu, _ = futures_run(
        run_example, "--processes", "--samples", GIL_DARTS, "--start-method", start_method
    )
    assert (nbr_processes, here) == (WORKERS, "False"), out
    assert len(cpu) == WORKERS and all(seconds > 0 for seconds in cpu)


def test_joblib_parallel_counts_the_same_darts_as_the_serial_blocks(run_example):
    total, blocks = 100_000, 4
    seeds = pi_common.child_seeds(3, blocks)
    serial = sum(
        pi_lists_parallel.estimate_nbr_points_in_quarter_circle(n, s)
        for n, s in zip(pi_common.split(total, blocks), seeds)
    )
    completed = run_example(
        PI / "pi_lists_parallel_joblib.py",
        "--nbr_samples_in_total",
        total,
        "--workers",
        WORKERS,
        "--blocks",
        blocks,
        "--seed",
        3,
        check=True,
    )
    assert int(value_of(completed.stdout, "inside")) == serial


def test_joblib_memory_cache_answers_the_second_run(run_example, tmp_path):
    cache = tmp_path / "cache"
    completed = run_example(
        PI / "pi_lists_parallel_joblib_cache.py",
        "--nbr_samples_in_total",
        "100000",
        "--workers",
        WORKERS,
        "--blocks",
        "4",
        "--seed",
        "1",  # unseeded, two of four blocks land on the same count about once in 40 runs
        "--cache-dir",
        cache,
        check=True,
    )
    first = value_of(completed.stdout, "first run: blocks")
    assert value_of(completed.stdout, "second run: blocks") == first
    blocks = [int(b) for b in first.strip("[]").split(",")]
    assert len(set(blocks)) == 4  # the block index keeps the blocks apart in the cache
    assert within_five_standard_errors(sum(blocks), 100_000)
    # the second run computed nothing: only the first run's four calls printed
    assert completed.stdout.count("Executing estimate_nbr_points_in_quarter_circle") == 4


def test_joblib_cache_without_the_index_answers_one_block_for_all(run_example, tmp_path):
    completed = run_example(
        PI / "pi_lists_parallel_joblib_cache.py",
        "--nbr_samples_in_total",
        "40000",
        "--workers",
        WORKERS,
        "--blocks",
        "4",
        "--without-idx",
        "--cache-dir",
        tmp_path / "cache",
        check=True,
    )
    # once cached, every block has the same arguments and gets the same answer
    assert value_of(completed.stdout, "second run: distinct block counts") == "1"


@pytest.mark.parametrize("start_method", NOT_FORK)
def test_numpy_darts_serial_blocks_and_pool_agree(start_method):
    serial = plain("pi_numpy_serial")
    blocks = plain("pi_numpy_serial_blocks")
    parallel = plain("pi_numpy_parallel_worker")
    total = 1_000_000
    assert within_five_standard_errors(serial.estimate_nbr_points_in_quarter_circle(total, 0), total)
    in_blocks = blocks.estimate_pi_in_blocks(total, 4, seed=0)
    assert parallel.estimate_pi_parallel(total, WORKERS, 4, seed=0, start_method=start_method) == in_blocks
    assert within_five_standard_errors(in_blocks, total)
    unseeded = parallel.estimate_pi_parallel(total, WORKERS, start_method=start_method)
    assert within_five_standard_errors(unseeded, total)


def test_the_seeded_monte_carlo_diagram(run_example, tmp_path):
    diagram = load_example(PI / "pi_plot_monte_carlo_example.py")
    xs, ys, inside = diagram.throw_darts(10_000, seed=0)
    assert int(inside.sum()) == 7868
    completed = run_example(PI / "pi_plot_monte_carlo_example.py", "--output-dir", tmp_path, check=True)
    assert value_of(completed.stdout, "inside") == "7868"
    assert value_of(completed.stdout, "pi estimate") == "3.14720"
    assert (tmp_path / "pi_monte_carlo.png").stat().st_size > 1000


@pytest.mark.parametrize("kind", ["processes", "threads"])
def test_cpu_usage_trace(run_example, tmp_path, kind):
    """The trace of the run's own processes: two workers busy at once, or one process (the GIL).

    "Busy" is 10 % of a core or more in one sample, so the processes count even on a machine
    whose cores other programs share (these tests run beside others on 2 cores): how many cores'
    worth they get then depends on the load, how many of them run does not.
    """
    psutil = importlib.import_module("psutil")
    completed = run_example(
        PI / "profile_cpu_usage.py",
        "--workers",
        WORKERS,
        "--samples",
        "2000000",
        "--interval",
        "0.2",
        "--output-dir",
        tmp_path,
        "--pool",
        kind,
        check=True,
    )
    assert int(value_of(completed.stdout, "cores")) == psutil.cpu_count()
    assert within_five_standard_errors(int(value_of(completed.stdout, "inside")), 2_000_000)
    assert f"Using {kind.title()}" in completed.stdout.splitlines()
    busy = int(value_of(completed.stdout, "this run's processes busy at once, most"))
    peak = float(value_of(completed.stdout, "this run's CPU, peak").split()[0])
    if kind == "processes":
        assert busy == WORKERS  # the workers run at the same time, each with its own GIL
    else:
        assert busy == 1  # one process: its two threads take turns
        if getattr(sys, "_is_gil_enabled", lambda: True)():
            assert peak <= 125  # one core's worth, with a sample's rounding (10 ms ticks in 0.2 s)
    assert (tmp_path / f"cpu_usage_{kind}_{WORKERS}.png").stat().st_size > 1000


# ---------------------------------------------------------------- the pitfall: random state after fork


def test_forked_workers_that_do_not_reseed_draw_the_same_numbers():
    demo = plain("random_numbers_in_parallel")
    draws = demo.draws_in_workers(3, nbr_draws=4, reseed=False, seed=11, start_method="fork")
    numpy_draws = [d[1] for d in draws]
    assert len({pid for pid, _, _ in draws}) == 3  # three processes ...
    assert numpy_draws[0] == numpy_draws[1] == numpy_draws[2]  # ... one "random" stream
    np.random.seed(11)
    assert numpy_draws[0] == np.random.random(4).tolist()  # the parent's seeded state
    assert len({tuple(d[2]) for d in draws}) > 1  # CPython reseeds random at fork


@pytest.mark.parametrize("reseed, start_method", [(True, "fork"), (False, "spawn")])
def test_reseeding_or_spawning_gives_each_worker_its_own_numbers(reseed, start_method):
    demo = plain("random_numbers_in_parallel")
    draws = demo.draws_in_workers(3, nbr_draws=4, reseed=reseed, seed=11, start_method=start_method)
    numpy_draws = [tuple(d[1]) for d in draws]
    assert len(set(numpy_draws)) == 3


def test_the_random_pitfall_script(run_example):
    completed = run_example(PI / "random_numbers_in_parallel.py", "--workers", "3", check=True)
    assert value_of(completed.stdout, "identical NumPy draws in every worker") == "True"
    assert value_of(completed.stdout, "identical random draws in every worker") == "False"
    completed = run_example(PI / "random_numbers_in_parallel.py", "--workers", "3", "--reseed", check=True)
    assert value_of(completed.stdout, "identical NumPy draws in every worker") == "False"


# ---------------------------------------------------------------- prime generation

RANGE_A = gen_common.RANGES["A"]
SMALL_RANGE = (100_000_000, 100_003_000)


@pytest.fixture(scope="module")
def primes_in_range_a():
    return gen_primes.find_primes(*RANGE_A[:2])


def test_check_prime_agrees_with_a_sieve():
    truth = sieve(20_000)
    checkers = [
        gen_primes.check_prime,
        plain("primes_pool").check_prime,
        plain("primes_queue").check_prime,
        plain("primes_timed_makes_graph").check_prime,
        val_primes.check_prime,
        val_common.is_prime_serially,
    ]
    for n in range(20_000):
        assert [check(n) for check in checkers] == [bool(truth[n])] * len(checkers), n
    assert gen_primes.check_prime(9007199254740997)  # the first prime above 2**53 (float sqrt: no)


@pytest.mark.parametrize("name", sorted(gen_common.RANGES))
def test_the_books_range_counts_match_a_segmented_sieve(name):
    start, stop, count = gen_common.RANGES[name]
    assert len(primes_in(start, stop)) == count
    assert {"A": 551, "B": 5_411, "C": 54_208, "D": 4_832, "E": 4_019}[name] == count


def test_range_a_holds_the_books_551_primes(primes_in_range_a):
    assert len(primes_in_range_a) == 551 == RANGE_A[2]
    assert primes_in_range_a[0] == 100_000_007 and primes_in_range_a[-1] == 100_009_979
    assert primes_in_range_a == primes_in(*RANGE_A[:2])


def test_range_b_holds_the_books_5411_primes():
    start, stop, count = gen_common.RANGES["B"]
    found = plain("primes_pool").find_primes(range(start, stop), WORKERS, start_method="forkserver")
    assert len(found) == count == 5_411
    assert found == primes_in(start, stop)


@pytest.mark.slow
@pytest.mark.parametrize("name, expected", [("C", 54_208), ("D", 4_832), ("E", 4_019)])
def test_ranges_c_d_e_hold_the_books_counts(name, expected):
    start, stop, count = gen_common.RANGES[name]
    numbers = list(range(start, stop))
    random.Random(0).shuffle(numbers)  # the expensive primes spread over the chunks
    found = plain("primes_pool").find_primes(numbers, WORKERS)
    assert len(found) == count == expected
    assert sorted(found)[0] == {"C": 100000007, "D": 1000000007, "E": 100000000003}[name]


@pytest.mark.parametrize(
    "chunksize, shuffle, start_method",
    [(None, False, "spawn"), (1, True, "fork"), (5000, False, "forkserver")],
)
def test_pool_map_finds_the_same_primes(primes_in_range_a, chunksize, shuffle, start_method):
    numbers = list(range(*RANGE_A[:2]))
    if shuffle:
        random.Random(1).shuffle(numbers)
    found = plain("primes_pool").find_primes(numbers, WORKERS, chunksize, start_method)
    assert sorted(found) == primes_in_range_a


@pytest.mark.parametrize(
    "script, start_method",
    [
        ("primes_pool.py", "spawn"),
        ("primes_queue.py", "forkserver"),
        ("primes_pool_futures.py", "spawn"),
        ("primes_pipe.py", "forkserver"),
    ],
)
def test_the_generation_scripts_run_by_path(run_example, script, start_method):
    completed = run_example(
        GEN / script, "--range", "A", "--workers", WORKERS, "--start-method", start_method, check=True
    )
    assert value_of(completed.stdout, "primes found") == "551"
    assert value_of(completed.stdout, "first") == "100000007, last = 100009979"


@pytest.mark.parametrize(
    "script, queue, start_method",
    [
        ("primes_queue", "manager", "spawn"),
        ("primes_queue", "multiprocessing", "fork"),
        ("primes_queue_jobs_feeder_thread", "manager", "forkserver"),
        ("primes_queue_jobs_feeder_thread", "multiprocessing", "spawn"),
    ],
)
def test_queue_workers_with_poison_pills_find_every_prime(primes_in_range_a, script, queue, start_method):
    expected = [p for p in primes_in_range_a if p < SMALL_RANGE[1]]
    assert plain(script).find_primes(range(*SMALL_RANGE), WORKERS, queue, start_method) == expected


def test_queuing_only_odd_numbers_finds_the_same_primes(primes_in_range_a):
    less_work = plain("primes_queue_less_work")
    candidates = less_work.odd_candidates(*SMALL_RANGE)
    assert len(candidates) == (SMALL_RANGE[1] - SMALL_RANGE[0]) // 2
    expected = [p for p in primes_in_range_a if p < SMALL_RANGE[1]]
    assert plain("primes_queue").find_primes(candidates, WORKERS, "multiprocessing", "spawn") == expected
    assert list(less_work.odd_candidates(0, 10)) == [2, 1, 3, 5, 7, 9]
    assert list(less_work.odd_candidates(3, 10)) == [3, 5, 7, 9]


@pytest.mark.parametrize(
    "processes, chunksize, start_method",
    [(True, 1000, "spawn"), (True, 7, "fork"), (True, 20_000, "forkserver"), (False, 300, None)],
)
def test_futures_chunks_find_the_same_primes(primes_in_range_a, processes, chunksize, start_method):
    futures = plain("primes_pool_futures")
    numbers = list(range(*RANGE_A[:2]))
    assert futures.find_primes(numbers, WORKERS, chunksize, processes, start_method) == primes_in_range_a


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
def test_futures_threads_check_the_primes_here_processes_in_workers(processes):
    """Where the CPU time goes (``os.times``, as the pi speed chart measures it): threads burn it
    in this process, at most one core's worth of the run (the GIL); processes burn it in the
    workers, while this process mostly waits."""
    best_run = plain("_pi_figures").best_run
    futures = plain("primes_pool_futures")
    start, stop = 100_000_000, 100_040_000
    found = []
    wall, here, children = best_run(
        lambda: found.extend(futures.find_primes(range(start, stop), WORKERS, 1000, processes)), 1
    )
    assert found == primes_in(start, stop)
    if not processes:
        assert children < 0.01  # not one clock tick (the subtraction of two floats may leave 1e-16)
        if getattr(sys, "_is_gil_enabled", lambda: True)():
            assert here <= 1.2 * wall + 0.05, (wall, here)
    else:
        assert children > 0 and here <= 0.5 * children, (wall, here, children)


@pytest.mark.parametrize("start_method", ALL_METHODS)
def test_pipe_workers_find_every_prime_one_chunk_per_message(primes_in_range_a, start_method):
    primes_pipe = plain("primes_pipe")
    primes, nbr_chunks = primes_pipe.find_primes(range(*RANGE_A[:2]), WORKERS, 300, start_method)
    assert primes == primes_in_range_a
    assert nbr_chunks == math.ceil((RANGE_A[1] - RANGE_A[0]) / 300) == 34


def test_pipe_workers_without_a_chunk_get_only_the_poison_pill():
    primes_pipe = plain("primes_pipe")
    assert primes_pipe.find_primes(range(10), 4, chunksize=5) == ([2, 3, 5, 7], 2)
    assert not multiprocessing.active_children()  # every worker ended and was joined


def test_a_dead_pipe_worker_is_an_eof_error_not_a_hang(capfd):
    """The parent closed its copy of the worker's end: the worker's death closes the pipe."""
    primes_pipe = plain("primes_pipe")
    with pytest.raises(EOFError):
        primes_pipe.find_primes([7, "not a number"], 1, chunksize=2, start_method="fork")
    assert "TypeError" in capfd.readouterr().err


def test_the_pipe_script_counts_its_chunks(run_example):
    completed = run_example(
        GEN / "primes_pipe.py", "--range", "A", "--workers", 3, "--chunksize", 128, check=True
    )
    assert value_of(completed.stdout, "chunks sent") == str(math.ceil(10_000 / 128))
    assert value_of(completed.stdout, "primes found") == "551"


def test_chunk_sweep_times_every_point_and_plots(run_example, tmp_path):
    completed = run_example(
        GEN / "primes_pool_plot_chunksizetimes.py",
        "--range",
        "A",
        "--workers",
        WORKERS,
        "--repeat",
        "1",
        "--by",
        "nbrchunks",
        "--max-chunks",
        "4",
        "--shuffle",
        "--output-dir",
        tmp_path,
        check=True,
    )
    points = re.findall(
        r"^nbrchunks = +(\d+) +\(chunksize +(\d+)\): \d+\.\d+ s, (\d+) tasks, (\d) of 2 workers idle",
        completed.stdout,
        re.MULTILINE,
    )
    # the lesson in counts, not times: n chunks are n messages, and only a multiple of the
    # workers leaves none of them idle at the end (the sawtooth's low points)
    assert [tuple(map(int, point)) for point in points] == [
        (1, 10_000, 1, 1),
        (2, 5_000, 2, 0),
        (3, 3_334, 3, 1),
        (4, 2_500, 4, 0),
    ]
    assert value_of(completed.stdout, "primes found") == "551"  # every run checked against it
    assert (tmp_path / "primes_pool_nbrchunks_shuffled.png").stat().st_size > 1000


def test_time_per_check_prime_the_books_sweep(run_example, tmp_path):
    completed = run_example(
        GEN / "primes_timed_makes_graph.py", "--repeat", "1", "--output-dir", tmp_path, check=True
    )
    assert value_of(completed.stdout, "numbers timed") == "99000"
    assert value_of(completed.stdout, "primes among them") == "19311"  # the book's pickle
    assert (tmp_path / "primes_timed.png").stat().st_size > 1000


def test_time_per_check_prime_counts_the_work():
    timed = plain("primes_timed_makes_graph")
    results = timed.time_check_prime(range(10_001, 10_201, 10), repeat=2)
    assert [n for n, _, _ in results] == list(range(10_001, 10_201, 10))
    assert [p for _, p, _ in results] == [bool(sieve(10_201)[n]) for n in range(10_001, 10_201, 10)]


def test_a_bad_range_is_one_line(run_example, assert_bad_input):
    assert_bad_input(run_example(GEN / "primes.py", "--start", "10", "--stop", "5"))
    assert_bad_input(run_example(GEN / "primes.py", "--range", "Z"))


# ---------------------------------------------------------------- prime validation


def test_create_range_passes_the_official_tests_including_the_third():
    assert create_range.create(2, 11, 2) == [(2, 7), (7, 11)]
    assert create_range.create(1, 31, 3) == [(1, 11), (11, 21), (21, 31)]
    assert create_range.create(1, 31, 4) == [(1, 9), (9, 17), (17, 25), (25, 31)]
    assert create_range.create(21, 316400222, 8)[0] == (21, 39550047)


def test_create_range_runs_its_own_unittest():
    completed = subprocess.run(
        [sys.executable, "-m", "unittest", "-q", "create_range"],
        cwd=VAL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Ran 3 tests" in completed.stderr


def test_create_range_covers_the_span_with_odd_lower_bounds():
    rng = random.Random(0)
    for _ in range(500):
        from_i = rng.randrange(1, 1000) | 1
        to_i = from_i + rng.randrange(1, 5000)
        chunks = rng.randrange(1, 40)
        ranges = create_range.create(from_i, to_i, chunks)
        assert 1 <= len(ranges) <= chunks
        assert ranges[0][0] == from_i and ranges[-1][1] == to_i
        for (a, b), (c, _) in zip(ranges, ranges[1:]):
            assert b == c and a < b
        assert all(lower % 2 == 1 for lower, _ in ranges)
    with pytest.raises(ValueError):
        create_range.create(5, 5, 2)


# Small numbers of the book's kinds (sqrt about 1e6), and edge cases near the
# serial pre-check's cut-off (19 x 23 = 437, 23 x 23 = 529).
TEST_NUMBERS = [
    112272535095295,
    300007 * 3333257,
    540041 * 1851719,
    1000000000039,
    25000000000013,
    1,
    2,
    3,
    9,
    21,
    23,
    437,
    529,
    10007 * 10009,
]
TEST_ANSWERS = [False, False, False, True, True, False, True, True, False, False, True, False, False, False]

VARIANTS = [
    "primes_pool_per_number1",
    "primes_pool_per_number2",
    "primes_pool_per_number_manager",
    "primes_pool_per_number_value",
    "primes_pool_per_number_mmap",
    "primes_pool_per_number_mmap2",
    "primes_pool_per_number_mmap3",
    "primes_pool_per_number_mmap4",
]


def test_the_test_numbers_are_what_we_say():
    from sympy import isprime

    assert [isprime(n) for n in TEST_NUMBERS] == TEST_ANSWERS
    assert all(isprime(n) is val_common.KNOWN[n] for n in val_common.KNOWN)
    assert list(val_common.BOOK_NUMBERS.values())[3:] == [100109100129100151, 100109100129162907]
    assert [val_primes.check_prime(n) for n in TEST_NUMBERS] == TEST_ANSWERS


@pytest.mark.parametrize("script", VARIANTS)
@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_every_pool_variant_run_by_path_classifies_the_numbers(run_example, script, start_method):
    completed = run_example(
        VAL / f"{script}.py",
        "--numbers",
        ",".join(map(str, TEST_NUMBERS)),
        "--workers",
        WORKERS,
        "--start-method",
        start_method,
        check=True,
    )
    answers = re.findall(r"^(\d+) is prime: (True|False)", completed.stdout, re.MULTILINE)
    assert [(int(n), a == "True") for n, a in answers] == list(zip(TEST_NUMBERS, TEST_ANSWERS))
    assert "Testing with 2 processes" in completed.stdout.splitlines()
    assert re.search(r"^n1 +\(112272535095295\) +\d+\.\d{6}s$", completed.stdout, re.MULTILINE)


def make_pool_for(module, start_method, tmp_path):
    """The variant's pool and its ``check_prime`` arguments, as its main makes them."""
    if hasattr(module, "sh_mem"):
        path = tmp_path / "flag.bin"
        path.write_bytes(b"\x00")
        return module.make_pool(WORKERS, str(path), start_method), ()
    if module.__name__.endswith("_value"):
        return module.make_pool(WORKERS, start_method), ()
    return multiprocessing.get_context(start_method).Pool(WORKERS), ()


@pytest.mark.parametrize("script", [v for v in VARIANTS if not v.endswith("manager")])
@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_every_pool_variant_imported_by_name(script, start_method, tmp_path):
    module = plain(script)
    pool, extra = make_pool_for(module, start_method, tmp_path)
    with pool:
        answers = [module.check_prime(n, pool, WORKERS, *extra) for n in TEST_NUMBERS[:5]]
    assert answers == TEST_ANSWERS[:5]


def test_mmap4_runs_its_own_flag_and_loop(tmp_path):
    """mmap4's ``check_prime`` and ``make_pool`` (mmap3's, repeated as in the book's file) use
    mmap4's globals, so the Pool sends mmap4's loop and maps mmap4's ``sh_mem``."""
    mmap3, mmap4 = plain("primes_pool_per_number_mmap3"), plain("primes_pool_per_number_mmap4")
    assert mmap4.check_prime.__globals__ is vars(mmap4) and mmap4.make_pool.__globals__ is vars(mmap4)
    assert mmap4.check_prime_in_range.__code__ is not mmap3.check_prime_in_range.__code__
    path = tmp_path / "flag.bin"
    path.write_bytes(b"\x00")
    with mmap4.make_pool(WORKERS, str(path), "spawn") as pool:
        assert mmap4.sh_mem is not None  # the parent mapped mmap4's own flag
        assert [mmap4.check_prime(n, pool, WORKERS) for n in TEST_NUMBERS[:5]] == TEST_ANSWERS[:5]
    mmap4.sh_mem.close()


def test_the_manager_variant_imported_by_name():
    module = plain("primes_pool_per_number_manager")
    context = multiprocessing.get_context("forkserver")
    with context.Manager() as manager, context.Pool(WORKERS) as pool:
        value = manager.Value(b"c", module.FLAG_CLEAR)
        answers = [module.check_prime(n, pool, WORKERS, value) for n in TEST_NUMBERS[:5]]
    assert answers == TEST_ANSWERS[:5]


@pytest.mark.parametrize(
    "script",
    [
        "primes_pool_per_number_value",
        "primes_pool_per_number_mmap",
        "primes_pool_per_number_mmap2",
        "primes_pool_per_number_mmap3",
        "primes_pool_per_number_mmap4",
    ],
)
def test_a_finder_raises_the_flag_and_a_raised_flag_stops_a_worker(script, tmp_path):
    module = plain(script)
    if hasattr(module, "sh_mem"):
        path = tmp_path / "flag.bin"
        path.write_bytes(b"\x00")
        module.init_worker(str(path))

        def read():
            module.sh_mem.seek(0)
            return module.sh_mem.read_byte()

        def write(byte):
            module.sh_mem.seek(0)
            module.sh_mem.write_byte(byte)
    else:
        module.init_worker(multiprocessing.RawValue("b", module.FLAG_CLEAR))

        def read():
            return module.value.value

        def write(byte):
            module.value.value = byte

    n = 300007 * 3333257
    assert module.check_prime_in_range((n, (3, math.isqrt(n) + 1))) is False
    assert read() == module.FLAG_SET  # the finder told the others
    prime = 1000000000039
    assert module.check_prime_in_range((prime, (3, math.isqrt(prime) + 1))) is False  # stopped
    write(module.FLAG_CLEAR)
    assert module.check_prime_in_range((prime, (3, math.isqrt(prime) + 1))) is True


def test_manager_checker_polls_the_proxy():
    module = plain("primes_pool_per_number_manager")
    with multiprocessing.get_context("spawn").Manager() as manager:
        value = manager.Value(b"c", module.FLAG_CLEAR)
        n = 300007 * 3333257
        assert module.check_prime_in_range((n, (3, math.isqrt(n) + 1), value)) is False
        assert value.value == module.FLAG_SET
        prime = 1000000000039
        assert module.check_prime_in_range((prime, (3, math.isqrt(prime) + 1), value)) is False
        value.value = module.FLAG_CLEAR
        assert module.check_prime_in_range((prime, (3, math.isqrt(prime) + 1), value)) is True


def test_flag_reads_for_a_prime_are_one_per_interval():
    comms = plain("primes_understand_comms_frequency")
    prime, composite = 1000000000039, 300007 * 3333257
    ranges = create_range.create(comms.SERIAL_CHECK_CUTOFF, math.isqrt(prime) + 1, WORKERS)
    with comms.make_pool(WORKERS, "spawn") as pool:
        for check_every in (7, 100, 5000):
            expected = sum(len(range(a, b, 2)) // check_every for a, b in ranges)
            assert comms.check_prime(prime, pool, WORKERS, check_every) == (True, expected)
            is_prime, polls = comms.check_prime(composite, pool, WORKERS, check_every)
            assert is_prime is False and polls <= expected


def test_smallest_factors_of_the_non_primes_match_a_sieve(run_example, tmp_path):
    counting = plain("create_count_of_factors_for_nonprimes")
    upper = 200_000
    counts = counting.count_smallest_factors(upper, WORKERS, start_method="forkserver")
    spf = np.zeros(upper, dtype=np.int64)  # smallest prime factor, by sieve
    for p in np.flatnonzero(sieve(math.isqrt(upper) + 1)):
        multiples = spf[p * p :: p]
        multiples[multiples == 0] = p
    expected = np.unique(spf[3:][spf[3:] > 0], return_counts=True)
    assert dict(counts) == dict(zip(expected[0].tolist(), expected[1].tolist()))
    assert counts[2] == 99_998  # the even numbers 4 ... 199,998
    completed = run_example(
        VAL / "create_count_of_factors_for_nonprimes.py",
        "--stop",
        "100000",
        "--workers",
        WORKERS,
        "--start-method",
        "spawn",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert value_of(completed.stdout, "non-primes in [3, 100000)") == f"{99_997 - 9_591:,}"
    assert "smallest factor 2: 49,998" in completed.stdout.splitlines()
    assert (tmp_path / "primes_validation_count_of_factors.png").stat().st_size > 1000


@pytest.mark.redis
def test_redis_flag_variant_with_its_own_server_and_a_given_one(run_example, needs):
    needs.redis_server()
    import redis

    from hpp.service import redis_server

    completed = run_example(
        VAL / "primes_pool_per_number_redis.py",
        "--numbers",
        ",".join(map(str, TEST_NUMBERS[:5])),
        "--workers",
        WORKERS,
        "--start-method",
        "spawn",
        check=True,
    )
    answers = re.findall(r"is prime: (True|False)", completed.stdout)
    assert [a == "True" for a in answers] == TEST_ANSWERS[:5]
    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        completed = run_example(
            VAL / "primes_pool_per_number_redis.py",
            "--numbers",
            ",".join(map(str, TEST_NUMBERS[:5])),
            "--workers",
            WORKERS,
            "--redis-url",
            url,
            "--start-method",
            "forkserver",
            check=True,
        )
        answers = re.findall(r"is prime: (True|False)", completed.stdout)
        assert [a == "True" for a in answers] == TEST_ANSWERS[:5]
        client = redis.Redis.from_url(url, socket_timeout=5)
        assert client.dbsize() == 0  # the flag key was removed
        client.close()


@pytest.mark.redis
def test_unreachable_redis_is_one_line(run_example, assert_bad_input, needs):
    needs.redis_server()
    from hpp.service import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"
    line = assert_bad_input(
        run_example(
            VAL / "primes_pool_per_number_redis.py",
            "--redis-url",
            url,
            "--scale",
            "small",
            "--workers",
            WORKERS,
        )
    )
    assert "--redis-url" in line and "cannot reach Redis" in line
    line = assert_bad_input(run_example(LOCK / "ex3_redis.py", "--redis-url", url))
    assert "--redis-url" in line and "cannot reach Redis" in line


def test_create_range_bad_input(run_example, assert_bad_input):
    assert_bad_input(run_example(VAL / "create_range.py", "--start", "9", "--stop", "3"))


# ---------------------------------------------------------------- locking


def counter_after(script, run_example, *args):
    completed = run_example(LOCK / script, *args, check=True)
    return int(value_of(completed.stdout, "expected")), int(value_of(completed.stdout, "counter"))


@pytest.mark.parametrize(
    "script, args",
    [
        ("ex2_lock.py", ("--start-method", "spawn")),
        ("ex2_lock.py", ("--start-method", "forkserver")),
        ("ex2_lock_rawvalue.py", ("--start-method", "spawn")),
        ("ex2_lock_rawvalue.py", ("--start-method", "forkserver")),
        ("ex1_lock.py", ("--increments", "150", "--start-method", "spawn")),
        ("ex1_nolock1.py", ("--increments", "300", "--start-method", "forkserver")),
    ],
)
def test_locked_counters_are_exact(run_example, script, args):
    expected, counter = counter_after(script, run_example, *args)
    assert counter == expected
    assert expected == (300 if script == "ex1_nolock1.py" else 4 * (150 if "ex1" in script else 1000))


@pytest.mark.parametrize("script", ["ex2_lock", "ex2_lock_rawvalue", "ex1_lock"])
def test_a_locked_worker_counts_nothing_while_its_lock_is_held(script, tmp_path):
    """The test holds the worker's lock: a worker that takes it waits, one that skips it counts.

    A race shows only when the processes happen to overlap; this does not depend on luck. A count
    is asserted, not a time: after a second of holding the lock, not one increment.
    """
    context = multiprocessing.get_context("fork")  # the worker starts in milliseconds
    if script == "ex1_lock":
        import fasteners

        path = tmp_path / "count.txt"
        path.write_text("0")
        lock = fasteners.InterProcessLock(f"{path}.lock")  # the lock file ex1_lock.work takes
        args, count = (str(path), 100), lambda: int(path.read_text())
    elif script == "ex2_lock":
        value = context.Value("i", 0)
        lock = value.get_lock()
        args, count = (value, 100), lambda: value.value
    else:
        value, lock = context.RawValue("i", 0), context.Lock()
        args, count = (value, 100, lock), lambda: value.value
    with lock:
        worker = context.Process(target=plain(script).work, args=args)
        worker.start()
        worker.join(timeout=1)
        assert worker.is_alive(), "the worker finished while its lock was held"
        assert count() == 0
    worker.join(timeout=60)
    assert worker.exitcode == 0
    assert count() == 100


@pytest.mark.parametrize(
    "script, start_method",
    [
        ("ex2_nolock.py", "fork"),
        ("ex2_nolock.py", "spawn"),
        ("ex1_nolock4.py", "forkserver"),
        ("ex1_nolock4.py", "fork"),
    ],
)
def test_unlocked_counters_lose_updates_in_lockstep(run_example, script, start_method):
    """Every process reads before any writes: each round of 4 increments adds exactly 1."""
    expected, counter = counter_after(
        script, run_example, "--lockstep", "--increments", "150", "--start-method", start_method
    )
    assert expected == 600
    assert counter == 150  # strictly below the total, the same on every run


@pytest.mark.parametrize("start_method", NOT_FORK)
def test_locking_workers_imported_by_name(start_method, capsys):
    assert plain("ex2_lock").run_workers(4, 500, start_method) == 2000
    assert plain("ex2_lock_rawvalue").run_workers(4, 500, start_method) == 2000
    assert plain("ex2_nolock").run_workers(3, 100, start_method, lockstep=True) == 100
    assert capsys.readouterr().out.splitlines()[:2] == [
        "Expecting to see a count of 2000",
        "We have counted to 2000",
    ]


def test_the_books_timeit_command_on_the_locked_counters():
    for script in ("ex2_lock", "ex2_lock_rawvalue", "ex1_lock"):
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "timeit",
                "-n",
                "1",
                "-r",
                "1",
                "-s",
                f"import {script}",
                f"{script}.run_workers()",
            ],
            cwd=LOCK,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert completed.returncode == 0, completed.stderr
        assert "Expecting to see a count of 4000" in completed.stdout.splitlines()
        assert (
            "We have counted to 4000" in completed.stdout.splitlines()
            or completed.stdout.splitlines()[3] == "4000"
        ), completed.stdout


def test_a_given_count_file_is_never_overwritten(run_example, assert_bad_input, tmp_path):
    existing = tmp_path / "count.txt"
    existing.write_text("precious")
    line = assert_bad_input(run_example(LOCK / "ex1_lock.py", "--count-file", existing))
    assert "--count-file" in line
    assert existing.read_text() == "precious"
    new = tmp_path / "new_count.txt"
    run_example(LOCK / "ex1_lock.py", "--count-file", new, "--workers", "2", "--increments", "50", check=True)
    assert new.read_text().strip() == "100"
    assert not (tmp_path / "new_count.txt.lock").exists()


@pytest.mark.redis
def test_redis_incr_is_exact(run_example, needs):
    needs.redis_server()
    import redis

    from hpp.service import redis_server

    expected, counter = counter_after("ex3_redis.py", run_example, "--start-method", "spawn")
    assert counter == expected == 4000
    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        expected, counter = counter_after(
            "ex3_redis.py",
            run_example,
            "--redis-url",
            url,
            "--increments",
            "500",
            "--start-method",
            "forkserver",
        )
        assert counter == expected == 2000
        client = redis.Redis.from_url(url, socket_timeout=5)
        assert client.dbsize() == 0  # the counter key was removed
        client.close()


# ---------------------------------------------------------------- shared NumPy


@pytest.mark.parametrize(
    "method, start_method",
    [
        ("array", "spawn"),
        ("array", "fork"),
        ("array", "forkserver"),
        ("shared_memory", "spawn"),
        ("shared_memory", "forkserver"),
        ("shared_memory", "fork"),
    ],
)
def test_the_pool_fills_the_shared_array_in_place(method, start_method):
    np_shared = plain("np_shared")
    rows, cols = 60, 500
    findings = np_shared.run(rows, cols, WORKERS, method, start_method)
    assert findings["default value left"] is False
    assert sum(findings["counter"].values()) == rows * cols
    assert findings["rows holding one value"] == rows
    assert findings["rows written by the worker that reported them"] == rows
    assert len(findings["counter"]) == findings["distinct writers"] <= WORKERS
    assert all(count % cols == 0 for count in findings["counter"].values())
    assert findings["no copy"] is True


def test_np_shared_script_reports(run_example):
    completed = run_example(
        NPS / "np_shared.py",
        "--rows",
        "30",
        "--cols",
        "200",
        "--workers",
        WORKERS,
        "--start-method",
        "spawn",
        check=True,
    )
    assert completed.stdout.splitlines()[0] == "Created shared array with 48,000 nbytes"
    assert value_of(completed.stdout, "cells counted") == "6000 of 6000"
    assert value_of(completed.stdout, "rows holding one value") == "30 of 30"
    assert value_of(completed.stdout, "default value left") == "False"
    assert value_of(completed.stdout, "parent's array is a view of the shared block") == "True"
    assert "leaked" not in completed.stderr


@pytest.mark.parametrize("start_method", NOT_FORK + ["fork"])
def test_the_random_fill_in_parallel_equals_the_serial_fill(start_method):
    parallel = plain("np_shared_rnd_parallel")
    serial = plain("np_shared_rnd_serial")
    filled = parallel.fill_in_parallel(50, 300, WORKERS, seed=4, start_method=start_method)
    assert np.array_equal(filled, serial.fill_serially(50, 300, seed=4))
    assert plain("_rnd_demo_common").duplicate_rows(filled) == 0
    assert not np.any(filled == parallel.DEFAULT_VALUE)
    assert abs(filled.mean() - 0.5) < 5 * (1 / 12 / filled.size) ** 0.5


def test_the_random_fill_scripts_print_the_same_checksum(run_example):
    args = ["--rows", "20", "--cols", "100", "--seed", "9"]
    parallel = run_example(
        RND / "np_shared_rnd_parallel.py", *args, "--workers", WORKERS, "--start-method", "spawn", check=True
    )
    serial = run_example(RND / "np_shared_rnd_serial.py", *args, check=True)
    assert value_of(parallel.stdout, "checksum") == value_of(serial.stdout, "checksum")


# ---------------------------------------------------------------- copy-on-write


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux: fork and smaps_rollup")
def test_copy_on_write_copies_written_pages_and_touched_objects():
    cow = plain("cow1")
    size_mb = 40
    growth = cow.copy_on_write(size_mb)
    size = size_mb * 2**20
    assert growth["read the bytearray"] < 0.1 * size  # shared: nothing copied
    assert 0.9 * size < growth["write the bytearray"] < 1.3 * size  # every page copied
    assert growth["read the list of floats"] > 0.5 * size  # reference counts written


def test_copy_on_write_script(run_example):
    completed = run_example(CHAPTER / "cow1.py", "--size-mb", "20", check=True)
    read = float(re.search(r"^read the bytearray: .* by ([\d.]+) MB$", completed.stdout, re.M)[1])
    write = float(re.search(r"^write the bytearray: .* by ([\d.]+) MB$", completed.stdout, re.M)[1])
    assert read < 2 and 18 < write < 26


# ---------------------------------------------------------------- bad values stop before any work


@pytest.mark.parametrize(
    "script, args, flag",
    [
        (PI / "pi_lists_series.py", ["--samples", "1e400"], "--samples"),
        (PI / "pi_lists_series.py", ["--nbr_samples_in_total", "nan"], "--nbr_samples_in_total"),
        (PI / "pi_lists_parallel.py", ["--seed", "-1"], "--seed"),
        (PI / "pi_lists_parallel.py", ["0"], "nbr_workers"),
        (GEN / "primes_pool_plot_chunksizetimes.py", ["--output-dir", "/proc/hpp-no/folder"], "--output-dir"),
        (GEN / "primes_pool.py", ["--start", "-5"], "--start"),
        (GEN / "primes_pool_futures.py", ["--pool", "fibres"], "--pool"),
        (GEN / "primes_pipe.py", ["--chunksize", "0"], "--chunksize"),
        (PI / "pi_lists_parallel_futures.py", ["--processes", "0"], "nbr_workers"),
        (LOCK / "ex2_nolock.py", ["--increments", "1e400"], "--increments"),
        (NPS / "np_shared.py", ["--start-method", "threads"], "--start-method"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_flag(run_example, assert_bad_input, tmp_path, script, args, flag):
    line = assert_bad_input(run_example(script, *args, timeout=60))
    assert flag in line
    assert not any((tmp_path / "output").rglob("*.png"))  # refused before any work


# ---------------------------------------------------------------- the figures


def test_the_pi_speed_chart_times_every_worker_count(run_example, tmp_path):
    completed = run_example(
        PI / "pi_graph_speed_tests.py",
        "--samples",
        "600000",
        "--workers",
        "2",
        "--output-dir",
        tmp_path,
        check=True,
    )
    rows = re.findall(
        r"^(threads|processes), (\d): (\d+\.\d+) s .*; CPU (\d+\.\d+) s here, (\d+\.\d+) s in worker",
        completed.stdout,
        re.MULTILINE,
    )
    cpu = {(kind, int(n)): tuple(map(float, figures)) for kind, n, *figures in rows}  # wall, here, children
    assert list(cpu) == [("threads", 1), ("threads", 2), ("processes", 1), ("processes", 2)]
    # the GIL, in CPU seconds: two threads burn all of the darts' CPU in this one process, and
    # never more than one core's worth per second of the run (a free-threaded build may)
    wall, here, children = cpu["threads", 2]
    assert children == 0
    if getattr(sys, "_is_gil_enabled", lambda: True)():
        assert here <= 1.2 * wall + 0.05, cpu
    # processes: the workers burn the same darts' CPU (each process its share), the parent waits
    _, parent, workers = cpu["processes", 2]
    assert 0.5 * here <= workers <= 2 * here, cpu
    assert parent <= 0.5 * workers, cpu
    assert (tmp_path / "pi_speed_tests.png").stat().st_size > 1000
    # the figure's own data (its CSV) and its title: the title says what the rows show, never more
    import csv

    with open(tmp_path / "pi_speed_tests.csv") as handle:
        rows = {(r["kind"], int(r["workers"])): r for r in csv.DictReader(handle)}
    assert list(rows) == [("serial", 1), *cpu]
    threads = rows["threads", 2]
    if getattr(sys, "_is_gil_enabled", lambda: True)():  # the GIL: at most one core's worth
        assert float(threads["cpu_here"]) <= 1.2 * float(threads["seconds"]) + 0.05, threads
    speedup = float(rows["processes", 2]["speedup"])
    title = re.search(r"^title = (.*)$", completed.stdout, re.M).group(1)
    assert f"2 threads at {float(threads['speedup']):.2f}x" in title
    if speedup >= 1.3:
        assert f"processes divide it: 2 run {speedup:.2f}x faster" in title, title
    else:
        assert f"processes did not divide it here: 2 ran at {speedup:.2f}x" in title, title


def read_rows(path):
    import csv

    with open(path) as handle:
        return list(csv.DictReader(handle))


def test_the_serial_vs_queue_figure_checks_every_run_and_counts_its_messages(run_example, tmp_path):
    from sympy import primerange

    start, stop = 100_000_000, 100_002_000
    completed = run_example(
        GEN / "plot_serial_vs_queue_times.py",
        "--start",
        start,
        "--stop",
        stop,
        "--workers",
        "2",
        "--output-dir",
        tmp_path,
        check=True,
    )
    nbr_primes = len(list(primerange(start, stop)))
    assert f"primes found = {nbr_primes} by every run" in completed.stdout
    rows = read_rows(tmp_path / "serial_vs_queue_times.csv")
    assert [r["label"] for r in rows] == ["serial", "1 processes", "2 processes"]
    # the lesson's deterministic part: a message per number out, per prime back, two per worker
    for row in rows[1:]:
        workers = int(row["workers"])
        assert int(row["messages"]) == (stop - start) + nbr_primes + 2 * workers > stop - start
    assert (tmp_path / "serial_vs_queue_times.png").stat().st_size > 1000


def test_the_prime_validation_figure_times_every_variant_on_every_number(run_example, tmp_path):
    completed = run_example(
        VAL / "plot_prime_validation_times.py",
        "--scale",
        "small",
        "--workers",
        "2",
        "--variants",
        "serial,pool,rawvalue,mmap3",
        "--output-dir",
        tmp_path,
        check=True,
    )
    rows = read_rows(tmp_path / "prime_validation_times.csv")
    variants = ["serial", "pool", "rawvalue", "mmap3"]
    assert [r["variant"] for r in rows] == [v for v in variants for _ in range(5)]
    for row in rows:  # every answer is the known one (the script asserts it too)
        assert (row["is_prime"] == "True") is val_common.KNOWN[int(row["number"])], row
        assert float(row["seconds"]) > 0
    assert "is prime: True" in completed.stdout
    assert (tmp_path / "prime_validation_times.png").stat().st_size > 1000


def test_more_workers_than_cores_measures_each_count_and_reports_the_cores(run_example, tmp_path):
    import psutil

    completed = run_example(
        PI / "pi_more_workers_than_cores.py",
        "--samples",
        "200000",
        "--max-workers",
        "3",
        "--output-dir",
        tmp_path,
        check=True,
    )
    # the deterministic part: the core counts are psutil's, and a core has at least one logical CPU
    physical, logical = psutil.cpu_count(logical=False), psutil.cpu_count(logical=True)
    assert logical >= physical >= 1
    assert f"physical cores = {physical}, logical CPUs = {logical} " in completed.stdout
    rows = read_rows(tmp_path / "more_workers_than_cores.csv")
    # the shape of what is measured: one run per worker count, in order, each burning its CPU in
    # worker processes (not here), each a fair estimate of pi
    assert [int(r["workers"]) for r in rows] == [1, 2, 3]
    assert {(int(r["physical"]), int(r["logical"])) for r in rows} == {(physical, logical)}
    for row in rows:
        assert float(row["seconds"]) > 0 and float(row["cpu_in_workers"]) > 0, row
        assert abs(4 * int(row["inside"]) / 200_000 - math.pi) < 0.02, row
    assert (tmp_path / "more_workers_than_cores.png").stat().st_size > 1000


def test_slowest_first_is_never_worse_than_cheapest_first_in_the_schedule():
    slowest = plain("primes_pool_slowest_first")
    jobs = gen_common.make_jobs(30, plain("primes_pool").check_prime, max_exponent=10, seed=0)
    assert all(plain("primes_pool").check_prime(n) for n in jobs)
    costs = [slowest.trial_divisions(n) for n in jobs]
    assert costs == [len(range(3, math.isqrt(n) + 1, 2)) for n in jobs]  # check_prime's loop on a prime
    for workers in (2, 3, 4, 8):
        spans = {
            name: slowest.makespan([slowest.trial_divisions(n) for n in order], workers)
            for name, order in slowest.orders(jobs).items()
        }
        bound = max(math.ceil(sum(costs) / workers), max(costs))
        assert bound <= spans["slowest first"] <= spans["sorted cheapest first"], (workers, spans)
        assert spans["slowest first"] <= spans["shuffled"], (workers, spans)
    # and on many small random instances of job costs (the rule, not these primes)
    rng = random.Random(0)
    for _ in range(3000):
        costs = [rng.randint(1, 50) for _ in range(rng.randint(1, 10))]
        workers = rng.randint(2, 4)
        longest_first = slowest.makespan(sorted(costs, reverse=True), workers)
        assert longest_first <= slowest.makespan(sorted(costs), workers), (costs, workers)
    assert slowest.makespan([5, 1, 1, 1], 2) == 5 and slowest.makespan([1, 1, 1, 5], 2) == 6


def test_slowest_first_real_run_checks_every_order(run_example):
    args = ["--items", "12", "--workers", "2", "--max-exponent", "9"]
    completed = run_example(GEN / "primes_pool_slowest_first.py", *args, check=True)
    names = re.findall(r"^(.+): simulated makespan = (\d+) divisions", completed.stdout, re.M)
    assert [n for n, _ in names] == ["sorted cheapest first", "shuffled", "slowest first"]
    spans = {n: int(v) for n, v in names}
    assert spans["slowest first"] <= spans["sorted cheapest first"]
    assert len(re.findall(r"measured = \d+\.\d+ s$", completed.stdout, re.M)) == 3


def test_the_figures_name_scripts_and_outputs_that_exist():
    figures = load_example(CHAPTER / "_figures.py").FIGURES
    assert len({f.file_name for f in figures}) == len(figures)
    for figure in figures:
        assert (CHAPTER / figure.script).is_file(), figure.script
        assert figure.output.endswith(".png")


# ---------------------------------------------------------------- the book's names, imported by plain name


@pytest.mark.parametrize("worker", ["work", "work_smaller_chunks"])
def test_ex1_lock_workers_count_exactly(worker, import_plain, tmp_path):
    ex1_lock = import_plain("09_multiprocessing/locking", "ex1_lock")
    path = tmp_path / "count.txt"
    path.write_text("0")
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=getattr(ex1_lock, worker), args=(str(path), 50)) for _ in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0, 0, 0]
    assert int(path.read_text()) == 150  # the lock loses no increment
    (tmp_path / "count.txt.lock").unlink(missing_ok=True)


def test_np_shared_rnd_serial_worker_fn_fills_one_row(import_plain):
    serial = import_plain("09_multiprocessing/np_shared_example/rnd_demo", "np_shared_rnd_serial")
    serial.main_nparray, serial.SEED = np.full((3, 5), float(serial.DEFAULT_VALUE)), 7
    serial.worker_fn(1)
    assert np.array_equal(serial.main_nparray[1], np.random.default_rng([7, 1]).random(5))
    assert (serial.main_nparray[[0, 2]] == serial.DEFAULT_VALUE).all()  # the other rows untouched
    parallel = import_plain("09_multiprocessing/np_shared_example/rnd_demo", "np_shared_rnd_parallel")
    assert np.array_equal(serial.fill_serially(4, 6, 3), parallel.fill_in_parallel(4, 6, 2, 3, "spawn"))


def test_pi_numpy_serial_blocks_estimate_nbr_points_in_circle(import_plain):
    blocks = import_plain("09_multiprocessing/pi_estimation", "pi_numpy_serial_blocks")
    worker = import_plain("09_multiprocessing/pi_estimation", "pi_numpy_parallel_worker")
    n = 1_000_000
    assert blocks.estimate_nbr_points_in_circle(n, 0) == worker.estimate_nbr_points_in_quarter_circle(n, 0)
    inside = blocks.estimate_nbr_points_in_circle(n)  # the book's call: reseeded from the OS
    assert abs(4 * inside / n - math.pi) < 8.2 / math.sqrt(n)  # a 5-sigma band


def test_feeder_thread_check_prime_and_feed_new_jobs(import_plain):
    import queue

    feeder = import_plain("09_multiprocessing/prime_generation", "primes_queue_jobs_feeder_thread")
    jobs, results = queue.Queue(), queue.Queue()
    feeder.feed_new_jobs(range(90, 110), jobs, 2)
    assert jobs.qsize() == 22  # 20 candidates, then a poison pill per worker
    feeder.check_prime(jobs, results)  # one worker: stops at the first pill
    found = [results.get() for _ in range(results.qsize())]
    assert found == [97, 101, 103, 107, 109, feeder.FLAG_WORKER_FINISHED_PROCESSING]
    assert jobs.get() == feeder.FLAG_ALL_DONE and jobs.empty()


def test_count_of_factors_check_prime(import_plain):
    factors = import_plain("09_multiprocessing/prime_validation", "create_count_of_factors_for_nonprimes")
    assert [factors.check_prime(n) for n in (2, 3, 9, 49, 97)] == [
        (True, None),
        (True, None),
        (False, 3),
        (False, 7),
        (True, None),
    ]
    assert factors.check_prime(100109100129100369) == (False, 95362951)  # the book's non-prime
    counts = factors.count_smallest_factors(10_000, 2, "spawn", chunksize=1000)
    assert sum(counts.values()) == 10_000 - 3 - 1228  # [3, 10**4) less its 1228 primes
    assert counts[2] == 4998 and counts[3] == 1666


def test_create_range_book_test_class_passes(import_plain):
    import unittest

    create_range = import_plain("09_multiprocessing/prime_validation", "create_range")
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(create_range.test)
    result = unittest.TestResult()
    suite.run(result)
    assert result.testsRun == 3 and result.wasSuccessful(), result.failures
