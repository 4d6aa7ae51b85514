"""Monte Carlo pi with ``dask.array`` on a Dask cluster (book chapter 10, "Dask").

The darts are a chunked ``dask.array``: each chunk is a NumPy block that a worker
makes, tests and sums, and only the per-chunk counts travel back. The same graph
computed in this process with the synchronous scheduler gives exactly the same
count, which is the check that the cluster computed what we asked.

By default the script starts a ``LocalCluster`` on 127.0.0.1 with ``--workers``
worker processes and prints its dashboard address; ``--scheduler
tcp://HOST:8786`` uses a cluster you started yourself (``dask scheduler`` and
``dask worker`` on each machine).

Run:
    python 10_clusters/dask/pi_dask.py                        # 1e8 darts, 2 workers
    python 10_clusters/dask/pi_dask.py --samples 1000000 --chunk-size 100000
    python 10_clusters/dask/pi_dask.py --scheduler tcp://10.0.0.5:8786
"""

import math
import time

from _dask_cluster import ClusterUnreachable, add_cluster_arguments, dashboard_line, dask_client

from hpp.script import example_parser, fail, non_negative_int, positive_int

REQUIRES = ("dask", "distributed")
SMOKE_ARGS = ["--samples", "2000000", "--chunk-size", "250000", "--verify"]


# taught: Dask's Array, "distributed and larger-than-RAM numpy operations": chunks are tasks (2nd ed., "Dask")
def darts_inside_quarter_circle(nbr_darts, chunk_size, seed=0):
    """A lazy dask scalar: how many of ``nbr_darts`` random points fall in the quarter circle."""
    import dask.array as da

    rng = da.random.default_rng(seed)
    xy = rng.random((nbr_darts, 2), chunks=(chunk_size, 2))
    inside = (xy**2).sum(axis=1) <= 1.0
    return inside.sum()


# taught: end


def pi_standard_error(total):
    """The standard error of the Monte Carlo estimate: 4 * sqrt(p(1-p)/N), p = pi/4."""
    p = math.pi / 4
    return 4.0 * math.sqrt(p * (1 - p) / total)


def estimate_pi(nbr_samples, chunk_size, seed=0, scheduler=None, workers=2, verify=False):
    """Count the darts inside on the cluster, print pi and its error; with ``verify``, recount here."""
    started = time.perf_counter()
    lazy_count = darts_inside_quarter_circle(nbr_samples, chunk_size, seed)
    with dask_client(scheduler, workers) as client:
        print(dashboard_line(client))
        print(f"workers = {len(client.scheduler_info()['workers'])}")
        ready = time.perf_counter()
        print(f"cluster start-up = {ready - started:.2f} s")
        inside = int(lazy_count.compute())
        elapsed = time.perf_counter() - ready
    pi = 4.0 * inside / nbr_samples
    print(f"chunks = {math.ceil(nbr_samples / chunk_size)}")
    print(f"darts inside = {inside}")
    print(f"pi estimate = {pi:.8f}")
    print(
        f"standard error = {pi_standard_error(nbr_samples):.2g}, |pi estimate - pi| = {abs(pi - math.pi):.2g}"
    )
    print(f"calculation = {elapsed:.2f} s")
    if verify:
        local = int(lazy_count.compute(scheduler="synchronous"))
        print(
            f"same graph in this process: darts inside = {local} "
            f"({'equal' if local == inside else 'DIFFERENT'})"
        )


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=positive_int, default=100_000_000, help="darts thrown")
    parser.add_argument("--chunk-size", type=positive_int, default=5_000_000, help="darts per chunk (task)")
    add_cluster_arguments(parser)
    parser.add_argument("--seed", type=non_negative_int, default=0, help="random seed")
    parser.add_argument("--verify", action="store_true", help="also compute the graph in this process")
    args = parser.parse_args(argv)
    try:
        estimate_pi(args.samples, args.chunk_size, args.seed, args.scheduler, args.workers, args.verify)
    except ClusterUnreachable as error:
        fail(error)


if __name__ == "__main__":
    main()
