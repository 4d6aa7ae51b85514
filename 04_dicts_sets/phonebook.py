"""A phone book as a list of pairs against a dict (Examples 4-1 and 4-2).

Chapter 4, "Dictionaries and Sets". Finding a name in a list of
``(name, number)`` pairs means looking at every pair until it turns up: O(n).
A dict hashes the name and goes (almost) straight to it: O(1). Both give the
same answer; the script times them as the phone book grows (the book's tip
exercise), with a sorted list + ``bisect`` between the two.

Run:
    python 04_dicts_sets/phonebook.py
    python 04_dicts_sets/phonebook.py --sizes 1000 10000 --number 100
"""

import bisect
import random
import string
import timeit

from hpp.script import example_parser, positive_int, seed

SMOKE_ARGS = ["--sizes", "100", "1000", "--number", "50"]

# book: Example 4-1
BOOK_PHONEBOOK = [
    ("Ada Lovelace", "555-555-5555"),
    ("Sophie Wilson", "212-555-5555"),
]


def find_phonenumber(phonebook, name):
    for n, p in phonebook:
        if n == name:
            return p
    return None


# book: end


# taught: the tip's exercise: the phone book as a sorted list searched with bisect
def find_phonenumber_bisect(names, numbers, name):
    """``names`` sorted, ``numbers`` in the same order: binary search for the name."""
    i = bisect.bisect_left(names, name)
    if i != len(names) and names[i] == name:
        return numbers[i]
    return None


# taught: end


def random_phonebook(size, seed=0):
    """``size`` (name, number) pairs with distinct random names."""
    rng = random.Random(seed)
    names = set()
    while len(names) < size:
        names.add("".join(rng.choices(string.ascii_letters, k=12)))
    return [
        (name, f"{rng.randrange(1000):03d}-555-{rng.randrange(10000):04d}")
        for name in sorted(names, key=lambda _: rng.random())
    ]


def compare_phonebooks(sizes, number, seed=0):
    """The book's two lookups, then list, bisect and dict lookups timed on random phone books."""
    # book: Examples 4-1 and 4-2 (the two lookups)
    phonebook_dict = dict(BOOK_PHONEBOOK)
    print(f"Ada Lovelace's phone number is {find_phonenumber(BOOK_PHONEBOOK, 'Ada Lovelace')}")
    print(f"Ada Lovelace's phone number is {phonebook_dict['Ada Lovelace']}")
    # book: end

    # taught: the tip's exercise: list, bisect and dict lookups timed as the phone book grows
    for size in sizes:
        phonebook = random_phonebook(size, seed)
        name = phonebook[-1][0]  # the worst case for the list
        as_dict = dict(phonebook)
        ordered = sorted(phonebook)
        names, numbers = [n for n, _ in ordered], [p for _, p in ordered]
        answers = {
            find_phonenumber(phonebook, name),
            as_dict[name],
            find_phonenumber_bisect(names, numbers, name),
        }
        assert len(answers) == 1, answers
        times = {
            "list": timeit.timeit(lambda: find_phonenumber(phonebook, name), number=number),
            "bisect": timeit.timeit(lambda: find_phonenumber_bisect(names, numbers, name), number=number),
            "dict": timeit.timeit(lambda: as_dict[name], number=number),
        }
        # taught: end
        cells = "  ".join(f"{k} {v / number * 1e6:9.3f} µs" for k, v in times.items())
        print(f"{size:>7} entries: {cells}")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=[100, 1_000, 10_000, 100_000], help="entries"
    )
    parser.add_argument("--number", type=positive_int, default=100, help="timeit repetitions per lookup")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random phone books")
    args = parser.parse_args(argv)
    compare_phonebooks(args.sizes, args.number, args.seed)


if __name__ == "__main__":
    main()
