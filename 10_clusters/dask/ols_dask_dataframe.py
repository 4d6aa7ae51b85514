"""The per-row OLS slope of chapter 06's pandas example, with ``dask.dataframe``.

Book chapter 10, "Dask" and "Swifter".

Each row is one person's daily hours of phone use over 14 days; the task fits a
least-squares line per row and keeps the slope. pandas does it with
``df.apply(ols_lstsq_raw, axis=1, raw=True)`` in one process. Dask cuts the
frame into ``--partitions`` row blocks ("npartitions = number of cores") and runs
that same pandas call on each block with ``map_partitions``, on the workers of a
cluster. Swifter (when installed) decides by itself whether to vectorise, use
pandas, or hand the work to Dask's process scheduler. All the results equal the
pandas ones.

By default a ``LocalCluster`` on 127.0.0.1 is started; ``--scheduler
tcp://HOST:8786`` uses an existing one.

Run:
    python 10_clusters/dask/ols_dask_dataframe.py                  # 100,000 people
    python 10_clusters/dask/ols_dask_dataframe.py --people 5000 --partitions 4 --swifter
"""

import importlib.util
import time

import _dask_cluster
from _dask_cluster import (
    ClusterUnreachable,
    add_cluster_arguments,
    dashboard_line,
    dask_client,
    make_ols_frame,
)

from hpp.script import example_parser, fail, non_negative_int, positive_int

REQUIRES = ("dask", "distributed", "pandas")
SMOKE_ARGS = ["--people", "2000", "--partitions", "4"]


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


def compare_ols(nbr_people, nbr_partitions, seed=0, scheduler=None, workers=2, use_swifter=False):
    """Slopes with pandas, then with dask on a cluster (and swifter); True when dask's equal pandas'."""
    import numpy as np

    df = make_ols_frame(nbr_people, seed)
    print(f"frame = {df.shape[0]} people x {df.shape[1]} days")
    started = time.perf_counter()
    expected = ols_pandas(df)
    print(f"pandas apply = {time.perf_counter() - started:.2f} s")
    print(f"mean slope = {expected.mean():.6f}")
    print(f"max slope = {expected.max():.6f} (person {expected.idxmax()})")
    print(f"min slope = {expected.min():.6f} (person {expected.idxmin()})")

    _dask_cluster.ship_by_value(__name__)
    started = time.perf_counter()
    with dask_client(scheduler, workers) as client:
        print(dashboard_line(client))
        ready = time.perf_counter()
        print(f"cluster start-up = {ready - started:.2f} s")
        slopes = ols_dask(df, nbr_partitions).compute()
        print(f"dask map_partitions ({nbr_partitions} partitions) = {time.perf_counter() - ready:.2f} s")
    same = np.allclose(slopes.sort_index().to_numpy(), expected.to_numpy())
    print(f"dask equals pandas = {same}")
    if use_swifter:
        started = time.perf_counter()
        swifted = ols_swifter(df)
        print(f"swifter apply = {time.perf_counter() - started:.2f} s")
        print(f"swifter equals pandas = {np.allclose(swifted.to_numpy(), expected.to_numpy())}")
    return same


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=100_000, help="rows")
    parser.add_argument("--partitions", type=positive_int, default=8, help="row blocks (about the cores)")
    add_cluster_arguments(parser)
    parser.add_argument("--seed", type=non_negative_int, default=0, help="seed of the generated data")
    parser.add_argument("--swifter", action="store_true", help="also run df.swifter.apply")
    args = parser.parse_args(argv)
    if args.swifter and importlib.util.find_spec("swifter") is None:
        fail("--swifter needs the swifter package: pip install 'swifter>=1.4'")
    try:
        ok = compare_ols(args.people, args.partitions, args.seed, args.scheduler, args.workers, args.swifter)
    except ClusterUnreachable as error:
        fail(error)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
