"""Monte Carlo pi with ``dask.delayed`` pure-Python tasks on a Dask cluster (book chapter 10, "Dask").

The chapter's pure-Python dart task (the one IPython Parallel and Parallel Python
run) wrapped in ``dask.delayed``: one lazy call per share of the darts, each with
its own seed, and a lazy ``sum`` of their counts. ``.compute()`` sends the graph
to the cluster. Where ``pi_dask.py`` describes the darts as a chunked NumPy
array, here any Python function becomes a task. With ``--verify`` the same
graph is computed again in this process (the synchronous scheduler) and must
give the same count.

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/pi_dask_delayed.py                      # 1e8 darts in 8 tasks
    python 10_clusters/dask/pi_dask_delayed.py --samples 1000000 --blocks 4 --verify
"""

# taught: Dask's Delayed, "parallelize chains of arbitrary Python functions in a lazy fashion" (2nd ed.)
import dask
from _dask_lazy import darts_inside, split_darts, task_seeds


def pi_dask_delayed(nbr_samples, nbr_tasks, seed=0):
    """A lazy count of the darts inside: one delayed ``darts_inside`` per share, then their sum."""
    shares = zip(split_darts(nbr_samples, nbr_tasks), task_seeds(seed, nbr_tasks))
    counts = [dask.delayed(darts_inside)(nbr_darts, task_seed) for nbr_darts, task_seed in shares]
    return dask.delayed(sum)(counts)


# taught: end


def main(argv=None):
    from _dask_lazy import pi_main

    pi_main(__doc__, pi_dask_delayed, argv)


if __name__ == "__main__":
    main()
