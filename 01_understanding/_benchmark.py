"""Chapter 01 benchmark cases: reducing operations and check_prime variants."""

from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent


def searches():
    return load_example(HERE / "reducing_operations.py")


def search_case(name):
    def setup(params):
        haystack = list(range(params["haystack"]))
        needle = params["needle"] if params["needle"] >= 0 else params["haystack"] + params["needle"]
        return getattr(searches(), name), haystack, needle, params["calls"]

    def run(state):
        search, haystack, needle, calls = state
        for _ in range(calls):
            found = search(haystack, needle)
        return found

    def check(found, params):
        assert found is True

    return Case(name, run=run, setup=setup, check=check)


SEARCH_NAMES = ("search_slow", "search_fast", "search_unknown1", "search_unknown2")


def prime_case(name, loader, requires=None):
    def setup(params):
        return loader(), params["number"], params["calls"]

    def run(state):
        function, number, calls = state
        for _ in range(calls):
            answer = function(number)
        return answer

    def check(answer, params):
        assert answer is True, f"{params['number']} is prime"

    return Case(name, run=run, setup=setup, check=check, requires=requires)


def book_check_prime():
    return load_example(HERE / "check_prime.py").check_prime


def exact_check_prime():
    return load_example(HERE / "check_prime.py").check_prime_exact


def vectorised(vector_size):
    def loader():
        function = load_example(HERE / "check_prime_vectorised.py").check_prime_vectorised
        return lambda number: function(number, vector_size)

    return loader


def cython_check_prime():
    import sys

    sys.path.insert(0, str(HERE))
    from check_prime_cy import check_prime_cy

    return check_prime_cy


def cython_missing(params):
    try:
        cython_check_prime()
    except ImportError:
        return "check_prime_cy is not built: run `make install` (pip install -e .)"
    return None


WORKLOADS = [
    Workload(
        name="search, needle near the start",
        description="list(range(1000)), needle 5: the early exit pays",
        baseline="search_slow",
        sizes={
            "test": [{"haystack": 1000, "needle": 5, "calls": 1}],
            "quick": [{"haystack": 1000, "needle": 5, "calls": 2000}],
            "book": [{"haystack": 1000, "needle": 5, "calls": 10_000}],
        },
        cases=[search_case(name) for name in SEARCH_NAMES],
    ),
    Workload(
        name="search, needle near the end",
        description="list(range(1000)), needle 990: every search walks the list",
        baseline="search_slow",
        sizes={
            "test": [{"haystack": 1000, "needle": -10, "calls": 1}],
            "quick": [{"haystack": 1000, "needle": -10, "calls": 2000}],
            "book": [{"haystack": 1000, "needle": -10, "calls": 10_000}],
        },
        cases=[search_case(name) for name in SEARCH_NAMES],
    ),
    Workload(
        name="check_prime on a prime",
        description="trial division up to sqrt(n): float test, integer test, NumPy blocks, Cython",
        baseline="check_prime (book, float)",
        sizes={
            "test": [{"number": 10_000_019, "calls": 1}],
            "quick": [{"number": 10_000_019, "calls": 20}, {"number": 1_000_000_007, "calls": 2}],
            "book": [{"number": 10_000_019, "calls": 100}, {"number": 1_000_000_007, "calls": 10}],
        },
        cases=[
            prime_case("check_prime (book, float)", book_check_prime),
            prime_case("check_prime_exact (integer)", exact_check_prime),
            prime_case("vectorised V=8 (NumPy)", vectorised(8)),
            prime_case("vectorised V=1024 (NumPy)", vectorised(1024)),
            prime_case("check_prime_cy (Cython)", cython_check_prime, requires=cython_missing),
        ],
    ),
]
