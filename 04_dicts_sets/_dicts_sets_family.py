"""The drivers of chapter 4's scripts of ours: their flags, tables of results and figures.

Each script keeps its lesson (the book's model, the toy table) and a ``main``
of one or two lines that calls one of these with its own module.
"""

import sys
from pathlib import Path

# ---------------------------------------------------------------- dict_resizing.py

EMPTY_SET_SIZE = sys.getsizeof(set())
SET_ENTRY_SIZE = 16  # a hash and a pointer


def set_buckets(s):
    """A set's allocated buckets, read from ``sys.getsizeof`` (8 live inside the set object)."""
    extra = sys.getsizeof(s) - EMPTY_SET_SIZE
    return extra // SET_ENTRY_SIZE if extra else 8


def allocation_curves(model, items):
    """``{name: (items, bytes, buckets)}`` for a dict and a set filled one int at a time.

    Bytes are ``sys.getsizeof`` after each insert. A set's buckets are read
    from its size; a dict's size also counts its entries array, so its buckets
    are the book's rule applied at each jump that ``sys.getsizeof`` shows.
    """
    curves = {}
    d, size, buckets = {}, sys.getsizeof({}), model.MINSIZE
    xs, sizes, dict_buckets = [], [], []
    for i in range(1, items + 1):
        d[i] = None
        now = sys.getsizeof(d)
        if now != size and i > 1:  # the first insert only creates the 8-bucket table
            buckets = model.next_power_of_two_at_least(3 * (i - 1))
        size = now
        xs.append(i)
        sizes.append(now)
        dict_buckets.append(buckets)
    curves["dict"] = (xs, sizes, dict_buckets)
    s, sizes, buckets = set(), [], []
    for i in range(1, items + 1):
        s.add(i)
        sizes.append(sys.getsizeof(s))
        buckets.append(set_buckets(s))
    curves["set"] = (xs, sizes, buckets)
    return curves


def plot(model, items, folder):
    """Figure 4-2: buckets allocated (and bytes) as items are added, for a dict and a set."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curves = allocation_curves(model, items)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 7), sharex=True)
    for name, (xs, sizes, buckets) in curves.items():
        top.step(xs, buckets, where="post", label=f"{name}: buckets allocated")
        bottom.step(xs, sizes, where="post", label=f"{name}: sys.getsizeof (bytes)")
    top.plot(xs, xs, "--", color="grey", label="items stored")
    top.axvline(model.SET_LARGE, color="grey", alpha=0.4, lw=0.8)
    top.set_xscale("log")
    top.set_yscale("log")
    bottom.set_yscale("log")
    top.set_ylabel("buckets")
    bottom.set_ylabel("bytes")
    bottom.set_xlabel("items inserted one at a time")
    top.set_title(f"Dict and set allocation, CPython {sys.version.split()[0]}")
    for ax in (top, bottom):
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    path = Path(folder) / "dict_set_allocation.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def print_resizes(model, items):
    """The book's resize model beside CPython's ``sys.getsizeof`` jumps, for a dict and a set."""
    for n in (5, 6, 1039, 5000):
        print(f"min_table_size({n}) = {model.min_table_size(n)}")
    resizes = [n for n, _ in model.model_dict_resizes(items)]
    seen = model.observed_dict_jumps(items)
    print(f"dict resizes by the book's model at inserts: {resizes}")
    print(f"dict sys.getsizeof jumps (CPython {sys.version.split()[0]}): {seen}")
    print(f"dict model matches CPython after the first insert: {seen[1:] == resizes}")
    set_model = [n for n, _ in model.model_set_resizes(items)]
    set_seen = model.observed_set_jumps(items)
    print(f"set resizes by the model at adds: {set_model}")
    print(f"set sys.getsizeof jumps: {set_seen}")
    print(f"set model matches CPython: {set_seen == set_model}")
    last = ([model.MINSIZE] + [size for _, size in model.model_dict_resizes(items)])[-1]
    print(
        f"{items:,} ints inserted one by one: table of {last} buckets "
        f"(the book's N * 5/3 rule says {model.min_table_size(items)})"
    )


def compare_resizes(model, argv=None):
    """``dict_resizing.py``: the model beside CPython, then Figure 4-2."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(model.__doc__)
    parser.add_argument("--items", type=positive_int, default=10_000, help="ints inserted one at a time")
    parser.add_argument("--plot-items", type=positive_int, default=100_000, help="Figure 4-2 up to this many")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for dict_set_allocation.png")
    args = parser.parse_args(argv)
    folder = output_dir("04_dicts_sets", args.output_dir)
    print_resizes(model, args.items)
    print(f"Figure 4-2 saved to {plot(model, args.plot_items, folder)}")


# ---------------------------------------------------------------- dict_deletion.py


def print_deletion(deletion):
    """Look up, delete and insert in the book's cities table, with and without the dummy."""
    from custom_hash_function import City

    table = deletion.cities_table()
    print(f"buckets after inserting the book's cities: {table.layout()}")
    _, probes, _ = deletion.counted(table, table.find, City("Barcelona"))
    print(f"lookup Barcelona: bucket {table.find(City('Barcelona'))} after {probes} probes")
    found, probes, _ = deletion.counted(table, table.__contains__, City("Johannesburg"))
    print(
        f"lookup Johannesburg (the exercise): found = {found} after {probes} probes "
        f"(buckets {[i for i, _ in zip(deletion.index_sequence(City('Johannesburg')), range(probes))]})"
    )
    for use_dummy in (True, False):
        layout, found, probes = deletion.after_deleting_rome(use_dummy)
        how = "a dummy in its bucket" if use_dummy else "its bucket emptied (no dummy)"
        print(f"delete Rome, {how}: {layout}")
        print(f"  lookup Barcelona: found = {found} after {probes} probes")
    table = deletion.cities_table()
    table.delete(City("Rome"))
    print(
        f"insert Rio (same first letter as Rome) after the delete: bucket "
        f"{table.insert(City('Rio'), 'Brazil')} (the dummy is reused)"
    )


def show_deletion(deletion, argv=None):
    """``dict_deletion.py``: no flags; the cities table looked up, deleted from and refilled."""
    from hpp.script import example_parser

    example_parser(deletion.__doc__).parse_args(argv)
    print_deletion(deletion)


# ---------------------------------------------------------------- custom_hash_function.py


def show_collisions(cities_module, argv=None):
    """Where the book's cities land in 8 buckets, then how many of ``--cities`` random ones collide."""
    from hpp.script import example_parser, positive_int, seed

    parser = example_parser(cities_module.__doc__)
    parser.add_argument(
        "--cities", type=positive_int, default=500, help="random cities to count collisions in"
    )
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random cities")
    args = parser.parse_args(argv)
    data, City = cities_module.data, cities_module.City
    for city in data:
        print(f"{city:14s} hash = {hash(city):3d}  bucket = {hash(city) & 0b111}")
    for a, b in cities_module.colliding_pairs(data):
        print(f"{a} and {b} collide at bucket {hash(a) & 0b111}")
    placed = cities_module.simulate_insertion(data)
    print("after inserting in order: " + ", ".join(f"{k}@{v}" for k, v in placed.items()))
    print(f"the dict still works: len = {len(data)}, data[City('Barcelona')] = {data[City('Barcelona')]}")
    count, per_hash = cities_module.collisions(cities_module.random_cities(args.cities, args.seed))
    print(f"{args.cities} random cities: {count} collisions, {per_hash:.2f} cities per hash")


# ---------------------------------------------------------------- dict_probing.py, hash_entropy.py


def mask_argument(text):
    """argparse type: a mask such as ``0b111`` or ``511`` (a power of two minus one)."""
    import argparse

    try:
        mask = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a mask such as 0b111, got {text!r}") from None
    if mask <= 0 or mask & (mask + 1):
        raise argparse.ArgumentTypeError(f"a mask is a power of two minus one, got {text!r}")
    return mask


def show_probes(print_probes, doc, argv=None):
    """``dict_probing.py``: the book's mask example, then the probes of each ``--hash``."""
    from hpp.script import example_parser, non_negative_int, positive_int

    parser = example_parser(doc)
    parser.add_argument("--hash", type=non_negative_int, action="append", help="hash to probe (repeatable)")
    parser.add_argument("--samples", type=positive_int, default=10, help="buckets shown per hash")
    parser.add_argument(
        "--mask", type=mask_argument, default=0b111, help="the table's mask, e.g. 0b111 or 511"
    )
    args = parser.parse_args(argv)
    print(f"28975 & 0b111 = {28975 & 0b111}")
    hashes = args.hash or print_probes.__defaults__[0]
    print_probes(hashes, args.samples, args.mask)


def compare_entropies(hash_entropy, hashes, doc, argv=None):
    """``hash_entropy.py``: each hash's entropy over the 676 two-letter keys against the ideal."""
    import math
    import string

    from hpp.script import example_parser

    parser = example_parser(doc)
    parser.add_argument("--mask", type=mask_argument, default=511, help="the table's mask, e.g. 511 or 0b111")
    mask = parser.parse_args(argv).mask
    keys = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
    ideal = math.log2(mask + 1)
    print(f"{len(keys)} keys, mask {mask}: the ideal is log2({mask + 1}) = {ideal:.2f} bits")
    for name, function in hashes.items():
        used = len({function(key) & mask for key in keys})
        entropy = hash_entropy(keys, function, mask)
        print(f"{name}: entropy = {entropy:.2f} bits ({used} buckets used)")


# ---------------------------------------------------------------- phonebook.py


def random_phonebook(size, seed=0):
    """``size`` (name, number) pairs with distinct random names."""
    import random
    import string

    rng = random.Random(seed)
    names = set()
    while len(names) < size:
        names.add("".join(rng.choices(string.ascii_letters, k=12)))
    return [
        (name, f"{rng.randrange(1000):03d}-555-{rng.randrange(10000):04d}")
        for name in sorted(names, key=lambda _: rng.random())
    ]


def compare_phonebooks(book, argv=None):
    """The book's two lookups, then list, bisect and dict lookups timed on random phone books."""
    import timeit

    from hpp.script import example_parser, positive_int, seed

    parser = example_parser(book.__doc__)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=[100, 1_000, 10_000, 100_000], help="entries"
    )
    parser.add_argument("--number", type=positive_int, default=100, help="timeit repetitions per lookup")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random phone books")
    args = parser.parse_args(argv)
    print(f"Ada Lovelace's phone number is {book.find_phonenumber(book.BOOK_PHONEBOOK, 'Ada Lovelace')}")
    print(f"Ada Lovelace's phone number is {book.phonebook['Ada Lovelace']}")
    for size in args.sizes:
        phonebook = random_phonebook(size, args.seed)
        name = phonebook[-1][0]  # the worst case for the list
        as_dict = dict(phonebook)
        ordered = sorted(phonebook)
        names, numbers = [n for n, _ in ordered], [p for _, p in ordered]
        answers = {
            book.find_phonenumber(phonebook, name),
            as_dict[name],
            book.find_phonenumber_bisect(names, numbers, name),
        }
        assert len(answers) == 1, answers
        number = args.number
        times = {
            "list": timeit.timeit(lambda: book.find_phonenumber(phonebook, name), number=number),
            "bisect": timeit.timeit(
                lambda: book.find_phonenumber_bisect(names, numbers, name), number=number
            ),
            "dict": timeit.timeit(lambda: as_dict[name], number=number),
        }
        cells = "  ".join(f"{k} {v / number * 1e6:9.3f} µs" for k, v in times.items())
        print(f"{size:>7} entries: {cells}")


# ---------------------------------------------------------------- unique_lookup.py


def compare_unique_names(unique, argv=None):
    """Both methods on the book's phone book, then timed on ``--size`` random entries."""
    from hpp.script import example_parser, positive_int, seed
    from hpp.timing import repeat_timer

    parser = example_parser(unique.__doc__)
    parser.add_argument("--size", type=positive_int, default=10_000, help="entries in the random phone book")
    parser.add_argument("--repeat", type=positive_int, default=3, help="timings (best of)")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random phone book")
    args = parser.parse_args(argv)
    unique.print_unique_names()
    large_phonebook = unique.random_phonebook(args.size, args.seed)
    timings = {}
    for function in (unique.list_unique_first_names, unique.set_unique_first_names):
        timing, answer = repeat_timer(lambda f=function: f(large_phonebook), repeat=args.repeat, warmup=False)
        timings[function.__name__] = (answer, timing.min)
    (list_answer, list_time), (set_answer, set_time) = timings.values()
    print(f"{args.size:,} random entries: unique first names = {set_answer} (set), {list_answer} (list)")
    print(f"list_unique_first_names: {list_time * 1e3:.2f} ms")
    print(f"set_unique_first_names:  {set_time * 1e3:.3f} ms")
    print(f"speedup: {list_time / set_time:.0f}x (the book: 560x at 10,000 entries)")


# ---------------------------------------------------------------- timing_hash_function.py


def compare_hash_functions(hashing, argv=None):
    """How ``twoletter_hash`` spreads the keys, the comparisons each lookup makes, and their times."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(hashing.__doc__)
    parser.add_argument("--number", type=positive_int, default=1_000_000, help="timeit lookups per timing")
    parser.add_argument("--repeat", type=positive_int, default=3, help="timings (best of)")
    args = parser.parse_args(argv)
    hashes = [hashing.twoletter_hash(k) for k in hashing.two_letter_keys()]
    print(f"twoletter_hash: {len(set(hashes))} distinct values from {min(hashes)} to {max(hashes)}")
    for mask in (2047, 1023, 511):
        print(f"  buckets used with mask {mask}: {hashing.buckets_used(hashes, mask)} of 676 keys")
    for name in ("bad_dict", "list_control", "good_dict"):
        print(f"== comparisons for 'zz' in {name}: {hashing.equality_checks(name)}")
    times = hashing.time_lookups(args.number, args.repeat)
    print(f"bad_dict / good_dict = {times['bad_dict'] / times['good_dict']:.0f}x (the book: 54x)")
    print(f"bad_dict / list_control = {times['bad_dict'] / times['list_control']:.2f} (the book: 1.13)")


# ---------------------------------------------------------------- namespace.py, namespace_loop.py

BOOK_MICROSECONDS = {"test1": 162, "test2": 124, "test3": 105}


def compare_namespaces(functions, lookups, doc, argv=None):
    """Check that the three functions agree, show the loads each does, and time them."""
    import timeit

    from hpp.script import example_parser, finite_float, positive_int

    parser = example_parser(doc)
    parser.add_argument("--number", type=positive_int, default=10_000, help="timeit calls of each function")
    parser.add_argument("--x", type=finite_float, default=123_456.0, help="the argument of sin")
    args = parser.parse_args(argv)
    x, number = args.x, args.number
    results = {f(x) for f in functions}
    if len(results) != 1:
        raise AssertionError("the three functions disagree")
    print(f"test1 = test2 = test3 = {results.pop()!r}")
    for function in functions:
        print(f"{function.__name__}: " + ", ".join(f"{op} {name}" for op, name in lookups(function)))
    times = {}
    for function in functions:
        best = min(timeit.repeat(lambda f=function: f(x), number=number, repeat=3))
        times[function.__name__] = best / number
    for name, seconds in times.items():
        print(
            f"{name}: {seconds * 1e6:7.1f} µs per call  ({seconds / times['test1']:.2f} of test1; "
            f"Python 3.7: {BOOK_MICROSECONDS[name] / BOOK_MICROSECONDS['test1']:.2f})"
        )
    print(f"(Python {sys.version.split()[0]})")


def compare_loops(loop, argv=None):
    """``namespace_loop.py``: count each loop's lookups, then time both over ``--iterations``."""
    import time

    from hpp.script import example_parser, positive_int

    parser = example_parser(loop.__doc__)
    parser.add_argument("--iterations", type=positive_int, default=10_000_000, help="passes of each loop")
    iterations = parser.parse_args(argv).iterations
    functions = (loop.tight_loop_slow, loop.tight_loop_fast)
    if functions[0](1000) != functions[1](1000):
        raise AssertionError("the two loops disagree")
    for function in functions:
        counts = loop.count_lookups(function)
        print(
            f"{function.__name__}: {counts['in the loop']} LOAD_GLOBAL/LOAD_ATTR in the loop, "
            f"{counts['before it']} outside it: {loop.lookups_executed(function, iterations):,} lookups "
            f"for {iterations:,} iterations"
        )
    for function in functions:
        start = time.perf_counter()
        function(iterations)
        print(f"{function.__name__}({iterations}) took {time.perf_counter() - start:.2f} seconds")


# ------------------------------------------------ custom_vs_default_hash.py, hash_randomization.py


def compare_hashes(classes, demonstrate, doc, argv=None):
    """Two equal points in a set, without and with ``__hash__``/``__eq__``."""
    from hpp.script import example_parser

    example_parser(doc).parse_args(argv)
    for cls in classes:
        size, found, first = demonstrate(cls)
        print(f"{cls.__name__}: len(set([p1, p2])) = {size}")
        print(f"{cls.__name__}: {cls.__name__}(1, 1) in set([p1, p2]) = {found}")
        if size == 1:
            print(f"{cls.__name__}: the element kept is p1 = {first}")


def compare_seeds(hash_in_process, doc, argv=None, text="text"):
    """Print the hash each ``--seeds`` process gives ``text`` (and 42)."""
    from hpp.script import example_parser, int_range

    parser = example_parser(doc)
    seed_type = int_range(0, 4294967295)
    parser.add_argument(
        "--seeds",
        type=lambda text: [seed_type(part) for part in text.split(",")],
        default=[1, 2, 1],
        help="comma-separated PYTHONHASHSEED values (0 to 4294967295; 0 turns the salt off)",
    )
    hash_seeds = parser.parse_args(argv).seeds
    print(f"hash algorithm = {sys.hash_info.algorithm} (hash_bits = {sys.hash_info.hash_bits})")
    results = {}
    for hash_seed in hash_seeds:
        results[hash_seed] = text_hash, int_hash = hash_in_process(text, hash_seed)
        print(f"PYTHONHASHSEED={hash_seed}: hash({text!r}) = {text_hash}, hash(42) = {int_hash}")
    distinct = len({text_hash for text_hash, _ in results.values()})
    print(f"{len(results)} seeds, {distinct} distinct hashes of {text!r}")


# ---------------------------------------------------------------- figure_hash_table.py


def show_table(table, probes):
    """Print each bucket of ``table`` and the probes that filled it."""
    for bucket, key in enumerate(table):
        if key is None:
            print(f"bucket {bucket}: empty")
        else:
            print(f"bucket {bucket}: {key} (hash {hash(key)}, probes {probes[key]})")


def draw_table(table, probes, path):
    """Draw the buckets as a column of boxes, the collision as an arrow from the first bucket tried."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 0.55 * len(table) + 1))
    for bucket, key in enumerate(table):
        y = len(table) - 1 - bucket
        collided = key is not None and len(probes[key]) > 1
        color = "#f4c7a1" if collided else ("#cfe2f3" if key is not None else "white")
        ax.add_patch(plt.Rectangle((1, y), 4, 0.9, facecolor=color, edgecolor="black"))
        ax.text(0.8, y + 0.45, f"{bucket} ({bucket:03b})", ha="right", va="center", family="monospace")
        label = "" if key is None else f"{key}: hash {hash(key)}"
        ax.text(3, y + 0.45, label, ha="center", va="center")
    for key, tried in probes.items():
        for start, stop in zip(tried, tried[1:]):
            y0, y1 = len(table) - 1 - start + 0.45, len(table) - 1 - stop + 0.45
            ax.annotate(
                "",
                xy=(5.1, y1),
                xytext=(5.1, y0),
                arrowprops={"arrowstyle": "->", "connectionstyle": "arc3,rad=-0.5"},
            )
            ax.text(5.9, (y0 + y1) / 2, f"{key} collides", va="center", fontsize=8)
    ax.set_xlim(-1.2, 8)
    ax.set_ylim(-0.2, len(table))
    ax.axis("off")
    ax.set_title(f"Inserting with collisions: hash = ord(first letter), mask = 0b{len(table) - 1:b}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def draw_figure_4_1(build_table, folder):
    """Build, print and draw the table of the book's four cities."""
    from custom_hash_function import City, data

    table, probes = build_table(City(name) for name in data)
    show_table(table, probes)
    print(f"figure saved to {draw_table(table, probes, Path(folder) / 'hash_table_collisions.png')}")


def figure_hash_table(build_table, doc, argv=None):
    """``figure_hash_table.py``: ``--output-dir``, then Figure 4-1."""
    from hpp.script import add_output_dir_argument, example_parser, output_dir

    parser = add_output_dir_argument(example_parser(doc), "04_dicts_sets", "the figure")
    args = parser.parse_args(argv)
    draw_figure_4_1(build_table, output_dir("04_dicts_sets", args.output_dir))
