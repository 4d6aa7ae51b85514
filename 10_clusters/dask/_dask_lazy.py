"""The driver of the ``dask.delayed`` and ``dask.bag`` examples of chapter 10 (not a book example).

Each example builds a lazy Dask object (a ``Delayed`` or a bag's scalar) for the
primes or the pi task; here are the flags, the cluster (``--scheduler`` to join
one, else a throw-away ``LocalCluster``), the timing, the result lines and the
check against the serial answer, once for the four scripts:

- ``primes_parser`` / ``run_primes(build, args, module)``: ``build(start, stop, tasks)``
  returns the lazy count of primes; printed as ``primes found = N``;
- ``pi_parser`` / ``run_pi(build, args, module)``: ``build(samples, tasks, seed)``
  returns the lazy count of darts inside; printed as ``pi estimate = ...``;
- ``darts_inside``, ``split_darts``, ``task_seeds``: the chapter's seeded pure-Python
  dart task (the same as ``_clusters_common``'s, which this folder cannot import).
"""

import math
import time

import _dask_cluster
import dask
from _dask_cluster import ClusterUnreachable, add_cluster_arguments, dashboard_line, dask_client
from pi_dask import pi_standard_error
from primes_dask import count_primes

from hpp.script import example_parser, fail, non_negative_int, positive_int


def darts_inside(nbr_darts, seed=None):
    """How many of ``nbr_darts`` seeded darts fall in the quarter circle (pure Python)."""
    import random

    rng = random.Random(seed)
    uniform = rng.uniform
    inside = 0
    for _ in range(int(nbr_darts)):
        x = uniform(0, 1)
        y = uniform(0, 1)
        inside += x * x + y * y <= 1.0
    return inside


def split_darts(total, parts):
    """``parts`` dart counts that add up to exactly ``total`` (the first ones get the remainder)."""
    base, extra = divmod(int(total), int(parts))
    return [base + (1 if i < extra else 0) for i in range(parts)]


def task_seeds(seed, parts):
    """One seed per task."""
    return [seed * 1_000_003 + i for i in range(parts)]


def primes_parser(doc):
    parser = example_parser(doc)
    parser.add_argument("--start", type=non_negative_int, default=0, help="first number of the range")
    parser.add_argument("--stop", type=positive_int, default=1_000_000, help="end of the range (excluded)")
    parser.add_argument("--tasks", type=positive_int, default=100, help="blocks the range is cut into")
    add_cluster_arguments(parser)
    parser.add_argument("--verify", action="store_true", help="also count serially in this process")
    return parser


def pi_parser(doc):
    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=100_000_000, help="darts thrown")
    parser.add_argument("--tasks", type=positive_int, default=8, help="tasks the darts are split into")
    add_cluster_arguments(parser)
    parser.add_argument("--seed", type=non_negative_int, default=0, help="random seed")
    parser.add_argument("--verify", action="store_true", help="also compute the graph in this process")
    return parser


def whole_graph_by_value(lazy):
    """``lazy`` and a last step that returns its value, so that its functions travel as code.

    distributed sends a graph with plain ``pickle`` when it can, which refers to
    functions by module and name (``_dask_lazy.darts_inside``): a worker on
    another machine has no such module. A local function cannot be pickled that
    way, so the whole graph goes through cloudpickle, which sends the modules
    registered by ``ship_by_value`` as code (distributed/protocol/pickle.py).
    """

    def value_of(result):
        return result

    return dask.delayed(value_of)(lazy)


def compute_on_cluster(lazy, scheduler, workers, *modules):
    """Compute ``lazy`` on the cluster; print its size and the cluster's; return (value, seconds)."""
    _dask_cluster.ship_by_value(__name__, *modules)  # remote workers have no copy of these files
    print(f"graph = {len(lazy.__dask_graph__())} tasks")
    lazy = whole_graph_by_value(lazy)
    started = time.perf_counter()
    try:
        with dask_client(scheduler, workers) as client:
            print(dashboard_line(client))
            print(f"workers = {len(client.scheduler_info()['workers'])}")
            ready = time.perf_counter()
            print(f"cluster start-up = {ready - started:.2f} s")
            value = lazy.compute(scheduler=client)
            return value, time.perf_counter() - ready
    except ClusterUnreachable as error:
        fail(error)


def run_primes(build, args, module):
    """Count the primes of [start, stop) with ``build``'s lazy count on the cluster; print, verify."""
    if args.stop <= args.start:
        fail(f"--stop ({args.stop}) must be greater than --start ({args.start})")
    tasks = min(args.tasks, args.stop - args.start)
    lazy = build(args.start, args.stop, tasks)
    found, seconds = compute_on_cluster(lazy, args.scheduler, args.workers, module, "primes_dask")
    print(f"range = [{args.start}, {args.stop}) in {tasks} tasks")
    print(f"primes found = {found}")
    print(f"calculation = {seconds:.2f} s")
    if args.verify:
        serial = count_primes(args.start, args.stop)
        print(f"serial count = {serial} ({'equal' if serial == found else 'DIFFERENT'})")


def run_pi(build, args, module):
    """Throw the darts with ``build``'s lazy count on the cluster; print pi; verify in this process."""
    tasks = min(args.tasks, args.samples)
    lazy = build(args.samples, tasks, args.seed)
    inside, seconds = compute_on_cluster(lazy, args.scheduler, args.workers, module)
    pi = 4.0 * inside / args.samples
    print(f"tasks = {tasks}")
    print(f"darts inside = {inside}")
    print(f"pi estimate = {pi:.8f}")
    error = abs(pi - math.pi)
    print(f"standard error = {pi_standard_error(args.samples):.2g}, |pi estimate - pi| = {error:.2g}")
    print(f"calculation = {seconds:.2f} s")
    if args.verify:
        local = int(lazy.compute(scheduler="synchronous"))
        same = "equal" if local == inside else "DIFFERENT"
        print(f"same graph in this process: darts inside = {local} ({same})")
