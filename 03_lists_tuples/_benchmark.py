"""Chapter 03 benchmark cases: linear vs binary vs bisect search; list vs tuple creation."""

import random
import time
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent


def needles_for(params):
    """Seeded needles, half of them in the haystack (even numbers) and half not (odd)."""
    rng = random.Random(params["size"])
    return [rng.randrange(0, 2 * params["size"]) for _ in range(params["needles"])]


def expected_indices(params):
    return [n // 2 if n % 2 == 0 else -1 for n in needles_for(params)]


def search_case(name, loader):
    def setup(params):
        haystack = list(range(0, 2 * params["size"], 2))
        return loader(), haystack, needles_for(params)

    def run(state):
        search, haystack, needles = state
        return [search(needle, haystack) for needle in needles]

    def check(found, params):
        assert found == expected_indices(params)

    return Case(name, run=run, setup=setup, check=check)


def linear():
    return load_example(HERE / "linear_search.py").linear_search


def binary():
    return load_example(HERE / "binary_search.py").binary_search


def bisect_search():
    return load_example(HERE / "binary_vs_linear_search.py").bisect_search


def list_index():
    def search(needle, haystack):
        try:
            return haystack.index(needle)
        except ValueError:
            return -1

    return search


def builder_case(name):
    """Time the statement as the book's %timeit does (timeit's loop, no call around it).

    The run returns the value the timed loop itself built, so the check sees the timed work.
    """

    def setup(params):
        statement = load_example(HERE / "tuple_caching.py").STATEMENTS[name]
        return load_example(HERE / "_lists_tuples_family.py").timed_loop_for(statement), params["calls"]

    def run(state):
        timed_loop, calls = state
        _, value = timed_loop(calls, time.perf_counter)
        return value

    def check(value, params):
        expected = tuple(range(10)) if name.startswith("tuple") else list(range(10))
        assert type(value) is type(expected) and value == expected, value

    return Case(name, run=run, setup=setup, check=check)


SEARCH_SIZES = [
    {"size": 10_000, "needles": 20},
    {"size": 100_000, "needles": 20},
    {"size": 1_000_000, "needles": 10},
]

WORKLOADS = [
    Workload(
        name="search a sorted list",
        description="find seeded needles (half absent) in a sorted list of SIZE even numbers",
        baseline="linear_search",
        sizes={
            "test": [dict(p, needles=2) for p in SEARCH_SIZES],
            "quick": SEARCH_SIZES,
            "book": [dict(p, needles=100) for p in SEARCH_SIZES],
        },
        cases=[
            search_case("linear_search", linear),
            search_case("list.index (C loop)", list_index),
            search_case("binary_search", binary),
            search_case("bisect_left (C)", bisect_search),
        ],
        repeat=3,
        budget_seconds=1.0,
    ),
    Workload(
        name="build 10 items: list vs tuple",
        description="the literal list, the literal tuple (a constant), and both from variables",
        baseline="list_literal",
        sizes={"test": [{"calls": 2}], "quick": [{"calls": 500_000}], "book": [{"calls": 10_000_000}]},
        cases=[
            builder_case(name)
            for name in ("list_literal", "tuple_literal", "list_from_variables", "tuple_from_variables")
        ],
        repeat=3,
        budget_seconds=1.0,
    ),
]
