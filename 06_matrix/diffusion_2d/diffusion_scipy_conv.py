"""2-D diffusion as a convolution with the Laplacian stencil (``scipy.ndimage.convolve``).

Chapter 6 (third edition), the convolution view of the Laplacian: the
five-point stencil is the 3 x 3 kernel [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
convolved with periodic boundaries (``mode="wrap"``).

The official code uses [[0, -1, 0], [-1, 4, -1], [0, -1, 0]]: that is minus
the Laplacian, so each step runs the heat equation backwards and the grid
blows up (max about 2e46 after 200 steps at 64 x 64). ``--kernel book`` runs
that kernel so you can see it; the default is the correct one.

Run:
    python 06_matrix/diffusion_2d/diffusion_scipy_conv.py --size 512 --iterations 1000
    python 06_matrix/diffusion_2d/diffusion_scipy_conv.py --size 64 --iterations 200 --kernel book
"""

# book: 3rd ed. code, "diffusion_scipy_conv.py"
import numpy as np
from scipy.ndimage import convolve

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D

LAPLACIAN_KERNEL = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])


def laplacian(grid, out, kernel=LAPLACIAN_KERNEL):
    """The Laplacian as one convolution with the 3 x 3 stencil, periodic (``mode="wrap"``), into ``out``.

    The official file convolves with its module-level ``kernel``, which is
    minus the Laplacian (``BOOK_KERNEL``): ours defaults to the correct sign.
    """
    convolve(grid, kernel, output=out, mode="wrap")


@profile
def evolve(grid, dt, out, D=D, kernel=LAPLACIAN_KERNEL):
    laplacian(grid, out, kernel)
    out *= D * dt
    out += grid


def run_experiment(num_iterations, size=512, kernel=LAPLACIAN_KERNEL):
    grid = initial_grid(size)
    next_grid = np.zeros_like(grid)
    for _ in range(num_iterations):
        evolve(grid, DT, next_grid, kernel=kernel)
        grid, next_grid = next_grid, grid
    return grid


# book: end


BOOK_KERNEL = -LAPLACIAN_KERNEL  # the official code's kernel: the wrong sign, so the grid diverges


def main(argv=None):
    from _matrix_diffusion import run_with_kernels

    run_with_kernels(__doc__, run_experiment, {"laplacian": LAPLACIAN_KERNEL, "book": BOOK_KERNEL}, argv)


if __name__ == "__main__":
    main()
