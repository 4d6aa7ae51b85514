"""Indexing a list is O(1): as fast in a 10,000,000-item list as in a 10-item one (Example 3-1).

Chapter 3, "Lists and Tuples". A list is an array of pointers, so ``l[i]``
is one address computation (bucket ``M + i``), whatever the length. The
book's ``%%timeit`` gives 14 ns for ``l[5]`` in ``list(range(10))`` and
13.9 ns for ``l[100_000]`` in ``list(range(10_000_000))``.

The script times the same two statements with ``timeit`` and, as a count
that does not depend on the machine, the bytecode instructions the
interpreter executes for one lookup (``executed_instructions``, traced
opcode by opcode): the same number for both lists, while ``linear_search``
executes more instructions the further the needle is from the start.

Run:
    python 03_lists_tuples/list_indexing.py
    python 03_lists_tuples/list_indexing.py --size 1000000 --number 1000000
"""

# taught: indexing is O(1): l[5] in 10 items, l[100_000] in 10 million: same instructions, same time
import sys


def lookup(l, i):
    return l[i]


def executed_instructions(function, *args):
    """How many bytecode instructions the interpreter executes for ``function(*args)``.

    The call runs twice and the second run is counted: CPython 3.12 starts reporting
    opcode events only at the ``settrace`` after a frame asked for them.
    """
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        frame.f_trace_opcodes = True  # report every instruction of this frame
        if event == "opcode":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(*args)
        sys.settrace(tracer)
        count = 0
        function(*args)
    finally:
        sys.settrace(previous)
    return count


# taught: end


def main(argv=None):
    from _lists_tuples_family import run_list_indexing

    run_list_indexing(__doc__, lookup, executed_instructions, argv)


if __name__ == "__main__":
    main()
