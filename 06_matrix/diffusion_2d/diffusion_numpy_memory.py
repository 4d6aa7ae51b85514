"""2-D diffusion with NumPy, in place: one scratch grid, swapped every step.

Chapter 6, "Memory Allocations and In-Place Operations": ``laplacian`` writes
into ``out`` with ``np.copyto``, ``*=`` and ``+=`` instead of building new
arrays, and ``run_experiment`` swaps the two grids instead of allocating a
third. The ``np.roll`` calls still make one temporary each; the next script
(``diffusion_numpy_memory2.py``) removes them.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_memory.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_memory.py --iterations 100
    python -m memory_profiler 06_matrix/diffusion_2d/diffusion_numpy_memory.py --iterations 20
"""

# book: 3rd ed. code, "diffusion_numpy_memory.py"
import numpy as np

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D


def laplacian(grid, out):
    np.copyto(out, grid)
    out *= -4
    out += np.roll(grid, +1, 0)
    out += np.roll(grid, -1, 0)
    out += np.roll(grid, +1, 1)
    out += np.roll(grid, -1, 1)


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
