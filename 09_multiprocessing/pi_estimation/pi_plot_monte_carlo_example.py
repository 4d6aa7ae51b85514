"""The Monte Carlo diagram: 10,000 seeded darts on the unit square.

Chapter 9, "Estimating Pi Using the Monte Carlo Method" (the figure of darts
inside and outside the quarter circle). With NumPy's legacy ``RandomState(0)``
(its stream is frozen across NumPy versions), x then y drawn with
``uniform(0, 1, 10000)``: 7868 darts land inside, so pi is estimated as 3.1472.

Run:
    python 09_multiprocessing/pi_estimation/pi_plot_monte_carlo_example.py   # writes pi_monte_carlo.png
"""

# book: 2nd ed. code, "pi_plot_monte_carlo_example.py"
import numpy as np


def throw_darts(nbr_samples, seed=0):
    """``xs, ys, inside`` from the legacy, version-stable ``RandomState(seed)``."""
    rs = np.random.RandomState(seed)
    xs = rs.uniform(0, 1, nbr_samples)
    ys = rs.uniform(0, 1, nbr_samples)
    inside = xs * xs + ys * ys <= 1
    return xs, ys, inside


def plot(xs, ys, inside, estimate, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 6))
    ax.scatter(xs[inside], ys[inside], s=1, color="tab:blue", label="inside")
    ax.scatter(xs[~inside], ys[~inside], s=1, color="tab:red", label="outside")
    angle = np.linspace(0, np.pi / 2, 200)
    ax.plot(np.cos(angle), np.sin(angle), color="black")
    ax.set_aspect("equal")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_title(f"{len(xs):,} darts, {int(inside.sum()):,} inside: pi is about {estimate:.4f}")
    ax.legend(loc="lower left")
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _pi_common import run_diagram

    run_diagram(__doc__, throw_darts, plot, argv)


if __name__ == "__main__":
    main()
