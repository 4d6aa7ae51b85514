"""Monte Carlo pi on an IPython Parallel cluster (book chapter 10, "Using IPython Parallel").

The same pure-Python dart-throwing function runs on every engine; the client
splits the darts between the engines it finds, gathers the counts and adds them
up. Unlike the official script, this is right for any number of engines (the
darts are split by ``len(view)``, not by an assumed 4) and the task imports what
it needs itself (the official one forgot ``os`` on fresh engines).

By default the script starts its own cluster (a controller and ``--engines``
engines as local processes, the equivalent of ``ipcluster start -n 4``) and
stops it at the end. To use a cluster you started yourself, possibly spread
over several machines, pass ``--profile NAME`` or ``--url-file
.../security/ipcontroller-client.json``.

Run:
    python 10_clusters/ipython_parallel/pi_ipython_cluster.py             # 4 engines, 1e8 darts
    python 10_clusters/ipython_parallel/pi_ipython_cluster.py --engines 2 --darts 1000000
    ipcluster start -n 4 --daemonize && \\
        python 10_clusters/ipython_parallel/pi_ipython_cluster.py --profile default
"""

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import _clusters_common  # noqa: E402
from _clusters_common import (ClusterUnreachable, estimate_nbr_points_in_quarter_circle,  # noqa: E402
                              ipython_client, pi_from_counts, pi_standard_error, split_darts,
                              task_seeds)
from hpp.script import example_parser, fail, non_negative_int, positive_int  # noqa: E402

REQUIRES = ("ipyparallel",)
SMOKE_ARGS = ["--engines", "2", "--darts", "200000", "--seed", "1"]


def calculate_pi_on_engines(view, nbr_darts, seed=None):
    """Split ``nbr_darts`` over the engines of ``view``, one task each; return (pi, counts)."""
    nbr_engines = len(view)
    darts_per_engine = split_darts(nbr_darts, nbr_engines)
    # a DirectView's map hands one item of each list to each engine, blocking until done
    counts = view.map_sync(estimate_nbr_points_in_quarter_circle, darts_per_engine,
                           task_seeds(seed, nbr_engines))
    return pi_from_counts(counts, nbr_darts), counts


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--darts", type=positive_int, default=100_000_000,
                        help="darts thrown in total, split between the engines")
    parser.add_argument("--engines", type=positive_int, default=4,
                        help="engines to start for a local cluster")
    parser.add_argument("--seed", type=non_negative_int, default=None,
                        help="seed for reproducible counts (default: each engine seeds itself)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--profile", help="join the running cluster of this IPython profile")
    where.add_argument("--url-file", type=Path,
                       help="join the running cluster of this ipcontroller-client.json")
    args = parser.parse_args(argv)
    if args.url_file is not None and not args.url_file.is_file():
        fail(f"no such connection file: {args.url_file}")

    _clusters_common.ship_by_value(_clusters_common)
    started = time.perf_counter()
    try:
        with ipython_client(args.engines, profile=args.profile, url_file=args.url_file) as client:
            view = client[:]
            ready = time.perf_counter()
            print(f"engines = {len(view)}")
            print(f"cluster start-up = {ready - started:.2f} s")
            pi, counts = calculate_pi_on_engines(view, args.darts, args.seed)
            elapsed = time.perf_counter() - ready
    except ClusterUnreachable as error:
        fail(error)
    print(f"counts per engine = {counts}")
    print(f"darts = {args.darts}")
    print(f"pi estimate = {pi:.8f}")
    error = pi_standard_error(args.darts)
    print(f"standard error = {error:.2g}, |pi estimate - pi| = {abs(pi - math.pi):.2g}")
    print(f"calculation = {elapsed:.2f} s")


if __name__ == "__main__":
    main()
