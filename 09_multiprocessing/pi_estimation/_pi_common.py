"""What the pi examples share and the book does not teach: splitting, seeds, flags, the report.

The dart-throwing functions themselves are in the scripts the book names
(``pi_lists_parallel.py``, ``pi_numpy_serial.py``, ...).
"""

import argparse
import math

import numpy as np

from hpp.script import START_METHODS


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
        "--start-method",
        choices=START_METHODS,
        default=None,
        help="how worker processes start (default: the platform's)",
    )


def add_seed_argument(parser):
    from hpp.script import seed

    parser.add_argument(
        "--seed",
        type=seed,
        default=None,
        help="seed for a reproducible run, 0 to 2**32-1 (default: unseeded)",
    )


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
