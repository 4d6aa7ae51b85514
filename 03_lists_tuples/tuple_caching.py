"""Tuples: static arrays that CPython caches (Example 3-9 and "Tuples as Static Arrays").

Chapter 3. A tuple cannot change (``t[0] = 5`` raises TypeError), so it never
needs spare room, and ``+`` builds a new tuple (O(n)). The book says CPython
keeps "free lists" of recently freed small tuples (for 3.12.2: sizes 0-20,
up to 2,000 of each) so making a new one need not ask the allocator, and
times a literal list against a literal tuple: 77.6 ns against 9.5 ns.

What the running CPython does, side by side:

- free-list reuse: a freed tuple's memory comes straight back for the next
  tuple of the same size (the same ``id``), and ``()`` is a single object;
- the literal ``(0, 1, ..., 9)`` is not built at run time at all: the
  compiler folds it into one constant (``dis`` shows ``LOAD_CONST`` /
  ``RETURN_CONST``, no ``BUILD_TUPLE``), while the list literal is built on
  every call (``BUILD_LIST`` + ``LIST_EXTEND``). Most of the book's gap is
  that, so the script also times a tuple built from variables.

Run:
    python 03_lists_tuples/tuple_caching.py
    python 03_lists_tuples/tuple_caching.py --number 100000
"""

# taught: a tuple literal is one constant, a list literal is built every time (Example 3-9)
import dis


def list_literal():
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def tuple_literal():
    return (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)


def tuple_from_variables(a=0, b=1, c=2, d=3, e=4, f=5, g=6, h=7, i=8, j=9):
    return (a, b, c, d, e, f, g, h, i, j)


def list_from_variables(a=0, b=1, c=2, d=3, e=4, f=5, g=6, h=7, i=8, j=9):
    return [a, b, c, d, e, f, g, h, i, j]


BUILDERS = (list_literal, tuple_literal, list_from_variables, tuple_from_variables)

# The statements as the book times them with %timeit (no function call around them).
STATEMENTS = {
    "list_literal": "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]",
    "tuple_literal": "(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)",
    "list_from_variables": "[a, b, c, d, e, f, g, h, i, j]",
    "tuple_from_variables": "(a, b, c, d, e, f, g, h, i, j)",
}


def opnames(function):
    """The set of bytecode instruction names in ``function``."""
    return {instruction.opname for instruction in dis.get_instructions(function)}


# taught: end


# taught: a tuple is immutable: t[0] = 5 raises TypeError ("Tuples as Static Arrays")
def tuple_is_immutable():
    """The TypeError message you get from ``t[0] = 5``."""
    t = (1, 2, 3, 4)
    try:
        t[0] = 5
    except TypeError as error:
        return str(error)
    raise AssertionError("a tuple accepted an item assignment")


# taught: end


# taught: the free list: a freed tuple's memory goes to the next tuple of its size
def freed_tuple_is_reused(size=5):
    """Free a tuple and make another of the same size: does it land at the same address?"""
    first = tuple(range(size))
    address = id(first)
    del first
    second = tuple(range(size, 2 * size))
    return id(second) == address


# taught: end


# book: 3rd ed., "Tuples as Static Arrays" (concatenation)
def print_concatenation():
    print(f"(1, 2, 3, 4) + (5, 6, 7, 8) = {(1, 2, 3, 4) + (5, 6, 7, 8)}")


# book: end


def main(argv=None):
    import sys

    from _lists_tuples_family import run_tuple_caching

    run_tuple_caching(__doc__, sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
