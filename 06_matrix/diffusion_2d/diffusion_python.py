"""2-D diffusion in pure Python: lists of lists, a new grid every step.

Chapter 6 ("Matrix and Vector Computation"), "Making Decisions with perf" /
the first pure-Python 2-D diffusion: the heat equation du/dt = D * laplacian(u)
on a periodic grid, one explicit Euler step at a time. Every step builds a
brand-new list of lists, so the interpreter allocates 512 * 512 new floats
and 512 new lists per step: the cost the rest of the chapter removes.

Run:
    python 06_matrix/diffusion_2d/diffusion_python.py --size 512 --iterations 10
Profile as the book does:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_python.py --size 128 --iterations 5
    python 06_matrix/diffusion_2d/measure.py --variants diffusion_python
"""

# book: 3rd ed. code, "diffusion_python.py"
from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid_lists  # the book's grid, dt and D


def make_grid(xmax, ymax):
    """A new ``xmax`` x ``ymax`` grid of zeros: a list of ``xmax`` row lists."""
    return [[0.0] * ymax for _ in range(xmax)]


@profile
def evolve(grid, dt, D=D):
    xmax, ymax = len(grid), len(grid[0])
    new_grid = make_grid(xmax, ymax)
    for i in range(xmax):
        for j in range(ymax):
            grid_xx = grid[(i + 1) % xmax][j] + grid[(i - 1) % xmax][j] - 2.0 * grid[i][j]
            grid_yy = grid[i][(j + 1) % ymax] + grid[i][(j - 1) % ymax] - 2.0 * grid[i][j]
            new_grid[i][j] = grid[i][j] + D * (grid_xx + grid_yy) * dt
    return new_grid


# book: end


# book: 3rd ed. code, "diffusion_python.py" (continued)
def run_experiment(num_iterations, size=512):
    grid = initial_grid_lists(size)
    for _ in range(num_iterations):
        grid = evolve(grid, DT)
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, iterations=1000)


if __name__ == "__main__":
    main()
