"""The binary cross-entropy against the predicted probability (the NumExpr section's figure).

Chapter 11, "Using Less RAM in NumPy with NumExpr": the cost of a prediction
``yp`` is ``-log(yp)`` when the truth is 1 and ``-log(1 - yp)`` when it is 0, so
a confident wrong answer costs far more than a hesitant one; at 0.5 both cost
ln 2 = 0.6931.

Run:
    python 11_less_ram/numexpr_pandas/make_cross_entropy_picture.py
    (writes cross_entropy.png under results/11_less_ram, or --output-dir)
"""

# book: 2nd ed. code, "make_cross_entropy_picture.py"
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def cross_entropy_curves(points=99):
    """(predicted probabilities, cost when the truth is 1, cost when it is 0)."""
    yp = np.linspace(0, 1, points + 2)[1:-1]  # 0 and 1 themselves cost infinity
    return yp, -np.log(yp), -np.log(1 - yp)


def draw_cross_entropy(points, folder):
    """Draw both cost curves to ``folder``/cross_entropy.png and print their key values."""
    yp, truth_one, truth_zero = cross_entropy_curves(points)
    figure, axes = plt.subplots(figsize=(6, 4))
    axes.plot(yp, truth_one, label="truth = 1: -log(yp)")
    axes.plot(yp, truth_zero, label="truth = 0: -log(1 - yp)")
    axes.set_xlabel("predicted probability yp")
    axes.set_ylabel("cross-entropy")
    axes.set_title("Binary cross-entropy")
    axes.legend()
    path = folder / "cross_entropy.png"
    figure.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(figure)
    middle = -np.log(0.5)
    print(f"points = {len(yp)}")
    print(f"cost at yp = 0.5 = {middle:.4f}")
    print(f"max cost = {max(truth_one.max(), truth_zero.max()):.4f}")
    print(f"saved {path}")


# book: end


def main(argv=None):
    from _numexpr_family import cross_entropy_figure

    cross_entropy_figure(draw_cross_entropy, __doc__, argv)


if __name__ == "__main__":
    main()
