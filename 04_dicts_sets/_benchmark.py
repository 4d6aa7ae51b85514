"""Chapter 04 benchmark cases: unique names (list vs set), lookups with a bad and a good hash."""

from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent


def unique_case(name):
    def setup(params):
        module = load_example(HERE / "unique_lookup.py")
        return getattr(module, name), module.random_phonebook(params["size"], seed=0)

    def run(state):
        function, book = state
        return function(book)

    def check(count, params):
        assert count == params["size"], count  # 8 random letters: every first name differs

    return Case(name, run=run, setup=setup, check=check)


def lookup_case(name):
    def setup(params):
        container, key = load_example(HERE / "timing_hash_function.py").build_containers()[name]
        return container, key, params["number"]

    def run(state):
        container, key, number = state
        found = 0
        for _ in range(number):
            found += key in container
        return found

    def check(found, params):
        assert found == params["number"]

    return Case(name, run=run, setup=setup, check=check)


WORKLOADS = [
    Workload(
        name="unique first names",
        description="a seeded phone book of SIZE entries with all-different first names",
        baseline="list_unique_first_names",
        sizes={
            "test": [{"size": 1_000}],
            "quick": [{"size": 1_000}, {"size": 3_000}],
            "book": [{"size": 10_000}],
        },
        cases=[unique_case("list_unique_first_names"), unique_case("set_unique_first_names")],
        repeat=3,
        budget_seconds=1.0,
    ),
    Workload(
        name="lookup 'zz' among 676 two-letter keys",
        description="BadHash (always 42), GoodHash (perfect), a list, and a plain str set",
        baseline="bad_dict",
        sizes={"test": [{"number": 2}], "quick": [{"number": 20_000}], "book": [{"number": 1_000_000}]},
        cases=[lookup_case(name) for name in ("bad_dict", "list_control", "good_dict", "str_set")],
        repeat=3,
        budget_seconds=1.0,
    ),
]
