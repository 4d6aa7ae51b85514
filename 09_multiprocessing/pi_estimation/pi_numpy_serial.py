"""Estimate pi with NumPy darts in one vectorised step.

Chapter 9, "Using numpy": two vectors of uniform random numbers replace the
Python loop; the book's 1e8 darts take about 2.5 s instead of 71 s. The catch:
both vectors (and their temporaries) live in RAM at once, 1e8 x 8 bytes x 2 =
1.6 GB and more; ``pi_numpy_serial_blocks.py`` throws the same darts in blocks.

Run:
    python pi_numpy_serial.py                                  # 1e8 darts
    python pi_numpy_serial.py --nbr_samples_in_total 1e7 --seed 0
"""

# book: 2nd ed. code, "pi_numpy_serial.py"
import numpy as np


def estimate_nbr_points_in_quarter_circle(nbr_samples, seed=None):
    """Darts inside the quarter circle, all ``nbr_samples`` thrown as two vectors."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(0, 1, nbr_samples)
    ys = rng.uniform(0, 1, nbr_samples)
    estimate_inside_quarter_unit_circle = (xs * xs + ys * ys) <= 1
    nbr_trials_in_quarter_unit_circle = np.sum(estimate_inside_quarter_unit_circle)
    return int(nbr_trials_in_quarter_unit_circle)


# book: end


def main(argv=None):
    from _pi_common import run_series

    run_series(__doc__, estimate_nbr_points_in_quarter_circle, argv)


if __name__ == "__main__":
    main()
