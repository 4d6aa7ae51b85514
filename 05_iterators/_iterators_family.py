"""The drivers of chapter 5's examples: flags, measurements and result lines.

Each script keeps the book's listing and a ``main`` of one or two lines that
calls one of these with its own module: ``fibonacci.py`` ->
``compare_fibonacci``, ``iter_vs_list_comprehension.py`` -> ``compare_memory``,
``itertools_tour.py`` -> ``tour``, ``lazy_data_analysis.py`` ->
``find_anomalies``.
"""

import gc
import inspect
import tracemalloc
from itertools import islice

from hpp.script import (
    example_parser,
    existing_file,
    fail,
    non_negative_int,
    positive_float,
    positive_int,
)

MIB = 2**20


# ---------------------------------------------------------------- measurements


def measure(function, *args, repeat=3):
    """``(best seconds, peak MiB allocated)`` of ``function(*args)``."""
    from hpp.timing import repeat_timer

    timing, _ = repeat_timer(lambda: function(*args), repeat=repeat, warmup=False)
    _, peak = tracemalloc_peak(function, *args)
    return timing.min, peak


def tracemalloc_peak(function, *args):
    """``(result, peak MiB of Python allocations during the call)``."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / MIB


def rss_increment(function, *args):
    """``(result, peak RSS during the call - RSS before, in MiB)`` with memory_profiler."""
    from memory_profiler import memory_usage

    gc.collect()
    before = memory_usage(-1, interval=0.01, timeout=0.05, max_usage=True)
    peak, result = memory_usage((function, args), interval=0.005, max_usage=True, retval=True)
    return result, peak - before


def items_parser(doc, default, help):
    parser = example_parser(doc)
    parser.add_argument("--items", type=positive_int, default=default, help=help)
    return parser


# ---------------------------------------------------------------- fibonacci.py


def compare_fibonacci(fib, argv=None):
    """Show the two Fibonacci versions agree, time them and their peak memory, run the book's examples."""
    parser = items_parser(fib.__doc__, 100_000, "Fibonacci numbers to loop over")
    parser.add_argument("--repeat", type=positive_int, default=3)
    args = parser.parse_args(argv)
    items = args.items
    print(f"fibonacci_gen(10) = {list(fib.fibonacci_gen(10))}")
    print(f"fibonacci_list(10) = {fib.fibonacci_list(10)}")
    same_type = type(fib.fibonacci_gen(10)) == type(iter(fib.fibonacci_gen(10)))  # noqa: E721
    print(f"type(fibonacci_gen(10)) == type(iter(fibonacci_gen(10))): {same_type}")
    results = {}
    for func in (fib.fibonacci_list, fib.fibonacci_gen):
        seconds, peak = measure(fib.test_fibonacci, func, items, repeat=args.repeat)
        results[func.__name__] = (seconds, peak)
        print(f"test_fibonacci({func.__name__}, {items}): {seconds * 1e3:.1f} ms, peak memory {peak:.2f} MiB")
    (list_s, list_mb), (gen_s, gen_mb) = results.values()
    print(
        f"generator: {list_s / gen_s:.2f}x faster, {list_mb / max(gen_mb, 1e-9):.0f}x less memory "
        f"(the book: 2.7x faster, 418.48 MiB against 0.00 MiB)"
    )
    print(f"divisible_by_three (list) = {fib.divisible_by_three_list(items)}")
    print(f"divisible_by_three (generator) = {fib.divisible_by_three_gen(items)}")
    print(
        f"odd Fibonacci numbers below 5,000: naive = {fib.fibonacci_naive()}, "
        f"transform = {fib.fibonacci_transform()}, succinct = {fib.fibonacci_succinct()}"
    )
    return results


# ---------------------------------------------------------------- iter_vs_list_comprehension.py


def compare_memory(functions, doc, argv=None):
    """Print each function's result, its tracemalloc peak and its RSS increment."""
    args = items_parser(doc, 10_000_000, "count in range(ITEMS)").parse_args(argv)
    for function in functions:
        result, traced = tracemalloc_peak(function, args.items)
        _, rss = rss_increment(function, args.items)
        print(f"{function.__name__}({args.items}) = {result}")
        print(f"  tracemalloc peak {traced:8.2f} MiB, RSS increment {rss:8.2f} MiB")


# ---------------------------------------------------------------- itertools_tour.py


def tour(module, argv=None):
    """Print the result of every plain function of ``module`` (its generators are the building blocks)."""
    example_parser(module.__doc__).parse_args(argv)
    for name, function in vars(module).items():
        ours = inspect.isfunction(function) and function.__module__ == module.__name__
        if ours and not inspect.isgeneratorfunction(function) and name != "main":
            print(f"{name} = {function()!r}")
    source = "itertools.batched" if module.batched is not module.batched_recipe else "the docs' recipe"
    print(f"batched comes from {source}")


# ---------------------------------------------------------------- lazy_data_analysis.py


def find_anomalies(lazy, argv=None):
    """Parse the flags, stream the data (fake or ``--input``) and print the first anomalous days."""
    parser = example_parser(lazy.__doc__)
    parser.add_argument("--anomalies", type=positive_int, default=5, help="anomalous days to find")
    parser.add_argument("--seed", type=non_negative_int, default=0, help="seed of the fake stream")
    parser.add_argument("--input", type=existing_file, help="a CSV of timestamp,value lines to read")
    parser.add_argument("--threshold", type=positive_float, default=1e-3, help="normaltest's p-value cut-off")
    methods = ("normaltest", "welford")
    parser.add_argument("--method", choices=methods, default="normaltest", help="3rd edition or 1st/2nd")
    args = parser.parse_args(argv)
    if args.threshold >= 1:
        fail("--threshold must be below 1")
    data = lazy.read_data(args.input) if args.input else lazy.read_fake_data("fake_filename", args.seed)
    try:
        if args.method == "welford":
            found = 0
            for found, day in enumerate(islice(lazy.anomalous_days(data), args.anomalies), 1):
                print(f"Anomaly on {day} (max > mean + 6 standard deviations)")
        else:
            found = lazy.print_anomalies(data, args.anomalies, args.threshold)
    except (ValueError, OSError, UnicodeDecodeError) as error:  # a bad line in --input
        fail(f"lazy_data_analysis.py: {error}")
    print(f"anomalous days found = {found}")
