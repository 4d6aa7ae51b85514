"""Monte Carlo pi with ``dask.bag`` on a Dask cluster (book chapter 10, "Dask").

A bag of ``(darts, seed)`` pairs, one per task and one task per partition:
``.starmap(darts_inside)`` calls the chapter's pure-Python dart task on each
pair and ``.sum()`` adds the counts, lazily; ``.compute()`` runs it on the
cluster. The same task and seeds as ``pi_dask_delayed.py``, so the same count.
With ``--verify`` the same graph is computed again in this process and must
give the same count.

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/pi_dask_bag.py                          # 1e8 darts in 8 tasks
    python 10_clusters/dask/pi_dask_bag.py --samples 1000000 --blocks 4 --verify
"""

# taught: Dask's Bag, "parallelized computation on unstructured and semistructured data" (2nd ed., "Dask")
import dask.bag as db
from _dask_lazy import darts_inside, split_darts, task_seeds


def pi_dask_bag(nbr_samples, nbr_tasks, seed=0):
    """A lazy count of the darts inside: a bag of (darts, seed) pairs, starmapped, summed."""
    shares = list(zip(split_darts(nbr_samples, nbr_tasks), task_seeds(seed, nbr_tasks)))
    return db.from_sequence(shares, npartitions=nbr_tasks).starmap(darts_inside).sum()


# taught: end


def main(argv=None):
    from _dask_lazy import pi_main

    pi_main(__doc__, pi_dask_bag, argv)


if __name__ == "__main__":
    main()
