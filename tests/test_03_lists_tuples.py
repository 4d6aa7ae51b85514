"""Chapter 03: searching (linear, binary, bisect), list over-allocation, tuples."""

import random
import re
import sys

import pytest

from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "03_lists_tuples"
linear = load_example(CHAPTER / "linear_search.py")
binary = load_example(CHAPTER / "binary_search.py")
versus = load_example(CHAPTER / "binary_vs_linear_search.py")
bisect_example = load_example(CHAPTER / "bisect_example.py")
overallocation = load_example(CHAPTER / "list_overallocation.py")
memory_use = load_example(CHAPTER / "overallocation_memory_use.py")
tuples = load_example(CHAPTER / "tuple_caching.py")
family = load_example(CHAPTER / "_lists_tuples_family.py")  # the scripts' drivers

EXERCISE = [9, 18, 18, 19, 29, 42, 56, 61, 88, 95]


# ------------------------------------------------------------------ searching


def test_the_exercise_list():
    assert linear.linear_search(61, EXERCISE) == 7
    assert binary.binary_search(61, EXERCISE) == 7
    assert binary.binary_search_book(61, EXERCISE) == 7
    assert [binary.binary_search(n, EXERCISE) for n in (9, 95)] == [0, 9]
    assert binary.binary_search(18, EXERCISE) in (1, 2)
    assert linear.linear_search(100, EXERCISE) == -1


def test_every_search_agrees_with_list_index_on_random_sorted_lists():
    rng = random.Random(3)
    for _ in range(300):
        haystack = sorted(rng.sample(range(200), rng.randrange(0, 40)))
        needle = rng.randrange(-5, 205)
        expected = haystack.index(needle) if needle in haystack else -1
        assert linear.linear_search(needle, haystack) == expected
        assert binary.binary_search(needle, haystack) == expected
        assert versus.bisect_search(needle, haystack) == expected


@pytest.mark.parametrize("size", [10_000, 100_000, 1_000_000])
def test_the_official_needles_on_range_haystacks(size):
    haystack = range(size)
    for needle in (1, 6000, 9000):
        assert binary.binary_search(needle, haystack) == needle
        assert versus.bisect_search(needle, haystack) == needle
    assert binary.binary_search(1_000_000, haystack) == -1
    assert linear.linear_search(9000, haystack) == 9000


class BoundedList(list):
    """A list that gives up after a number of reads, to catch a search that never ends."""

    def __init__(self, items, reads=1000):
        super().__init__(items)
        self.reads = reads

    def __getitem__(self, index):
        self.reads -= 1
        if self.reads < 0:
            raise RuntimeError("still searching after 1000 reads")
        return super().__getitem__(index)


@pytest.mark.parametrize("needle", [0, 20, 50])
def test_the_third_editions_binary_search_never_ends_for_an_absent_needle(needle):
    with pytest.raises(RuntimeError, match="still searching"):
        binary.binary_search_book(needle, BoundedList(EXERCISE))
    assert binary.binary_search(needle, BoundedList(EXERCISE)) == -1


def test_the_third_editions_binary_search_reads_past_the_end():
    with pytest.raises(IndexError):
        binary.binary_search_book(100, EXERCISE)
    assert binary.binary_search(100, EXERCISE) == -1


def test_find_closest_on_the_books_list():
    haystack = bisect_example.BOOK_HAYSTACK
    answers = [haystack[bisect_example.find_closest(haystack, n)] for n in (-250, 500, 1100)]
    assert answers == [14, 496, 992]


def test_find_closest_is_the_nearest_value_and_the_larger_on_a_tie():
    rng = random.Random(5)
    for _ in range(300):
        haystack = sorted(rng.sample(range(1000), rng.randrange(1, 20)))
        needle = rng.randrange(-100, 1100)
        got = haystack[bisect_example.find_closest(haystack, needle)]
        best = min(abs(v - needle) for v in haystack)
        assert abs(got - needle) == best
        assert got == max(v for v in haystack if abs(v - needle) == best)


def test_insort_keeps_the_seeded_list_sorted_and_reproducible():
    first = bisect_example.sorted_random_list(50, seed=1)
    assert first == sorted(first) and len(first) == 50
    assert first == bisect_example.sorted_random_list(50, seed=1)
    assert all(0 <= v <= 1000 for v in first)


def test_bisect_script_prints_the_books_answers(run_example):
    completed = run_example("03_lists_tuples/bisect_example.py", check=True)
    lines = completed.stdout.splitlines()
    book = lines[: lines.index("")]
    assert book[2:] == [
        "Closest value to -250: 14",
        "Closest value to 500: 496",
        "Closest value to 1100: 992",
    ]


def test_binary_vs_linear_script_runs_from_another_folder(run_example):
    completed = run_example(
        "03_lists_tuples/binary_vs_linear_search.py", "--sizes", "10000", "--number", "1", check=True
    )
    assert "needle     9000: index =   9000" in completed.stdout
    assert "needle  1000000: index =     -1" in completed.stdout


# ------------------------------------------------------------------ over-allocation


def test_the_books_formula():
    assert overallocation.new_allocation(1) == 4
    assert overallocation.new_allocation(9) == 16
    assert overallocation.model_capacity(1_000_000) == 1_056_084
    assert overallocation.model_capacity(100_000_000) == 104_391_068


def test_the_observed_growth_steps_match_the_formula():
    observed = overallocation.observed_steps(5000)
    modelled = overallocation.model_steps(5000)
    assert observed == modelled
    assert [c for _, c in observed[:11]] == [4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108]
    assert [n for n, _ in observed[:4]] == [1, 5, 9, 17]


def test_a_million_appends_give_the_books_capacity():
    assert overallocation.observed_capacity_after(1_000_000) == 1_056_084


def test_example_3_6_and_exact_sized_lists():
    assert overallocation.example_3_6() == [2, 8, 8, 8, 8]
    # sized once (no 12.5% spare), rounded up to an even count on 3.11-3.13
    for n in (2, 3, 7, 999, 1000):
        for lst in (list(range(n)), [*range(n)], list(tuple(range(n)))):
            assert overallocation.observed_capacity(lst) - n in (0, 1), n
    assert overallocation.observed_capacity([1, 2, 3]) in (3, 4)


def test_over_allocation_is_at_most_about_an_eighth():
    for n in (100, 1000, 12345, 100_000):
        spare = overallocation.model_capacity(n) - n
        assert 0 <= spare <= n / 8 + 6


def test_list_overallocation_script_saves_its_plot(run_example, tmp_path):
    completed = run_example(
        "03_lists_tuples/list_overallocation.py",
        "--appends",
        "1000000",
        "--plot-length",
        "300",
        "--output-dir",
        tmp_path / "p",
        check=True,
    )
    assert (
        "after 1,000,000 appends: capacity by the formula = 1,056,084, observed = 1,056,084, spare = 56,084"
    ) in completed.stdout
    assert "capacity = 104,391,068 (4.4% more" in completed.stdout
    assert (tmp_path / "p" / "list_overallocation.png").stat().st_size > 1000


def test_total_size_counts_the_container_and_its_items():
    assert memory_use.total_size(5) == sys.getsizeof(5)
    assert memory_use.total_size((1, 2)) == sys.getsizeof((1, 2)) + 2 * sys.getsizeof(1)
    nested = [[1], (2, 3)]
    assert memory_use.total_size(nested) == (
        sys.getsizeof(nested) + sys.getsizeof([1]) + sys.getsizeof((2, 3)) + 3 * sys.getsizeof(1)
    )


def test_memory_use_ratios_are_the_books():
    sizes = memory_use.measure(20_000)
    comp, lst, tup = (sizes[name][0] for name in ("Comprehension", "List", "Tuple"))
    assert comp > lst > tup
    assert round(comp / lst, 2) == 1.12
    assert round(comp / tup, 2) == 1.19
    per = {name: per_sample for name, (_, per_sample) in sizes.items()}
    # the comprehension's spare slots: 16 allocated against 10 for list(...) and 9 in a tuple
    assert per["Comprehension"] - per["List"] == 6 * overallocation.POINTER_SIZE
    assert per["Comprehension"] > per["Tuple"]


def test_memory_use_projection_gives_the_books_megabytes(run_example):
    completed = run_example("03_lists_tuples/overallocation_memory_use.py", "--samples", "20000", check=True)
    projected = completed.stdout.split("Projected to 1,000,000 samples")[1]
    assert "Data Comprehension size: 444.45 Mb" in projected
    assert "Data List size: 396.45 Mb (1.12x smaller)" in projected
    assert "Data Tuple size: 372.45 Mb (1.19x smaller)" in projected


# ------------------------------------------------------------------ tuples


def test_tuples_are_static():
    assert tuples.tuple_is_immutable() == "'tuple' object does not support item assignment"
    assert (1, 2, 3, 4) + (5, 6, 7, 8) == (1, 2, 3, 4, 5, 6, 7, 8)
    assert sys.getsizeof(tuples.tuple_literal()) < sys.getsizeof(tuples.list_literal())


def test_the_tuple_literal_is_a_constant_and_the_list_literal_is_built():
    assert "BUILD_LIST" in tuples.opnames(tuples.list_literal)
    assert "BUILD_TUPLE" not in tuples.opnames(tuples.tuple_literal)
    assert "BUILD_TUPLE" in tuples.opnames(tuples.tuple_from_variables)
    assert tuples.tuple_literal() is tuples.tuple_literal()
    assert tuples.list_literal() is not tuples.list_literal()
    assert tuples.list_literal() == list(tuples.tuple_literal()) == list(range(10))


def test_the_timed_loop_builds_a_new_list_each_run_but_reuses_one_tuple_constant():
    """Example 3-9's gap, without a clock: what the timed loop itself hands back."""
    built = {}
    for name in tuples.STATEMENTS:
        loop = family.timed_loop_for(tuples.STATEMENTS[name])
        first, second = loop(3, lambda: 0)[1], loop(3, lambda: 0)[1]
        assert list(first) == list(range(10)), name
        built[name] = (first, second)
    # the tuple literal is one constant folded by the compiler: every run gives the same object
    first, second = built["tuple_literal"]
    assert first is second
    # the list literal is built afresh on every run, as are both from variables
    for name in ("list_literal", "list_from_variables", "tuple_from_variables"):
        first, second = built[name]
        assert first == second and first is not second, name
    assert "BUILD_TUPLE" not in {
        i.opname
        for i in __import__("dis").get_instructions(
            compile(tuples.STATEMENTS["tuple_literal"], "<stmt>", "eval")
        )
    }


def test_a_freed_small_tuple_is_reused():
    assert tuples.freed_tuple_is_reused(5)
    assert tuple() is tuple()


# ------------------------------------------------------------------ lessons as counts

indexing = load_example(CHAPTER / "list_indexing.py")
reducing = load_example(REPO_ROOT / "01_understanding" / "reducing_operations.py")


def test_indexing_executes_the_same_instructions_whatever_the_length():
    """Example 3-1: O(1) lookups, counted as bytecode instructions executed, not timed."""
    small = indexing.executed_instructions(indexing.lookup, list(range(10)), 5)
    big = indexing.executed_instructions(indexing.lookup, list(range(1_000_000)), 100_000)
    assert small == big
    # a linear search executes a fixed number of instructions more for every item it passes
    near, far, farther = (
        indexing.executed_instructions(linear.linear_search, n, list(range(200))) for n in (10, 100, 190)
    )
    assert far - near == farther - far > 0
    assert far - near >= 90 * 2  # at least two instructions per item passed


class CountingNeedle(int):
    """An int that counts how often it is compared for equality."""

    comparisons = 0

    def __eq__(self, other):
        type(self).comparisons += 1
        return int(self) == other

    __hash__ = int.__hash__


@pytest.mark.parametrize(
    "search,position,expected",
    [
        ("search_fast", 5, 6),
        ("search_unknown1", 5, 6),
        ("search_slow", 5, 1000),
        ("search_unknown2", 5, 1000),
        ("search_fast", 990, 991),
        ("search_unknown2", 990, 1000),
    ],
)
def test_early_exit_counted_in_comparisons(search, position, expected):
    """search_fast and the generator stop at the needle; search_slow and the list do not."""
    haystack = list(range(1000))
    CountingNeedle.comparisons = 0
    assert getattr(reducing, search)(haystack, CountingNeedle(position)) is True
    assert CountingNeedle.comparisons == expected


def test_list_indexing_script(run_example):
    completed = run_example(
        "03_lists_tuples/list_indexing.py", "--size", "300000", "--number", "1000", check=True
    )
    assert "list(range(10))[5] = 5" in completed.stdout
    assert "list(range(300000))[100000] = 100000" in completed.stdout
    # the same count for both lists (the count itself depends on the Python version)
    assert re.search(
        r"bytecode instructions per lookup: (\d+) \(10 items\), \1 \(300,000 items\)", completed.stdout
    ), completed.stdout


@pytest.mark.parametrize(
    "script,args",
    [
        ("list_indexing.py", ["--index", "50", "--size", "10"]),
        ("linear_search.py", ["--sizes", "0"]),
        ("linear_search.py", ["--needles", "-1"]),
        ("binary_search.py", ["--needles", "abc"]),
        ("binary_vs_linear_search.py", ["--needles", "-1"]),
        ("list_indexing.py", ["--index", "-1"]),
        ("overallocation_memory_use.py", ["--seed", "-1"]),
        ("tuple_caching.py", ["--number", "1e400"]),
        ("binary_search.py", ["--number", "x"]),
        ("overallocation_memory_use.py", ["--samples", "-1"]),
        ("bisect_example.py", ["--seed", "-3"]),
        ("list_overallocation.py", ["--appends", "0"]),
    ],
)
def test_bad_input(script, args, run_example, assert_bad_input):
    assert_bad_input(run_example(f"03_lists_tuples/{script}", *args))


# ------------------------------------------------------------------ the exercise: tuple or list?


def test_list_or_tuple_answers_are_the_books_and_their_samples_behave_so(capsys):
    exercise = load_example(CHAPTER / "list_or_tuple.py")
    answers = [answer for _, answer, _ in exercise.EXERCISE]
    assert answers == ["tuple", "list", "list", "tuple", "tuple", "list"]
    for index, (value, answer) in enumerate(zip(exercise.samples(), answers)):
        assert type(value).__name__ == answer
        if answer == "tuple":
            with pytest.raises(TypeError):
                exercise.change(index, value)
            assert {value: index}[value] == index  # static data hashes: a dict key
        else:
            before = len(value), list(value)
            changed = exercise.change(index, value)
            assert changed is value and (len(value), value) != before
    assert all(isinstance(game, tuple) for game in exercise.change(5, exercise.samples()[5]))
    exercise.check_answers()
    out = capsys.readouterr().out
    assert out.count("change refused: TypeError") == 3 and out.count("changed in place") == 3
    assert "1. First 20 prime numbers: tuple, since the data is static and will not change" in out
