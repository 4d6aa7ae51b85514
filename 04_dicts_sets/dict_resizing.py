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

# taught: resizing: dicts under 2/3 full grow to 3x the items, sets under 3/5; N * 5/3 buckets
import sys

MINSIZE = 8
SET_LARGE = 50_000


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


def main(argv=None):
    from _dicts_sets_family import compare_resizes

    compare_resizes(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
