"""2-D diffusion with NumPy, translated line by line from the pure-Python loop.

Chapter 6, "Applying numpy to the Diffusion Problem": the two second
derivatives of the pure-Python version become one whole-array expression,
``laplacian(grid)``, whose periodic neighbours come from ``np.roll``. Every expression makes a new
temporary array, and every step returns a new grid: fast, but it allocates
(and page-faults) a lot.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_naive.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_naive.py --iterations 100
    python -m memory_profiler 06_matrix/diffusion_2d/diffusion_numpy_naive.py --iterations 20
"""

# book: 3rd ed. code, "diffusion_numpy_naive.py"
import numpy as np

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D


def laplacian(grid):
    """The five-point Laplacian with periodic neighbours: four rolled copies minus 4 * grid."""
    return (
        np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    )


@profile
def evolve(grid, dt, D=D):
    return grid + dt * D * laplacian(grid)


# book: end


# book: 3rd ed. code, "diffusion_numpy_naive.py" (continued)
def run_experiment(num_iterations, size=512):
    grid = initial_grid(size)
    for _ in range(num_iterations):
        grid = evolve(grid, DT)
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, iterations=1000)


if __name__ == "__main__":
    main()
