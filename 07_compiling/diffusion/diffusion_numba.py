"""The diffusion stencil in Numba: one fused loop, serial or parallel over rows (chapter 06 workload).

``evolve`` is the loop a C programmer would write, compiled by ``@njit``;
``evolve_parallel`` is the same with ``prange`` over the rows. The edge
columns are handled apart so the inner loop has no wrap-around test and
vectorises.

Run:
    python 07_compiling/diffusion/diffusion_numba.py
    python 07_compiling/diffusion/diffusion_numba.py --parallel
"""

# taught: Numba compiles the explicit loops; prange shares the rows over the threads
from numba import njit, prange


@njit
def update_row(grid, out, i, f):
    n = grid.shape[0]
    up = i - 1 if i > 0 else n - 1
    down = i + 1 if i < n - 1 else 0
    if n == 1:
        out[i, 0] = grid[i, 0]
        return
    out[i, 0] = grid[i, 0] + f * (
        grid[up, 0] + grid[down, 0] + grid[i, n - 1] + grid[i, 1] - 4.0 * grid[i, 0]
    )
    for j in range(1, n - 1):
        out[i, j] = grid[i, j] + f * (
            grid[up, j] + grid[down, j] + grid[i, j - 1] + grid[i, j + 1] - 4.0 * grid[i, j]
        )
    out[i, n - 1] = grid[i, n - 1] + f * (
        grid[up, n - 1] + grid[down, n - 1] + grid[i, n - 2] + grid[i, 0] - 4.0 * grid[i, n - 1]
    )


@njit
def evolve(grid, out, D=1.0, dt=0.1):
    """One periodic diffusion step from ``grid`` into ``out``."""
    for i in range(grid.shape[0]):
        update_row(grid, out, i, D * dt)


@njit(parallel=True)
def evolve_parallel(grid, out, D=1.0, dt=0.1):
    """The same step with the rows shared over Numba's threads."""
    for i in prange(grid.shape[0]):
        update_row(grid, out, i, D * dt)


def make_step(parallel=False, dt=0.1, D=1.0):
    """One step with the serial loop, or with ``parallel`` the rows shared over the threads."""
    function = evolve_parallel if parallel else evolve

    def step(grid, out):
        function(grid, out, D, dt)

    return step


# taught: end


def main(argv=None):
    from _compiled_diffusion import run_numba

    run_numba(__doc__, make_step, argv)


if __name__ == "__main__":
    main()
