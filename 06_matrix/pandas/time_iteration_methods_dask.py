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

import os
import time

import dask.dataframe as dd
import numpy as np
from time_iteration_methods import slopes_apply_raw
from utility import BOOK_PEOPLE, make_data, ols_lstsq_raw

REQUIRES = ("dask",)
SMOKE_ARGS = ["--people", "2000", "--blocks", "4", "--workers", "2"]

NBR_COPIES = 40  # the 3rd edition runs 40 copies of the 100,000-person frame
NPARTITIONS = 8  # the book: "npartitions = # cores"


# book: 3rd ed. code, "time_iteration_methods_dask.py"
def slopes_dask_apply(df, npartitions=NPARTITIONS):
    """A lazy Series of slopes: pandas' row-wise apply, with the same arguments, on each block."""
    ddf = dd.from_pandas(df, npartitions=npartitions)
    return ddf.apply(ols_lstsq_raw, axis=1, raw=True, meta=(None, "float64"))


# book: end


# taught: map_partitions runs any pandas function on each block of rows
def slopes_dask_map_partitions(df, npartitions=NPARTITIONS):
    """A lazy Series of slopes: ``slopes_apply_raw`` of time_iteration_methods.py on each block."""
    ddf = dd.from_pandas(df, npartitions=npartitions)
    return ddf.map_partitions(slopes_apply_raw, meta=(None, "float64"))


# taught: end


METHODS = {"dask_apply": slopes_dask_apply, "dask_map_partitions": slopes_dask_map_partitions}


def compare_with_pandas(
    people=BOOK_PEOPLE * NBR_COPIES, methods=tuple(METHODS), npartitions=NPARTITIONS, workers=None
):
    """Slopes with pandas in this process, then with each Dask method on ``workers`` processes; all equal."""
    df = make_data(people)
    print(f"{people} people x {df.shape[1]} days, {npartitions} blocks, {workers} worker processes")
    start = time.perf_counter()
    expected = slopes_apply_raw(df)
    print(f"pandas apply_raw: {time.perf_counter() - start:.4f} s, sum(slopes) = {expected.sum():.10f}")
    for name in methods:
        start = time.perf_counter()
        slopes = METHODS[name](df, npartitions).compute(scheduler="processes", num_workers=workers)
        seconds = time.perf_counter() - start
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=1e-15)
        print(f"{name}: {seconds:.4f} s, slopes agree, sum(slopes) = {slopes.sum():.10f}")
    print("dask equals pandas = True")


def main(argv=None):
    from hpp.script import comma_choices, example_parser, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--people", type=positive_int, default=BOOK_PEOPLE * NBR_COPIES, help="rows")
    parser.add_argument(
        "--methods", type=comma_choices(*METHODS), default=list(METHODS), help="comma-separated"
    )
    parser.add_argument(
        "--blocks",
        type=positive_int,
        default=NPARTITIONS,
        help="row blocks (Dask's npartitions)",
    )
    parser.add_argument("--workers", type=positive_int, default=os.cpu_count(), help="worker processes")
    args = parser.parse_args(argv)
    compare_with_pandas(args.people, args.methods, args.blocks, args.workers)


if __name__ == "__main__":
    main()
