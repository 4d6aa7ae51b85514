"""The prime validators' driver: what they share and the book does not teach.

The book's numbers and labels, the command line, the loop that times each
number and reports it in the book's format (``run_serial``, ``run_validator``:
the Pool, Manager, mmap or Redis flag around the variant's ``check_prime``),
the one-byte flag file of the mmap examples and a throw-away Redis. The range
checkers and ``check_prime`` of each variant are in its own script.
"""

import argparse
import contextlib
import math
import os
import tempfile
import time

from hpp.script import example_parser, fail, positive_int, redis_url
from hpp.service import redis_url_or_own_server

# The book's five numbers: a trivial non-prime, two 18-digit non-primes with large
# factors, two 18-digit primes (sqrt about 3.16e8: seconds of trial division each).
BOOK_NUMBERS = {
    "trivial non-prime": 112272535095295,
    "expensive non-prime18_1": 100109100129100369,
    "expensive non-prime18_2": 100109100129101027,
    "prime18_1": 100109100129100151,
    "prime18_2": 100109100129162907,
}
# Five numbers of the same kinds about 1e14 (sqrt about 1e7, 100 times less work):
# 3000017 x 33333161, 5400001 x 18518531, and the primes 100000000000031, 400000000000063.
SMALL_NUMBERS = {
    "trivial non-prime": 112272535095295,
    "expensive non-prime14_1": 100000049663737,
    "expensive non-prime14_2": 100000085918531,
    "prime14_1": 100000000000031,
    "prime14_2": 400000000000063,
}
KNOWN = {
    112272535095295: False,
    100109100129100369: False,
    100109100129101027: False,
    100109100129100151: True,
    100109100129162907: True,
    100000049663737: False,
    100000085918531: False,
    100000000000031: True,
    400000000000063: True,
}


def is_prime_serially(n):
    """Plain trial division, for numbers too small to be worth splitting over workers."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % i for i in range(3, math.isqrt(n) + 1, 2))


def numbers_argument(text):
    """argparse type: ``A,B,...``, whole numbers from 1 up."""
    try:
        numbers = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected whole numbers A,B,..., got {text!r}") from None
    if not numbers or min(numbers) < 1:
        raise argparse.ArgumentTypeError(f"expected whole numbers from 1 up, got {text!r}")
    return numbers


def add_arguments(parser, workers=True):
    from hpp.script import add_start_method_argument

    parser.add_argument(
        "--numbers",
        type=numbers_argument,
        help="numbers to check, A,B,... (default: the book's five, or the small five)",
    )
    parser.add_argument(
        "--scale",
        choices=("book", "small"),
        default="book",
        help="the book's five 18-digit numbers, or five of the same kinds "
        "about 1e14 (100 times less work each)",
    )
    parser.add_argument(
        "--repeat", type=positive_int, default=1, help="timings per number, best kept (the book: 20)"
    )
    if workers:
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=4,
            help="worker processes (the book: 4, 8 in the 3rd edition)",
        )
        add_start_method_argument(parser)


def validation_parser(doc, workers=True):
    """The example's parser with the numbers, ``--repeat`` and (with ``workers``) the pool flags."""
    parser = example_parser(doc)
    add_arguments(parser, workers)
    return parser


def chosen_numbers(args):
    """``{label: number}``, in the book's order."""
    if args.numbers:
        return {f"n{i}": n for i, n in enumerate(args.numbers, start=1)}
    return dict(BOOK_NUMBERS if args.scale == "book" else SMALL_NUMBERS)


def run_serial(doc, check_prime, argv=None):
    """The serial baseline: ``check_prime(n)`` on each number, its best time and its answer."""
    args = validation_parser(doc, workers=False).parse_args(argv)
    run_numbers(check_prime, chosen_numbers(args), args.repeat)


def run_validator(doc, check_prime, argv=None, make_pool=None, flag=None):
    """The book's loop: ``check_prime(n, pool, workers)`` on each number, its best time and its answer.

    The pool: a plain ``Pool`` when ``make_pool`` is None (with ``flag="manager"``, a
    ``Manager().Value`` flag passed to ``check_prime`` too); else ``make_pool(workers,
    start_method)``, ``make_pool(workers, path, start_method)`` for ``flag="mmap"`` (a
    one-byte flag file) or ``make_pool(workers, url, start_method)`` for ``flag="redis"``
    (``--redis-url`` or a throw-away redis-server).
    """
    import sys

    parser = validation_parser(doc)
    if flag == "redis":
        parser.add_argument(
            "--redis-url", type=redis_url, help="a Redis server, redis://HOST:PORT/DB (default: our own)"
        )
    args = parser.parse_args(argv)
    url = getattr(args, "redis_url", None)
    module = sys.modules[check_prime.__module__]
    if hasattr(module, "CHECK_EVERY"):
        print("CHECK_EVERY", module.CHECK_EVERY)
    print(f"Testing with {args.workers} processes")
    with contextlib.ExitStack() as stack:
        check = open_check(stack, check_prime, args.workers, args.start_method, make_pool, flag, url)
        run_numbers(check, chosen_numbers(args), args.repeat)


def open_check(stack, check_prime, workers, start_method=None, make_pool=None, flag=None, url=None):
    """``check(n)``: ``check_prime(n, pool, workers, ...)`` with the variant's Pool (and flag)
    opened on ``stack`` (a ``contextlib.ExitStack``); see ``run_validator``."""
    import multiprocessing
    import sys

    module = sys.modules[check_prime.__module__]
    extra = ()
    if make_pool is None:
        context = multiprocessing.get_context(start_method)
        if flag == "manager":
            manager = stack.enter_context(context.Manager())
            extra = (manager.Value(b"c", module.FLAG_CLEAR),)  # 1 byte character
        pool = stack.enter_context(context.Pool(processes=workers))
    elif flag == "mmap":
        stack.callback(lambda: module.sh_mem.close())
        path = stack.enter_context(flag_file())
        pool = stack.enter_context(make_pool(workers, path, start_method))
    elif flag == "redis":
        url = stack.enter_context(redis_url_or_own_server(url))
        pool = make_pool(workers, url, start_method)
        stack.callback(lambda: (module.rds.delete(module.FLAG_NAME), module.rds.close()))
        stack.enter_context(pool)
    else:
        pool = stack.enter_context(make_pool(workers, start_method))
    return lambda n: check_prime(n, pool, workers, *extra)


def run_numbers(check, numbers, repeat=1):
    """Check each number; print the book's line (label, number, best time) and ours; return the answers."""
    answers = []
    for label, n in numbers.items():
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            is_prime = check(n)
            best = min(best, time.perf_counter() - t0)
        print(f"{label:19} ({n}) {best: 3.6f}s")
        known = KNOWN.get(n)
        note = "" if known is None else ("  (right)" if known == is_prime else "  (WRONG)")
        print(f"{n} is prime: {is_prime}{note}")
        answers.append(is_prime)
    return answers


@contextlib.contextmanager
def flag_file(clear=b"\x00"):
    """The path of a temporary one-byte file holding ``clear``: the mmap examples' shared flag."""
    handle, path = tempfile.mkstemp(prefix="prime_flag_", suffix=".bin")
    try:
        os.write(handle, clear)
        os.close(handle)
        yield path
    finally:
        os.unlink(path)


def run_poll_timings(doc, time_the_polls, argv=None):
    """``primes_understand_comms_frequency.py``: the numbers at each ``--check-every`` interval."""
    parser = validation_parser(doc)
    parser.add_argument(
        "--check-every",
        type=numbers_argument,
        default=[10, 100, 1000, 10000, 100000],
        help="polling intervals to try, A,B,... (trial divisions between flag reads)",
    )
    args = parser.parse_args(argv)
    time_the_polls(chosen_numbers(args).values(), args.workers, args.check_every, args.start_method)


def run_create_range(doc, create, argv=None):
    """``create_range.py``: print ``create(start, stop, blocks)``."""
    parser = example_parser(doc)
    parser.add_argument("--start", type=positive_int, default=1, help="the first number (from_i)")
    parser.add_argument("--stop", type=positive_int, default=31, help="the end, not included (to_i)")
    parser.add_argument("--blocks", type=positive_int, default=4, help="how many ranges (nbr_ranges)")
    args = parser.parse_args(argv)
    try:
        ranges = create(args.start, args.stop, args.blocks)
    except ValueError as error:
        fail(str(error))
    print(f"create({args.start}, {args.stop}, {args.blocks}) = {ranges}")


def run_count_of_factors(doc, count_and_plot, argv=None):
    """``create_count_of_factors_for_nonprimes.py``: ``count_and_plot(stop, workers, start_method, path)``."""
    from hpp.script import add_start_method_argument, output_dir, writable_dir

    parser = example_parser(doc)
    parser.add_argument(
        "--stop", type=positive_int, default=10**7, help="count in [3, stop) (the book: 10**7)"
    )
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes (the book: 4)")
    add_start_method_argument(parser)
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    if args.stop < 5:
        fail(f"create_count_of_factors_for_nonprimes.py: --stop must be at least 5, got {args.stop}")
    path = output_dir("09_multiprocessing", args.output_dir) / "primes_validation_count_of_factors.png"
    count_and_plot(args.stop, args.workers, args.start_method, path)


# ---------------------------------------------------------------- plot_prime_validation_times.py

VARIANTS = {  # the book's series (serial, pool, Manager, RawValue, mmap, mmap3 flag): (script, flag kind)
    "serial": ("primes", None),
    "pool": ("primes_pool_per_number2", "plain"),
    "manager": ("primes_pool_per_number_manager", "manager"),
    "rawvalue": ("primes_pool_per_number_value", "value"),
    "mmap": ("primes_pool_per_number_mmap", "mmap"),
    "mmap3": ("primes_pool_per_number_mmap3", "mmap"),
}


def variant_check(label, workers, start_method, stack):
    """``check(n)`` for one of ``VARIANTS``, its Pool (and flag) opened on ``stack``."""
    import importlib

    name, kind = VARIANTS[label]
    module = importlib.import_module(name)
    if kind is None:
        return module.check_prime
    make_pool = getattr(module, "make_pool", None) if kind in ("value", "mmap") else None
    return open_check(stack, module.check_prime, workers, start_method, make_pool, kind)


def _plot_validation_times(book_times, rows, labels, names, workers, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    seconds = {(r[0], r[1]): r[3] for r in rows}
    fig, (ours, book) = plt.subplots(1, 2, figsize=(12, 4.5), sharey=False)
    width = 0.8 / len(labels)
    for i, label in enumerate(labels):
        x = np.arange(len(names)) + i * width
        ours.bar(x, [seconds[label, name] for name in names], width, label=label)
        if label in book_times and len(book_times[label]) == len(names):  # the book timed its five
            book.bar(x, book_times[label], width, label=label)
    short = ["trivial", "non-prime 1", "non-prime 2", "prime 1", "prime 2"][: len(names)]
    for ax, title in ((ours, f"this machine, {workers} processes"), (book, "the book (3e), 8 processes")):
        ax.set_xticks(np.arange(len(names)) + 0.4 - width / 2, short if len(names) == 5 else names)
        ax.set_ylabel("seconds")
        ax.set_title(title)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=8)
    fig.suptitle("Verifying primes: seconds per number for each validator, this machine beside the book")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _compare_validators(time_validators, book_times, labels, numbers, workers, repeat, start_method, folder):
    """Time every variant on every number, check the answers, print, write the CSV, draw the figure."""
    import csv

    rows = time_validators(labels, numbers, workers, repeat, start_method)
    for label, name, n, seconds, answer in rows:
        known = KNOWN.get(n)
        assert known is None or known == answer, f"{label} says {n} is prime: {answer}"
        print(f"{label:14} {name:24} ({n}) {seconds:10.6f}s  is prime: {answer}")
    with open(folder / "prime_validation_times.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["variant", "number_label", "number", "seconds", "is_prime"])
        writer.writerows(rows)
    _plot_validation_times(
        book_times, rows, labels, list(numbers), workers, folder / "prime_validation_times.png"
    )
    print(f"saved {folder / 'prime_validation_times.png'}")
    return rows


def run_validation_times(doc, time_validators, book_times, argv=None):
    """``plot_prime_validation_times.py``: flags, then ``time_validators`` on every variant and number."""
    from hpp.script import comma_choices, output_dir, writable_dir

    parser = validation_parser(doc)
    parser.add_argument("--variants", type=comma_choices(*VARIANTS), default=list(VARIANTS), help="which")
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    folder = output_dir("09_multiprocessing", args.output_dir)
    numbers = chosen_numbers(args)
    _compare_validators(
        time_validators,
        book_times,
        args.variants,
        numbers,
        args.workers,
        args.repeat,
        args.start_method,
        folder,
    )
