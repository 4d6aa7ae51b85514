"""2-D diffusion with NumPy: a ``laplacian`` built from four ``np.roll`` calls.

Chapter 6, "Applying numpy to the Diffusion Problem" (the book's
``diffusion_numpy.py``): the five-point Laplacian with periodic boundaries is
``roll(+1, 0) + roll(-1, 0) + roll(+1, 1) + roll(-1, 1) - 4 * grid``. This is
the reference the other variants are checked against. It still allocates a
new array for every roll, every sum and every step.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy.py --iterations 100
    python -m memory_profiler 06_matrix/diffusion_2d/diffusion_numpy.py --iterations 20
    perf stat -e cycles,instructions,cache-references,cache-misses,page-faults \\
        python 06_matrix/diffusion_2d/diffusion_numpy.py
"""

# book: 3rd ed. code, "diffusion_numpy.py"
import numpy as np

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D


def laplacian(grid):
    return (
        np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    )


@profile
def evolve(grid, dt, D=D):
    return grid + dt * D * laplacian(grid)


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
