"""Fibonacci as a list and as a generator: same numbers, very different memory (chapter 5).

Chapter 5, "Iterators and Generators". ``fibonacci_list`` builds all
``num_items`` numbers before the loop sees the first one; ``fibonacci_gen``
yields them one at a time and keeps only the last two. The book loops over
100,000 of them: 227 ms and a 418.48 MiB memory increment for the list,
81.9 ms and 0.00 MiB for the generator ("2.7x faster"). Here memory is
measured with ``tracemalloc`` (the peak of Python allocations during the
loop), time with the best of a few runs.

Also here, as in the book:
- the deconstructed ``for`` loop (Example 5-1): ``iter``/``next``/``StopIteration``;
- ``divisible_by_three``: a list comprehension only to take its ``len``,
  against ``sum(1 for ...)`` over the generator (both 25,000 for 100,000 numbers);
- the infinite ``fibonacci()`` and three ways to count the odd Fibonacci
  numbers below 5,000 (all 13).

Run:
    python 05_iterators/fibonacci.py
    python 05_iterators/fibonacci.py --items 10000
"""

# book: 3rd ed., "Iterators and Generators"
from itertools import takewhile


def fibonacci_list(num_items):
    numbers = []
    a, b = 0, 1
    while len(numbers) < num_items:
        numbers.append(a)
        a, b = b, a + b
    return numbers


def fibonacci_gen(num_items):
    a, b = 0, 1
    while num_items:
        yield a
        a, b = b, a + b
        num_items -= 1


def test_fibonacci_list():
    """
    >>> %timeit test_fibonacci_list()
    227 ms ± 4.18 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)

    >>> %memit test_fibonacci_list()
    peak memory: 485.30 MiB, increment: 418.48 MiB
    """
    for i in fibonacci_list(100_000):
        pass


def test_fibonacci_gen():
    """
    >>> %timeit test_fibonacci_gen()
    81.9 ms ± 25.1 µs per loop (mean ± std. dev. of 7 runs, 1 loop each)

    >>> %memit test_fibonacci_gen()
    peak memory: 72.34 MiB, increment: 0.00 MiB
    """
    for i in fibonacci_gen(100_000):
        pass


# book: end


# book: 2nd ed. code, "fibonacci.py"
def test_fibonacci(func, N):
    """The official code's loop at any size: ``test_fibonacci(fibonacci_gen, 100_000)``."""
    for i in func(N):
        pass


# book: end


# book: Example 5-1 (the deconstructed for loop, as a function)
def deconstructed_for_loop(iterable, do_work):
    """``for i in iterable: do_work(i)``, written out as Python runs it (Example 5-1)."""
    object_iterator = iter(iterable)
    while True:
        try:
            i = next(object_iterator)
        except StopIteration:
            break
        else:
            do_work(i)


# book: end


# book: 3rd ed., "Iterators and Generators" (divisible_by_three, as a list and as a generator)
def divisible_by_three_list(num_items):
    return len([n for n in fibonacci_gen(num_items) if n % 3 == 0])


def divisible_by_three_gen(num_items):
    return sum(1 for n in fibonacci_gen(num_items) if n % 3 == 0)


# book: end


# book: 3rd ed., "Iterators for Infinite Series"
def fibonacci():
    i, j = 0, 1
    while True:
        yield i
        i, j = j, i + j


def fibonacci_naive():
    i, j = 0, 1
    count = 0
    while i <= 5000:
        if i % 2:
            count += 1
        i, j = j, i + j
    return count


def fibonacci_transform():
    count = 0
    for f in fibonacci():
        if f >= 5000:
            break
        if f % 2:
            count += 1
    return count


def fibonacci_succinct():
    first_5000 = takewhile(lambda x: x < 5000, fibonacci())
    return sum(1 for x in first_5000 if x % 2)


# book: end


def main(argv=None):
    import sys

    from _iterators_family import compare_fibonacci

    compare_fibonacci(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
