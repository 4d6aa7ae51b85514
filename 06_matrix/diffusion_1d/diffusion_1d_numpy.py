"""1-D diffusion with NumPy: the neighbours come from ``np.roll``.

Chapter 6, the 1-D diffusion with vectors: the same step as
``diffusion_1d_python.py`` on a whole array at once,
``grid + D * dt * (roll(grid, 1) + roll(grid, -1) - 2 * grid)``.
It agrees with the pure-Python version to rounding; it also saves a picture of
the evolution (one line per snapshot) to ``diffusion_1d.png``.

Run:
    python 06_matrix/diffusion_1d/diffusion_1d_numpy.py --size 512 --iterations 1000
"""

# book: 1st ed. code, "06_matrix/diffusion_1d" (the 1-D diffusion with np.roll)
import numpy as np

from hpp.diffusion import DT, D  # the book's dt and D
from hpp.diffusion import initial_line as initial_grid_1d  # 0.005 on [0.4N, 0.5N)


def evolve(grid, dt, D=D):
    return grid + D * dt * (np.roll(grid, +1) + np.roll(grid, -1) - 2.0 * grid)


def run_experiment(num_iterations, size=512, snapshots=0):
    """The final grid, and ``snapshots`` evenly spaced grids along the way (with the first)."""
    grid = initial_grid_1d(size)
    every = max(1, num_iterations // snapshots) if snapshots else 0
    history = [grid]
    for step in range(1, num_iterations + 1):
        grid = evolve(grid, DT)
        if every and step % every == 0:
            history.append(grid)
    return grid, history


# book: end


def main(argv=None):
    from _diffusion_1d_family import run_line_with_picture

    run_line_with_picture(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
