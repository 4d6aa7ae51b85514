"""2-D diffusion with NumPy, in place and without ``np.roll`` temporaries.

Chapter 6, "Selective Optimizations: Finding What Needs to Be Fixed": the book
replaces ``out += np.roll(grid, shift, axis)`` with ``roll_add``, which adds
the shifted grid into ``out`` with two slice additions (the bulk and the
wrapped-around edge), so a step allocates nothing at all; every ufunc writes
with ``out=``. This is the fastest pure-NumPy version (the book: 183x over
pure Python at 512 x 512).

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_memory2.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_memory2.py --iterations 100
    python 06_matrix/diffusion_2d/measure.py --variants diffusion_numpy,diffusion_numpy_memory2
"""

# book: 3rd ed. code, "diffusion_numpy_memory2.py"
import numpy as np

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D


def roll_add(rollee, shift, axis, out):
    """``out += np.roll(rollee, shift, axis)`` for a 2-D array and shift +1 or -1, with no temporary."""
    if shift == 1 and axis == 0:
        out[1:, :] += rollee[:-1, :]
        out[0, :] += rollee[-1, :]
    elif shift == -1 and axis == 0:
        out[:-1, :] += rollee[1:, :]
        out[-1, :] += rollee[0, :]
    elif shift == 1 and axis == 1:
        out[:, 1:] += rollee[:, :-1]
        out[:, 0] += rollee[:, -1]
    elif shift == -1 and axis == 1:
        out[:, :-1] += rollee[:, 1:]
        out[:, -1] += rollee[:, 0]
    else:
        raise ValueError("roll_add handles shift +1 or -1 along axis 0 or 1")


def laplacian(grid, out):
    np.copyto(out, grid)
    np.multiply(out, -4.0, out=out)
    roll_add(grid, +1, 0, out)
    roll_add(grid, -1, 0, out)
    roll_add(grid, +1, 1, out)
    roll_add(grid, -1, 1, out)


@profile
def evolve(grid, dt, out, D=D):
    laplacian(grid, out)
    np.multiply(out, D * dt, out=out)
    np.add(out, grid, out=out)


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
