"""Keep a list sorted with ``bisect.insort`` and find the closest value (Example 3-4).

Chapter 3, "A More Efficient Search". ``bisect.insort`` inserts into a sorted
list in O(log n) comparisons (plus the O(n) shift), so the list stays sorted
and ``bisect_left`` can search it. ``find_closest`` returns the index of the
element nearest the needle (on a tie, the larger one).

The book's run used unseeded random numbers and printed the list
[14, 265, 496, 661, 683, 734, 881, 892, 973, 992]; the script answers for that
list (closest to -250: 14, to 500: 496, to 1100: 992) and then for a seeded
random list of the same shape.

Run:
    python 03_lists_tuples/bisect_example.py
    python 03_lists_tuples/bisect_example.py --seed 7 --size 20
"""

# book: Example 3-4
import bisect
import random

BOOK_HAYSTACK = [14, 265, 496, 661, 683, 734, 881, 892, 973, 992]  # the list the book's run printed
BOOK_NEEDLES = (-250, 500, 1100)


def find_closest(haystack, needle):
    # bisect.bisect_left returns the first value in the haystack
    # that is greater than or equal to the needle
    i = bisect.bisect_left(haystack, needle)
    if i == len(haystack):
        return i - 1
    elif haystack[i] == needle:
        return i
    elif i > 0:
        j = i - 1
        # since we know the value is larger than needle (and vice versa for the
        # value at j), we don't need to use absolute values here
        if haystack[i] - needle > needle - haystack[j]:
            return j
    return i


def sorted_random_list(size, seed, low=0, high=1000):
    """``size`` random integers in [low, high], kept sorted with ``bisect.insort``."""
    rng = random.Random(seed)
    important_numbers = []
    for _ in range(size):
        new_number = rng.randint(low, high)
        bisect.insort(important_numbers, new_number)
    return important_numbers


def report(haystack):
    print(f"Haystack: {haystack}")
    for needle in BOOK_NEEDLES:
        print(f"Closest value to {needle}: {haystack[find_closest(haystack, needle)]}")


# book: end


def main(argv=None):
    from _lists_tuples_family import run_bisect_example

    run_bisect_example(__doc__, report, sorted_random_list, BOOK_HAYSTACK, argv)


if __name__ == "__main__":
    main()
