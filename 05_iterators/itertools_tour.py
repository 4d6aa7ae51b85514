"""A tour of itertools: small lazy building blocks, each with its output.

Chapter 5, "Iterators and Generators". The book uses ``islice``, ``chain``,
``takewhile``, ``cycle``, ``count``, ``groupby`` and ``filterfalse``; this
tour adds ``tee``, ``accumulate``, ``pairwise`` (3.10+) and ``batched``
(3.12+; on 3.11 the itertools docs' recipe stands in), and the rest of the 2nd
edition's table: ``compress``, ``dropwhile``, ``starmap``, ``zip_longest``,
``product``, ``permutations``, ``combinations``, and ``accumulate`` as a
running product and maximum, a loan's amortization and the logistic map. Every function
returns a small, finite result, printed one per line, so you can see what
each tool does to a stream, including endless ones.

Run:
    python 05_iterators/itertools_tour.py
"""

# taught: 3rd ed., "Lazy Generator Evaluation": count, cycle, islice, chain, takewhile, filterfalse, groupby
import itertools
import operator
from itertools import (
    accumulate,
    chain,
    combinations,
    compress,
    count,
    cycle,
    dropwhile,
    filterfalse,
    groupby,
    islice,
    permutations,
    product,
    repeat,
    starmap,
    takewhile,
    tee,
    zip_longest,
)


def squares():
    """An endless generator: 0, 1, 4, 9, ..."""
    for n in count():
        yield n * n


def count_example():
    return list(islice(count(10, 5), 4))


def cycle_example():
    return "".join(islice(cycle("ABC"), 7))


def islice_example():
    return list(islice(squares(), 5, 10))


def chain_example():
    return list(chain([1, 2], (3,), range(4, 6)))


def takewhile_example():
    return list(takewhile(lambda x: x < 50, squares()))


def filterfalse_example():
    return list(filterfalse(lambda x: x % 3, range(10)))


# taught: end


# book: 3rd ed., "Lazy Generator Evaluation" (groupby: AAAABBAA gives three groups)
def groupby_example(data="AAAABBAA"):
    """Runs of equal keys: groupby does not sort, so A comes back twice."""
    return [(key, len(list(group))) for key, group in groupby(data)]


# book: end


# taught: groupby does not sort: sort first for one group per key
def groupby_sorted_example(data="AAAABBAA"):
    return [(key, len(list(group))) for key, group in groupby(sorted(data))]


# taught: end


# taught: 2nd ed., the itertools table and the documentation's recipes (tee, accumulate, batched, ...)
def tee_example():
    """Two independent iterators over one stream: one is read ahead of the other."""
    first, second = tee(squares(), 2)
    ahead = list(islice(first, 5))
    behind = list(islice(second, 3))
    return ahead, behind


def accumulate_example():
    return (
        list(accumulate([1, 2, 3, 4])),
        list(accumulate([3, 1, 4, 1, 5, 9, 2], max)),
        list(accumulate([1, 2, 3, 4], operator.mul)),
    )


def pairwise_example():
    return list(itertools.pairwise("abcd"))


def batched_recipe(iterable, n):
    """The itertools docs' recipe for ``batched`` (Python 3.11 has no ``itertools.batched``)."""
    if n < 1:
        raise ValueError("n must be at least one")
    iterator = iter(iterable)
    while batch := tuple(islice(iterator, n)):
        yield batch


batched = getattr(itertools, "batched", batched_recipe)


def batched_example():
    return list(batched(range(1, 8), 3))


# taught: end


# book: 2nd ed., the itertools table (its inputs and outputs)


def compress_example():
    return "".join(compress("ABCDEF", [1, 0, 1, 0, 1, 1]))


def dropwhile_example():
    return list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]))


def starmap_example():
    return list(starmap(pow, [(2, 5), (3, 2), (10, 3)]))


def zip_longest_example():
    return ["".join(pair) for pair in zip_longest("ABCD", "xy", fillvalue="-")]


def product_example():
    return (
        ["".join(p) for p in product("ABCD", "xy")],
        ["".join(map(str, p)) for p in product(range(2), repeat=3)],
    )


def permutations_example():
    return (
        ["".join(p) for p in permutations("ABCD", 2)],
        ["".join(map(str, p)) for p in permutations(range(3))],
    )


def combinations_example():
    return (
        ["".join(c) for c in combinations("ABCD", 2)],
        ["".join(map(str, c)) for c in combinations(range(4), 3)],
    )


def running_product_and_maximum(data=(3, 4, 6, 2, 1, 9, 0, 7, 5, 8)):
    return list(accumulate(data, operator.mul)), list(accumulate(data, max))


def amortization(cashflows=(1000, -90, -90, -90, -90), rate=0.05):
    """Balance of a 5% loan of 1000 with 4 annual payments of 90, year by year."""
    return list(accumulate(cashflows, lambda bal, pmt: bal * (1 + rate) + pmt))


def logistic_map(r=3.8, x0=0.4, steps=36):
    """A chaotic recurrence: only the first input is used, the rest only count the steps."""
    inputs = repeat(x0, steps)
    return [format(x, ".2f") for x in accumulate(inputs, lambda x, _: r * x * (1 - x))]


# book: end


def main(argv=None):
    import sys

    from _iterators_family import tour

    tour(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
