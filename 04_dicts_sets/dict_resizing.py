"""When dicts and sets grow: the book's sizing rules beside what CPython does.

Chapter 4, "Resizing". The book's rules: a dict is kept less than 2/3 full
and a set less than 3/5 full; a table is a power of two, at least 8; a dict
grows to the smallest power of two that holds 3 times its items (so the 6th
insert makes 16 buckets and the 11th 32); a set grows x4, and x2 once it has
50,000 items. To hold N items at once you need at least N * 5/3 buckets
(``min_table_size``): 1,039 items -> 1,731 -> 2,048 buckets; 5,000 -> 8,333
-> 16,384.

What CPython does, measured with ``sys.getsizeof`` while inserting ints one
at a time (the same on 3.11, 3.12 and 3.13): the dict's size jumps on the 6th,
11th, 22nd, 43rd, ... insert, exactly the model's resize points (plus one on
the very first insert: since 3.11 an empty dict has no table at all). The set
jumps on the 5th, 19th, 77th, 307th, ... add: it resizes *after* the add that
fills it to 3/5, to the power of two above 4 times its size. And 5,000
incremental inserts stay in an 8,192-slot table (usable up to 5,461 items):
the book's 16,384 is the "N * 5/3, rounded up" model, not what the
incremental dict does.

Run:
    python 04_dicts_sets/dict_resizing.py
    python 04_dicts_sets/dict_resizing.py --items 100000
    python 04_dicts_sets/dict_resizing.py --items 5000   # the book's 5,000 keys: 8,192 buckets
"""

import sys
from pathlib import Path

from hpp.script import example_parser, output_dir, positive_int, writable_dir

SMOKE_ARGS = ["--items", "10000", "--plot-items", "2000"]

MINSIZE = 8
SET_LARGE = 50_000


# taught: resizing: dicts under 2/3 full grow to 3x the items, sets under 3/5; N * 5/3 buckets
def min_table_size(n):
    """The book's rule: the smallest power of two >= n * 5/3 buckets (at least 8)."""
    size = MINSIZE
    while size * 3 < n * 5:  # size < n * 5 / 3, in integers
        size *= 2
    return size


def next_power_of_two_at_least(n):
    size = MINSIZE
    while size < n:
        size *= 2
    return size


def dict_usable(size):
    """How many items a dict table of ``size`` buckets takes before it must grow (2/3)."""
    return (2 * size) // 3


def model_dict_resizes(items):
    """``[(insert number that grows the table, new table size), ...]`` by the book's rules."""
    size, resizes = MINSIZE, []
    for used in range(items):  # inserting item number used + 1
        if used >= dict_usable(size):
            size = next_power_of_two_at_least(3 * used)
            resizes.append((used + 1, size))
    return resizes


def model_set_resizes(items):
    """``[(add that grows the table, new size), ...]``: grow after an add leaves it >= 3/5 full."""
    size, resizes = MINSIZE, []
    for used in range(1, items + 1):
        if used * 5 >= (size - 1) * 3:
            factor = 2 if used > SET_LARGE else 4
            size = MINSIZE
            while size <= used * factor:
                size *= 2
            resizes.append((used, size))
    return resizes


def observed_jumps(container, add, items):
    """The insert numbers at which ``sys.getsizeof(container)`` changes."""
    jumps, size = [], sys.getsizeof(container)
    for i in range(1, items + 1):
        add(container, i)
        now = sys.getsizeof(container)
        if now != size:
            jumps.append(i)
            size = now
    return jumps


def observed_dict_jumps(items):
    return observed_jumps({}, lambda d, i: d.__setitem__(i, i), items)


def observed_set_jumps(items):
    return observed_jumps(set(), set.add, items)


# taught: end


def set_buckets(s):
    """A set's allocated buckets, read from ``sys.getsizeof`` (8 live inside the set object)."""
    extra = sys.getsizeof(s) - EMPTY_SET_SIZE
    return extra // SET_ENTRY_SIZE if extra else MINSIZE


EMPTY_SET_SIZE = sys.getsizeof(set())
SET_ENTRY_SIZE = 16  # a hash and a pointer


def allocation_curves(items):
    """``{name: (items, bytes, buckets)}`` for a dict and a set filled one int at a time.

    Bytes are ``sys.getsizeof`` after each insert. A set's buckets are read
    from its size; a dict's size also counts its entries array, so its buckets
    are the book's rule applied at each jump that ``sys.getsizeof`` shows.
    """
    curves = {}
    d, size, buckets = {}, sys.getsizeof({}), MINSIZE
    xs, sizes, dict_buckets = [], [], []
    for i in range(1, items + 1):
        d[i] = None
        now = sys.getsizeof(d)
        if now != size and i > 1:  # the first insert only creates the 8-bucket table
            buckets = next_power_of_two_at_least(3 * (i - 1))
        size = now
        xs.append(i)
        sizes.append(now)
        dict_buckets.append(buckets)
    curves["dict"] = (xs, sizes, dict_buckets)
    s, sizes, buckets = set(), [], []
    for i in range(1, items + 1):
        s.add(i)
        sizes.append(sys.getsizeof(s))
        buckets.append(set_buckets(s))
    curves["set"] = (xs, sizes, buckets)
    return curves


def plot(items, folder):
    """Figure 4-2: buckets allocated (and bytes) as items are added, for a dict and a set."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curves = allocation_curves(items)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 7), sharex=True)
    for name, (xs, sizes, buckets) in curves.items():
        top.step(xs, buckets, where="post", label=f"{name}: buckets allocated")
        bottom.step(xs, sizes, where="post", label=f"{name}: sys.getsizeof (bytes)")
    top.plot(xs, xs, "--", color="grey", label="items stored")
    top.axvline(SET_LARGE, color="grey", alpha=0.4, lw=0.8)
    top.set_xscale("log")
    top.set_yscale("log")
    bottom.set_yscale("log")
    top.set_ylabel("buckets")
    bottom.set_ylabel("bytes")
    bottom.set_xlabel("items inserted one at a time")
    top.set_title(f"Dict and set allocation, CPython {sys.version.split()[0]}")
    for ax in (top, bottom):
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    path = Path(folder) / "dict_set_allocation.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def compare_resizes(items):
    """The book's resize model beside CPython's ``sys.getsizeof`` jumps, for a dict and a set."""
    for n in (5, 6, 1039, 5000):
        print(f"min_table_size({n}) = {min_table_size(n)}")
    model = [n for n, _ in model_dict_resizes(items)]
    seen = observed_dict_jumps(items)
    print(f"dict resizes by the book's model at inserts: {model}")
    print(f"dict sys.getsizeof jumps (CPython {sys.version.split()[0]}): {seen}")
    print(f"dict model matches CPython after the first insert: {seen[1:] == model}")
    set_model = [n for n, _ in model_set_resizes(items)]
    set_seen = observed_set_jumps(items)
    print(f"set resizes by the model at adds: {set_model}")
    print(f"set sys.getsizeof jumps: {set_seen}")
    print(f"set model matches CPython: {set_seen == set_model}")
    last = ([MINSIZE] + [size for _, size in model_dict_resizes(items)])[-1]
    print(
        f"{items:,} ints inserted one by one: table of {last} buckets "
        f"(the book's N * 5/3 rule says {min_table_size(items)})"
    )


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--items", type=positive_int, default=10_000, help="ints inserted one at a time")
    parser.add_argument("--plot-items", type=positive_int, default=100_000, help="Figure 4-2 up to this many")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for dict_set_allocation.png")
    args = parser.parse_args(argv)
    folder = output_dir("04_dicts_sets", args.output_dir)
    compare_resizes(args.items)
    print(f"Figure 4-2 saved to {plot(args.plot_items, folder)}")


if __name__ == "__main__":
    main()
