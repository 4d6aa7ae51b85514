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


# book: Example 4-2
phonebook = {
    "Ada Lovelace": "555-555-5555",
    "Sophie Wilson": "212-555-5555",
}
# book: end


# taught: the tip's exercise: the phone book as a sorted list searched with bisect
def find_phonenumber_bisect(names, numbers, name):
    """``names`` sorted, ``numbers`` in the same order: binary search for the name."""
    i = bisect.bisect_left(names, name)
    if i != len(names) and names[i] == name:
        return numbers[i]
    return None


# taught: end


def main(argv=None):
    import sys

    from _dicts_sets_family import compare_phonebooks

    compare_phonebooks(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
