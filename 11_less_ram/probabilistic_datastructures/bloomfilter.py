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

# book: 2nd ed. code, "bloomfilter.py"
import math

import mmh3
from bitarray import bitarray


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


def main(argv=None):
    from _probabilistic_family import check_filter

    check_filter(BloomFilter, __doc__, argv)


if __name__ == "__main__":
    main()
