"""Per-row OLS slopes with ``dask.dataframe`` on worker processes (chapter 10, "Parallel Pandas with Dask").

The 3rd edition's ``time_iteration_methods_dask.py``: the task of
``time_iteration_methods.py`` (one least-squares slope per person, 14 days) on
a frame 40 times the book's 100,000 people, first with pandas'
``df.apply(ols_lstsq_raw, axis=1, raw=True)`` in one process, then with Dask.
``dd.from_pandas(df, npartitions=8)`` cuts the frame into row blocks
("npartitions = number of cores"); ``.apply(...)`` with the same function and
arguments, plus ``meta`` (the name and dtype of the result, which Dask cannot
guess without running it), builds a lazy graph of one pandas ``apply`` per
block, and ``.compute(scheduler="processes")`` runs the blocks on a pool of
worker processes. ``map_partitions(slopes_apply_raw)`` says the same thing
directly: run this pandas function on every block. Dask can parallelise any
side-effect-free function you would use in an ``apply``. Each result equals
pandas' (the rows come back in order); the gain needs blocks that take much
longer than sending them to a process.

For a cluster of machines rather than this one, see
``10_clusters/dask/ols_dask_dataframe.py``.

Run (from this folder):
    python time_iteration_methods_dask.py                        # 4,000,000 rows, 8 blocks
    python time_iteration_methods_dask.py --people 20000 --blocks 4 --workers 2
"""

# book: 3rd ed. code, "time_iteration_methods_dask.py"
import dask.dataframe as dd
from time_iteration_methods import slopes_apply_raw
from utility import ols_lstsq_raw

NBR_COPIES = 40  # the 3rd edition runs 40 copies of the 100,000-person frame
NPARTITIONS = 8  # the book: "npartitions = # cores"


def slopes_dask_apply(df, npartitions=NPARTITIONS):
    """A lazy Series of slopes: pandas' row-wise apply, with the same arguments, on each block."""
    ddf = dd.from_pandas(df, npartitions=npartitions)
    return ddf.apply(ols_lstsq_raw, axis=1, raw=True, meta=(None, "float64"))


# book: end


# taught: 3rd ed., "Parallel Pandas with Dask": map_partitions runs any pandas function on each block
def slopes_dask_map_partitions(df, npartitions=NPARTITIONS):
    """A lazy Series of slopes: ``slopes_apply_raw`` of time_iteration_methods.py on each block."""
    ddf = dd.from_pandas(df, npartitions=npartitions)
    return ddf.map_partitions(slopes_apply_raw, meta=(None, "float64"))


# taught: end


METHODS = {"dask_apply": slopes_dask_apply, "dask_map_partitions": slopes_dask_map_partitions}


def main(argv=None):
    from _pandas_drivers import run_dask_methods

    run_dask_methods(__doc__, METHODS, NBR_COPIES, NPARTITIONS, argv)


if __name__ == "__main__":
    main()
