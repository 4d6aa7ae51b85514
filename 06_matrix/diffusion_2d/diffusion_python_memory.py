"""2-D diffusion in pure Python, writing into a grid allocated once.

Chapter 6, "Memory Allocations and In-Place Operations" (pure-Python first
step): the two grids are allocated before the loop and swapped after every
step, so no new lists are built. The floats themselves are still new objects
(a Python float is immutable), which is why the gain is small (the book saw
about 1.1x; the in-place idea pays off with NumPy).

Run:
    python 06_matrix/diffusion_2d/diffusion_python_memory.py --size 512 --iterations 10
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_python_memory.py --size 128 --iterations 5
"""

# book: 3rd ed. code, "diffusion_python_memory.py"
from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid_lists  # the book's grid, dt and D


@profile
def evolve(grid, dt, out, D=D):
    xmax, ymax = len(grid), len(grid[0])
    for i in range(xmax):
        for j in range(ymax):
            grid_xx = grid[(i + 1) % xmax][j] + grid[(i - 1) % xmax][j] - 2.0 * grid[i][j]
            grid_yy = grid[i][(j + 1) % ymax] + grid[i][(j - 1) % ymax] - 2.0 * grid[i][j]
            out[i][j] = grid[i][j] + D * (grid_xx + grid_yy) * dt


def run_experiment(num_iterations, size=512):
    grid = initial_grid_lists(size)
    scratch = [[0.0] * size for _ in range(size)]  # one list per row: no aliasing
    for _ in range(num_iterations):
        evolve(grid, DT, scratch)
        grid, scratch = scratch, grid
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, iterations=1000)


if __name__ == "__main__":
    main()
