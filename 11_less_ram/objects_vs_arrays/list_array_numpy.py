"""Objects for primitives are expensive: 10**7 ints as a list, an ``array`` and a NumPy array.

Chapter 11, "Objects for Primitives Are Expensive" and "The array Module Stores
Many Primitive Objects Cheaply". A list holds a pointer (8 bytes) per item, and
each int beyond the small-int cache (-5..256) is a separate object of 28 bytes
(32 once the allocator rounds it up). ``array('l')`` and NumPy store the raw
8-byte machine integers in one contiguous block. Three measures, each in bytes
per item:

- ``sys.getsizeof``: the container only (for a list: just the pointers);
- deep size (``hpp.memory.deep_sizeof``, like Pympler's ``asizeof``): the
  container and every object it refers to;
- RSS growth in a fresh Python process (what ``%memit`` reports): what the
  operating system really gave the process.

Run:
    python 11_less_ram/objects_vs_arrays/list_array_numpy.py            # 10**7 items
    python 11_less_ram/objects_vs_arrays/list_array_numpy.py --size 1000000
In IPython, as the book does: ``%load_ext memory_profiler`` then
``%memit list(range(10**7))`` and ``%memit array.array('l', range(10**7))``.
"""

import argparse
import array
import subprocess
import sys
from pathlib import Path

from hpp.memory import deep_sizeof, rss_bytes
from hpp.script import comma_choices, example_parser, fail, positive_int

SMOKE_ARGS = ["--size", "100000"]
KINDS = ("list", "array", "numpy")


# taught: 2nd ed., "The array module stores many primitive objects cheaply"
def make_list(size):
    return list(range(size))


def make_array(size):
    return array.array("l", range(size))


def make_numpy(size):
    import numpy as np

    return np.arange(size, dtype=np.int64)


MAKERS = {"list": make_list, "array": make_array, "numpy": make_numpy}


# taught: end


def rss_growth_here(kind, size):
    """RSS growth (bytes) of building ``kind`` in this process (NumPy imported before)."""
    if kind == "numpy":
        import numpy  # noqa: F401  (the import's own RAM is not the array's)
    before = rss_bytes()
    numbers = MAKERS[kind](size)
    grown = rss_bytes() - before
    del numbers
    return grown


def rss_growth(kind, size, timeout=300):
    """RSS growth of building ``kind`` in a fresh interpreter (nothing left over from earlier)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--rss-only", kind, "--size", str(size)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if completed.returncode != 0:
        fail(
            f"measuring {kind} in a fresh process failed: "
            f"{(completed.stderr.strip().splitlines() or ['no output'])[-1]}"
        )
    return int(completed.stdout.split("=")[1].split()[0])


# taught: 2nd ed., "The array module stores many primitive objects cheaply" (continued)
def measure(kind, size, fresh_rss=True):
    """Bytes per item for ``kind``: {"getsizeof", "deep", "rss"}."""
    numbers = MAKERS[kind](size)
    figures = {"getsizeof": sys.getsizeof(numbers) / size, "deep": deep_sizeof(numbers) / size}
    del numbers
    figures["rss"] = rss_growth(kind, size) / size if fresh_rss else None
    return figures


# taught: end


def compare_kinds(kinds, size):
    """Print the bytes per item of each of ``kinds`` holding ``size`` numbers (three measures)."""
    print(f"items = {size}")
    print(f"array('l').itemsize = {array.array('l').itemsize}")
    for kind in kinds:
        figures = measure(kind, size)
        print(
            f"{kind}: getsizeof = {figures['getsizeof']:.2f} bytes/item, "
            f"deep = {figures['deep']:.2f} bytes/item, "
            f"RSS growth = {figures['rss']:.2f} bytes/item"
        )


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=10**7, help="numbers stored")
    parser.add_argument("--kinds", type=comma_choices(*KINDS), default=list(KINDS), help="list, array, numpy")
    parser.add_argument("--rss-only", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_only:
        print(f"rss growth = {rss_growth_here(args.rss_only, args.size)} bytes")
    else:
        compare_kinds(args.kinds, args.size)


if __name__ == "__main__":
    main()
