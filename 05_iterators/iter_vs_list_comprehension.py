"""Counting with a list comprehension against a generator expression: the RAM (1st edition).

Chapter 5 of the 1st edition, "Iterators and Generators". To count the
numbers below 10,000,000 divisible by 3, ``len([...])`` first builds a list
of all 3,333,334 of them; ``sum(1 for ...)`` never holds more than one. The
answer is the same, the memory is not. Measured two ways:

- ``memory_profiler.memory_usage(max_usage=True)``: the process's peak RSS
  during the call, less the RSS before it (what the book used; RSS also counts
  memory the allocator keeps, so it is coarse);
- ``tracemalloc``: the peak of Python allocations during the call (exact).

Run:
    python 05_iterators/iter_vs_list_comprehension.py
    python -m memory_profiler 05_iterators/iter_vs_list_comprehension.py --numbers 1000000
"""

import gc
import tracemalloc

from hpp import profile
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--numbers", "300000"]
REQUIRES = ("memory_profiler",)

MIB = 2**20


# book: 1st ed. code, "iter_vs_list_comprehension.py"
@profile
def divisible_by_three_list(numbers):
    return len([n for n in range(numbers) if n % 3 == 0])


@profile
def divisible_by_three_iterator(numbers):
    return sum(1 for n in range(numbers) if n % 3 == 0)


# book: end


FUNCTIONS = (divisible_by_three_list, divisible_by_three_iterator)


# taught: a generator expression counts without building the list: its peak memory beside the list's
def tracemalloc_peak(function, *args):
    """``(result, peak MiB of Python allocations during the call)``."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / MIB


def rss_increment(function, *args):
    """``(result, peak RSS during the call - RSS before, in MiB)`` with memory_profiler."""
    from memory_profiler import memory_usage

    gc.collect()
    before = memory_usage(-1, interval=0.01, timeout=0.05, max_usage=True)
    peak, result = memory_usage((function, args), interval=0.005, max_usage=True, retval=True)
    return result, peak - before


# taught: end


def compare_memory(numbers=10_000_000):
    """Print each function's result, its tracemalloc peak and its RSS increment."""
    for function in FUNCTIONS:
        result, traced = tracemalloc_peak(function, numbers)
        _, rss = rss_increment(function, numbers)
        print(f"{function.__name__}({numbers}) = {result}")
        print(f"  tracemalloc peak {traced:8.2f} MiB, RSS increment {rss:8.2f} MiB")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--numbers", type=positive_int, default=10_000_000, help="count in range(NUMBERS)")
    args = parser.parse_args(argv)
    compare_memory(args.numbers)


if __name__ == "__main__":
    main()
