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

import struct
import sys

from hpp.script import example_parser, output_dir, positive_int, writable_dir

SMOKE_ARGS = ["--appends", "20000", "--plot-length", "200"]

POINTER_SIZE = struct.calcsize("P")
EMPTY_LIST_SIZE = sys.getsizeof([])


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


def plot(length, folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lst, lengths, capacities = [], [], []
    for i in range(length):
        lst.append(i)
        lengths.append(len(lst))
        capacities.append(observed_capacity(lst))
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.step(lengths, capacities, where="post", label="capacity (sys.getsizeof)")
    ax.plot(lengths, lengths, "--", color="grey", label="length")
    ax.set_xlabel("length of the list (items appended)")
    ax.set_ylabel("allocated slots")
    ax.set_title(f"List over-allocation, CPython {sys.version.split()[0]}")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = folder / "list_overallocation.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def compare_growth(appends):
    """Print the formula's capacities beside CPython's: while growing, after ``appends`` appends."""
    print(f"formula: M(1) = {new_allocation(1)}, M(9) = {new_allocation(9)}")
    model = [capacity for _, capacity in model_steps(120)]
    seen = [capacity for _, capacity in observed_steps(120)]
    print(f"capacities by the formula:  {', '.join(map(str, model))}")
    print(
        f"capacities observed ({sys.implementation.name} {sys.version.split()[0]}): "
        f"{', '.join(map(str, seen))}"
    )
    observed = observed_capacity_after(appends)
    modelled = model_capacity(appends)
    print(
        f"after {appends:,} appends: capacity by the formula = {modelled:,}, "
        f"observed = {observed:,}, spare = {observed - appends:,} "
        f"({(observed - appends) / appends:.1%})"
    )
    big = 100_000_000
    print(
        f"after {big:,} appends (formula only): capacity = {model_capacity(big):,} "
        f"({(model_capacity(big) - big) / big:.1%} more slots than a tuple of the same items)"
    )
    print(f"Example 3-6 capacities for [1, 2] then 4 appends: {example_3_6()}")
    exact = list(range(appends))
    print(f"list(range({appends:,})) capacity = {observed_capacity(exact):,} (sized once, no spare room)")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--appends", type=positive_int, default=1_000_000, help="appends to compare")
    parser.add_argument("--plot-length", type=positive_int, default=2_000, help="longest list plotted")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for list_overallocation.png")
    args = parser.parse_args(argv)
    compare_growth(args.appends)
    path = plot(args.plot_length, output_dir("03_lists_tuples", args.output_dir))
    print(f"plot saved to {path}")


if __name__ == "__main__":
    main()
