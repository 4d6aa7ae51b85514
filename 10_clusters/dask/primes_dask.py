"""Count the primes in a range with ``client.map`` on a Dask cluster (book chapter 10, "Dask").

``client.map`` sends one task per item. One task per number would spend far more
time in scheduling than in ``check_prime``, so the range is cut into
``--tasks`` blocks and each task counts the primes of one block (the benchmark
measures that per-task overhead). The futures are gathered and summed; the
count equals the serial one (78,498 primes below 1,000,000).

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/primes_dask.py                      # primes below 1,000,000
    python 10_clusters/dask/primes_dask.py --stop 100000 --tasks 20 --verify
"""

import math
import time

import _dask_cluster
from _dask_cluster import ClusterUnreachable, add_cluster_arguments, dashboard_line, dask_client

from hpp.script import example_parser, fail, non_negative_int, positive_int

REQUIRES = ("dask", "distributed")
SMOKE_ARGS = ["--stop", "20000", "--tasks", "8", "--verify"]


# taught: Dask's Futures: client.map runs a function on the cluster, one task per block (2nd ed., "Dask")
def check_prime(number):
    """True when ``number`` is prime (integer trial division: exact for any size)."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, math.isqrt(number) + 1, 2):
        if number % i == 0:
            return False
    return True


def count_primes(start, stop):
    """The task: how many primes in [start, stop)."""
    return sum(1 for number in range(start, stop) if check_prime(number))


def blocks(start, stop, nbr_blocks):
    """``nbr_blocks`` consecutive [low, high) pairs covering [start, stop)."""
    size, extra = divmod(stop - start, nbr_blocks)
    bounds, low = [], start
    for i in range(nbr_blocks):
        high = low + size + (1 if i < extra else 0)
        bounds.append((low, high))
        low = high
    return bounds


def count_primes_on_cluster(client, start, stop, nbr_tasks):
    lows, highs = zip(*blocks(start, stop, nbr_tasks))
    futures = client.map(count_primes, lows, highs)
    return sum(client.gather(futures))


# taught: end


def count_primes_in_range(start, stop, nbr_tasks, scheduler=None, workers=2, verify=False):
    """Count the primes in [start, stop) in ``nbr_tasks`` tasks on the cluster; with ``verify``, here too."""
    tasks = min(nbr_tasks, stop - start)
    _dask_cluster.ship_by_value(__name__)
    started = time.perf_counter()
    with dask_client(scheduler, workers) as client:
        print(dashboard_line(client))
        ready = time.perf_counter()
        print(f"cluster start-up = {ready - started:.2f} s")
        found = count_primes_on_cluster(client, start, stop, tasks)
        elapsed = time.perf_counter() - ready
    print(f"range = [{start}, {stop}) in {tasks} tasks")
    print(f"primes found = {found}")
    print(f"calculation = {elapsed:.2f} s")
    if verify:
        serial = count_primes(start, stop)
        print(f"serial count = {serial} ({'equal' if serial == found else 'DIFFERENT'})")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--start", type=non_negative_int, default=0, help="first number of the range")
    parser.add_argument("--stop", type=positive_int, default=1_000_000, help="end of the range (excluded)")
    parser.add_argument("--tasks", type=positive_int, default=100, help="blocks the range is cut into")
    add_cluster_arguments(parser)
    parser.add_argument("--verify", action="store_true", help="also count serially in this process")
    args = parser.parse_args(argv)
    if args.stop <= args.start:
        fail(f"--stop ({args.stop}) must be greater than --start ({args.start})")
    try:
        count_primes_in_range(args.start, args.stop, args.tasks, args.scheduler, args.workers, args.verify)
    except ClusterUnreachable as error:
        fail(error)


if __name__ == "__main__":
    main()
