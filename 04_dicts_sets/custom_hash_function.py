"""A bad hash on purpose: cities hashed by their first letter (Example 4-5).

Chapter 4, "Inserting and Retrieving". ``City`` is a ``str`` whose hash is
``ord`` of its first letter. In a table of 8 buckets (mask ``0b111``) Rome
(``ord("R") = 82``, ``82 & 0b111 = 2``) and Barcelona (``66 & 0b111 = 2``)
want the same bucket. (The official script says New York and Barcelona
collide; New York hashes to 78, bucket 6.) The dict is still correct, it just
probes: ``simulate_insertion`` replays the book's probe sequence and puts
Barcelona in bucket 5.

The exercise: with only 26 possible hashes, 500 cities give about 474
collisions (19.2 cities per hash), 1,000 give 974 (38.4 per hash; 1000 / 26 is
38.46).

Run:
    python 04_dicts_sets/custom_hash_function.py
    python 04_dicts_sets/custom_hash_function.py --cities 1000
"""

import random
import string

from dict_probing import index_sequence


# book: Example 4-5
class City(str):
    def __hash__(self):
        return ord(self[0])


# We create a dictionary where we assign arbitrary data
data = {
    City("Rome"): "Italy",
    City("San Francisco"): "USA",
    City("New York"): "USA",
    City("Barcelona"): "Spain",
}


# book: end


# taught: Barcelona and Rome collide in bucket 2; Barcelona probes on to bucket 5
def simulate_insertion(keys, mask=0b111):
    """``{key: bucket}`` after inserting ``keys`` in order, probing as ``index_sequence`` does."""
    table = [None] * (mask + 1)
    placed = {}
    for key in keys:
        for i in index_sequence(key, mask):
            if table[i] is None or table[i] == key:
                table[i] = key
                placed[key] = i
                break
    return placed


def colliding_pairs(keys, mask=0b111):
    """Pairs of keys whose first bucket (``hash & mask``) is the same."""
    keys = list(keys)
    return [(a, b) for n, a in enumerate(keys) for b in keys[n + 1 :] if hash(a) & mask == hash(b) & mask]


# taught: end


# taught: the exercise: 500 cities in 26 hashes collide about 474 times, 19.2 per hash
def random_cities(count, seed=0):
    """``count`` distinct made-up city names with random capital first letters."""
    rng = random.Random(seed)
    names = set()
    while len(names) < count:
        names.add(rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=7)))
    return [City(name) for name in sorted(names)]


def collisions(cities):
    """``(cities that share a hash with an earlier one, cities per distinct hash)``."""
    distinct = len({hash(city) for city in cities})
    return len(cities) - distinct, len(cities) / distinct


# taught: end


def main(argv=None):
    import sys

    from _dicts_sets_family import show_collisions

    show_collisions(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
