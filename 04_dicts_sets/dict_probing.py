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

import argparse
from itertools import islice

from hpp.script import example_parser, non_negative_int, positive_int

SMOKE_ARGS = ["--hash", "28975"]

BOOK_HASHES = (0b00000111, 0b11100111, 0b01110111, 0b01110001, 0b01110000)


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
class ForceHash:
    def __init__(self, force_hash):
        self.force_hash = force_hash

    def __hash__(self):
        return self.force_hash


def sample_probe(force_hash, num_samples=10, mask=0b111):
    """The first ``num_samples`` buckets probed for a key whose hash is ``force_hash``."""
    return list(islice(index_sequence(ForceHash(force_hash), mask), num_samples))


# book: end


def mask_argument(text):
    """argparse type: a mask such as ``0b111`` or ``511`` (a power of two minus one)."""
    try:
        mask = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a mask such as 0b111, got {text!r}") from None
    if mask <= 0 or mask & (mask + 1):
        raise argparse.ArgumentTypeError(f"a mask is a power of two minus one, got {text!r}")
    return mask


def show_probes(hashes=BOOK_HASHES, samples=10, mask=0b111):
    """Print the first ``samples`` buckets probed for a key of each hash in ``hashes``."""
    print(f"28975 & 0b111 = {28975 & 0b111}")
    # book: 2nd ed. code, "dict_probing.py" (continued)
    for force_hash in hashes:
        probes = sample_probe(force_hash, samples, mask)
        print(f"First {samples} samples for hash {bin(force_hash)}: {probes}")
    # book: end


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--hash", type=non_negative_int, action="append", help="hash to probe (repeatable)")
    parser.add_argument("--samples", type=positive_int, default=10, help="buckets shown per hash")
    parser.add_argument(
        "--mask", type=mask_argument, default=0b111, help="the table's mask, e.g. 0b111 or 511"
    )
    args = parser.parse_args(argv)
    show_probes(args.hash or BOOK_HASHES, args.samples, args.mask)


if __name__ == "__main__":
    main()
