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

import random
import sys

from hpp.script import example_parser, positive_int, seed

SMOKE_ARGS = ["--samples", "5000"]

BOOK_SAMPLES = 1_000_000
SAMPLE_SIZE = 9
A, B = 0, 100
MB = 1_000_000  # the book's "Mb" is 10**6 bytes


# book: Examples 3-7 and 3-8
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


# book: end


VARIANTS = (("Comprehension", sample_comp), ("List", sample_list), ("Tuple", sample_tuple))


def measure(samples, sample_size=SAMPLE_SIZE, seed=0):
    """``{variant: (total bytes, bytes per sample without the outer list)}``."""
    sizes = {}
    for name, make in VARIANTS:
        random.seed(seed)  # the sizes do not depend on the draw; the seed makes it repeatable
        # book: Examples 3-7 and 3-8 (continued): each variant's data and its total size
        data = [make(A, B, sample_size) for _ in range(samples)]
        total = total_size(data)
        # book: end
        sizes[name] = (total, (total - sys.getsizeof(data)) / samples)
        del data
    return sizes


def outer_list_size(samples):
    """The size of the outer list of ``samples`` references, built by a comprehension."""
    return sys.getsizeof([None for _ in range(samples)])


def report(label, sizes_in_bytes):
    # book: Examples 3-7 and 3-8 (continued): the sizes printed
    biggest = sizes_in_bytes["Comprehension"]
    for name, size in sizes_in_bytes.items():
        ratio = "" if name == "Comprehension" else f" ({biggest / size:.2f}x smaller)"
        print(f"{label}Data {name} size: {size / MB:.2f} Mb{ratio}")


# book: end


def compare_memory_use(samples, sample_size=SAMPLE_SIZE, seed=0):
    """Print the three variants' sizes for ``samples`` samples, projected to the book's count if fewer."""
    print(f"Creating {samples:,} samples of {sample_size} items each")
    sizes = measure(samples, sample_size, seed)
    report("", {name: total for name, (total, _) in sizes.items()})
    for name, (_, per_sample) in sizes.items():
        print(f"per sample ({name}): {per_sample:.0f} bytes")
    if samples != BOOK_SAMPLES:
        outer = outer_list_size(BOOK_SAMPLES)
        projected = {name: per_sample * BOOK_SAMPLES + outer for name, (_, per_sample) in sizes.items()}
        print(f"Projected to {BOOK_SAMPLES:,} samples from the measured sizes:")
        report("  ", projected)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=positive_int, default=BOOK_SAMPLES, help="number of samples")
    parser.add_argument("--sample-size", type=positive_int, default=SAMPLE_SIZE, help="items per sample")
    parser.add_argument("--seed", type=seed, default=0, help="random seed")
    args = parser.parse_args(argv)
    compare_memory_use(args.samples, args.sample_size, args.seed)


if __name__ == "__main__":
    main()
