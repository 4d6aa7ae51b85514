"""Count the primes in a range with ``dask.bag`` on a Dask cluster (book chapter 10, "Dask").

A bag is a partitioned collection of plain Python objects with the verbs of
functional programming: ``map``, ``filter``, ``fold``, ``count``. Here the bag
holds the numbers of the range themselves, in ``--blocks`` partitions
(``db.range`` makes each partition's numbers on its worker, so no list of a
million numbers travels): ``.filter(check_prime).count()`` is a lazy scalar,
and ``.compute()`` runs one filter-and-count task per partition on the workers
and adds up the counts. ``check_prime`` is ``primes_dask.py``'s; the answer
equals the serial count (78,498 primes below 1,000,000).

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/primes_dask_bag.py                      # primes below 1,000,000
    python 10_clusters/dask/primes_dask_bag.py --start 1000 --stop 100000 --blocks 20 --verify
"""

# taught: Dask's Bag, "parallelized computation on unstructured and semistructured data" (2nd ed., "Dask")
import operator

import dask.bag as db
from primes_dask import check_prime


def primes_dask_bag(start, stop, nbr_tasks):
    """A lazy count of the primes in [start, stop): a bag of the numbers, filtered, counted."""
    numbers = db.range(stop - start, npartitions=nbr_tasks).map(operator.add, start)
    return numbers.filter(check_prime).count()


# taught: end


def main(argv=None):
    from _dask_lazy import primes_main

    primes_main(__doc__, argv, lazy=primes_dask_bag)


if __name__ == "__main__":
    main()
