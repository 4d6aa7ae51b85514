"""Count the primes in a range with ``dask.delayed`` on a Dask cluster (book chapter 10, "Dask").

``dask.delayed`` turns any Python call into a node of a task graph instead of
running it: ``dask.delayed(count_primes)(low, high)`` is a lazy call, and
``dask.delayed(sum)(counts)`` a last node that depends on all of them. Nothing
runs until ``.compute()``, which sends the whole graph to the cluster's
scheduler; it runs the block counts in parallel on the workers and the sum
where the counts are. The function is the same ``count_primes`` as
``primes_dask.py`` (its ``client.map`` version, one future per block) and the
answer equals the serial count (78,498 primes below 1,000,000).

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/primes_dask_delayed.py                  # primes below 1,000,000
    python 10_clusters/dask/primes_dask_delayed.py --stop 100000 --blocks 20 --verify
"""

# taught: Dask's Delayed, "parallelize chains of arbitrary Python functions in a lazy fashion" (2nd ed.)
import dask
from primes_dask import blocks, count_primes


def primes_dask_delayed(start, stop, nbr_tasks):
    """A lazy count of the primes in [start, stop): one delayed ``count_primes`` per block, then their sum."""
    counts = [dask.delayed(count_primes)(low, high) for low, high in blocks(start, stop, nbr_tasks)]
    return dask.delayed(sum)(counts)


# taught: end


def main(argv=None):
    from _dask_lazy import primes_main

    primes_main(__doc__, argv, lazy=primes_dask_delayed)


if __name__ == "__main__":
    main()
