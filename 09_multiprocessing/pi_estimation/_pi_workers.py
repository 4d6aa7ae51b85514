"""The worker functions of the pi examples, in a module a child process can import.

A ``Pool`` sends each task to a worker as a pickle, and a function is pickled by
reference: its module name and its name. Under the ``spawn`` and ``forkserver``
start methods the worker is a fresh interpreter that must import that module.
Keeping the workers here (this folder is on the child's ``sys.path``, which it
inherits from the parent) makes every example work with every start method.
"""

import random

import numpy as np


def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=None):
    """Throw ``nbr_estimates`` darts at the unit square; count those inside the quarter circle.

    The book's pure-Python loop. ``seed=None`` uses the ``random`` module's
    global generator (reseeded in each forked child by CPython); a seed gives a
    private ``random.Random`` so a run can be reproduced.
    """
    uniform = random.uniform if seed is None else random.Random(seed).uniform
    nbr_trials_in_quarter_unit_circle = 0
    for step in range(int(nbr_estimates)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def estimate_block(job):
    """``(nbr_estimates, seed)`` -> darts inside: one task for ``Pool.map``."""
    nbr_estimates, seed = job
    return estimate_nbr_points_in_quarter_circle(nbr_estimates, seed)


def estimate_nbr_points_in_quarter_circle_with_idx(nbr_estimates, idx, seed=None):
    """The same, with a block index so that joblib's cache keeps one entry per block."""
    return estimate_nbr_points_in_quarter_circle(nbr_estimates, seed)


def estimate_nbr_points_in_quarter_circle_numpy(job):
    """``(nbr_samples, seed)`` -> darts inside, thrown as two NumPy vectors.

    ``seed`` is an ``int`` or a ``np.random.SeedSequence``: each worker gets its
    own independent stream (the book's ``np.random.seed()`` per process gives
    the same effect, without the reproducibility).
    """
    nbr_samples, seed = job
    rng = np.random.default_rng(seed)
    xs = rng.uniform(0, 1, nbr_samples)
    ys = rng.uniform(0, 1, nbr_samples)
    estimate_inside_quarter_unit_circle = (xs * xs + ys * ys) <= 1
    return int(np.sum(estimate_inside_quarter_unit_circle))


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
    p = np.pi / 4
    return 4 * (p * (1 - p) / total) ** 0.5


START_METHODS = ("fork", "spawn", "forkserver")


def add_start_method_argument(parser):
    parser.add_argument("--start-method", choices=START_METHODS, default=None,
                        help="how worker processes start (default: the platform's)")


def samples_argument(text):
    """argparse type: a positive whole number, also written as 1e8."""
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not (value >= 1 and value == int(value) and value < 1e13):
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(value)
