"""The Monte Carlo diagram: 10,000 seeded darts on the unit square.

Chapter 9, "Estimating Pi Using the Monte Carlo Method" (the figure of darts
inside and outside the quarter circle). With NumPy's legacy ``RandomState(0)``
(its stream is frozen across NumPy versions), x then y drawn with
``uniform(0, 1, 10000)``: 7868 darts land inside, so pi is estimated as 3.1472.

Run:
    python 09_multiprocessing/pi_estimation/pi_plot_monte_carlo_example.py   # writes pi_monte_carlo.png
"""

import numpy as np

SMOKE_ARGS = []


# book: 2nd ed. code, "pi_plot_monte_carlo_example.py"
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


def draw_example(nbr_samples, seed, path):
    """Throw the darts, plot them to ``path`` and print the count and the estimate."""
    xs, ys, inside = throw_darts(nbr_samples, seed)
    nbr_inside = int(inside.sum())
    estimate = 4 * nbr_inside / nbr_samples
    plot(xs, ys, inside, estimate, path)
    print(f"darts = {nbr_samples}")
    print(f"inside = {nbr_inside}")
    print(f"pi estimate = {estimate:.4f}")
    print(f"figure = {path}")


def main(argv=None):
    from hpp.script import example_parser, output_dir, positive_int, seed, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=positive_int, default=10_000, help="darts")
    parser.add_argument("--seed", type=seed, default=0, help="RandomState seed")
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    draw_example(
        args.samples, args.seed, output_dir("09_multiprocessing", args.output_dir) / "pi_monte_carlo.png"
    )


if __name__ == "__main__":
    main()
