"""Where a key lands in a hash table: the mask and the probe sequence (Example 4-4).

Chapter 4, "Inserting and Retrieving". A table of 8 buckets keeps the last 3
bits of the hash (``hash & 0b111``). When that bucket is taken, CPython
probes others in an order that mixes in the hash's higher bits, ``PERTURB_SHIFT``
(5) at a time, then walks ``i = 5*i + 1 (mod 8)``, which visits every bucket.
``index_sequence`` is the book's generator (its "CPython 3.7" model;
CPython's C code uses the unsigned hash, so negative hashes differ).

``ForceHash`` is an object whose hash is whatever we say, to show the probes
for chosen bit patterns.

Run:
    python 04_dicts_sets/dict_probing.py
    python 04_dicts_sets/dict_probing.py --hash 28975 --samples 12
"""

from itertools import islice


# book: Example 4-4
def index_sequence(key, mask=0b111, PERTURB_SHIFT=5):
    perturb = hash(key)
    i = perturb & mask
    yield i
    while True:
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + perturb + 1) & mask
        yield i


# book: end


# book: 2nd ed. code, "dict_probing.py"
BOOK_HASHES = (0b00000111, 0b11100111, 0b01110111, 0b01110001, 0b01110000)


class ForceHash:
    def __init__(self, force_hash):
        self.force_hash = force_hash

    def __hash__(self):
        return self.force_hash


def sample_probe(force_hash, num_samples=10, mask=0b111):
    """The first ``num_samples`` buckets probed for a key whose hash is ``force_hash``."""
    return list(islice(index_sequence(ForceHash(force_hash), mask), num_samples))


# book: end


# book: 2nd ed. code, "dict_probing.py" (continued)
def print_probes(hashes=BOOK_HASHES, samples=10, mask=0b111):
    for force_hash in hashes:
        probes = sample_probe(force_hash, samples, mask)
        print(f"First {samples} samples for hash {bin(force_hash)}: {probes}")


# book: end


def main(argv=None):
    from _dicts_sets_family import show_probes

    show_probes(print_probes, __doc__, argv)


if __name__ == "__main__":
    main()
