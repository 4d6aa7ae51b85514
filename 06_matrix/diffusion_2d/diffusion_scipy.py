"""2-D diffusion with ``scipy.ndimage.laplace`` (periodic: ``mode="wrap"``).

Chapter 6, "A Cautionary Tale: Verify 'Optimizations' (scipy)": SciPy's
general n-dimensional filter computes the same Laplacian in one call, written
into ``out``. The book found it slower than the hand-written in-place NumPy
version: general code costs instructions (and, here, page faults).
(The official code imported the deprecated ``scipy.ndimage.filters``.)

Run:
    python 06_matrix/diffusion_2d/diffusion_scipy.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_scipy.py --iterations 100
"""

# book: 3rd ed. code, "diffusion_scipy.py"
import numpy as np
from scipy.ndimage import laplace

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D


def laplacian(grid, out):
    laplace(grid, out, mode="wrap")


@profile
def evolve(grid, dt, out, D=D):
    laplacian(grid, out)
    out *= D * dt
    out += grid


def run_experiment(num_iterations, size=512):
    grid = initial_grid(size)
    next_grid = np.zeros_like(grid)
    for _ in range(num_iterations):
        evolve(grid, DT, next_grid)
        grid, next_grid = next_grid, grid
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, iterations=1000)


if __name__ == "__main__":
    main()
