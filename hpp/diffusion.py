"""The 2-D diffusion set-up that chapters 06, 07 and 10 share.

The heat equation du/dt = D * laplacian(u) on an N x N grid with periodic
boundaries, explicit Euler steps of ``DT``. The initial condition is a block of
0.005 on [0.4N, 0.5N)^2, so the total mass is known: 13.52 for N = 512 and
0.245 for N = 64, and every correct step conserves it.

The update step is what the chapters teach, so it lives in each example.
"""

D = 1.0
DT = 0.1
BLOCK_VALUE = 0.005


def block_bounds(n):
    """The [low, high) index range of the initial block along each axis."""
    return int(n * 0.4), int(n * 0.5)


def initial_mass(n):
    """The total of the initial grid: every correct periodic step keeps it."""
    low, high = block_bounds(n)
    return (high - low) ** 2 * BLOCK_VALUE


def initial_grid(n, dtype=None):
    """The initial N x N NumPy grid: zeros with the block of 0.005."""
    import numpy as np

    grid = np.zeros((n, n), dtype=dtype or np.float64)
    low, high = block_bounds(n)
    grid[low:high, low:high] = BLOCK_VALUE
    return grid


def initial_grid_lists(n):
    """The same initial grid as a list of row lists, for the pure-Python versions."""
    low, high = block_bounds(n)
    return [[BLOCK_VALUE if low <= i < high and low <= j < high else 0.0 for j in range(n)] for i in range(n)]
