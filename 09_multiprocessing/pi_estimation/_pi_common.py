"""What the pi examples share and the book does not teach: splitting, seeds, flags, the report.

The dart-throwing functions themselves are in the scripts the book names
(``pi_lists_parallel.py``, ``pi_numpy_serial.py``, ...).
"""

import argparse
import math

import numpy as np

from hpp.script import START_METHODS, positive_int


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


def add_start_method_argument(parser):
    parser.add_argument(
        "--start-method", choices=START_METHODS, help="how workers start (default: the platform's)"
    )


def add_seed_argument(parser, help="seed for a reproducible run (default: unseeded)"):
    from hpp.script import seed

    parser.add_argument("--seed", type=seed, help=help)


def add_samples_argument(parser, help="darts in total (the book: 1e8)"):
    """``--samples``, also spelt as the book's ``--nbr_samples_in_total``: darts, 1e8 unless given."""
    parser.add_argument(
        "--samples", "--nbr_samples_in_total", type=samples_argument, default=int(1e8), help=help
    )


def pi_parser(doc, samples_help="darts in total (the book: 1e8)"):
    """The example's parser with the flags every dart thrower takes: ``--samples`` and ``--seed``."""
    from hpp.script import example_parser

    parser = example_parser(doc)
    add_samples_argument(parser, help=samples_help)
    add_seed_argument(parser)
    return parser


def add_jobs_arguments(parser):
    """Joblib's ``--workers`` (``n_jobs``) and ``--blocks`` (the jobs), both 8 as in the book."""
    parser.add_argument("--workers", type=positive_int, default=8, help="n_jobs (the book: 8)")
    parser.add_argument("--blocks", type=positive_int, default=8, help="number of jobs (the book: 8)")


def add_pool_arguments(
    parser,
    threads_help="a Pool of threads, multiprocessing.dummy (the default)",
    processes_help="a Pool of processes (the book's default: threads)",
):
    """The book's ``nbr_workers`` argument (or ``--workers``) and ``--processes`` / ``--threads``."""
    parser.add_argument(
        "nbr_workers", nargs="?", type=positive_int, help="workers, e.g. 1, 2, 4, 8 (the book's)"
    )
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="workers when nbr_workers is not given"
    )
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--processes", action="store_true", help=processes_help)
    kind.add_argument("--threads", dest="processes", action="store_false", help=threads_help)


def report(inside, total, delta=None):
    """The book's lines (``Estimated pi``, ``Delta:`` when given), then ours."""
    pi_estimate = pi_from(inside, total)
    print("Estimated pi", pi_estimate)
    if delta is not None:
        print("Delta:", delta)
    print(f"inside = {inside}")
    print(f"pi estimate = {pi_estimate:.6f}")


def block_jobs(nbr_samples, nbr_blocks, seed=None):
    """``(size, SeedSequence)`` for each block: independent, reproducible streams."""
    seeds = np.random.SeedSequence(seed).spawn(nbr_blocks)
    return list(zip(split(nbr_samples, nbr_blocks), seeds))
