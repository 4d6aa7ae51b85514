"""The per-row OLS slope of chapter 06's pandas example, with ``dask.dataframe``.

Book chapter 10, "Dask" and "Swifter".

Each row is one person's daily hours of phone use over 14 days; the task fits a
least-squares line per row and keeps the slope. pandas does it with
``df.apply(ols_lstsq_raw, axis=1, raw=True)`` in one process. Dask cuts the
frame into ``--blocks`` row blocks ("npartitions = number of cores") and runs
that same pandas call on each block with ``map_partitions``, on the workers of a
cluster. Swifter (when installed) decides by itself whether to vectorise, use
pandas, or hand the work to Dask's process scheduler. All the results equal the
pandas ones.

By default a ``LocalCluster`` on 127.0.0.1 is started; ``--scheduler
tcp://HOST:8786`` uses an existing one.

Run:
    python 10_clusters/dask/ols_dask_dataframe.py                  # 100,000 people
    python 10_clusters/dask/ols_dask_dataframe.py --people 5000 --blocks 4 --swifter
"""


# book: 2nd ed. code, "utility.py" (ols_lstsq_raw) and "time_iteration_methods.py" (apply, raw=True)
def ols_lstsq_raw(row):
    """The slope of a least-squares line through one row (``raw=True``: an ndarray)."""
    import numpy as np

    days = np.arange(row.shape[0])
    design = np.vstack([days, np.ones(row.shape[0])]).T
    slope, _intercept = np.linalg.lstsq(design, row, rcond=-1)[0]
    return slope


def ols_pandas(df):
    """The single-process baseline: one lstsq per row."""
    return df.apply(ols_lstsq_raw, axis=1, raw=True)


# book: end


# taught: Dask and Swifter parallelise a side-effect-free apply; npartitions = cores (2nd ed., "Dask")
def ols_partition(part):
    """What each Dask task runs: the pandas version on its block of rows."""
    return part.apply(ols_lstsq_raw, axis=1, raw=True)


def ols_dask(df, nbr_partitions):
    """A lazy dask Series of slopes: ``map_partitions`` over ``nbr_partitions`` row blocks."""
    import dask.dataframe as dd

    ddf = dd.from_pandas(df, npartitions=nbr_partitions)
    return ddf.map_partitions(ols_partition, meta=(None, "float64"))


def ols_swifter(df):
    """Swifter picks the fastest way it knows (it may use Dask's process scheduler)."""
    import swifter  # noqa: F401  (registers the .swifter accessor)

    return df.swifter.progress_bar(False).apply(ols_lstsq_raw, axis=1, raw=True)


# taught: end


def main(argv=None):
    from _dask_lazy import ols_main

    ols_main(__doc__, ols_pandas, ols_dask, ols_swifter, argv)


if __name__ == "__main__":
    main()
