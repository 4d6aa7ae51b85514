"""The drivers of chapter 03's list and tuple scripts (not book examples): flags, timings, tables, plots.

Each script holds its lesson (the book's listing, or ours for a point the book makes in prose) and
a ``main`` of a line or two that calls its driver here with the lesson's functions.
"""

import sys
import timeit

# ---------------------------------------------------------------- list_overallocation.py


def compare_growth(lesson, appends):
    """Print the formula's capacities beside CPython's: while growing, after ``appends`` appends.

    ``lesson`` is ``list_overallocation.py``: the formula, its model and the observed capacities.
    """
    print(f"formula: M(1) = {lesson.new_allocation(1)}, M(9) = {lesson.new_allocation(9)}")
    model = [capacity for _, capacity in lesson.model_steps(120)]
    seen = [capacity for _, capacity in lesson.observed_steps(120)]
    print(f"capacities by the formula:  {', '.join(map(str, model))}")
    print(
        f"capacities observed ({sys.implementation.name} {sys.version.split()[0]}): "
        f"{', '.join(map(str, seen))}"
    )
    observed = lesson.observed_capacity_after(appends)
    modelled = lesson.model_capacity(appends)
    print(
        f"after {appends:,} appends: capacity by the formula = {modelled:,}, "
        f"observed = {observed:,}, spare = {observed - appends:,} "
        f"({(observed - appends) / appends:.1%})"
    )
    big = 100_000_000
    print(
        f"after {big:,} appends (formula only): capacity = {lesson.model_capacity(big):,} "
        f"({(lesson.model_capacity(big) - big) / big:.1%} more slots than a tuple of the same items)"
    )
    print(f"Example 3-6 capacities for [1, 2] then 4 appends: {lesson.example_3_6()}")
    exact = list(range(appends))
    print(
        f"list(range({appends:,})) capacity = {lesson.observed_capacity(exact):,} (sized once, no spare room)"
    )


def plot_overallocation(observed_capacity, length, folder):
    """Capacity against length, appending one item at a time; saved as ``list_overallocation.png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lst, lengths, capacities = [], [], []
    for i in range(length):
        lst.append(i)
        lengths.append(len(lst))
        capacities.append(observed_capacity(lst))
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.step(lengths, capacities, where="post", label="capacity (sys.getsizeof)")
    ax.plot(lengths, lengths, "--", color="grey", label="length")
    ax.set_xlabel("length of the list (items appended)")
    ax.set_ylabel("allocated slots")
    ax.set_title(f"List over-allocation, CPython {sys.version.split()[0]}")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = folder / "list_overallocation.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def run_list_overallocation(doc, lesson, argv=None):
    """``list_overallocation.py``: --appends, --plot-length, --output-dir; the comparison, then the plot."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--appends", type=positive_int, default=1_000_000, help="appends to compare")
    parser.add_argument("--plot-length", type=positive_int, default=2_000, help="longest list plotted")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for list_overallocation.png")
    args = parser.parse_args(argv)
    compare_growth(lesson, args.appends)
    folder = output_dir("03_lists_tuples", args.output_dir)
    path = plot_overallocation(lesson.observed_capacity, args.plot_length, folder)
    print(f"plot saved to {path}")


# ---------------------------------------------------------------- tuple_caching.py

VARIABLES = "a, b, c, d, e, f, g, h, i, j = range(10)"

# timeit's own loop, which also hands back the value the last timed run built
TIMED_LOOP = """
def timed_loop(number, timer):
    {variables}
    value = None
    start = timer()
    for _ in range(number):
        value = {statement}
    return timer() - start, value
"""


def timed_loop_for(statement):
    """``timed_loop(number, timer) -> (seconds, value built)`` for ``statement`` (the variables a..j set)."""
    namespace = {}
    exec(TIMED_LOOP.format(variables=VARIABLES, statement=statement), namespace)
    return namespace["timed_loop"]


def compare_lists_and_tuples(lesson, number):
    """Show what a tuple is and does, the bytecode of each literal, and time each build ``number`` times.

    ``lesson`` is ``tuple_caching.py``: its builders, statements and checks.
    """
    print(f"t[0] = 5 -> TypeError: {lesson.tuple_is_immutable()}")
    lesson.print_concatenation()
    print(f"() is () : {tuple() is tuple()}")
    print(f"freed 5-tuple's memory reused by the next 5-tuple: {lesson.freed_tuple_is_reused(5)}")
    print(
        f"sys.getsizeof: list of 10 = {sys.getsizeof(lesson.list_literal())} bytes, "
        f"tuple of 10 = {sys.getsizeof(lesson.tuple_literal())} bytes"
    )
    for function in lesson.BUILDERS:
        ops = sorted(
            op
            for op in lesson.opnames(function)
            if op.startswith(("BUILD", "LIST", "LOAD_CONST", "RETURN_CONST"))
        )
        print(f"{function.__name__:22s} bytecode: {', '.join(ops)}")
    statements = lesson.STATEMENTS
    loops = {name: timed_loop_for(statement) for name, statement in statements.items()}
    times = {
        name: min(loop(number, timeit.default_timer)[0] for _ in range(3)) / number
        for name, loop in loops.items()
    }
    for name, seconds in times.items():
        print(f"{statements[name]:32s} {seconds * 1e9:8.1f} ns")
    print(
        f"list literal / tuple literal = {times['list_literal'] / times['tuple_literal']:.1f}x "
        f"(the book: 77.6 ns / 9.5 ns = 8.2x)"
    )


def run_tuple_caching(doc, lesson, argv=None):
    """``tuple_caching.py``: --number (timeit's runs per statement), then the comparison."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--number", type=positive_int, default=1_000_000, help="timeit runs per statement")
    compare_lists_and_tuples(lesson, parser.parse_args(argv).number)


# ---------------------------------------------------------------- list_indexing.py


def time_lookup(size, index, number):
    """``(value, seconds per lookup)`` of ``l[index]`` in ``l = list(range(size))``."""
    l = list(range(size))
    seconds = (
        min(timeit.repeat("l[index]", globals={"l": l, "index": index}, number=number, repeat=5)) / number
    )
    return l[index], seconds


def compare_lookups(lookup, executed_instructions, size, index, number):
    """Time ``l[5]`` in 10 items against ``l[index]`` in ``size`` items; count their instructions."""
    short_value, short = time_lookup(10, 5, number)
    long_value, long = time_lookup(size, index, number)
    print(f"list(range(10))[5] = {short_value}    {short * 1e9:.1f} ns")
    print(f"list(range({size}))[{index}] = {long_value}    {long * 1e9:.1f} ns")
    print(f"long / short = {long / short:.2f}")
    short_ops = executed_instructions(lookup, list(range(10)), 5)
    long_ops = executed_instructions(lookup, list(range(size)), index)
    print(f"bytecode instructions per lookup: {short_ops} (10 items), {long_ops} ({size:,} items)")


def run_list_indexing(doc, lookup, executed_instructions, argv=None):
    """``list_indexing.py``: --size, --index, --number (timeit's lookups per run), then the comparison."""
    from hpp.script import example_parser, fail, non_negative_int, positive_int

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=10_000_000, help="length of the long list")
    parser.add_argument("--index", type=non_negative_int, default=100_000, help="index looked up (< --size)")
    parser.add_argument(
        "--number", type=positive_int, default=10_000_000, help="timeit's lookups per run (best of 5)"
    )
    args = parser.parse_args(argv)
    if args.index >= args.size:
        fail(f"--index must be between 0 and --size - 1 ({args.size - 1})")
    compare_lookups(lookup, executed_instructions, args.size, args.index, args.number)


# ---------------------------------------------------------------- overallocation_memory_use.py

BOOK_SAMPLES = 1_000_000


def outer_list_size(samples):
    """The size of the outer list of ``samples`` references, built by a comprehension."""
    return sys.getsizeof([None for _ in range(samples)])


def compare_memory_use(lesson, samples, sample_size, seed=0):
    """Print the three variants' sizes for ``samples`` samples, projected to the book's count if fewer.

    ``lesson`` is ``overallocation_memory_use.py``: its ``measure`` and ``report``.
    """
    print(f"Creating {samples:,} samples of {sample_size} items each")
    sizes = lesson.measure(samples, sample_size, seed)
    lesson.report("", {name: total for name, (total, _) in sizes.items()})
    for name, (_, per_sample) in sizes.items():
        print(f"per sample ({name}): {per_sample:.0f} bytes")
    if samples != BOOK_SAMPLES:
        outer = outer_list_size(BOOK_SAMPLES)
        projected = {name: per_sample * BOOK_SAMPLES + outer for name, (_, per_sample) in sizes.items()}
        print(f"Projected to {BOOK_SAMPLES:,} samples from the measured sizes:")
        lesson.report("  ", projected)


def run_overallocation_memory_use(doc, lesson, argv=None):
    """``overallocation_memory_use.py``: --samples, --sample-size, --seed; the sizes, then the projection."""
    from hpp.script import example_parser, positive_int, seed

    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=BOOK_SAMPLES, help="number of samples")
    parser.add_argument(
        "--sample-size", type=positive_int, default=lesson.sample_size, help="items per sample"
    )
    parser.add_argument("--seed", type=seed, default=0, help="random seed")
    args = parser.parse_args(argv)
    compare_memory_use(lesson, args.samples, args.sample_size, args.seed)


# ---------------------------------------------------------------- bisect_example.py


def run_bisect_example(doc, report, sorted_random_list, book_haystack, argv=None):
    """``bisect_example.py``: ``report`` on the book's list, then on a seeded random list (--seed, --size)."""
    from hpp.script import example_parser, non_negative_int, positive_int

    parser = example_parser(doc)
    parser.add_argument("--seed", type=non_negative_int, default=0, help="seed of the random list")
    parser.add_argument("--size", type=positive_int, default=10, help="length of the random list")
    args = parser.parse_args(argv)
    print("The book's list:")
    report(book_haystack)
    print(f"\nA random list (seed {args.seed}):")
    report(sorted_random_list(args.size, args.seed))
