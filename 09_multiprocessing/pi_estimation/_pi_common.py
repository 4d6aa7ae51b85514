"""The pi family's driver: splitting, seeds, flags, timing and the one result line.

The dart-throwing functions themselves are in the scripts the book names
(``pi_lists_parallel.py``, ``pi_numpy_serial.py``, ...); each script's ``main``
hands them to one ``run_...`` here, one per kind of estimator: ``run_series``
(one process), ``run_pool`` (a Pool of threads or ``--processes``), ``run_jobs``
and ``run_cached_twice`` (Joblib), ``run_draws`` (the random-state pitfall) and
``run_diagram`` (the Monte Carlo figure). Each prints the estimate once, through
``hpp.printout.print_pi_estimate``.
"""

import argparse
import math
import time

import numpy as np

from hpp.script import positive_int


def split(total, parts):
    """``total`` as ``parts`` near-equal whole numbers that add up to ``total``."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def child_seeds(seed, parts):
    """Independent seeds for ``parts`` workers from one seed (``SeedSequence.spawn``).

    Returns ``[None] * parts`` when ``seed`` is None (unseeded runs).
    """
    if seed is None:
        return [None] * parts
    return [int(child.generate_state(1)[0]) for child in np.random.SeedSequence(seed).spawn(parts)]


def pi_from(inside, total):
    """The estimate: the quarter circle covers pi/4 of the unit square."""
    return 4 * inside / total


def standard_error(total):
    """The standard error of the pi estimate for ``total`` darts."""
    p = math.pi / 4
    return 4 * (p * (1 - p) / total) ** 0.5


def samples_argument(text):
    """argparse type: a positive whole number of darts, also written as 1e8 (at most 1e12)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of darts, got {text!r}") from None
    if not (1 <= value <= 1e12) or value != math.floor(value):  # also refuses nan and 1e400
        raise argparse.ArgumentTypeError(f"expected a whole number of darts from 1 to 1e12, got {text!r}")
    return int(value)


def _pi_parser(doc, samples_help="darts in total (the book: 1e8)"):
    """The example's parser with the flags every dart thrower takes: ``--samples`` and ``--seed``."""
    from hpp.script import example_parser, seed

    parser = example_parser(doc)
    parser.add_argument(
        "--samples", "--nbr_samples_in_total", type=samples_argument, default=int(1e8), help=samples_help
    )
    parser.add_argument("--seed", type=seed, help="seed for a reproducible run (default: unseeded)")
    return parser


def _add_pool_arguments(parser, processes_help="a Pool of processes (the default: threads)"):
    """The book's ``nbr_workers`` argument (or ``--workers``), ``--processes`` and ``--start-method``."""
    from hpp.script import add_start_method_argument

    parser.add_argument(
        "nbr_workers", nargs="?", type=positive_int, help="workers, e.g. 1, 2, 4, 8 (the book's)"
    )
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="workers when nbr_workers is not given"
    )
    parser.add_argument("--processes", action="store_true", help=processes_help)
    add_start_method_argument(parser)


def _add_jobs_arguments(parser):
    """Joblib's ``--workers`` (``n_jobs``) and ``--blocks`` (the jobs), both 8 as in the book."""
    parser.add_argument("--workers", type=positive_int, default=8, help="n_jobs (the book: 8)")
    parser.add_argument("--blocks", type=positive_int, default=8, help="number of jobs (the book: 8)")


def report(inside, total):
    """The darts inside and the one estimate line (``hpp.printout``)."""
    from hpp.printout import print_pi_estimate

    print(f"inside = {inside}")
    print_pi_estimate(pi_from(inside, total))


def run_series(doc, estimate, argv=None, blocks=None):
    """Serial darts: ``estimate(samples, seed)`` (or ``estimate(samples, blocks, seed)`` when the
    script takes ``--blocks``, default ``blocks``), timed (``Took ...s``), then the estimate."""
    from hpp.script import fail

    parser = _pi_parser(doc)
    if blocks is not None:
        parser.add_argument("--blocks", type=positive_int, default=blocks, help="number of blocks")
    args = parser.parse_args(argv)
    sizes = (args.samples,) if blocks is None else (args.samples, args.blocks)
    t1 = time.time()
    try:
        inside = estimate(*sizes, args.seed)
    except MemoryError:
        fail(f"not enough memory for {args.samples} darts at once: use fewer --nbr_samples_in_total")
    print(f"Took {time.time() - t1:2f}s")
    report(inside, args.samples)


def run_pool(doc, estimate_pi, argv=None, names=("Threads", "Processes"), blocks=False, where=None):
    """A Pool of ``nbr_workers`` threads (or ``--processes``) running ``estimate_pi(samples,
    nbr_workers, processes=, seed=, start_method=)`` (and ``nbr_blocks=`` with ``blocks``),
    timed (``Delta: ...``), then the estimate. ``where(result, seconds)``, when given, reports
    on what ``estimate_pi`` returned and gives back the darts inside."""
    parser = _pi_parser(doc)
    _add_pool_arguments(parser, f"use {names[1]}, not {names[0]} (the default)")
    if blocks:
        parser.add_argument("--blocks", type=positive_int, help="number of blocks (default: one per worker)")
    args = parser.parse_args(argv)
    nbr_workers = args.nbr_workers or args.workers
    extra = {"nbr_blocks": args.blocks} if blocks else {}
    print(f"Using {names[args.processes]}")
    nbr_blocks = (args.blocks if blocks else None) or nbr_workers
    print(f"Making {args.samples // nbr_blocks:,} samples per {nbr_blocks} worker")
    t1 = time.time()
    result = estimate_pi(
        args.samples,
        nbr_workers,
        processes=args.processes,
        seed=args.seed,
        start_method=args.start_method,
        **extra,
    )
    delta = time.time() - t1
    print(f"Delta: {delta:.4f}")
    report(result if where is None else where(result, delta), args.samples)


def run_jobs(doc, estimate_pi, argv=None):
    """Joblib: ``estimate_pi(samples, workers, blocks, seed)``, timed, then the estimate."""
    parser = _pi_parser(doc)
    _add_jobs_arguments(parser)
    args = parser.parse_args(argv)
    print(f"Making {args.samples // args.blocks:,} samples per {args.blocks} worker")
    t1 = time.time()
    inside = estimate_pi(args.samples, args.workers, args.blocks, args.seed)
    print(f"Delta: {time.time() - t1:.4f}")
    report(inside, args.samples)


def _cached_twice(memory_location, estimate_pi_cached, args):
    from joblib import Memory

    memory = Memory(location=str(memory_location), verbose=0)
    for attempt in ("first", "second"):
        t1 = time.time()
        blocks = estimate_pi_cached(
            memory, args.samples, args.workers, args.blocks, args.seed, with_idx=not args.without_idx
        )
        print(f"{attempt} run: Delta: {time.time() - t1:.3f}")
        print(f"{attempt} run: blocks = {blocks}")
        print(f"{attempt} run: distinct block counts = {len(set(blocks))}")
    report(sum(blocks), args.samples)


def run_cached_twice(doc, estimate_pi_cached, argv=None):
    """Joblib's ``Memory``: ``estimate_pi_cached(memory, samples, workers, blocks, seed, with_idx=)``
    run twice with one cache (``--cache-dir``, else a temporary folder): the second run reads
    every block's count from the disk."""
    import tempfile

    from hpp.script import writable_dir

    parser = _pi_parser(doc)
    _add_jobs_arguments(parser)
    parser.add_argument("--cache-dir", type=writable_dir, help="keep the cache here (default: temporary)")
    parser.add_argument("--without-idx", action="store_true", help="no block index (the book's warning)")
    args = parser.parse_args(argv)
    print(f"Making {args.samples // args.blocks:,} samples per {args.blocks} worker")
    if args.cache_dir is not None:
        _cached_twice(args.cache_dir, estimate_pi_cached, args)
    else:
        with tempfile.TemporaryDirectory(prefix="joblib_cache_") as cache_dir:
            _cached_twice(cache_dir, estimate_pi_cached, args)


def run_draws(doc, draws_in_workers, argv=None):
    """``draws_in_workers(workers, draws, reseed, seed, start_method)``: each worker's draws, then
    whether they are the same in every worker."""
    from hpp.script import add_start_method_argument, example_parser, seed

    parser = example_parser(doc)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--draws", type=positive_int, default=3, help="numbers each worker draws")
    parser.add_argument("--seed", type=seed, default=0, help="the parent's seed")
    parser.add_argument(
        "--reseed", action="store_true", help="np.random.seed() in each worker (the book's fix)"
    )
    add_start_method_argument(parser, default="fork", help="how workers start (the pitfall is fork's)")
    args = parser.parse_args(argv)
    draws = draws_in_workers(args.workers, args.draws, args.reseed, args.seed, args.start_method)
    for pid, numpy_draws, python_draws in draws:
        print(
            f"pid {pid}: np.random {[round(x, 6) for x in numpy_draws]}, "
            f"random {[round(x, 6) for x in python_draws]}"
        )
    for name, index in (("NumPy", 1), ("random", 2)):
        identical = all(d[index] == draws[0][index] for d in draws)
        print(f"identical {name} draws in every worker = {identical}")


def run_diagram(doc, throw_darts, plot, argv=None):
    """The seeded darts, drawn by ``plot(xs, ys, inside, estimate, path)`` to ``pi_monte_carlo.png``."""
    from hpp.script import example_parser, output_dir, seed, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=10_000, help="darts")
    parser.add_argument("--seed", type=seed, default=0, help="RandomState seed")
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    path = output_dir("09_multiprocessing", args.output_dir) / "pi_monte_carlo.png"
    xs, ys, inside = throw_darts(args.samples, args.seed)
    plot(xs, ys, inside, pi_from(int(inside.sum()), args.samples), path)
    print(f"darts = {args.samples}")
    report(int(inside.sum()), args.samples)
    print(f"figure = {path}")


def block_jobs(nbr_samples, nbr_blocks, seed=None):
    """``(size, SeedSequence)`` for each block: independent, reproducible streams."""
    seeds = np.random.SeedSequence(seed).spawn(nbr_blocks)
    return list(zip(split(nbr_samples, nbr_blocks), seeds))


def add_samples_argument(parser, help="darts in total (the book: 1e8)"):
    """``--samples``, also spelt as the book's ``--nbr_samples_in_total``: darts, 1e8 unless given."""
    parser.add_argument(
        "--samples", "--nbr_samples_in_total", type=samples_argument, default=int(1e8), help=help
    )
