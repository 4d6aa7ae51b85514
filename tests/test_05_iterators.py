"""Chapter 05: Fibonacci lists and generators, the lazy anomaly pipeline, itertools."""

import itertools
import random
import sys
from datetime import UTC, datetime

import pytest

from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "05_iterators"
fib = load_example(CHAPTER / "fibonacci.py")
tour = load_example(CHAPTER / "itertools_tour.py")
versus = load_example(CHAPTER / "iter_vs_list_comprehension.py")
lazy = load_example(CHAPTER / "lazy_data_analysis.py")
family = load_example(CHAPTER / "_iterators_family.py")

FIRST_TEN = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]


# ------------------------------------------------------------------ Fibonacci


def test_list_and_generator_give_the_same_numbers():
    assert fib.fibonacci_list(10) == list(fib.fibonacci_gen(10)) == FIRST_TEN
    assert fib.fibonacci_list(1000) == list(fib.fibonacci_gen(1000))
    assert list(itertools.islice(fib.fibonacci(), 10)) == FIRST_TEN
    assert fib.fibonacci_list(0) == list(fib.fibonacci_gen(0)) == []
    big = fib.fibonacci_list(300)
    assert all(big[i] + big[i + 1] == big[i + 2] for i in range(298))


def test_a_generator_is_its_own_iterator():
    generator = fib.fibonacci_gen(10)
    assert type(fib.fibonacci_gen(10)) == type(iter(fib.fibonacci_gen(10)))  # noqa: E721 (the book compares types)
    assert iter(generator) is generator


def test_the_deconstructed_for_loop_matches_for():
    seen = []
    fib.deconstructed_for_loop(fib.fibonacci_gen(10), seen.append)
    assert seen == FIRST_TEN
    seen.clear()
    fib.deconstructed_for_loop([], seen.append)
    assert seen == []


def test_divisible_by_three():
    # the Pisano period mod 3 is 8, with two zeros in each period
    assert fib.divisible_by_three_list(10_000) == fib.divisible_by_three_gen(10_000) == 2500
    assert fib.divisible_by_three_gen(7) == 2  # 0 and 3


def test_odd_fibonacci_numbers_below_5000():
    assert fib.fibonacci_naive() == fib.fibonacci_transform() == fib.fibonacci_succinct() == 13
    odd = [f for f in itertools.takewhile(lambda x: x < 5000, fib.fibonacci()) if f % 2]
    assert odd == [1, 1, 3, 5, 13, 21, 55, 89, 233, 377, 987, 1597, 4181]


def test_the_books_test_functions_take_no_argument():
    """``%timeit test_fibonacci_list()`` as printed: the book's functions need no argument."""
    import inspect

    for function in (fib.test_fibonacci_list, fib.test_fibonacci_gen):
        assert not inspect.signature(function).parameters
        assert "%memit" in function.__doc__
    assert list(inspect.signature(fib.test_fibonacci).parameters) == ["func", "N"]  # the 2nd edition's


def test_the_list_holds_every_number_and_the_generator_two():
    n = 20_000
    _, list_peak = family.measure(fib.test_fibonacci, fib.fibonacci_list, n, repeat=1)
    _, gen_peak = family.measure(fib.test_fibonacci, fib.fibonacci_gen, n, repeat=1)
    held = sum(sys.getsizeof(x) for x in fib.fibonacci_list(n)) / family.MIB
    assert list_peak >= held  # every number is alive at once
    assert gen_peak < 0.05 * held
    assert list_peak / gen_peak > 100


def test_fibonacci_script(run_example):
    completed = run_example("05_iterators/fibonacci.py", "--items", "3000", "--repeat", "1", check=True)
    lines = completed.stdout.splitlines()
    assert f"fibonacci_gen(10) = {FIRST_TEN}" in lines
    assert "divisible_by_three (list) = 750" in lines
    assert "divisible_by_three (generator) = 750" in lines
    assert "odd Fibonacci numbers below 5,000: naive = 13, transform = 13, succinct = 13" in lines


def test_list_vs_generator_expression_memory():
    n = 1_000_000
    count_list, list_peak = family.tracemalloc_peak(versus.divisible_by_three_list, n)
    count_iter, iter_peak = family.tracemalloc_peak(versus.divisible_by_three_iterator, n)
    assert count_list == count_iter == 333_334
    assert list_peak > 8  # 333,334 ints and their pointers: about 12 MiB
    assert iter_peak < 0.1
    assert versus.divisible_by_three_list(10_000_000 // 1000) == 3334


def test_iter_vs_list_script(run_example):
    completed = run_example("05_iterators/iter_vs_list_comprehension.py", "--items", "200000", check=True)
    assert "divisible_by_three_list(200000) = 66667" in completed.stdout
    assert "divisible_by_three_iterator(200000) = 66667" in completed.stdout
    assert completed.stdout.count("RSS increment") == 2


# ------------------------------------------------------------------ itertools


def test_the_itertools_tour():
    assert tour.count_example() == [10, 15, 20, 25]
    assert tour.cycle_example() == "ABCABCA"
    assert tour.islice_example() == [25, 36, 49, 64, 81]
    assert tour.chain_example() == [1, 2, 3, 4, 5]
    assert tour.takewhile_example() == [0, 1, 4, 9, 16, 25, 36, 49]
    assert tour.filterfalse_example() == [0, 3, 6, 9]
    assert tour.groupby_example() == [("A", 4), ("B", 2), ("A", 2)]  # the book's three groups
    assert tour.groupby_sorted_example() == [("A", 6), ("B", 2)]
    assert tour.tee_example() == ([0, 1, 4, 9, 16], [0, 1, 4])
    assert tour.accumulate_example() == ([1, 3, 6, 10], [3, 3, 4, 4, 5, 9, 9], [1, 2, 6, 24])
    assert tour.pairwise_example() == [("a", "b"), ("b", "c"), ("c", "d")]
    assert tour.batched_example() == [(1, 2, 3), (4, 5, 6), (7,)]


def test_the_rest_of_the_second_editions_itertools_table():
    assert tour.compress_example() == "ACEF"
    assert tour.dropwhile_example() == [6, 4, 1]
    assert tour.starmap_example() == [32, 9, 1000]
    assert tour.zip_longest_example() == ["Ax", "By", "C-", "D-"]
    assert tour.product_example() == (
        ["Ax", "Ay", "Bx", "By", "Cx", "Cy", "Dx", "Dy"],
        ["000", "001", "010", "011", "100", "101", "110", "111"],
    )
    pairs, orders = tour.permutations_example()
    assert pairs == ["AB", "AC", "AD", "BA", "BC", "BD", "CA", "CB", "CD", "DA", "DB", "DC"]
    assert orders == ["012", "021", "102", "120", "201", "210"]
    assert tour.combinations_example() == (["AB", "AC", "AD", "BC", "BD", "CD"], ["012", "013", "023", "123"])
    assert tour.running_product_and_maximum() == (
        [3, 12, 72, 144, 144, 1296, 0, 0, 0, 0],
        [3, 4, 6, 6, 6, 9, 9, 9, 9, 9],
    )
    assert tour.amortization() == [1000, 960.0, 918.0, 873.9000000000001, 827.5950000000001]
    assert tour.logistic_map() == [
        "0.40",
        "0.91",
        "0.30",
        "0.81",
        "0.60",
        "0.92",
        "0.29",
        "0.79",
        "0.63",
        "0.88",
        "0.39",
        "0.90",
        "0.33",
        "0.84",
        "0.52",
        "0.95",
        "0.18",
        "0.57",
        "0.93",
        "0.25",
        "0.71",
        "0.79",
        "0.63",
        "0.88",
        "0.39",
        "0.91",
        "0.32",
        "0.83",
        "0.54",
        "0.95",
        "0.20",
        "0.60",
        "0.91",
        "0.30",
        "0.80",
        "0.60",
    ]


def test_the_batched_recipe_matches_itertools_where_it_exists():
    for n in (1, 2, 3, 10):
        expected = [tuple(range(i, min(i + n, 7))) for i in range(0, 7, n)]
        assert list(tour.batched_recipe(range(7), n)) == expected
    assert list(tour.batched_recipe([], 3)) == []
    with pytest.raises(ValueError):
        list(tour.batched_recipe([1], 0))
    if sys.version_info >= (3, 12):
        assert tour.batched is itertools.batched


# ------------------------------------------------------------------ lazy data analysis


def test_the_fake_stream_starts_at_the_epoch_in_utc_and_is_seeded():
    first = list(itertools.islice(lazy.read_fake_data(seed=3), 5))
    assert [d.date for d in first] == [datetime(1970, 1, 1, 0, 0, s, tzinfo=UTC) for s in range(5)]
    again = list(itertools.islice(lazy.read_fake_data(seed=3), 5))
    assert [d.value for d in first] == [d.value for d in again]
    assert 20 * 365.25 * lazy.SECONDS_PER_DAY == 631_152_000  # the book's 20 years at 1 Hz


def test_groupby_day_gives_whole_utc_days():
    data = itertools.islice(lazy.read_fake_data(seed=1), 2 * lazy.SECONDS_PER_DAY + 10)
    days = list(lazy.groupby_day(data))
    assert [len(day) for day in days] == [86_400, 86_400, 10]
    assert days[1][0].date == datetime(1970, 1, 2, tzinfo=UTC)
    assert days[1][-1].date == datetime(1970, 1, 2, 23, 59, 59, tzinfo=UTC)


def make_day(rng, day, per_day=1440, spike=False):
    start = day * lazy.SECONDS_PER_DAY
    step = lazy.SECONDS_PER_DAY // per_day
    values = [rng.gauss(0, 1) for _ in range(per_day)]
    if spike:
        values[per_day // 2] = 100
    return [lazy.Datum(lazy.utc(start + i * step), v) for i, v in enumerate(values)]


def test_is_normal_passes_noise_and_fails_a_spike():
    rng = random.Random(0)
    assert sum(lazy.is_normal(make_day(rng, d)) for d in range(20)) >= 19  # 1e-3 false positives
    assert not any(lazy.is_normal(make_day(rng, d, spike=True)) for d in range(20))
    assert lazy.is_normal(make_day(rng, 0, per_day=10, spike=True))  # too short to test


def test_filter_anomalous_data_is_lazy():
    consumed = []

    def stream():
        rng = random.Random(2)
        for day in itertools.count():
            for datum in make_day(rng, day, spike=day in (3, 5)):
                consumed.append(datum)
                yield datum

    anomalies = lazy.filter_anomalous_data(stream())
    first = next(anomalies)
    assert first[0].date.date() == datetime(1970, 1, 4).date()
    assert len(consumed) <= 5 * 1440 + 1  # read up to the first reading of day 5, no further
    second = next(anomalies)
    assert second[0].date.date() == datetime(1970, 1, 6).date()


def test_groupby_window():
    windows = list(lazy.groupby_window(iter(range(10)), 3))
    assert len(windows) == 7
    assert windows[0] == (0, 1, 2) and windows[-1] == (6, 7, 8)  # (7, 8, 9) is never yielded


def test_welford_equals_the_two_pass_statistics():
    import statistics

    rng = random.Random(11)
    values = [rng.gauss(5, 3) for _ in range(10_000)]
    n, mean, variance, max_value = lazy.online_statistics(iter(values))  # one pass over an iterator
    assert n == 10_000 and max_value == max(values)
    assert mean == pytest.approx(statistics.mean(values), rel=1e-9)
    assert variance == pytest.approx(statistics.variance(values), rel=1e-9)
    assert lazy.online_statistics([]) == (0, 0.0, 0.0, float("-inf"))


def test_check_anomaly_flags_a_spike_in_one_pass():
    rng = random.Random(0)
    assert not any(lazy.check_anomaly(iter(make_day(rng, d))) for d in range(20))
    assert all(lazy.check_anomaly(iter(make_day(rng, d, spike=True))) for d in range(20))


def test_welford_and_normaltest_find_the_same_days():
    """Both editions' checks flag the days holding an injected 100 (one a day, on average)."""

    def stream():
        return lazy.read_fake_data(seed=5, anomaly_probability=1 / lazy.SECONDS_PER_DAY)

    welford = list(itertools.islice(lazy.anomalous_days(stream()), 3))
    normal = [day[0].date.date() for day in itertools.islice(lazy.filter_anomalous_data(stream()), 3)]
    assert welford == normal and len(welford) == 3
    for day, readings in lazy.day_grouper(itertools.islice(stream(), 8 * lazy.SECONDS_PER_DAY)):
        assert (day in welford) == (max(d.value for d in readings) == 100) or day > welford[-1]


def test_rolling_window_grouper_slides_by_one_and_keeps_the_last_window():
    data = (lazy.Datum(lazy.utc(t), float(t)) for t in range(10))
    windows = list(lazy.rolling_window_grouper(data, window_size=3))
    assert len(windows) == 8  # groupby_window gives 7: it never yields the last
    assert [tuple(d.value for d in w) for _, w in windows][::7] == [(0, 1, 2), (7, 8, 9)]
    assert [start for start, _ in windows][:2] == [lazy.utc(0), lazy.utc(1)]
    assert list(lazy.rolling_window_grouper(iter([]), 3)) == []


def test_the_welford_method_from_the_shell(run_example, tmp_path):
    path = write_csv(tmp_path / "readings.csv", spike_days=(2,))
    completed = run_example(
        "05_iterators/lazy_data_analysis.py", "--input", path, "--method", "welford", check=True
    )
    assert completed.stdout.splitlines() == [
        "Anomaly on 2024-01-03 (max > mean + 6 standard deviations)",
        "anomalous days found = 1",
    ]


def write_csv(path, spike_days, days=3, start_day=19_723):  # 2024-01-01
    rng = random.Random(9)
    lines = ["timestamp,value"]
    for d in range(days):
        for datum in make_day(rng, start_day + d, spike=d in spike_days):
            lines.append(f"{int(datum.date.timestamp())},{datum.value!r}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_read_data_round_trips_a_csv(tmp_path):
    path = write_csv(tmp_path / "r.csv", spike_days=())
    data = list(lazy.read_data(path))
    assert len(data) == 3 * 1440
    assert data[0].date == datetime(2024, 1, 1, tzinfo=UTC)


def test_the_script_reads_a_csv_by_utc_day_in_any_time_zone(run_example, tmp_path):
    path = write_csv(tmp_path / "readings.csv", spike_days=(1,))
    outputs = set()
    for zone in ("UTC", "Pacific/Auckland", "America/New_York"):
        completed = run_example(
            "05_iterators/lazy_data_analysis.py", "--input", path, env={"TZ": zone}, check=True
        )
        outputs.add(completed.stdout)
    assert len(outputs) == 1
    assert outputs.pop().splitlines() == [
        "Anomaly from 2024-01-02 00:00:00 - 2024-01-02 23:59:00 (1440 readings, max 100.00)",
        "anomalous days found = 1",
    ]


def test_the_script_rejects_a_bad_csv(run_example, assert_bad_input, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("timestamp,value\n0,1.5\n1,oops\n")
    line = assert_bad_input(run_example("05_iterators/lazy_data_analysis.py", "--input", path))
    assert "bad.csv:3" in line
    assert_bad_input(run_example("05_iterators/lazy_data_analysis.py", "--input", tmp_path / "none"))
    assert_bad_input(run_example("05_iterators/lazy_data_analysis.py", "--threshold", "2"))
    assert_bad_input(run_example("05_iterators/lazy_data_analysis.py", "--method", "median"))
    assert_bad_input(run_example("05_iterators/lazy_data_analysis.py", "--seed", "-1"))


@pytest.mark.slow
def test_the_seeded_first_five_anomalous_days(run_example):
    completed = run_example(
        "05_iterators/lazy_data_analysis.py", "--seed", "0", env={"TZ": "America/New_York"}, check=True
    )
    lines = completed.stdout.splitlines()
    days = [line.split()[2] for line in lines if line.startswith("Anomaly")]
    assert days == ["1970-01-09", "1970-01-22", "1970-01-27", "1970-02-03", "1970-02-10"]
    for line in lines[:5]:  # every flagged day is a whole day holding an injected 100
        assert line.endswith("23:59:59 (86400 readings, max 100.00)"), line
