"""Chapter 09: pi, primes, shared flags, locking, shared NumPy, Joblib; with 2 workers.

Every multiprocessing test runs at least once with the ``spawn`` start method
(macOS, Windows; ``forkserver`` is Linux's default from Python 3.14), so no
example may rely on globals that only ``fork`` would carry into a child.
"""

import importlib
import math
import multiprocessing
import random
import re
import shutil
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

WORKERS = 2
START_METHODS = ["spawn", "fork", "forkserver"]



def worker_module(folder, name):
    """Import a worker module by its plain name, as the examples (and their children) do.

    ``load_example`` would name it ``hpp_example.09_multiprocessing...``, which a
    spawned child cannot import: functions pickled from it could not be sent.
    """
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return importlib.import_module(name)


pi_workers = worker_module(PI, "_pi_workers")
gen_workers = worker_module(GEN, "_prime_generation_workers")
val_workers = worker_module(VAL, "_prime_validation_workers")
create_range = load_example(VAL / "create_range.py")
lock_workers = worker_module(LOCK, "_locking_workers")


def needs_redis():
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server: apt-get install redis-server")
    importlib.import_module("redis")


def sieve(limit):
    is_prime = np.ones(limit, dtype=bool)
    is_prime[:2] = False
    for i in range(2, math.isqrt(limit) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = False
    return is_prime


def within_five_standard_errors(inside, total):
    return abs(pi_workers.pi_from(inside, total) - math.pi) < 5 * pi_workers.standard_error(total)


def value_of(text, name):
    match = re.search(rf"^{re.escape(name)} = (.+)$", text, re.MULTILINE)
    assert match, f"no '{name} = ' line in:\n{text}"
    return match.group(1).strip()


# ---------------------------------------------------------------- Monte Carlo pi

def test_split_and_child_seeds():
    assert pi_workers.split(10, 3) == [4, 3, 3]
    assert sum(pi_workers.split(1_000_003, 7)) == 1_000_003
    seeds = pi_workers.child_seeds(0, 4)
    assert len(set(seeds)) == 4 and seeds == pi_workers.child_seeds(0, 4)
    assert pi_workers.child_seeds(None, 3) == [None, None, None]


def test_pure_python_darts_estimate_pi_within_five_standard_errors():
    series = load_example(PI / "pi_lists_series.py")
    assert series.estimate_nbr_points_in_quarter_circle is pi_workers.estimate_nbr_points_in_quarter_circle
    total = 200_000
    inside = pi_workers.estimate_nbr_points_in_quarter_circle(total, seed=0)
    assert inside == pi_workers.estimate_nbr_points_in_quarter_circle(total, seed=0)
    assert within_five_standard_errors(inside, total)


@pytest.mark.parametrize("start_method", START_METHODS)
def test_processes_threads_and_serial_blocks_count_the_same_darts(start_method):
    parallel = load_example(PI / "pi_lists_parallel.py")
    total, seed = 100_000, 7
    jobs = zip(pi_workers.split(total, WORKERS), pi_workers.child_seeds(seed, WORKERS))
    serial = sum(pi_workers.estimate_block(job) for job in jobs)
    processes = parallel.estimate_pi(total, WORKERS, processes=True, seed=seed,
                                     start_method=start_method)
    threads = parallel.estimate_pi(total, WORKERS, processes=False, seed=seed)
    assert processes == threads == serial
    assert within_five_standard_errors(processes, total)


def test_unseeded_processes_throw_different_darts():
    parallel = load_example(PI / "pi_lists_parallel.py")
    first = parallel.estimate_pi(50_000, WORKERS, processes=True)
    second = parallel.estimate_pi(50_000, WORKERS, processes=True)
    assert first != second  # children do not share one random state
    assert within_five_standard_errors(first, 50_000)


def test_joblib_parallel_counts_the_same_darts_as_the_serial_blocks():
    joblib_example = load_example(PI / "pi_lists_parallel_joblib.py")
    total, blocks = 100_000, 4
    seeds = pi_workers.child_seeds(3, blocks)
    serial = sum(pi_workers.estimate_nbr_points_in_quarter_circle(n, s)
                 for n, s in zip(pi_workers.split(total, blocks), seeds))
    assert joblib_example.estimate_pi(total, WORKERS, blocks, seed=3) == serial


def test_joblib_memory_cache_answers_the_second_run(run_example, tmp_path):
    cache = tmp_path / "cache"
    completed = run_example(PI / "pi_lists_parallel_joblib_cache.py", "--samples", "100000",
                            "--workers", WORKERS, "--blocks", "4", "--cache-dir", cache, check=True)
    first = value_of(completed.stdout, "first run: blocks")
    second = value_of(completed.stdout, "second run: blocks")
    assert first == second
    blocks = [int(b) for b in first.strip("[]").split(",")]
    assert len(set(blocks)) > 1  # the block index keeps the blocks apart in the cache
    assert within_five_standard_errors(sum(blocks), 100_000)
    assert any(cache.rglob("output.pkl"))


def test_numpy_darts_serial_blocks_and_pool_agree():
    serial = load_example(PI / "pi_numpy_serial.py")
    blocks = load_example(PI / "pi_numpy_serial_blocks.py")
    parallel = load_example(PI / "pi_numpy_parallel_worker.py")
    total = 1_000_000
    one_array = serial.estimate_nbr_points_in_quarter_circle(total, seed=0)
    assert within_five_standard_errors(one_array, total)
    in_blocks = blocks.estimate_pi_in_blocks(total, 4, seed=0)
    assert parallel.estimate_pi_parallel(total, WORKERS, 4, seed=0, start_method="spawn") == in_blocks
    assert within_five_standard_errors(in_blocks, total)


def test_the_seeded_monte_carlo_diagram(run_example, tmp_path):
    diagram = load_example(PI / "pi_plot_monte_carlo_example.py")
    xs, ys, inside = diagram.throw_darts(10_000, seed=0)
    assert int(inside.sum()) == 7868
    completed = run_example(PI / "pi_plot_monte_carlo_example.py", "--output-dir", tmp_path, check=True)
    assert value_of(completed.stdout, "inside") == "7868"
    assert value_of(completed.stdout, "pi estimate") == "3.1472"
    assert (tmp_path / "pi_monte_carlo.png").stat().st_size > 1000


def test_cpu_usage_trace(run_example, tmp_path):
    psutil = importlib.import_module("psutil")
    completed = run_example(PI / "profile_cpu_usage.py", "--workers", WORKERS, "--samples", "300000",
                            "--interval", "0.05", "--output-dir", tmp_path, check=True)
    assert int(value_of(completed.stdout, "cores")) == psutil.cpu_count()
    assert int(value_of(completed.stdout, "cpu samples")) >= 1
    assert (tmp_path / f"cpu_usage_processes_{WORKERS}.png").is_file()


# ---------------------------------------------------------------- prime generation

RANGE_A = gen_workers.RANGES["A"]
SMALL_RANGE = (100_000_000, 100_003_000)


@pytest.fixture(scope="module")
def primes_in_range_a():
    serial = load_example(GEN / "primes.py")
    return serial.find_primes(*RANGE_A[:2])


def test_check_prime_agrees_with_a_sieve():
    truth = sieve(20_000)
    for n in range(20_000):
        assert gen_workers.check_prime(n) is bool(truth[n]), n
        assert val_workers.check_prime(n) is bool(truth[n]), n


def test_range_a_holds_the_books_551_primes(primes_in_range_a):
    assert len(primes_in_range_a) == 551 == RANGE_A[2]
    assert primes_in_range_a[0] == 100_000_007 and primes_in_range_a[-1] == 100_009_979
    truth = sieve(RANGE_A[1])
    assert primes_in_range_a == [n for n in range(*RANGE_A[:2]) if truth[n]]


@pytest.mark.parametrize("chunksize, shuffle, start_method",
                         [(None, False, "spawn"), (1, True, "fork"), (5000, False, "forkserver")])
def test_pool_map_finds_the_same_primes(primes_in_range_a, chunksize, shuffle, start_method):
    pool_example = load_example(GEN / "primes_pool.py")
    numbers = list(range(*RANGE_A[:2]))
    if shuffle:
        random.Random(1).shuffle(numbers)
    found = pool_example.find_primes(numbers, WORKERS, chunksize, start_method)
    assert sorted(found) == primes_in_range_a


@pytest.mark.parametrize("script, queue, start_method", [
    ("primes_queue.py", "manager", "spawn"),
    ("primes_queue.py", "multiprocessing", "fork"),
    ("primes_queue_jobs_feeder_thread.py", "manager", "fork"),
    ("primes_queue_jobs_feeder_thread.py", "multiprocessing", "spawn"),
])
def test_queue_workers_with_poison_pills_find_every_prime(primes_in_range_a, script, queue,
                                                          start_method):
    example = load_example(GEN / script)
    expected = [p for p in primes_in_range_a if p < SMALL_RANGE[1]]
    assert example.find_primes(range(*SMALL_RANGE), WORKERS, queue, start_method) == expected


def test_queuing_only_odd_numbers_finds_the_same_primes(primes_in_range_a):
    less_work = load_example(GEN / "primes_queue_less_work.py")
    queue = load_example(GEN / "primes_queue.py")
    candidates = less_work.odd_candidates(*SMALL_RANGE)
    assert len(candidates) == (SMALL_RANGE[1] - SMALL_RANGE[0]) // 2
    expected = [p for p in primes_in_range_a if p < SMALL_RANGE[1]]
    assert queue.find_primes(candidates, WORKERS, "multiprocessing", "spawn") == expected
    assert list(less_work.odd_candidates(0, 10)) == [2, 1, 3, 5, 7, 9]
    assert list(less_work.odd_candidates(3, 10)) == [3, 5, 7, 9]


def test_chunk_sweep_checks_every_run_and_plots(run_example, tmp_path):
    completed = run_example(GEN / "primes_pool_plot_chunksizetimes.py", "--range", "A",
                            "--workers", WORKERS, "--repeats", "1", "--by", "nbrchunks",
                            "--max-chunks", "3", "--shuffle", "--output-dir", tmp_path, check=True)
    assert value_of(completed.stdout, "primes found") == "551"
    assert (tmp_path / "primes_pool_nbrchunks_shuffled.png").is_file()


def test_a_bad_range_is_one_line(run_example, assert_bad_input):
    assert_bad_input(run_example(GEN / "primes.py", "--start", "10", "--stop", "5"))
    assert_bad_input(run_example(GEN / "primes.py", "--range", "Z"))


# ---------------------------------------------------------------- prime validation

def test_create_range_passes_the_official_tests_including_the_third():
    assert create_range.create(2, 11, 2) == [(2, 7), (7, 11)]
    assert create_range.create(1, 31, 3) == [(1, 11), (11, 21), (21, 31)]
    assert create_range.create(1, 31, 4) == [(1, 9), (9, 17), (17, 25), (25, 31)]


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
TEST_NUMBERS = [112272535095295, 300007 * 3333257, 540041 * 1851719, 1000000000039,
                25000000000013, 1, 2, 3, 9, 21, 23, 437, 529, 10007 * 10009]
TEST_ANSWERS = [False, False, False, True, True, False, True, True, False, False, True, False,
                False, False]

VARIANTS = ["primes_pool_per_number1.py", "primes_pool_per_number2.py",
            "primes_pool_per_number_manager.py", "primes_pool_per_number_value.py",
            "primes_pool_per_number_mmap.py", "primes_pool_per_number_mmap2.py",
            "primes_pool_per_number_mmap3.py"]


def test_the_test_numbers_are_what_we_say():
    from sympy import isprime

    assert [isprime(n) for n in TEST_NUMBERS] == TEST_ANSWERS
    assert [isprime(n) for n in val_workers.SMALL_NUMBERS] == list(val_workers.SMALL_ANSWERS)
    assert [isprime(n) for n in val_workers.BOOK_NUMBERS] == list(val_workers.BOOK_ANSWERS)
    assert [val_workers.check_prime(n) for n in TEST_NUMBERS] == TEST_ANSWERS


@pytest.mark.parametrize("script", VARIANTS)
@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_every_pool_variant_classifies_the_numbers(run_example, script, start_method):
    completed = run_example(VAL / script, "--numbers", *TEST_NUMBERS, "--workers", WORKERS,
                            "--start-method", start_method, check=True)
    answers = re.findall(r"^(\d+) is prime: (True|False)", completed.stdout, re.MULTILINE)
    assert [(int(n), a == "True") for n, a in answers] == list(zip(TEST_NUMBERS, TEST_ANSWERS))


def test_the_small_five_numbers_in_process():
    value_example = load_example(VAL / "primes_pool_per_number_value.py")
    ctx = multiprocessing.get_context("forkserver")
    value = ctx.RawValue("b", val_workers.FLAG_CLEAR[0])
    with ctx.Pool(WORKERS, initializer=val_workers.init_value, initargs=(value,)) as pool:
        answers = [value_example.check_prime(n, pool, WORKERS, value)
                   for n in val_workers.SMALL_NUMBERS]
    assert answers == list(val_workers.SMALL_ANSWERS)
    assert value.value == val_workers.FLAG_CLEAR[0]  # reset after each number


CHECKERS = {
    "value": (val_workers.check_prime_in_range_value, "value"),
    "mmap": (val_workers.check_prime_in_range_mmap, "mmap"),
    "mmap2": (val_workers.check_prime_in_range_mmap2, "mmap"),
    "mmap3": (val_workers.check_prime_in_range_mmap3, "mmap"),
}


@pytest.mark.parametrize("name", sorted(CHECKERS))
def test_a_finder_raises_the_flag_and_a_raised_flag_stops_a_worker(name, tmp_path):
    checker, kind = CHECKERS[name]
    n = 300007 * 3333257
    whole = (3, math.isqrt(n) + 1)
    if kind == "value":
        flag = multiprocessing.RawValue("b", val_workers.FLAG_CLEAR[0])
        val_workers.init_value(flag)
        read = lambda: flag.value  # noqa: E731
        write = lambda byte: setattr(flag, "value", byte)  # noqa: E731
    else:
        path = tmp_path / "flag.bin"
        path.write_bytes(val_workers.FLAG_CLEAR)
        val_workers.init_mmap(path)
        read = lambda: val_workers._sh_mem[0]  # noqa: E731
        write = lambda byte: val_workers._sh_mem.__setitem__(0, byte)  # noqa: E731
    assert checker((n, whole)) is False
    assert read() == val_workers.FLAG_SET[0]  # the finder told the others
    prime = 1000000000039
    assert checker((prime, (3, math.isqrt(prime) + 1))) is False  # stopped by the flag: no factor
    write(val_workers.FLAG_CLEAR[0])
    assert checker((prime, (3, math.isqrt(prime) + 1))) is True


def test_manager_checker_polls_the_proxy():
    with multiprocessing.get_context("spawn").Manager() as manager:
        value = manager.Value(b"c", val_workers.FLAG_CLEAR)
        n = 300007 * 3333257
        assert val_workers.check_prime_in_range_manager((n, (3, math.isqrt(n) + 1), value)) is False
        assert value.value == val_workers.FLAG_SET
        prime = 1000000000039
        assert val_workers.check_prime_in_range_manager(
            (prime, (3, math.isqrt(prime) + 1), value)) is False
        value.value = val_workers.FLAG_CLEAR
        assert val_workers.check_prime_in_range_manager(
            (prime, (3, math.isqrt(prime) + 1), value)) is True


@pytest.mark.redis
def test_redis_flag_variant_with_its_own_server_and_a_given_one(run_example):
    needs_redis()
    import redis

    from hpp.service import redis_server

    completed = run_example(VAL / "primes_pool_per_number_redis.py", "--numbers", *TEST_NUMBERS[:5],
                            "--workers", WORKERS, "--start-method", "spawn", check=True)
    answers = re.findall(r"is prime: (True|False)", completed.stdout)
    assert [a == "True" for a in answers] == TEST_ANSWERS[:5]
    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        completed = run_example(VAL / "primes_pool_per_number_redis.py", "--numbers",
                                *TEST_NUMBERS[:5], "--workers", WORKERS, "--redis-url", url,
                                check=True)
        answers = re.findall(r"is prime: (True|False)", completed.stdout)
        assert [a == "True" for a in answers] == TEST_ANSWERS[:5]
        client = redis.Redis.from_url(url, socket_timeout=5)
        assert client.dbsize() == 0  # the flag key was removed
        client.close()


@pytest.mark.redis
def test_unreachable_redis_is_one_line(run_example, assert_bad_input):
    needs_redis()
    from hpp.service import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"
    line = assert_bad_input(run_example(VAL / "primes_pool_per_number_redis.py", "--redis-url", url,
                                        "--size", "small", "--workers", WORKERS))
    assert "cannot reach Redis" in line
    line = assert_bad_input(run_example(LOCK / "ex3_redis.py", "--redis-url", url))
    assert "cannot reach Redis" in line


def test_create_range_bad_input(run_example, assert_bad_input):
    assert_bad_input(run_example(VAL / "create_range.py", "--from", "9", "--to", "3"))


# ---------------------------------------------------------------- locking

def counter_after(script, run_example, *args):
    completed = run_example(LOCK / script, *args, check=True)
    return int(value_of(completed.stdout, "expected")), int(value_of(completed.stdout, "counter"))


@pytest.mark.parametrize("script, args", [
    ("ex2_lock.py", ("--start-method", "spawn")),
    ("ex2_lock.py", ("--start-method", "fork")),
    ("ex2_lock_rawvalue.py", ("--start-method", "spawn")),
    ("ex2_lock_rawvalue.py", ("--start-method", "forkserver")),
    ("ex1_lock.py", ("--increments", "150", "--start-method", "spawn")),
    ("ex1_nolock1.py", ("--increments", "300",)),
])
def test_locked_counters_are_exact(run_example, script, args):
    expected, counter = counter_after(script, run_example, *args)
    assert counter == expected
    assert expected == (300 if script == "ex1_nolock1.py" else 4 * (150 if "ex1" in script else 1000))


@pytest.mark.parametrize("script, args", [
    ("ex2_nolock.py", ("--increments", "20000", "--start-method", "fork")),
    ("ex1_nolock4.py", ("--increments", "100", "--start-method", "fork")),
])
def test_unlocked_counters_never_exceed_the_total(run_example, script, args):
    # Lost updates are shown, not asserted: how many depends on the scheduler.
    expected, counter = counter_after(script, run_example, *args)
    assert 1 <= counter <= expected


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_locked_value_in_process(start_method):
    ctx = multiprocessing.get_context(start_method)
    value = ctx.Value("i", 0)
    lock_workers.run_processes(ctx, lock_workers.work_value_locked, (value, 1000), 4)
    assert value.value == 4000
    raw, lock = ctx.RawValue("i", 0), ctx.Lock()
    lock_workers.run_processes(ctx, lock_workers.work_rawvalue_locked, (raw, lock, 1000), 4)
    assert raw.value == 4000


def test_a_given_count_file_is_never_overwritten(run_example, assert_bad_input, tmp_path):
    existing = tmp_path / "count.txt"
    existing.write_text("precious")
    assert_bad_input(run_example(LOCK / "ex1_lock.py", "--count-file", existing))
    assert existing.read_text() == "precious"
    new = tmp_path / "new_count.txt"
    run_example(LOCK / "ex1_lock.py", "--count-file", new, "--processes", "2", "--increments", "50",
                check=True)
    assert new.read_text() == "100"


@pytest.mark.redis
def test_redis_incr_is_exact(run_example):
    needs_redis()
    import redis

    from hpp.service import redis_server

    expected, counter = counter_after("ex3_redis.py", run_example, "--start-method", "spawn")
    assert counter == expected == 4000
    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        expected, counter = counter_after("ex3_redis.py", run_example, "--redis-url", url,
                                          "--increments", "500")
        assert counter == expected == 2000
        client = redis.Redis.from_url(url, socket_timeout=5)
        assert client.dbsize() == 0  # the counter key was removed
        client.close()


# ---------------------------------------------------------------- shared NumPy

@pytest.mark.parametrize("method, start_method", [
    ("array", "spawn"), ("array", "fork"), ("shared_memory", "spawn"),
    ("shared_memory", "forkserver"), ("shared_memory", "fork"),
])
def test_the_pool_fills_the_shared_array_in_place(method, start_method):
    np_shared = load_example(NPS / "np_shared.py")
    rows, cols = 60, 500
    findings = np_shared.run(rows, cols, WORKERS, method, start_method)
    assert findings["cells"] == rows * cols
    assert findings["unwritten"] == 0
    assert findings["rows with one writer"] == rows
    assert findings["rows matching the report"] == rows
    assert 1 <= len(findings["writers"]) <= WORKERS
    assert sum(findings["writers"].values()) == rows
    assert findings["view of the shared block"] is True


def test_np_shared_script_reports(run_example):
    completed = run_example(NPS / "np_shared.py", "--rows", "30", "--cols", "200", "--workers",
                            WORKERS, "--method", "shared_memory", "--start-method", "spawn",
                            check=True)
    assert value_of(completed.stdout, "cells written") == "6000 of 6000"
    assert value_of(completed.stdout, "rows written by a single worker") == "30 of 30"
    assert value_of(completed.stdout, "parent's array is a view of the shared block") == "True"
    assert "leaked" not in completed.stderr


def test_flag_reads_for_a_prime_are_one_per_interval():
    comms = load_example(VAL / "primes_understand_comms_frequency.py")
    ctx = multiprocessing.get_context("spawn")
    value = ctx.RawValue("b", val_workers.FLAG_CLEAR[0])
    prime, composite = 1000000000039, 300007 * 3333257
    ranges = comms.odd_ranges(prime, WORKERS, val_workers.SERIAL_CHECK_CUTOFF)
    with ctx.Pool(WORKERS, initializer=val_workers.init_value, initargs=(value,)) as pool:
        for check_every in (7, 100, 5000):
            expected = sum(len(range(a, b, 2)) // check_every for a, b in ranges)
            assert comms.check_prime(prime, pool, WORKERS, value, check_every) == (True, expected)
            is_prime, polls = comms.check_prime(composite, pool, WORKERS, value, check_every)
            assert is_prime is False and polls <= expected
