"""How a list grows: the book's over-allocation formula beside what CPython does (Example 3-5).

Chapter 3, "Lists as Dynamic Arrays". When ``append`` finds the list full,
CPython allocates room for more items than it needs, so that most appends are
O(1). The book gives the rule "in Python 3.12.2" as

    M = (N + (N >> 3) + 6) & ~3        # N: the new length, M: the new capacity

about 12.5% spare room: 1 item -> 4 slots, 9 items -> 16, and 1,000,000
appends -> 1,056,084 slots (56,084 spare).

The script does both: it simulates the formula (``model_capacity``), and it
reads the real capacity of a list from ``sys.getsizeof`` (the list header
plus one pointer per allocated slot), appending one item at a time. On
CPython 3.11, 3.12 and 3.13 the two agree exactly: capacities 4, 8, 16, 24,
32, 40, 52, 64, 76, 92, 108, ... A list literal or ``list(range(n))`` is
sized once, with no 12.5% spare (CPython 3.11-3.13 round the count up to an
even number: ``list(range(7))`` has 8 slots); the spare room appears on the
first ``append`` (Example 3-6: ``[1, 2]`` holds 2 slots, 8 after one append). It saves a PNG of
capacity against length.

Run:
    python 03_lists_tuples/list_overallocation.py
    python 03_lists_tuples/list_overallocation.py --appends 10000 --output-dir /tmp/plots
"""

# taught: "Lists as Dynamic Arrays": the capacity a list reports (sys.getsizeof)
import struct
import sys

POINTER_SIZE = struct.calcsize("P")
EMPTY_LIST_SIZE = sys.getsizeof([])
# taught: end


# book: Example 3-5
def new_allocation(newsize):
    """The book's formula: the capacity CPython picks when a list must grow to ``newsize``."""
    return (newsize + (newsize >> 3) + 6) & ~3


# book: end


# taught: over-allocation: about 12.5% spare slots, 1,056,084 after 1,000,000 appends
def model_capacity(appends):
    """The capacity after ``appends`` appends to an empty list, by the formula (no list is built)."""
    allocated = 0
    while allocated < appends:
        allocated = new_allocation(allocated + 1)  # the append that finds the list full
    return allocated


def model_steps(length):
    """``[(length at which the list grows, new capacity), ...]`` up to ``length``, by the formula."""
    steps, allocated = [], 0
    while allocated < length:
        allocated = new_allocation(allocated + 1)
        steps.append((len(steps) and steps[-1][1] + 1 or 1, allocated))
    return steps


def observed_capacity(lst):
    """How many slots ``lst`` has allocated, read from ``sys.getsizeof`` (CPython)."""
    return (sys.getsizeof(lst) - EMPTY_LIST_SIZE) // POINTER_SIZE


def observed_steps(length):
    """Append ``length`` items one by one; ``[(length at which it grew, new capacity), ...]``."""
    lst, steps, capacity = [], [], 0
    for i in range(length):
        lst.append(i)
        now = observed_capacity(lst)
        if now != capacity:
            steps.append((len(lst), now))
            capacity = now
    return steps


def observed_capacity_after(appends):
    lst = []
    for i in range(appends):
        lst.append(i)
    return observed_capacity(lst)


# taught: end


def example_3_6():
    """``l = [1, 2]`` then appends 3..6: the capacities along the way."""
    # book: Example 3-6
    l = [1, 2]
    # book: end
    capacities = [observed_capacity(l)]
    # book: Example 3-6 (continued)
    for i in range(3, 7):
        l.append(i)
        # book: end
        capacities.append(observed_capacity(l))
    return capacities


def main(argv=None):
    from _lists_tuples_family import run_list_overallocation

    run_list_overallocation(__doc__, sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
