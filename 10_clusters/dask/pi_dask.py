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
    python 10_clusters/dask/pi_dask.py --samples 1000000 --chunksize 100000
    python 10_clusters/dask/pi_dask.py --scheduler tcp://10.0.0.5:8786
"""


# taught: Dask's Array, "distributed and larger-than-RAM numpy operations": chunks are tasks (2nd ed., "Dask")
def darts_inside_quarter_circle(nbr_darts, chunk_size, seed=0):
    """A lazy dask scalar: how many of ``nbr_darts`` random points fall in the quarter circle."""
    import dask.array as da

    rng = da.random.default_rng(seed)
    xy = rng.random((nbr_darts, 2), chunks=(chunk_size, 2))
    inside = (xy**2).sum(axis=1) <= 1.0
    return inside.sum()


# taught: end


def main(argv=None):
    from _dask_lazy import pi_main

    pi_main(__doc__, darts_inside_quarter_circle, argv, chunked=True)


if __name__ == "__main__":
    main()
