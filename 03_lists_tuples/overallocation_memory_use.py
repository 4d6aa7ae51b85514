"""What over-allocation costs: a million small lists, three ways (Examples 3-7 and 3-8).

Chapter 3, "Lists as Dynamic Arrays". The same 9 random numbers per sample,
stored as a list comprehension (over-allocated while it grows: 16 slots), as
``list(...)`` of that list (sized once: 10 slots) and as a ``tuple`` (exactly
9). ``total_size`` adds ``sys.getsizeof`` of a container and, recursively, of
everything in it (the shared small ints are counted each time, as the book
does). The book's figures for 1,000,000 samples of 9:

    Data Comprehension size: 444.45 Mb
    Data List size: 396.45 Mb (1.12x smaller)
    Data Tuple size: 372.45 Mb (1.19x smaller)

The sizes do not depend on the random draw. ``--samples`` makes a smaller run;
the script then also projects its measured per-sample sizes to the book's
1,000,000 samples. The default run needs about 1.3 GB of RAM.

Run:
    python 03_lists_tuples/overallocation_memory_use.py
    python 03_lists_tuples/overallocation_memory_use.py --samples 10000
"""

# book: Examples 3-7 and 3-8
import random
import sys


def total_size(obj):
    """
    Recursively calculates the total size of a Python object,
    including its contents.

    Returns:
        int: The total size of the object in bytes.
    """
    children = 0
    try:
        children = sum(total_size(item) for item in obj)
    except TypeError:  # not iterable: an int
        pass
    return sys.getsizeof(obj) + children


def sample_comp(a, b, N):
    return [random.randint(a, b) for _ in range(N)]


def sample_list(a, b, N):
    return list([random.randint(a, b) for _ in range(N)])


def sample_tuple(a, b, N):
    return tuple([random.randint(a, b) for _ in range(N)])


sample_size = 9
# book: end


def measure(samples, sample_size=sample_size, seed=0):
    """``{variant: (total bytes, bytes per sample without the outer list)}``."""
    sizes = {}
    for name, make in (("Comprehension", sample_comp), ("List", sample_list), ("Tuple", sample_tuple)):
        random.seed(seed)  # the sizes do not depend on the draw; the seed makes it repeatable
        # book: Examples 3-7 and 3-8 (continued): each variant's data and its total size
        data = [make(0, 100, sample_size) for _ in range(samples)]
        total = total_size(data)
        # book: end
        sizes[name] = (total, (total - sys.getsizeof(data)) / samples)
        del data
    return sizes


def report(label, sizes_in_bytes):
    # book: Examples 3-7 and 3-8 (continued): the sizes printed
    biggest = sizes_in_bytes["Comprehension"]
    for name, size in sizes_in_bytes.items():
        ratio = "" if name == "Comprehension" else f" ({biggest / size:.2f}x smaller)"
        print(f"{label}Data {name} size: {size / 1e6:.2f} Mb{ratio}")  # the book's "Mb": 10**6 bytes


# book: end


def main(argv=None):
    from _lists_tuples_family import run_overallocation_memory_use

    run_overallocation_memory_use(__doc__, sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
