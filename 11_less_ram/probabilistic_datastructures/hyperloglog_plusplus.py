"""HyperLogLog++ (``datasketch``) beside our HyperLogLog: the same items, both within their error.

Chapter 11, "LogLog Counter" (HyperLogLog), and the library a reader would
reach for: Heule, Nunkesser and Hall's HyperLogLog++ (Google, 2013) keeps
HyperLogLog's registers and harmonic mean, but hashes to 64 bits (no
large-range correction needed) and corrects the bias of small counts with an
empirical table instead of switching abruptly to linear counting.
``datasketch.HyperLogLogPlusPlus`` implements it. Both counters see the same
distinct items with the same number of registers (2**p); each estimate falls
within a few standard errors 1.04 / sqrt(2**p) (0.81% at p = 14) of the truth.

Needs ``datasketch``: pip install -e '.[less_ram]'.

Run:
    python 11_less_ram/probabilistic_datastructures/hyperloglog_plusplus.py
    python 11_less_ram/probabilistic_datastructures/hyperloglog_plusplus.py --items 1000 --p 10
"""

# taught: the library's HyperLogLog++ fed the items our HyperLogLog counts
from hyperloglog import HyperLogLog


def count_both(items, p):
    """``(our estimate, datasketch's HyperLogLog++ estimate)`` for ``items`` distinct strings."""
    from datasketch import HyperLogLogPlusPlus

    ours, theirs = HyperLogLog(p), HyperLogLogPlusPlus(p=p)
    for i in range(items):
        item = f"item-{i}"
        ours.add(item)
        theirs.update(item.encode("utf8"))
    return ours.estimate(), theirs.count()


# taught: end


def main(argv=None):
    from _probabilistic_family import compare_counters

    compare_counters(count_both, __doc__, argv)


if __name__ == "__main__":
    main()
