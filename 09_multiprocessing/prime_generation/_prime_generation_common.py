"""The prime generators' driver: the book's ranges, the flags, the timing and the report.

The trial division (``check_prime``), the Pools, queues and pipes are in the
scripts the book names (``primes.py``, ``primes_pool.py``, ``primes_queue.py``,
...); each script's ``main`` hands its ``find_primes`` to ``run_finder``, which
reads the flags it takes from its signature. ``run_orders``, ``run_sweep``,
``run_chunksizes`` and ``run_serial_vs_queues`` drive the measuring scripts.
"""

import inspect
import math
import time

from hpp.script import add_start_method_argument, example_parser, fail, non_negative_int, positive_int

# The book's ranges [start, stop) and how many primes each holds.
RANGES = {
    "A": (100_000_000, 100_010_000, 551),
    "B": (100_000_000, 100_100_000, 5_411),
    "C": (100_000_000, 101_000_000, 54_208),
    "D": (1_000_000_000, 1_000_100_000, 4_832),
    "E": (100_000_000_000, 100_000_100_000, 4_019),
}


def add_range_arguments(parser, default="C"):
    parser.add_argument(
        "--range",
        choices=sorted(RANGES),
        default=default,
        help="the book's ranges: A [1e8, 1e8+1e4), B [1e8, 1e8+1e5), "
        "C [1e8, 1.01e8), D [1e9, 1e9+1e5), E [1e11, 1e11+1e5)",
    )
    parser.add_argument("--start", type=non_negative_int, help="first number (overrides --range)")
    parser.add_argument("--stop", type=non_negative_int, help="end of the range, excluded")


def range_parser(doc, default="C", start_method=False):
    """The example's parser with the range flags every prime finder takes (and ``--start-method``)."""
    parser = example_parser(doc)
    add_range_arguments(parser, default)
    if start_method:
        add_start_method_argument(parser)
    return parser


def queue_parser(doc):
    """The parser of the queue scripts: the range, the workers, ``--queue`` and ``--start-method``."""
    parser = range_parser(doc, start_method=True)
    add_queue_arguments(parser)
    return parser


def add_pool_arguments(parser):
    """The Pool scripts' ``--workers`` and ``--shuffle``."""
    parser.add_argument("--workers", type=positive_int, default=4, help="Pool size (the book: 8)")
    parser.add_argument("--shuffle", action="store_true", help="shuffle the numbers first")


def add_queue_arguments(parser):
    """The queue scripts' workers (the book's ``nbr_workers`` or ``--workers``) and ``--queue``."""
    parser.add_argument("nbr_workers", nargs="?", type=positive_int, help="worker processes (the book's)")
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="workers when nbr_workers is not given"
    )
    parser.add_argument(
        "--queue",
        choices=("manager", "multiprocessing"),
        default="manager",
        help="Manager().Queue() as in the book",
    )


def chosen_range(args):
    """``(start, stop, expected count or None)`` from the parsed flags."""
    start, stop, expected = RANGES[args.range]
    if args.start is not None or args.stop is not None:
        start = args.start if args.start is not None else start
        stop = args.stop if args.stop is not None else stop
        expected = None
    if not start < stop:
        fail(f"expected --start < --stop, got {start} and {stop}")
    return start, stop, expected


def report(primes, start, stop, expected, elapsed):
    print(f"range = [{start}, {stop})")
    print(f"primes found = {len(primes)}")
    if primes:
        print(f"first = {min(primes)}, last = {max(primes)}")
    if expected is not None:
        print(f"the book's count = {expected}")
    print(f"time = {elapsed:.2f} s")


def run_finder(doc, find_primes, argv=None, shuffle=False, candidates=None):
    """Find the primes of the book's range with ``find_primes``, timed, and report them.

    ``find_primes(start, stop)`` runs serially; otherwise it takes the numbers and, by the
    names of its parameters, the workers (``nbr_processes``/``nbr_workers``: ``--workers``,
    and the book's positional ``nbr_workers`` for the queues, which take ``kind``:
    ``--queue``), ``chunksize``, ``processes`` (``--pool threads|processes``) and
    ``start_method``. ``shuffle`` adds ``--shuffle``; ``candidates(start, stop)`` picks the
    numbers to send. A ``(primes, chunks)`` answer also prints the chunks sent.
    """
    parameters = inspect.signature(find_primes).parameters
    parser = range_parser(doc, start_method="start_method" in parameters)
    if "kind" in parameters:
        add_queue_arguments(parser)
    elif "nbr_processes" in parameters or "nbr_workers" in parameters:
        parser.add_argument("--workers", type=positive_int, default=4, help="worker processes (the book: 8)")
    if shuffle:
        parser.add_argument("--shuffle", action="store_true", help="shuffle the numbers first")
    if "chunksize" in parameters:
        default = parameters["chunksize"].default
        parser.add_argument(
            "--chunksize",
            type=positive_int,
            default=default,
            help=f"numbers per message (default: {default or 'Pool.map' + chr(39) + 's'})",
        )
    if "processes" in parameters:
        parser.add_argument(
            "--pool", choices=("threads", "processes"), default="processes", help="the executor's workers"
        )
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)
    keywords = {}
    if "start_method" in parameters:
        keywords["start_method"] = args.start_method
    if "chunksize" in parameters:
        keywords["chunksize"] = args.chunksize
    if "kind" in parameters:
        keywords["kind"] = args.queue
    if "processes" in parameters:
        keywords["processes"] = args.pool == "processes"
        print("Using ProcessPoolExecutor" if keywords["processes"] else "Using ThreadPoolExecutor")
    if "start" in parameters:
        t0 = time.perf_counter()
        found = find_primes(start, stop)
    else:
        workers = (getattr(args, "nbr_workers", None) or args.workers,)
        numbers = list(range(start, stop)) if candidates is None else candidates(start, stop)
        if shuffle and args.shuffle:
            import random

            random.Random(0).shuffle(numbers)
        t0 = time.perf_counter()
        found = find_primes(numbers, *workers, **keywords)
        if candidates is not None:
            print(f"candidates queued = {len(numbers)} of {stop - start}")
    elapsed = time.perf_counter() - t0
    if isinstance(found, tuple):
        found, nbr_chunks = found
        print(f"chunks sent = {nbr_chunks}")
    report(found, start, stop, expected, elapsed)


# ---------------------------------------------------------------- primes_pool_slowest_first.py


def make_jobs(nbr_jobs, check_prime, max_exponent=12, seed=0):
    """``nbr_jobs`` primes, each the first prime above 10**x for x uniform in [6, ``max_exponent``]."""
    import random

    rng = random.Random(seed)
    jobs = []
    for _ in range(nbr_jobs):
        n = int(10 ** rng.uniform(6, max_exponent)) | 1
        while not check_prime(n):
            n += 2
        jobs.append(n)
    return jobs


def run_order(jobs, pool, check_prime):
    """Seconds for ``pool`` to check every job, one per message, in the given order."""
    start = time.perf_counter()
    answers = list(pool.imap_unordered(check_prime, jobs, chunksize=1))
    seconds = time.perf_counter() - start
    assert all(answers), "a job that is prime was not found prime"
    return seconds


def compare_orders(module, nbr_jobs, nbr_workers, max_exponent=12, seed=0, start_method=None):
    """Print each order's simulated makespan and measured time; return ``{order: (makespan, seconds)}``.

    ``module``: the script, with ``trial_divisions``, ``makespan`` and ``orders``; the jobs are
    ``primes_pool.check_prime``.
    """
    import multiprocessing

    from primes_pool import check_prime

    jobs = make_jobs(nbr_jobs, check_prime, max_exponent, seed)
    costs = [module.trial_divisions(n) for n in jobs]
    bound = max(math.ceil(sum(costs) / nbr_workers), max(costs))
    print(f"jobs = {nbr_jobs} primes from {min(jobs)} to {max(jobs)}, workers = {nbr_workers}")
    print(f"trial divisions: total = {sum(costs)}, largest job = {max(costs)}, lower bound = {bound}")
    results = {}
    with multiprocessing.get_context(start_method).Pool(nbr_workers) as pool:
        pool.map(check_prime, [3] * nbr_workers)  # the workers started before any timing
        for name, order in module.orders(jobs, seed).items():
            simulated = module.makespan([module.trial_divisions(n) for n in order], nbr_workers)
            seconds = run_order(order, pool, check_prime)
            results[name] = (simulated, seconds)
            print(
                f"{name}: simulated makespan = {simulated} divisions ({simulated / bound:.3f}x the bound), "
                f"measured = {seconds:.3f} s"
            )
    return results


def run_orders(doc, orders, argv=None):
    """``primes_pool_slowest_first.py``: flags, then ``compare_orders`` on the script of ``orders``."""
    import sys

    from hpp.script import int_range, seed

    parser = example_parser(doc)
    parser.add_argument("--items", type=positive_int, default=40, help="primes to check (jobs)")
    parser.add_argument("--workers", type=positive_int, default=4, help="Pool size")
    parser.add_argument("--max-exponent", type=int_range(7, 13), default=12, help="primes up to 10**this")
    parser.add_argument("--seed", type=seed, default=0, help="which primes, and the shuffle")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    module = sys.modules[orders.__module__]
    compare_orders(module, args.items, args.workers, args.max_exponent, args.seed, args.start_method)


# ---------------------------------------------------------------- primes_timed_makes_graph.py


def run_sweep(doc, time_check_prime, plot, argv=None):
    """Time ``check_prime`` on each n of the sweep, print the medians and plot the times."""
    import statistics

    from hpp.script import output_dir, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--start", type=positive_int, default=10_001, help="first n (the book: 10001)")
    parser.add_argument(
        "--stop", type=positive_int, default=1_000_000, help="end, excluded (the book: 1,000,000)"
    )
    parser.add_argument("--step", type=positive_int, default=10, help="step between the n (the book: 10)")
    parser.add_argument(
        "--repeat", type=positive_int, default=200, help="timings per n, best kept (the book: 200)"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    if args.start >= args.stop:
        fail(f"expected --start < --stop, got {args.start} and {args.stop}")
    path = output_dir("09_multiprocessing", args.output_dir) / "primes_timed.png"
    results = time_check_prime(range(args.start, args.stop, args.step), args.repeat)
    prime_times = [t for _, p, t in results if p]
    other_times = [t for _, p, t in results if not p]
    print(f"numbers timed = {len(results)}")
    print(f"primes among them = {len(prime_times)}")
    if prime_times:
        print(f"median time for a prime = {statistics.median(prime_times) * 1e6:.1f} us")
    if other_times:
        print(f"median time for a non-prime = {statistics.median(other_times) * 1e6:.1f} us")
    plot(results, path)
    print(f"figure = {path}")


# ---------------------------------------------------------------- plot_serial_vs_queue_times.py


def worker_counts(max_workers):
    """1, 2, 4 ... up to ``max_workers`` (and ``max_workers`` itself), as the book's 1, 2, 4, 8."""
    counts, n = [], 1
    while n < max_workers:
        counts.append(n)
        n *= 2
    return counts + [max_workers]


def _plot_serial_vs_queues(book_serial, book_queue_times, rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    serial = rows[0][2]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [row[0] for row in rows]
    ax.bar(range(len(rows)), [row[2] / serial for row in rows], label="this machine")
    book = [book_serial] + [book_queue_times.get(row[1]) for row in rows[1:]]
    ax.plot(
        [i for i, t in enumerate(book) if t],
        [t / book_serial for t in book if t],
        "s",
        color="tab:orange",
        label="the book (3e, range C)",
    )
    ax.axhline(1, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(rows)), labels)
    ax.set_ylabel("time / serial time")
    slowest = max(row[2] for row in rows[1:]) / serial
    ax.set_title(
        f"Primes through Manager queues, one message per number: up to {slowest:.1f}x the serial time"
    )
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def run_serial_vs_queues(doc, serial_vs_queues, book_serial, book_queue_times, argv=None):
    """Measure serial against the queues, print, write the CSV and draw the figure."""
    import csv

    from hpp.script import output_dir, writable_dir

    parser = queue_parser(doc)
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    start, stop, _ = chosen_range(args)
    workers = args.nbr_workers or args.workers
    folder = output_dir("09_multiprocessing", args.output_dir)
    rows, found = serial_vs_queues(start, stop, workers, args.queue, args.start_method)
    print(f"range = [{start}, {stop}), primes found = {len(found)} by every run")
    for label, _, seconds, messages in rows:
        extra = f", {messages} queue messages" if messages else ""
        print(f"{label}: {seconds:.3f} s ({seconds / rows[0][2]:.1f}x serial){extra}")
    with open(folder / "serial_vs_queue_times.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["label", "workers", "seconds", "messages"])
        writer.writerows(rows)
    _plot_serial_vs_queues(book_serial, book_queue_times, rows, folder / "serial_vs_queue_times.png")
    print(f"saved {folder / 'serial_vs_queue_times.png'}")
    return rows


# ---------------------------------------------------------------- primes_pool_plot_chunksizetimes.py


def run_chunksizes(doc, time_chunksizes, book_chunksizes, argv=None):
    """``primes_pool_plot_chunksizetimes.py``: flags, then ``time_chunksizes``."""
    from hpp.script import output_dir, writable_dir

    parser = range_parser(doc, default="B", start_method=True)
    add_pool_arguments(parser)
    parser.add_argument("--by", choices=("chunksize", "nbrchunks"), default="chunksize")
    parser.add_argument(
        "--chunksizes", type=positive_int, nargs="+", default=list(book_chunksizes), help="sizes to time"
    )
    parser.add_argument(
        "--max-chunks", type=positive_int, default=32, help="time 1 .. this many chunks (--by nbrchunks)"
    )
    parser.add_argument("--repeat", type=positive_int, default=10, help="runs per point, best kept")
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    xs = args.chunksizes if args.by == "chunksize" else list(range(1, args.max_chunks + 1))
    folder = output_dir("09_multiprocessing", args.output_dir)
    time_chunksizes(
        *chosen_range(args), args.workers, args.by, xs, args.repeat, args.shuffle, args.start_method, folder
    )
