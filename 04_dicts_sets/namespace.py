"""How a name is found: ``math.sin`` against ``from math import sin`` against a local.

Chapter 4 of the 1st and 2nd editions, "Dictionaries and Namespaces". Python
looks a name up in the locals (an array slot, ``LOAD_FAST``), then the
module's globals dict, then the builtins (``LOAD_GLOBAL``); ``math.sin``
adds an attribute lookup on the module (``LOAD_ATTR``). The book's advice was
to bind hot globals to locals; the official code's Python 3.7 figures for
1,000 calls: ``math.sin`` 162 µs, ``from math import sin`` 124 µs,
default-argument local 105 µs.

The 3rd edition dropped the section: since 3.11 the specialising interpreter
caches global and module-attribute lookups (``LOAD_GLOBAL_MODULE``,
``LOAD_ATTR_MODULE``), so "the conclusions simply no longer hold". The
script prints each function's bytecode names and times the three, so you
can see how small the gap now is on your Python.

Run:
    python 04_dicts_sets/namespace.py
    python 04_dicts_sets/namespace.py --number 100
"""

import dis
import math
import sys
import timeit
from math import sin

from hpp.script import example_parser, finite_float, positive_int

SMOKE_ARGS = ["--number", "20"]


# book: 3rd ed. code, "namespace.py" (the section is gone from the 3rd edition's text)
def test1(x):
    """
    >>> %timeit test1(123_456)
    162 µs ± 3.82 µs per loop (Python 3.7, the official code)
    """
    res = 1
    for _ in range(1000):
        res += math.sin(x)
    return res


def test2(x):
    """
    >>> %timeit test2(123_456)
    124 µs ± 6.77 µs per loop (Python 3.7, the official code)
    """
    res = 1
    for _ in range(1000):
        res += sin(x)
    return res


def test3(x, sin=math.sin):
    """
    >>> %timeit test3(123_456)
    105 µs ± 3.35 µs per loop (Python 3.7, the official code)
    """
    res = 1
    for _ in range(1000):
        res += sin(x)
    return res


# book: end


FUNCTIONS = (test1, test2, test3)
BOOK_MICROSECONDS = {"test1": 162, "test2": 124, "test3": 105}


# taught: 2nd ed., "Dictionaries and Namespaces": the loads each variant makes to find sin
def lookups(function):
    """The load instructions in ``function`` that fetch ``math``/``sin``."""
    found = []
    for instruction in dis.get_instructions(function):
        # 3.13 fuses two local loads into LOAD_FAST_LOAD_FAST, whose argval is a pair
        names = instruction.argval if isinstance(instruction.argval, tuple) else (instruction.argval,)
        for name in names:
            if name in ("math", "sin") and instruction.opname.startswith("LOAD"):
                found.append((instruction.opname, name))
    return found


# taught: end


def compare_namespaces(x, number):
    """Check that the three functions agree, show the loads each does, and time them."""
    results = {f(x) for f in FUNCTIONS}
    if len(results) != 1:
        raise AssertionError("the three functions disagree")
    print(f"test1 = test2 = test3 = {results.pop()!r}")
    for function in FUNCTIONS:
        print(f"{function.__name__}: " + ", ".join(f"{op} {name}" for op, name in lookups(function)))
    times = {}
    for function in FUNCTIONS:
        best = min(timeit.repeat(lambda: function(x), number=number, repeat=3))
        times[function.__name__] = best / number
    for name, seconds in times.items():
        print(
            f"{name}: {seconds * 1e6:7.1f} µs per call  ({seconds / times['test1']:.2f} of test1; "
            f"Python 3.7: {BOOK_MICROSECONDS[name] / BOOK_MICROSECONDS['test1']:.2f})"
        )
    print(f"(Python {sys.version.split()[0]})")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--number", type=positive_int, default=10_000, help="timeit calls of each function")
    parser.add_argument("--x", type=finite_float, default=123_456.0, help="the argument of sin")
    args = parser.parse_args(argv)
    compare_namespaces(args.x, args.number)


if __name__ == "__main__":
    main()
