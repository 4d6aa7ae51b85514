"""A tight loop's global lookups, and the local alias that removes them (book chapter 4, 1st edition).

Chapter 4 of the 1st edition, "Dictionaries and Namespaces", ``namespace_loop.py``:
a loop that calls ``math.sin`` looks up the global ``math`` (``LOAD_GLOBAL``,
a dict lookup) and its attribute ``sin`` (``LOAD_ATTR``, another) on every
pass; binding ``math.sin`` to a local name once before the loop leaves only
``LOAD_FAST`` (an array slot) inside it. The 1st edition timed 10,000,000
iterations: 2.21 s against 2.02 s (Python 2.7). Since 3.11 CPython caches
both lookups, so the gap is small now; what does not change is how many
lookups each loop makes, which this script counts in the bytecode (``dis``:
the ``LOAD_GLOBAL``/``LOAD_ATTR`` inside the ``for`` loop run on every pass),
then times both.

Run:
    python 04_dicts_sets/namespace_loop.py
    python 04_dicts_sets/namespace_loop.py --iterations 100000
"""

# book: 1st ed. code, "namespace_loop.py"
import math


def tight_loop_slow(iterations):
    """Two dictionary lookups per pass: the global ``math``, then its ``sin``."""
    result = 0
    for i in range(iterations):
        result += math.sin(i)
    return result


def tight_loop_fast(iterations):
    """The lookups once, before the loop: a local name inside it."""
    result = 0
    local_sin = math.sin
    for i in range(iterations):
        result += local_sin(i)
    return result


# book: end


# taught: the LOAD_GLOBAL and LOAD_ATTR instructions inside each loop and before it, read with dis
def count_lookups(function):
    """``{"in the loop": n, "before it": m}``: the ``LOAD_GLOBAL``/``LOAD_ATTR`` instructions of
    ``function``, split into those of the ``for`` loop's body (run on every pass) and the rest."""
    import dis

    instructions = list(dis.get_instructions(function))
    loop = next(i for i in instructions if i.opname == "FOR_ITER")
    counts = {"in the loop": 0, "before it": 0}
    for instruction in instructions:
        if instruction.opname in ("LOAD_GLOBAL", "LOAD_ATTR"):
            inside = loop.offset < instruction.offset < loop.argval
            counts["in the loop" if inside else "before it"] += 1
    return counts


def lookups_executed(function, iterations):
    """Dictionary lookups one call makes: those before the loop, plus the loop's on every pass."""
    counts = count_lookups(function)
    return counts["before it"] + iterations * counts["in the loop"]


# taught: end


def main(argv=None):
    import sys

    from _dicts_sets_family import compare_loops

    compare_loops(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
