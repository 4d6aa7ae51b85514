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

# book: 3rd ed. code, "namespace.py" (the section is gone from the 3rd edition's text)
import math
from math import sin


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


def main(argv=None):
    from _dicts_sets_family import compare_namespaces

    compare_namespaces((test1, test2, test3), lookups, __doc__, argv)


if __name__ == "__main__":
    main()
