"""The drivers of the probabilistic data structures (chapter 11, "Probabilistic Data Structures").

Each script keeps the book's structure and a ``main`` of one or two lines that
calls one of these: the flags, the items fed in, and the result lines. The
counters of distinct items share ``--items`` (0, 1, 2, ...) and print the same
lines, so LogLog and SuperLogLog differ only by their class.
"""

import statistics
import sys
import time

from hpp.script import example_parser, fail, int_range, non_negative_int, positive_int, probability

ITEMS_HELP = "distinct items: 0, 1, 2, ..."


def items_parser(doc, default=100_000, help=ITEMS_HELP):
    parser = example_parser(doc)
    parser.add_argument("--items", type=positive_int, default=default, help=help)
    return parser


def print_error(name, estimate, items, standard_error=None):
    """``NAME: estimate = N, relative error = E`` on one line, or without a name on two with the bound."""
    error = f"relative error = {(estimate - items) / items:+.2%}"
    if name:
        print(f"{name}estimate = {estimate:.0f}, {error}")
    else:
        print(f"estimate = {estimate:.0f}")
        print(f"{error} (standard error {standard_error:.2%})")


# ---------------------------------------------------------------- llregister.py, ll.py, superll.py


def count_register(register_class, doc, argv=None):
    """Add ``--items`` distinct items to one register and print its estimate."""
    items = items_parser(doc).parse_args(argv).items
    register = register_class()
    for i in range(items):
        register.add(i)
    print(f"distinct items = {items}")
    print(f"register = {register.counter} trailing zeros")
    print(f"estimate = {len(register)}")
    return register


def count_distinct(counter_class, doc, argv=None):
    """Add ``--items`` distinct items to a LogLog-like counter of 2**p registers and print its estimate."""
    parser = items_parser(doc)
    parser.add_argument("--p", type=int_range(4, 20), default=10, help="2**p registers (4-20)")
    args = parser.parse_args(argv)
    counter = counter_class(args.p)
    for i in range(args.items):
        counter.add(i)
    averaged = f", averaged = {counter.kept}" if hasattr(counter, "kept") else ""  # SuperLogLog's truncation
    print(f"distinct items = {args.items}")
    print(f"registers = {counter.m}{averaged}")
    print_error("", counter.estimate(), args.items, counter.standard_error())
    return counter


# ---------------------------------------------------------------- hyperloglog.py, hyperloglog_plusplus.py


def compare_corrections(hll, argv=None):
    """Add ``--items`` distinct items to both versions (2**p registers) and print their estimates."""
    from llregister import hash32

    parser = items_parser(hll.__doc__)
    parser.add_argument("--p", type=int_range(4, 20), default=8, help="2**p registers (4-20)")
    args = parser.parse_args(argv)
    fixed, book = hll.HyperLogLog(args.p), hll.HyperLogLogBookLog2(args.p)
    for i in range(args.items):
        item_hash = hash32(i)
        fixed._add(item_hash)
        book._add(item_hash)
    print(f"distinct items = {args.items}")
    print(f"registers = {fixed.m} ({fixed.m} bytes)")
    for name, counter in (("HyperLogLog (natural log)", fixed), ("book (log base 2)", book)):
        print_error(f"{name}: ", counter.estimate(), args.items)
    print(f"standard error 1.04/sqrt(m) = {fixed.standard_error():.2%}")
    return fixed, book


def compare_counters(count_both, doc, argv=None):
    """``hyperloglog_plusplus.py``: both estimates, their relative errors and the standard error."""
    parser = items_parser(doc, help="distinct items counted")
    parser.add_argument("--p", type=int_range(4, 16), default=14, help="2**p registers (datasketch: 4-16)")
    args = parser.parse_args(argv)
    try:
        import datasketch  # noqa: F401
    except ImportError:
        fail("hyperloglog_plusplus.py needs datasketch: pip install -e '.[less_ram]'")
    items, p = args.items, args.p
    ours, theirs = count_both(items, p)
    print(f"distinct items = {items}, registers = {2**p}")
    for name, estimate in (("HyperLogLog (ours)", ours), ("HyperLogLog++ (datasketch)", theirs)):
        print_error(f"{name}: ", estimate, items)
    print(f"standard error 1.04/sqrt(m) = {1.04 / (2**p) ** 0.5:.2%}")
    return ours, theirs


# ---------------------------------------------------------------- kminvalues.py


def count_twice(kmv_class, doc, argv=None):
    """Add ``--items`` distinct items twice to a KMV sketch of ``--k`` hashes and print its estimate."""
    parser = items_parser(doc)
    parser.add_argument("--k", type=int_range(3), default=1024, help="hashes kept (3 or more)")
    args = parser.parse_args(argv)
    kmv = kmv_class(args.k)
    for i in range(args.items):
        kmv.add(i)
    before = kmv.hashes()
    for i in range(args.items):
        kmv.add(i)
    print(f"distinct items = {args.items}, k = {args.k}")
    print_error("", kmv.estimate(), args.items, kmv.standard_error())
    print(f"unchanged after adding every item again = {kmv.hashes() == before}")
    return kmv


# ---------------------------------------------------------------- morriscounter.py


def mean_of_counters(counter_class, events, trials, seed=0):
    """The estimates of ``trials`` independent counters after ``events`` events each."""
    import random

    rng = random.Random(seed)
    estimates = []
    for _ in range(trials):
        counter = counter_class(rng)
        for _ in range(events):
            counter.add()
        estimates.append(len(counter))
    return estimates


def report_counters(counter_class, doc, argv=None):
    """Count ``--events`` events on ``--trials`` counters and print their mean, error and range."""
    parser = example_parser(doc)
    parser.add_argument("--events", type=positive_int, default=100_000, help="events counted by each counter")
    parser.add_argument("--trials", type=positive_int, default=200, help="independent counters to average")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    args = parser.parse_args(argv)
    events = args.events
    estimates = mean_of_counters(counter_class, events, args.trials, args.seed)
    mean = statistics.fmean(estimates)
    print(f"events = {events}")
    print(f"counters = {args.trials}")
    print(f"mean estimate = {mean:.1f}")
    print(f"relative error of the mean = {(mean - events) / events:+.2%}")
    print(f"one counter ranges {min(estimates)} .. {max(estimates)}")
    print(f"largest exponent = {max(estimates).bit_length()} (fits in one byte)")
    return estimates


# ---------------------------------------------------------------- bloomfilter.py, scalingbloomfilter.py


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

    def seconds_per(action, count):
        start = time.perf_counter()
        result = action()
        return result, (time.perf_counter() - start) / count

    _, bloom_add = seconds_per(lambda: [bloom.add(key) for key in keys], len(keys))
    exact, set_add = seconds_per(lambda: set(keys), len(keys))
    absent = [f"absent-{i}" for i in range(probes)]
    _, bloom_lookup = seconds_per(lambda: sum(key in bloom for key in absent), probes)
    _, set_lookup = seconds_per(lambda: sum(key in exact for key in absent), probes)
    return {
        "bloom": (bloom.data.nbytes, bloom_add, bloom_lookup),
        "set": (deep_set_bytes(exact), set_add, set_lookup),
    }


def check_filter(bloom_class, doc, argv=None):
    """Fill a filter to ``--capacity``; print its size, false negatives, false-positive rate, estimate."""
    parser = example_parser(doc)
    parser.add_argument("--capacity", type=positive_int, default=1000)
    parser.add_argument("--error", type=probability, default=0.005, help="the false-positive rate sized for")
    parser.add_argument(
        "--probes", type=positive_int, default=100_000, help="keys never added, to measure it"
    )
    args = parser.parse_args(argv)
    capacity, error, probes = args.capacity, args.error, args.probes
    bloom = bloom_class(capacity, error)
    measured = time_beside_memory(bloom, [f"present-{i}" for i in range(capacity)], probes)
    missed = sum(f"present-{i}" not in bloom for i in range(capacity))
    print(f"capacity = {capacity}, design error = {error}")
    bits = bloom.num_bits
    print(f"bits = {bits}, hashes = {bloom.num_hashes} ({bits / capacity:.2f} bits per item)")
    print(f"false negatives = {missed}")
    print(f"measured false-positive rate = {false_positive_rate(bloom, probes):.4%}")
    print(f"estimated items = {len(bloom)}")
    for name, (size, add, lookup) in measured.items():
        print(
            f"{name}: memory = {size} bytes ({size * 8 / capacity:.1f} bits per item), "
            f"add = {add * 1e6:.2f} us, lookup = {lookup * 1e6:.2f} us per item"
        )
    return bloom


def check_scaling(bloom_class, doc, argv=None):
    """Add ``--items`` keys; print the filters grown, false negatives, estimate and false-positive rate."""
    parser = items_parser(doc, default=50_000, help="keys added")
    parser.add_argument("--capacity", type=positive_int, default=10_000, help="capacity of each filter")
    parser.add_argument("--error", type=probability, default=0.005)
    parser.add_argument("--probes", type=positive_int, default=100_000)
    args = parser.parse_args(argv)
    bloom = bloom_class(args.capacity, args.error)
    for i in range(args.items):
        bloom.add(f"present-{i}")
    missed = sum(f"present-{i}" not in bloom for i in range(args.items))
    print(f"items = {args.items}, filters = {len(bloom.filters)}")
    print(f"false negatives = {missed}")
    print(f"estimated items = {len(bloom)}")
    print(
        f"measured false-positive rate = {false_positive_rate(bloom, args.probes):.4%} "
        f"(bound {bloom.error_bound():.4%})"
    )
    return bloom


# -------------------------------------------- the figures: kmv.py, hll_single_reg.py, prob_ds_figure.py


def kmv_figure(draw, doc, argv=None):
    """``kmv.py``: ``--items`` unique items, ``--k`` hashes kept, the PNG under ``--output-dir``."""
    from hpp.script import output_dir, writable_dir

    parser = items_parser(doc, default=200, help="unique items")
    parser.add_argument("--k", type=int_range(3), default=16, help="hashes kept (at least 3)")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the PNG")
    args = parser.parse_args(argv)
    return draw(args.items, args.k, output_dir("11_less_ram", args.output_dir))


def single_register_figure(draw, doc, argv=None):
    """``hll_single_reg.py``: ``--items`` unique items in ``--trials`` registers, drawn by ``draw``."""
    from hpp.script import output_dir, writable_dir

    parser = items_parser(doc, help="unique items added to each register")
    parser.add_argument("--trials", type=positive_int, default=5, help="independent registers")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the PNG")
    args = parser.parse_args(argv)
    return draw(args.items, args.trials, output_dir("11_less_ram", args.output_dir))


def prob_ds_figures(run, doc, argv=None):
    """``prob_ds_figure.py``: the flags of the book's two experiments, then ``run`` them."""
    from hpp.script import output_dir, seed, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--unique", type=positive_int, default=100_000, help="unique items (first figure)")
    parser.add_argument(
        "--duplicates", type=positive_int, default=60_000, help="3-letter keys (second figure)"
    )
    parser.add_argument("--sample-every", type=positive_int, default=3000)
    parser.add_argument("--seed", type=seed, default=0, help="seed of the 3-letter keys")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the two PNGs")
    args = parser.parse_args(argv)
    folder = output_dir("11_less_ram", args.output_dir)
    return run(args.unique, args.duplicates, args.sample_every, args.seed, folder)


# ---------------------------------------------------------------- token_benchmark.py


def read_tokens(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read().split()


def compare_on_tokens(compare_structures, doc, argv=None):
    """``token_benchmark.py``: the words of ``--input``, or generated tokens, fed to every structure."""
    from hpp.script import existing_file
    from hpp.words import generated_tokens

    parser = example_parser(doc)
    parser.add_argument("--input", type=existing_file, help="a text file: its words are the stream")
    parser.add_argument(
        "--tokens", type=positive_int, default=1_000_000, help="tokens generated without --input"
    )
    parser.add_argument("--vocabulary", type=positive_int, default=100_000, help="distinct generated tokens")
    parser.add_argument("--p", type=int_range(4, 20), default=12, help="2**p registers for LogLogs (4-20)")
    parser.add_argument("--k", type=int_range(3), default=1024, help="hashes kept by KMV (3 or more)")
    args = parser.parse_args(argv)
    tokens = read_tokens(args.input) if args.input else generated_tokens(args.tokens, args.vocabulary)
    if not tokens:
        fail(f"{args.input}: no words in the file")
    return compare_structures(tokens, args.p, args.k)
