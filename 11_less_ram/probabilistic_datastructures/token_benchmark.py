"""The book's benchmark: every probabilistic counter on one stream of tokens.

Chapter 11, "Real-World Example". The book fed 1.1 billion Wikipedia tokens
(4,956,262 distinct) to each structure and reported its estimate, its size in
bytes and its time. Here the stream is generated (seeded, Zipf-like repeats) or
the words of any text file (``--input``). The exact answer is a ``set``; the
Morris counter counts every token (it cannot deduplicate), the others estimate
the distinct ones. Sizes are deep sizes (the object and everything it holds).

Run:
    python 11_less_ram/probabilistic_datastructures/token_benchmark.py
    python 11_less_ram/probabilistic_datastructures/token_benchmark.py --input some_book.txt
"""

# book: 2nd ed. code, "_benchmark.py"
import random
import time

from bloomfilter import BloomFilter  # noqa: F401
from hyperloglog import HyperLogLog
from kminvalues import KMinValues
from ll import LL
from llregister import LLRegister
from morriscounter import MorrisCounter
from scalingbloomfilter import ScalingBloomFilter
from superll import SuperLL

from hpp.memory import deep_sizeof


class ExactSet(set):
    """The baseline: a set of every distinct token."""

    def add(self, item):
        super().add(item)

    def estimate(self):
        return len(self)


def make_structures(p=12, k=1024, bloom_capacity=100_000, seed=0):
    """{name: structure}: the book's line-up (it used p=16, k=2**16, capacity 2**20)."""
    return {
        "set (exact)": ExactSet(),
        "Morris counter": MorrisCounter(random.Random(seed)),
        "LogLog register": LLRegister(),
        f"LogLog (p={p})": LL(p),
        f"SuperLogLog (p={p})": SuperLL(p),
        f"HyperLogLog (p={p})": HyperLogLog(p),
        f"K-minimum values (k={k})": KMinValues(k),
        f"scaling Bloom ({bloom_capacity})": ScalingBloomFilter(bloom_capacity),
    }


def estimate_of(structure):
    if hasattr(structure, "estimate"):
        return structure.estimate()
    return len(structure)


def feed(structure, tokens):
    add = structure.add
    for token in tokens:
        add(token)
    return estimate_of(structure)


def compare_structures(tokens, p=12, k=1024):
    """Feed ``tokens`` to every structure; print each estimate, its error, its size and the time."""
    distinct = len(set(tokens))
    print(f"tokens = {len(tokens)}, distinct = {distinct}")
    print(f"{'structure':<28} {'estimate':>12} {'error':>9} {'bytes':>12} {'seconds':>8}")
    for name, structure in make_structures(p, k, max(1000, distinct // 8)).items():
        start = time.perf_counter()
        estimate = feed(structure, tokens)
        elapsed = time.perf_counter() - start
        truth = len(tokens) if name == "Morris counter" else distinct
        print(
            f"{name:<28} {estimate:>12.0f} {(estimate - truth) / truth:>+9.2%} "
            f"{deep_sizeof(structure):>12} {elapsed:>8.3f}"
        )


# book: end


def main(argv=None):
    from _probabilistic_family import compare_on_tokens

    compare_on_tokens(compare_structures, __doc__, argv)


if __name__ == "__main__":
    main()
