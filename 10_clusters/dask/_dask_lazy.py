"""The driver of chapter 10's Dask examples (not a book example).

Each example keeps its Dask code (a lazy ``Delayed``, a bag's scalar, a
``dask.array`` sum, ``client.map``, ``map_partitions``); here are the flags, the
cluster (``--scheduler`` to join one, else a throw-away ``LocalCluster``), the
timing, the result lines and the check against the serial answer, once for them all:

- ``primes_main(doc, argv, lazy=build)``: ``build(start, stop, blocks)`` returns the
  lazy count of primes; ``primes_main(doc, argv, on_client=count)`` calls
  ``count(client, start, stop, blocks)`` instead; printed as ``primes found = N``;
- ``pi_main(doc, build, argv)``: ``build(samples, blocks, seed)`` (``--blocks``), or
  ``build(samples, chunksize, seed)`` with ``chunked=True`` (``--chunksize``), returns
  the lazy count of darts inside; pi is printed by ``hpp.printout``;
- ``ols_main(doc, ols_pandas, ols_dask, ols_swifter, argv)``: pandas' apply, then
  ``ols_dask`` on the cluster (and swifter), each checked against pandas;
- ``darts_inside``, ``split_darts``, ``task_seeds``: the chapter's seeded pure-Python
  dart task, from ``hpp.clusters`` (one copy for the chapter).
"""

import math
import time

import _dask_cluster
import dask
from _dask_cluster import ClusterUnreachable, add_cluster_arguments, dashboard_line, dask_client

_common = _dask_cluster.clusters_common()
darts_inside, split_darts, task_seeds = _common.darts_inside, _common.split_darts, _common.task_seeds


def whole_graph_by_value(lazy):
    """``lazy`` and a last step that returns its value, so that its functions travel as code.

    distributed sends a graph with plain ``pickle`` when it can, which refers to
    functions by module and name (``primes_dask.count_primes``): a worker on
    another machine has no such module. A local function cannot be pickled that
    way, so the whole graph goes through cloudpickle, which sends the modules
    registered by ``ship_by_value`` as code (distributed/protocol/pickle.py).
    """

    def value_of(result):
        return result

    return dask.delayed(value_of)(lazy)


def started_client(scheduler, workers):
    """``dask_client``, printing the dashboard, the workers and the start-up; one line if unreachable."""
    from contextlib import contextmanager

    from hpp.script import fail

    @contextmanager
    def client_and_start():
        started = time.perf_counter()
        try:
            with dask_client(scheduler, workers) as client:
                print(dashboard_line(client))
                print(f"workers = {len(client.scheduler_info()['workers'])}")
                ready = time.perf_counter()
                print(f"cluster start-up = {ready - started:.2f} s")
                yield client
        except ClusterUnreachable as error:
            fail(error)

    return client_and_start()


def compute_on_cluster(lazy, scheduler, workers, *modules):
    """Compute ``lazy`` on the cluster; print its size and the cluster's; return (value, seconds)."""
    _dask_cluster.ship_by_value(__name__, *modules)  # remote workers have no copy of these files
    print(f"graph = {len(lazy.__dask_graph__())} tasks")
    lazy = whole_graph_by_value(lazy)
    with started_client(scheduler, workers) as client:
        ready = time.perf_counter()
        value = lazy.compute(scheduler=client)
        return value, time.perf_counter() - ready


def cluster_parser(doc):
    from hpp.script import example_parser

    parser = example_parser(doc)
    add_cluster_arguments(parser)
    return parser


def primes_main(doc, argv=None, lazy=None, on_client=None):
    """Count the primes of [start, stop) in ``--blocks`` blocks on the cluster; print, verify."""
    import primes_dask

    from hpp.script import fail, non_negative_int, positive_int

    parser = cluster_parser(doc)
    parser.add_argument("--start", type=non_negative_int, default=0, help="first number of the range")
    parser.add_argument("--stop", type=positive_int, default=1_000_000, help="end of the range (excluded)")
    parser.add_argument("--blocks", type=positive_int, default=100, help="blocks the range is cut into")
    parser.add_argument("--verify", action="store_true", help="also count serially in this process")
    args = parser.parse_args(argv)
    if args.stop <= args.start:
        fail(f"--stop ({args.stop}) must be greater than --start ({args.start})")
    blocks = min(args.blocks, args.stop - args.start)
    if lazy is not None:
        graph = lazy(args.start, args.stop, blocks)
        modules = (lazy.__module__, "primes_dask")
        found, seconds = compute_on_cluster(graph, args.scheduler, args.workers, *modules)
    else:
        _dask_cluster.ship_by_value(on_client.__module__)
        with started_client(args.scheduler, args.workers) as client:
            ready = time.perf_counter()
            found = on_client(client, args.start, args.stop, blocks)
            seconds = time.perf_counter() - ready
    print(f"range = [{args.start}, {args.stop}) in {blocks} blocks")
    print(f"primes found = {found}")
    print(f"calculation = {seconds:.2f} s")
    if args.verify:
        serial = primes_dask.count_primes(args.start, args.stop)
        print(f"serial count = {serial} ({'equal' if serial == found else 'DIFFERENT'})")


def pi_main(doc, build, argv=None, chunked=False):
    """Throw the darts with ``build``'s lazy count on the cluster; print pi; verify in this process."""
    from hpp.printout import print_pi_estimate
    from hpp.script import non_negative_int, positive_int

    parser = cluster_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=100_000_000, help="darts thrown")
    if chunked:
        parser.add_argument("--chunksize", type=positive_int, default=5_000_000, help="darts per chunk")
    else:
        parser.add_argument("--blocks", type=positive_int, default=8, help="tasks the darts are split into")
    parser.add_argument("--seed", type=non_negative_int, default=0, help="random seed")
    parser.add_argument("--verify", action="store_true", help="also compute the graph in this process")
    args = parser.parse_args(argv)
    pieces = args.chunksize if chunked else min(args.blocks, args.samples)
    lazy = build(args.samples, pieces, args.seed)
    inside, seconds = compute_on_cluster(lazy, args.scheduler, args.workers, build.__module__)
    inside = int(inside)
    if chunked:
        print(f"chunks = {math.ceil(args.samples / args.chunksize)}")
    else:
        print(f"blocks = {pieces}")
    print(f"darts inside = {inside}")
    pi = 4.0 * inside / args.samples
    print_pi_estimate(pi)
    error = abs(pi - math.pi)
    print(f"standard error = {_common.pi_standard_error(args.samples):.2g}, |pi estimate - pi| = {error:.2g}")
    print(f"calculation = {seconds:.2f} s")
    if args.verify:
        local = int(lazy.compute(scheduler="synchronous"))
        same = "equal" if local == inside else "DIFFERENT"
        print(f"same graph in this process: darts inside = {local} ({same})")


def ols_main(doc, ols_pandas, ols_dask, ols_swifter, argv=None):
    """Slopes with pandas, then ``ols_dask`` on a cluster (and swifter); exit 1 unless they agree."""
    import importlib.util

    import numpy as np

    from hpp.script import fail, non_negative_int, positive_int

    parser = cluster_parser(doc)
    parser.add_argument("--people", type=positive_int, default=100_000, help="rows")
    parser.add_argument("--blocks", type=positive_int, default=8, help="row blocks (about the cores)")
    parser.add_argument("--seed", type=non_negative_int, default=0, help="seed of the generated data")
    parser.add_argument("--swifter", action="store_true", help="also run df.swifter.apply")
    args = parser.parse_args(argv)
    if args.swifter and importlib.util.find_spec("swifter") is None:
        fail("--swifter needs the swifter package: pip install 'swifter>=1.4'")

    df = _dask_cluster.make_ols_frame(args.people, args.seed)
    print(f"frame = {df.shape[0]} people x {df.shape[1]} days")
    started = time.perf_counter()
    expected = ols_pandas(df)
    print(f"pandas apply = {time.perf_counter() - started:.2f} s")
    print(f"mean slope = {expected.mean():.6f}")
    print(f"max slope = {expected.max():.6f} (person {expected.idxmax()})")
    print(f"min slope = {expected.min():.6f} (person {expected.idxmin()})")
    _dask_cluster.ship_by_value(ols_dask.__module__)
    with started_client(args.scheduler, args.workers):
        ready = time.perf_counter()
        slopes = ols_dask(df, args.blocks).compute()
        print(f"dask map_partitions ({args.blocks} partitions) = {time.perf_counter() - ready:.2f} s")
    same = np.allclose(slopes.sort_index().to_numpy(), expected.to_numpy())
    print(f"dask equals pandas = {same}")
    if args.swifter:
        started = time.perf_counter()
        swifted = ols_swifter(df)
        print(f"swifter apply = {time.perf_counter() - started:.2f} s")
        print(f"swifter equals pandas = {np.allclose(swifted.to_numpy(), expected.to_numpy())}")
    if not same:
        raise SystemExit(1)
