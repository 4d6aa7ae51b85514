"""1-D diffusion in pure Python: the book's first look at the heat equation.

Chapter 6, "Understanding the Problem" (the 1-D diffusion): a row of cells,
each step moves every cell toward the mean of its two neighbours,
``new[i] = grid[i] + D * dt * (grid[i+1] + grid[i-1] - 2 * grid[i])``, with
periodic boundaries (``% N``). The initial condition is the chapter's block
of 0.005 on [0.4N, 0.5N); the total is conserved.

Run:
    python 06_matrix/diffusion_1d/diffusion_1d_python.py --size 512 --iterations 1000
"""

# book: 1st ed. code, "06_matrix/diffusion_1d" (the pure-Python 1-D diffusion)
from hpp.diffusion import DT, D  # the book's dt and D
from hpp.diffusion import initial_line_list as initial_grid_1d  # 0.005 on [0.4N, 0.5N)


def evolve(grid, dt, D=D):
    N = len(grid)
    new_grid = [0.0] * N
    for i in range(N):
        new_grid[i] = grid[i] + D * dt * (grid[(i + 1) % N] + grid[(i - 1) % N] - 2.0 * grid[i])
    return new_grid


def run_experiment(num_iterations, size=512):
    grid = initial_grid_1d(size)
    for _ in range(num_iterations):
        grid = evolve(grid, DT)
    return grid


# book: end


def main(argv=None):
    from _diffusion_1d_family import run_line

    run_line(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
