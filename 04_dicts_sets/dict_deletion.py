"""Deleting from a hash table: why the freed bucket holds a "dummy", not NULL (chapter 4, "Deletion").

Chapter 4, "How Do Dictionaries and Sets Work?". A lookup follows the key's
probe sequence (``index_sequence``) until it finds the key or an *empty*
bucket; an empty bucket means "not here". So deleting a key cannot simply
empty its bucket: a key that collided with it and was placed further along
the sequence would be cut off. The deleted bucket gets a special "dummy"
value instead: lookups probe past it, inserts may reuse it.

``ToyHashTable`` is a small open-addressing table (fixed size, no resizing)
that probes exactly as the book's ``index_sequence`` and counts its probes
and key comparisons. With the book's cities (Example 4-5) in 8 buckets, Rome
sits in bucket 2 and Barcelona, which collided with it, in bucket 5. Delete
Rome, then look up Barcelona:

- with the dummy: buckets 2 (dummy, keep going), 5: found, 2 probes;
- emptying the bucket instead: bucket 2 is empty, so Barcelona is "missing",
  although it is still in bucket 5.

Run:
    python 04_dicts_sets/dict_deletion.py
"""

# taught: deletion leaves a dummy, so a lookup probes on past it; an insert reuses it
from dict_probing import index_sequence


class Dummy:
    def __repr__(self):
        return "<dummy>"


EMPTY = None
DUMMY = Dummy()


class ToyHashTable:
    """Open addressing with the book's probe sequence; ``probes`` and ``comparisons`` count the work."""

    def __init__(self, size=8, use_dummy=True):
        if size < 8 or size & (size - 1):
            raise ValueError("size must be a power of two, at least 8")
        self.mask = size - 1
        self.slots = [EMPTY] * size  # each slot: EMPTY, DUMMY or (hash, key, value)
        self.use_dummy = use_dummy
        self.probes = 0
        self.comparisons = 0

    def probe(self, key):
        """``(bucket, slot)`` along the key's probe sequence, counting each probe."""
        limit = len(self.slots) + 16  # enough to visit every bucket once perturb is spent
        for n, i in enumerate(index_sequence(key, self.mask)):
            if n == limit:
                raise RuntimeError("probed every bucket: the table has no empty bucket left")
            self.probes += 1
            yield i, self.slots[i]

    def matches(self, slot, key, key_hash):
        """As CPython does: compare hashes first, then identity, then ``==`` (counted)."""
        stored_hash, stored_key, _ = slot
        if stored_hash != key_hash:
            return False
        if stored_key is key:
            return True
        self.comparisons += 1
        return stored_key == key

    def find(self, key):
        """The bucket holding ``key``, or -1 once an empty bucket is reached."""
        key_hash = hash(key)
        for i, slot in self.probe(key):
            if slot is EMPTY:
                return -1
            if slot is not DUMMY and self.matches(slot, key, key_hash):
                return i
        raise AssertionError("unreachable")

    def insert(self, key, value):
        """Put ``key`` in the first dummy or empty bucket of its sequence (or update it); its bucket."""
        key_hash, reusable = hash(key), None
        for i, slot in self.probe(key):
            if slot is EMPTY:
                target = i if reusable is None else reusable
                self.slots[target] = (key_hash, key, value)
                return target
            if slot is DUMMY:
                if reusable is None:
                    reusable = i  # keep going: the key may already be further along
            elif self.matches(slot, key, key_hash):
                self.slots[i] = (key_hash, key, value)
                return i
        raise AssertionError("unreachable")

    def delete(self, key):
        i = self.find(key)
        if i < 0:
            raise KeyError(key)
        self.slots[i] = DUMMY if self.use_dummy else EMPTY
        return i

    def __getitem__(self, key):
        i = self.find(key)
        if i < 0:
            raise KeyError(key)
        return self.slots[i][2]

    def __contains__(self, key):
        return self.find(key) >= 0

    def layout(self):
        """``[key or '<dummy>' or None, ...]`` bucket by bucket."""
        return [slot if slot is EMPTY or slot is DUMMY else slot[1] for slot in self.slots]


def counted(table, action, *args):
    """``(result, probes, comparisons)`` of one table operation."""
    table.probes = table.comparisons = 0
    return action(*args), table.probes, table.comparisons


def cities_table(use_dummy=True):
    """The book's four cities (Example 4-5) inserted in order into 8 buckets."""
    from custom_hash_function import data

    table = ToyHashTable(8, use_dummy=use_dummy)
    for city, country in data.items():
        table.insert(city, country)
    return table


def after_deleting_rome(use_dummy):
    """``(layout, Barcelona found?, probes for it)`` after Rome is deleted."""
    from custom_hash_function import City

    table = cities_table(use_dummy)
    table.delete(City("Rome"))
    found, probes, _ = counted(table, table.__contains__, City("Barcelona"))
    return table.layout(), found, probes


# taught: end


def main(argv=None):
    import sys

    from _dicts_sets_family import show_deletion

    show_deletion(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
