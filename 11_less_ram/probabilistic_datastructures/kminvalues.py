"""K-minimum values: estimate distinct items from the k smallest hashes.

Chapter 11, "K-Minimum Values". Hash every item to a uniform number in [0, 1)
(64 bits of MurmurHash3); keep only the k smallest distinct hashes. If n
distinct items are spread evenly, the k-th smallest sits near k / n, so
n is about (k - 1) / (k-th smallest). The relative standard error is about
1 / sqrt(k - 2). Re-adding an item changes nothing: the structure is idempotent
(unlike the Morris counter), and two sketches can be merged.

The book keeps the hashes in ``blist.sortedset``, which no longer builds on
Python 3.12; a max-heap (``heapq`` on negated hashes) plus a set does the job
with the standard library.

Run:
    python 11_less_ram/probabilistic_datastructures/kminvalues.py --items 100000 --k 1024
"""

# book: 2nd ed. code, "kminvalues.py"
import heapq
import math

import mmh3

HASH_RANGE = 2.0**64


class KMinValues:
    def __init__(self, k):
        if k < 3:
            raise ValueError(f"k must be at least 3, got {k}")
        self.k = k
        self._heap = []  # the k smallest hashes, negated: -heap[0] is the largest kept
        self._kept = set()

    def add(self, item):
        self._add(mmh3.hash64(str(item), signed=False)[0])

    def _add(self, item_hash):
        if item_hash in self._kept:
            return
        if len(self._heap) < self.k:
            heapq.heappush(self._heap, -item_hash)
            self._kept.add(item_hash)
        elif item_hash < -self._heap[0]:
            removed = -heapq.heapreplace(self._heap, -item_hash)
            self._kept.discard(removed)
            self._kept.add(item_hash)

    def hashes(self):
        """The kept hashes, smallest first (the sketch's whole state)."""
        return sorted(self._kept)

    def union(self, other):
        merged = KMinValues(min(self.k, other.k))
        for item_hash in self._kept | other._kept:
            merged._add(item_hash)
        return merged

    def standard_error(self):
        return 1 / math.sqrt(self.k - 2)

    def estimate(self):
        if len(self._heap) < self.k:
            return float(len(self._heap))  # fewer than k distinct items: exact
        return (self.k - 1) * HASH_RANGE / (-self._heap[0] + 1)

    def __len__(self):
        return int(self.estimate())


# book: end


def main(argv=None):
    from _probabilistic_family import count_twice

    count_twice(KMinValues, __doc__, argv)


if __name__ == "__main__":
    main()
