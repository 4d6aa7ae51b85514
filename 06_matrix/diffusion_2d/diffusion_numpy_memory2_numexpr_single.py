"""The numexpr diffusion on one thread: how much of numexpr's gain is threads?

Chapter 6, "numexpr: Making In-Place Operations Faster and Easier" (the
book's single-threaded twin): the same ``evolve`` as
``diffusion_numpy_memory2_numexpr.py`` (its ``laplacian`` imported from
there), run with ``numexpr.set_num_threads(1)``
(restored afterwards), so what is left is the blocking alone.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr_single.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr_single.py --iterations 100
"""

# book: 3rd ed. code, "diffusion_numpy_memory2_numexpr_single.py"
import numexpr as ne
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
    ne.evaluate(
        "out * D * dt + grid",
        local_dict={"out": out, "D": D, "dt": dt, "grid": grid},
        out=out,
        casting="same_kind",
    )


# book: end


# book: 3rd ed. code, "diffusion_numpy_memory2_numexpr_single.py" (continued)
def run_experiment(num_iterations, size=512):
    previous = ne.set_num_threads(1)  # the book's one change; restored for the caller
    try:
        grid = initial_grid(size)
        next_grid = np.zeros_like(grid)
        for _ in range(num_iterations):
            evolve(grid, DT, next_grid)
            grid, next_grid = next_grid, grid
        return grid
    finally:
        ne.set_num_threads(previous)


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, iterations=1000)
    print("numexpr threads = 1")


if __name__ == "__main__":
    main()
