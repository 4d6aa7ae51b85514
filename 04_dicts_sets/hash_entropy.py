"""The entropy of a hash over a table's buckets (book chapter 4, "Hash Functions and Entropy").

The book measures how well a hash spreads keys by the entropy of the buckets
they land in, ``S = -sum_i p(i) log p(i)``, where ``p(i)`` is the share of the
keys in bucket ``i``: it is largest, ``log2(mask + 1)`` bits, when every
bucket is equally likely (an "ideal" hash). This script computes it, in bits,
for the 676 two-letter keys ``aa``...``zz`` in a table of 512 buckets (mask
511) under three hashes: the book's ``twoletter_hash`` (Example 4-7, good:
near 9 bits), the first letter alone (chapter 4's ``City`` hash, bad: 26
buckets, log2(26) = 4.70 bits) and a constant (``BadHash``, 0 bits: one bucket).

Run:
    python 04_dicts_sets/hash_entropy.py
    python 04_dicts_sets/hash_entropy.py --mask 1023
"""

# taught: the entropy of a hash over the buckets, S = -sum p(i) log2 p(i)
import math
from collections import Counter

from timing_hash_function import twoletter_hash


def hash_entropy(keys, hash_function, mask):
    """The entropy, in bits, of the buckets ``hash_function(key) & mask`` over ``keys``."""
    buckets = Counter(hash_function(key) & mask for key in keys)
    total = sum(buckets.values())
    return max(0.0, -sum(count / total * math.log2(count / total) for count in buckets.values()))


def first_letter_hash(key):
    return ord(key[0])


def constant_hash(key):
    return 42


HASHES = {
    "twoletter_hash": twoletter_hash,
    "first_letter_hash": first_letter_hash,
    "constant_hash": constant_hash,
}


# taught: end


def main(argv=None):
    from _dicts_sets_family import compare_entropies

    compare_entropies(hash_entropy, HASHES, __doc__, argv)


if __name__ == "__main__":
    main()
