"""One LogLog register: the longest run of trailing zero bits seen in the hashes.

Chapter 11, "LogLog Counter". Hash every item (MurmurHash3, ``mmh3``) to 32
uniform bits. A hash ending in k zero bits turns up about once in 2**k distinct
items, so the largest k seen says roughly how many distinct items went by:
about 2**k. Duplicates hash the same, so they change nothing. One register is
a very rough estimate; ``ll.py``, ``superll.py`` and ``hyperloglog.py`` average
many of them.

Run:
    python 11_less_ram/probabilistic_datastructures/llregister.py --items 100000
"""

# book: 2nd ed. code, "llregister.py" and "utils.py"
import mmh3

HASH_BITS = 32


def trailing_zeros(number):
    """The number of zero bits at the low end of a 32-bit ``number``.

    >>> trailing_zeros(0)
    32
    >>> trailing_zeros(0b1000)
    3
    >>> trailing_zeros(0b10000000)
    7

    (The book's ``utils.trailing_zeros`` returns one more, 4 and 8 here: the
    position of the lowest set bit, which is the "rank" that ``ll.py`` stores.)
    """
    if number == 0:
        return HASH_BITS
    return (number & -number).bit_length() - 1


def hash32(item):
    """An unsigned 32-bit MurmurHash3 of ``item`` (deterministic across runs)."""
    return mmh3.hash(str(item), signed=False)


class LLRegister:
    """The largest trailing-zero count of any hash added."""

    def __init__(self):
        self.counter = 0

    def add(self, item):
        self._add(hash32(item))

    def _add(self, item_hash):
        self.counter = max(self.counter, trailing_zeros(item_hash))

    def __len__(self):
        return 2**self.counter


# book: end


def main(argv=None):
    from _probabilistic_family import count_register

    count_register(LLRegister, __doc__, argv)


if __name__ == "__main__":
    main()
