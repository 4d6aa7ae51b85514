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

# taught: 2nd ed., "The array module stores many primitive objects cheaply"
import array
import sys

from hpp.memory import deep_sizeof


def make_list(size):
    return list(range(size))


def make_array(size):
    return array.array("l", range(size))


def make_numpy(size):
    import numpy as np

    return np.arange(size, dtype=np.int64)


MAKERS = {"list": make_list, "array": make_array, "numpy": make_numpy}


# taught: end


# taught: 2nd ed., "The array module stores many primitive objects cheaply" (continued)
def measure(kind, size, fresh_rss=True):
    """Bytes per item for ``kind``: {"getsizeof", "deep", "rss"}."""
    numbers = MAKERS[kind](size)
    figures = {"getsizeof": sys.getsizeof(numbers) / size, "deep": deep_sizeof(numbers) / size, "rss": None}
    del numbers
    if fresh_rss:
        from _objects_family import rss_growth  # this script again, in a fresh process

        figures["rss"] = rss_growth(kind, size) / size
    return figures


# taught: end


def main(argv=None):
    import sys

    from _objects_family import compare_kinds

    compare_kinds(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
