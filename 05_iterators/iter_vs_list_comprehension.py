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
    python -m memory_profiler 05_iterators/iter_vs_list_comprehension.py --items 1000000
"""

# book: 1st ed. code, "iter_vs_list_comprehension.py"
from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op


@profile
def divisible_by_three_list(numbers):
    return len([n for n in range(numbers) if n % 3 == 0])


@profile
def divisible_by_three_iterator(numbers):
    return sum(1 for n in range(numbers) if n % 3 == 0)


# book: end


def main(argv=None):
    from _iterators_family import compare_memory

    compare_memory((divisible_by_three_list, divisible_by_three_iterator), __doc__, argv)


if __name__ == "__main__":
    main()
