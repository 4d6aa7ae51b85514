"""A Bloom filter: set membership with no false negatives, in a few bits per item.

Chapter 11, "Bloom Filters". k hash functions each set one bit of an m-bit
array per item; a lookup answers "maybe present" only when all k bits are set.
For a capacity n and a false-positive rate p the book sizes it as

    m = -n ln(p) / (ln 2)**2 bits,   k = m ln(2) / n hashes

(1000 items at p = 0.005 -> 11,028 bits and 8 hashes: 1.4 kB, whatever the items).
The k hashes come from one 128-bit MurmurHash3 (``mmh3.hash64``) by double
hashing, (h1 + i * h2) mod m; the bits live in a ``bitarray``. The number of
items inside can be estimated from the bits that are set: -m/k * ln(1 - X/m).

Run:
    python 11_less_ram/probabilistic_datastructures/bloomfilter.py
    python 11_less_ram/probabilistic_datastructures/bloomfilter.py --capacity 100000 --error 0.01
"""

import math
import sys
import time

import mmh3
from bitarray import bitarray

from hpp.script import example_parser, positive_int, probability

SMOKE_ARGS = ["--capacity", "1000", "--probes", "10000"]


# book: 2nd ed. code, "bloomfilter.py"
def bloom_size(capacity, error):
    """(bits, hashes) for ``capacity`` items at false-positive rate ``error``."""
    num_bits = int(-capacity * math.log(error) / math.log(2) ** 2) + 1
    num_hashes = int(num_bits * math.log(2) / capacity) + 1
    return num_bits, num_hashes


class BloomFilter:
    def __init__(self, capacity, error=0.005):
        if capacity <= 0 or not 0 < error < 1:
            raise ValueError("capacity must be positive and 0 < error < 1")
        self.capacity = capacity
        self.error = error
        self.num_bits, self.num_hashes = bloom_size(capacity, error)
        self.data = bitarray(self.num_bits)
        self.data.setall(0)

    def _indexes(self, key):
        h1, h2 = mmh3.hash64(str(key), signed=False)
        for i in range(self.num_hashes):
            yield (h1 + i * h2) % self.num_bits

    def add(self, key):
        """Set the key's bits; returns True when the key was (maybe) there already."""
        present = True
        for index in self._indexes(key):
            if not self.data[index]:
                present = False
                self.data[index] = 1
        return present

    def __contains__(self, key):
        return all(self.data[index] for index in self._indexes(key))

    def __len__(self):
        """An estimate of the number of distinct items added, from the bits set."""
        bits_set = self.data.count(1)
        if bits_set == self.num_bits:
            return self.capacity  # saturated: the estimate is infinite
        return int(round(-self.num_bits / self.num_hashes * math.log(1 - bits_set / self.num_bits)))

    def union(self, other):
        """A filter holding both filters' items (they must have the same size)."""
        if (self.num_bits, self.num_hashes) != (other.num_bits, other.num_hashes):
            raise ValueError("only filters of the same size and hashes can be merged")
        merged = BloomFilter(self.capacity, self.error)
        merged.data = self.data | other.data
        return merged


# book: end


def false_positive_rate(bloom, probes, prefix="absent-"):
    """The fraction of ``probes`` keys never added that the filter claims to hold."""
    return sum(f"{prefix}{i}" in bloom for i in range(probes)) / probes


def deep_set_bytes(keys):
    """Bytes of a set of ``keys``: the set's table plus each string it points to."""
    return sys.getsizeof(keys) + sum(sys.getsizeof(key) for key in keys)


def time_beside_memory(bloom, keys, probes):
    """Seconds per add and per lookup, for the filter and for a set of the same keys, and their bytes.

    ``bloom`` is filled with ``keys`` while its adds are timed; the set's bytes count its strings,
    which a Bloom filter never keeps (``bloom.data.nbytes`` is the bit array, m / 8 bytes).
    """
    start = time.perf_counter()
    for key in keys:
        bloom.add(key)
    bloom_add = (time.perf_counter() - start) / len(keys)
    start = time.perf_counter()
    exact = set(keys)
    set_add = (time.perf_counter() - start) / len(keys)
    absent = [f"absent-{i}" for i in range(probes)]
    start = time.perf_counter()
    sum(key in bloom for key in absent)
    bloom_lookup = (time.perf_counter() - start) / probes
    start = time.perf_counter()
    sum(key in exact for key in absent)
    set_lookup = (time.perf_counter() - start) / probes
    return {
        "bloom": (bloom.data.nbytes, bloom_add, bloom_lookup),
        "set": (deep_set_bytes(exact), set_add, set_lookup),
    }


def check_filter(capacity, error, probes):
    """Fill a filter to ``capacity``; print its size, false negatives, false-positive rate, estimate."""
    bloom = BloomFilter(capacity, error)
    measured = time_beside_memory(bloom, [f"present-{i}" for i in range(capacity)], probes)
    missed = sum(f"present-{i}" not in bloom for i in range(capacity))
    print(f"capacity = {capacity}, design error = {error}")
    print(
        f"bits = {bloom.num_bits}, hashes = {bloom.num_hashes} "
        f"({bloom.num_bits / capacity:.2f} bits per item)"
    )
    print(f"false negatives = {missed}")
    print(f"measured false-positive rate = {false_positive_rate(bloom, probes):.4%}")
    print(f"estimated items = {len(bloom)}")
    for name, (size, add, lookup) in measured.items():
        print(
            f"{name}: memory = {size} bytes ({size * 8 / capacity:.1f} bits per item), "
            f"add = {add * 1e6:.2f} us, lookup = {lookup * 1e6:.2f} us per item"
        )
    return bloom


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--capacity", type=positive_int, default=1000)
    parser.add_argument("--error", type=probability, default=0.005, help="the false-positive rate sized for")
    parser.add_argument(
        "--probes", type=positive_int, default=100_000, help="keys never added, to measure it"
    )
    args = parser.parse_args(argv)
    check_filter(args.capacity, args.error, args.probes)


if __name__ == "__main__":
    main()
