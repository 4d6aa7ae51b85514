"""The people with the steepest rising and falling phone use, with their fitted lines.

Chapter 6 (2e) / Pandas (3e): after ``df.apply(ols_lstsq, axis=1)`` gives one
slope per person, ``idxmax``/``idxmin`` find the two extremes; the script
checks that the slope ``apply`` returned for them equals the slope of
``variant_ols_lstsq`` on that row (exactly, as the official script asserts)
and plots both people's 14 days with their least-squares lines, drawn with
``make_ys`` (``min_max_slopes.png``).

Run:
    python plot_min_max_slopes.py --people 100000
    python plot_min_max_slopes.py --data generated_ols_data.pickle --output-dir /tmp/figures
"""

# book: 2nd ed. code, "plot_min_max_slopes.py"
import numpy as np
from utility import ols_lstsq


def variant_ols_lstsq(row):
    """``(m, c)``: the slope and the intercept of the least-squares line through ``row`` (a local
    copy of ``utility.ols_lstsq`` that also returns the intercept, for drawing the line)."""
    X = np.arange(row.shape[0])  # shape (14,)
    ones = np.ones(row.shape[0])  # constant used to build the intercept
    A = np.vstack((X, ones)).T  # shape (14, 2)
    m, c = np.linalg.lstsq(A, row.values, rcond=-1)[0]
    return m, c


def make_ys(m, c, xs):
    """The points of the line ``y = m * x + c`` at ``xs``."""
    return (m * xs) + c


def min_max_slopes(df):
    """``(results, idxmax, idxmin)``: every row's slope and the rows of the extremes."""
    results = df.apply(ols_lstsq, axis=1)
    idxmax = results.idxmax()
    idxmin = results.idxmin()
    for idx in (idxmax, idxmin):
        m, c = variant_ols_lstsq(df.loc[idx])
        assert results[idx] == m  # the row-wise apply is the same calculation, bit for bit
    return results, idxmax, idxmin


def plot_rows(df, rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    days = np.arange(df.shape[1])
    for label, idx in rows.items():
        row = df.loc[idx]
        m, c = variant_ols_lstsq(row)
        points = ax.plot(days, row.values, marker="o", linestyle="", label=f"{label}: person {idx}")
        ax.plot(days, make_ys(m, c, days), color=points[0].get_color(), label=f"slope {m:+.4f}")
    ax.set_xlabel("day")
    ax.set_ylabel("hours of phone use")
    ax.set_title("largest and smallest least-squares slopes")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _pandas_drivers import run_min_max_slopes

    run_min_max_slopes(__doc__, min_max_slopes, plot_rows, argv)


if __name__ == "__main__":
    main()
