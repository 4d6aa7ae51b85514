"""2-D diffusion: the in-place NumPy Laplacian, then the update in one numexpr call.

Chapter 6, "numexpr: Making In-Place Operations Faster and Easier": the
Laplacian is the one of ``diffusion_numpy_memory2.py`` (``roll_add``'s slice
additions, no temporaries; repeated here, as the book's file has it); the
final ``out = grid + D * dt * out`` becomes
``numexpr.evaluate("out * D * dt + grid", out=out)``, which walks the arrays
in cache-sized blocks on several threads. For small grids the call overhead
outweighs the gain; for grids larger than the cache it wins.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr.py --iterations 100
"""

# book: 3rd ed. code, "diffusion_numpy_memory2_numexpr.py"
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
    print(f"numexpr threads = {ne.get_num_threads()}")


if __name__ == "__main__":
    main()
