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

import sys
import timeit

SMOKE_ARGS = ["--size", "200000", "--number", "200000"]


# taught: indexing is O(1): l[5] in 10 items, l[100_000] in 10 million: same instructions, same time
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


def time_lookup(size, index, number):
    """``(value, seconds per lookup)`` of ``l[index]`` in ``l = list(range(size))``."""
    l = list(range(size))
    seconds = (
        min(timeit.repeat("l[index]", globals={"l": l, "index": index}, number=number, repeat=5)) / number
    )
    return l[index], seconds


def compare_lookups(size, index, number):
    """Time ``l[5]`` in 10 items against ``l[index]`` in ``size`` items; count their instructions."""
    short_value, short = time_lookup(10, 5, number)
    long_value, long = time_lookup(size, index, number)
    # taught: end
    print(f"list(range(10))[5] = {short_value}    {short * 1e9:.1f} ns")
    print(f"list(range({size}))[{index}] = {long_value}    {long * 1e9:.1f} ns")
    print(f"long / short = {long / short:.2f}")
    short_ops = executed_instructions(lookup, list(range(10)), 5)
    long_ops = executed_instructions(lookup, list(range(size)), index)
    print(f"bytecode instructions per lookup: {short_ops} (10 items), {long_ops} ({size:,} items)")


def main(argv=None):
    from hpp.script import example_parser, fail, non_negative_int, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=10_000_000, help="length of the long list")
    parser.add_argument("--index", type=non_negative_int, default=100_000, help="index looked up (< --size)")
    parser.add_argument("--number", type=positive_int, default=10_000_000, help="lookups per run (best of 5)")
    args = parser.parse_args(argv)
    if args.index >= args.size:
        fail(f"--index must be between 0 and --size - 1 ({args.size - 1})")
    compare_lookups(args.size, args.index, args.number)


if __name__ == "__main__":
    main()
