"""A perfect hash against a terrible one: lookups in a set of 676 keys (Examples 4-7 and 4-8).

Chapter 4, "Hash Functions and Entropy". The 676 two-letter keys 'aa'..'zz'
have a perfect hash, ``twoletter_hash``: 0..675, no collisions in a table of
2,048 (or 1,024) buckets. ``GoodHash`` is a ``str`` with that hash;
``BadHash`` hashes everything to 42, so every key collides and a lookup
probes through the other keys, comparing strings, like a list. The book
times ``'zz' in`` each set (``timeit.repeat``, 3 x 1,000,000, minimum):
bad 10.16 s, good 0.187 s ("54x"), and a plain list 8.96 s ("13% faster"
than the bad set).

Run:
    python 04_dicts_sets/timing_hash_function.py
    python 04_dicts_sets/timing_hash_function.py --number 100000
"""

import string
import timeit


# book: Example 4-7
def twoletter_hash(key):
    offset = ord("a")
    k1, k2 = key
    return (ord(k2) - offset) + 26 * (ord(k1) - offset)


# book: end


# book: Example 4-8 (GoodHash less 2619, as the official code)
class BadHash(str):
    def __hash__(self):
        return 42


class GoodHash(str):
    def __hash__(self):
        """``ord(self[1]) + 26 * ord(self[0])`` as in the book, less 2619: 'aa' -> 0 ... 'zz' -> 675."""
        return ord(self[1]) + 26 * ord(self[0]) - 2619


bad_dict = set()
good_dict = set()
list_control = list()
for i in string.ascii_lowercase:
    for j in string.ascii_lowercase:
        key = i + j
        bad_dict.add(BadHash(key))
        good_dict.add(GoodHash(key))
        list_control.append(key)


# book: end


# taught: a bad hash makes a lookup compare along one chain of every key, as a list does
def counting(cls):
    """A subclass of ``cls`` whose ``==`` counts its calls in ``.calls``."""

    class Counting(cls):
        calls = 0

        def __eq__(self, other):
            type(self).calls += 1
            return str.__eq__(self, other)

        __hash__ = cls.__hash__

    return Counting


def equality_checks(name, key="zz"):
    """How many ``==`` comparisons ``key in`` the container makes: a count, not a time.

    The bad set compares the key with every key in its one collision chain,
    as the list does, and pays for probing the buckets too; the good set
    compares once.
    """
    cls = {"bad_dict": BadHash, "good_dict": GoodHash, "list_control": str}[name]
    Counting = counting(cls)
    keys = two_letter_keys()
    container = list(keys) if name == "list_control" else set(Counting(k) for k in keys)
    Counting.calls = 0
    if Counting(key) not in container:
        raise AssertionError(f"{key!r} not found in {name}")
    return Counting.calls


def two_letter_keys():
    return [i + j for i in string.ascii_lowercase for j in string.ascii_lowercase]


# taught: end


# taught: twoletter_hash has no collisions in 2,048 or 1,024 buckets (the exercise)
def buckets_used(hashes, mask):
    """How many distinct buckets ``hash & mask`` the hashes fall into."""
    return len({h & mask for h in hashes})


# taught: end


# taught: the key looked up must be of the set's own class (a plain 'zz' is hashed with SipHash)
def build_containers(key="zz"):
    """``{name: (container, the key to look up)}``.

    The key must be of the container's own class: a plain ``'zz'`` has
    Python's SipHash, not 42, so it would not even be found in ``bad_dict``.
    """
    keys = two_letter_keys()
    return {
        "bad_dict": (set(BadHash(k) for k in keys), BadHash(key)),
        "good_dict": (set(GoodHash(k) for k in keys), GoodHash(key)),
        "list_control": (list(keys), key),
        "str_set": (set(keys), key),  # Python's own SipHash of str, for reference
    }


# taught: end


# book: Example 4-8 (continued): the best of timeit.repeat for each container
def time_lookups(number, repeat=3, key="zz"):
    times = {}
    for name, (container, lookup) in build_containers(key).items():
        if lookup not in container:
            raise AssertionError(f"{lookup!r} not found in {name}")  # ours: the key must be found
        times[name] = min(timeit.repeat(lambda: lookup in container, number=number, repeat=repeat))
        print(f"Min lookup time for {name}: {times[name]}")
    return times


# book: end


def main(argv=None):
    import sys

    from _dicts_sets_family import compare_hash_functions

    compare_hash_functions(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
