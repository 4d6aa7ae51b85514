"""A scaling Bloom filter: grows when full, keeps its overall error bounded.

Chapter 11, "Bloom Filters" (scalable Bloom filters, Almeida et al.). A plain
Bloom filter is sized up front; past its capacity the false-positive rate
climbs. This one starts with one filter and, when the newest is 80% full
(``max_fill``), adds another whose error is halved
(``error_tightening_ratio``). A lookup asks every filter, so the total
false-positive rate is at most error * (1 + 1/2 + 1/4 + ...) < 2 * error.

Run:
    python 11_less_ram/probabilistic_datastructures/scalingbloomfilter.py --items 50000
"""

# book: 2nd ed. code, "scalingbloomfilter.py"
from bloomfilter import BloomFilter


class ScalingBloomFilter:
    def __init__(self, capacity, error=0.005, max_fill=0.8, error_tightening_ratio=0.5):
        self.capacity = capacity
        self.base_error = error
        self.max_fill = max_fill
        self.error_tightening_ratio = error_tightening_ratio
        self.filters = []
        self.items_in_newest = 0
        self._add_filter()

    def _add_filter(self):
        error = self.base_error * self.error_tightening_ratio ** len(self.filters)
        self.filters.append(BloomFilter(self.capacity, error))
        self.items_in_newest = 0

    def add(self, key):
        """Add ``key``; returns True when it was (maybe) there already."""
        if key in self:
            return True
        if self.items_in_newest >= self.max_fill * self.capacity:
            self._add_filter()
        self.filters[-1].add(key)
        self.items_in_newest += 1
        return False

    def __contains__(self, key):
        return any(key in bloom for bloom in self.filters)

    def __len__(self):
        return sum(len(bloom) for bloom in self.filters)

    def error_bound(self):
        """The union bound on the false-positive rate: the sum of the filters' errors."""
        return sum(bloom.error for bloom in self.filters)


# book: end


def main(argv=None):
    from _probabilistic_family import check_scaling

    check_scaling(ScalingBloomFilter, __doc__, argv)


if __name__ == "__main__":
    main()
