"""Building a result DataFrame: ``pd.concat`` inside the loop versus one ``concat`` at the end.

Chapter 6 (2e) / Pandas (3e), "Concatenation in a loop": appending one row
at a time with ``pd.concat`` copies everything built so far on every call,
so the loop is quadratic and each 10% of the rows takes longer than the one
before. Collecting the pieces in a list and concatenating once is linear.
Both build the same DataFrame (checked); the time per 10% chunk of the
quadratic loop is printed and plotted to ``concat_cost_per_iteration_chunk.png``.

Run:
    python 06_matrix/pandas/time_iteration_methods_slow_with_diagram.py --people 100000
"""

# book: 3rd ed. code, "time_iteration_methods_slow_with_diagram.py" (pd.concat in the loop)
import time

import pandas as pd
from utility import ols_lstsq

CHUNKS = 10


def result_row(df, row_idx):
    """One row of the result: the person and their slope."""
    return pd.DataFrame({"person": [row_idx], "slope": [ols_lstsq(df.iloc[row_idx])]})


def build_concat_in_loop(df):
    """``pd.concat`` after every row; returns (result, seconds per 10% chunk)."""
    results = None
    chunk = max(1, len(df) // CHUNKS)
    chunk_times, start = [], time.perf_counter()
    for row_idx in range(len(df)):
        row = result_row(df, row_idx)
        results = row if results is None else pd.concat([results, row], ignore_index=True)
        if (row_idx + 1) % chunk == 0 and len(chunk_times) < CHUNKS:
            now = time.perf_counter()
            chunk_times.append(now - start)
            start = now
    return results, chunk_times


# book: end


# taught: 2nd ed., "Building DataFrames and Series from partial results rather than concatenating"
def build_collect_then_concat(df):
    """Collect the rows in a list, one ``pd.concat`` at the end."""
    rows = [result_row(df, row_idx) for row_idx in range(len(df))]
    return pd.concat(rows, ignore_index=True)


# taught: end


# book: 3rd ed. code, "time_iteration_methods_slow_with_diagram.py"
def set_common_mpl_styles(
    ax,
    legend=True,
    grid_axis="y",
    ylabel=None,
    xlabel=None,
    title=None,
    ymin=None,
    xmin=None,
):
    """The chapter's plot style on ``ax``: a grid along ``grid_axis``, a legend (or none),
    no top and right spines, and the labels, title and lower limits that are given."""
    if grid_axis is not None:
        ax.grid(visible=True, which="both", axis=grid_axis)
    if legend:
        ax.legend()
    elif ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if title is not None:
        ax.set_title(title)
    if ymin is not None:
        ax.set_ylim(bottom=ymin)
    if xmin is not None:
        ax.set_xlim(left=xmin)


# book: end


def main(argv=None):
    from _pandas_drivers import run_concats

    run_concats(__doc__, build_concat_in_loop, build_collect_then_concat, set_common_mpl_styles, argv)


if __name__ == "__main__":
    main()
