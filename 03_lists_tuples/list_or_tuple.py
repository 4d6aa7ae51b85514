"""The answers to "tuple or list?" (book chapter 3, "Lists and Tuples", the exercise).

For six example datasets the book asks whether a tuple or a list fits, and
answers: a tuple for data that is fixed once made, a list for data that grows
or changes. This script prints each answer with the book's reason, then shows
it on a small value of each kind: the tuples refuse a change (``TypeError``)
and can be a dict key or a set member (they hash), the lists take the update
or the append their data needs.

Run:
    python 03_lists_tuples/list_or_tuple.py
"""

# book: 3rd ed., "Lists and Tuples"
EXERCISE = [
    ("First 20 prime numbers", "tuple", "the data is static and will not change"),
    ("Names of programming languages", "list", "this dataset is constantly growing"),
    ("A person's age, weight, and height", "list", "the values will need to be updated"),
    ("A person's birthday and birthplace", "tuple", "that information is static and will not change"),
    ("The result of a particular game of pool", "tuple", "the data is static"),
    (
        "The results of a continuing series of pool games",
        "list",
        "more games will be played (a list of tuples: each game's result will not change)",
    ),
]
# book: end


# taught: a sample of each dataset in the container the book picks, and the change its data needs
def samples():
    """One small value per dataset, in the container the book's answer names."""
    return [
        (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71),
        ["Python", "C", "Fortran"],
        [42, 70.5, 1.80],
        ("1970-01-01", "Lisbon"),
        ("Ann", "Bob", 8, 5),
        [("Ann", "Bob", 8, 5)],
    ]


def change(index, value):
    """Make the change dataset ``index`` needs over time; return the changed value."""
    if index == 1:
        value.append("Rust")  # a new language
    elif index == 2:
        value[0] += 1  # a birthday: the age is updated in place
    elif index == 5:
        value.append(("Ann", "Cy", 8, 3))  # one more game, itself a fixed tuple
    else:
        value[0] = None  # static data: a tuple refuses it
    return value


def check_answers():
    """Print each answer, then what happens when its sample is changed."""
    for number, ((dataset, answer, reason), value) in enumerate(zip(EXERCISE, samples()), start=1):
        print(f"{number}. {dataset}: {answer}, since {reason}")
        try:
            changed = change(number - 1, value)
            print(f"   changed in place: {changed!r}")
        except TypeError as error:
            print(f"   change refused: TypeError: {error}; usable as a dict key: {value in {value: number}}")


# taught: end


def main(argv=None):
    from hpp.script import example_parser

    example_parser(__doc__).parse_args(argv)
    check_answers()


if __name__ == "__main__":
    main()
