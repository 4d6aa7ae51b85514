"""Chapter 05 benchmark cases: list against generator, with the peak memory of each."""

import tracemalloc
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent


def peak_mib(function, *args):
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def fibonacci_case(name, loop):
    """``loop`` consumes the sequence the way the book's test_fibonacci_* do, and returns the last."""

    def setup(params):
        return getattr(load_example(HERE / "fibonacci.py"), name), params["num_items"]

    def run(state):
        function, num_items = state
        return loop(function(num_items))

    def check(last, params):
        fib = load_example(HERE / "fibonacci.py")
        expected = fib.fibonacci_list(params["num_items"])[-1]
        assert last == expected
        function = getattr(fib, name)
        return {"peak MiB": peak_mib(lambda: loop(function(params["num_items"])))}

    return Case(name, run=run, setup=setup, check=check)


def last_item(iterable):
    i = None
    for i in iterable:
        pass
    return i


def divisible_case(name):
    def setup(params):
        return getattr(load_example(HERE / "iter_vs_list_comprehension.py"), name), params["numbers"]

    def run(state):
        function, numbers = state
        return function(numbers)

    def check(result, params):
        assert result == (params["numbers"] + 2) // 3
        function = getattr(load_example(HERE / "iter_vs_list_comprehension.py"), name)
        return {"peak MiB": peak_mib(function, params["numbers"])}

    return Case(name, run=run, setup=setup, check=check)


WORKLOADS = [
    Workload(
        name="loop over N Fibonacci numbers",
        description="for i in fibonacci_list(N) / fibonacci_gen(N): pass",
        baseline="fibonacci_list",
        sizes={
            "test": [{"num_items": 2000}],
            "quick": [{"num_items": 30_000}, {"num_items": 60_000}],
            "book": [{"num_items": 100_000}],
        },
        cases=[fibonacci_case("fibonacci_list", last_item), fibonacci_case("fibonacci_gen", last_item)],
        repeat=3,
        budget_seconds=1.5,
    ),
    Workload(
        name="count multiples of 3 in range(N)",
        description="len([n for n in range(N) if n % 3 == 0]) against sum(1 for ...)",
        baseline="divisible_by_three_list",
        sizes={
            "test": [{"numbers": 2000}],
            "quick": [{"numbers": 1_000_000}],
            "book": [{"numbers": 10_000_000}],
        },
        cases=[divisible_case("divisible_by_three_list"), divisible_case("divisible_by_three_iterator")],
        repeat=3,
        budget_seconds=1.5,
    ),
]
