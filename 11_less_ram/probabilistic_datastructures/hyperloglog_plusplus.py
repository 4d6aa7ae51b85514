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

from hyperloglog import HyperLogLog

SMOKE_ARGS = ["--items", "5000", "--p", "10"]


# taught: the library's HyperLogLog++ fed the items our HyperLogLog counts
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


def compare_counters(items, p):
    """Print both estimates, their relative errors and the standard error of 2**p registers."""
    ours, theirs = count_both(items, p)
    standard_error = 1.04 / (2**p) ** 0.5
    print(f"distinct items = {items}, registers = {2**p}")
    for name, estimate in (("HyperLogLog (ours)", ours), ("HyperLogLog++ (datasketch)", theirs)):
        print(f"{name}: estimate = {estimate:.0f}, relative error = {(estimate - items) / items:+.2%}")
    print(f"standard error 1.04/sqrt(m) = {standard_error:.2%}")
    return ours, theirs


def main(argv=None):
    from hpp.script import example_parser, fail, int_range, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--items", type=positive_int, default=100_000, help="distinct items counted")
    parser.add_argument("--p", type=int_range(4, 16), default=14, help="2**p registers (datasketch: 4-16)")
    args = parser.parse_args(argv)
    try:
        import datasketch  # noqa: F401
    except ImportError:
        fail("hyperloglog_plusplus.py needs datasketch: pip install -e '.[less_ram]'")
    compare_counters(args.items, args.p)


if __name__ == "__main__":
    main()
