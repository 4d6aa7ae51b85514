"""The diffusion stencil in Numba: one fused loop, serial or parallel over rows (chapter 06 workload).

``evolve`` is the loop a C programmer would write, compiled by ``@njit``;
``evolve_parallel`` is the same with ``prange`` over the rows. The edge
columns are handled apart so the inner loop has no wrap-around test and
vectorises. ``run_steps`` runs the whole time loop inside one compiled
call (no Python between steps).

Run:
    python 07_compiling/diffusion/diffusion_numba.py
    python 07_compiling/diffusion/diffusion_numba.py --parallel
"""

import _common as common
import numba
from numba import njit, prange

from hpp.diffusion import DT, D

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


# taught: Numba compiles the explicit loops; prange shares the rows over the threads
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
def evolve(grid, out, D=D, dt=DT):
    """One periodic diffusion step from ``grid`` into ``out``."""
    for i in range(grid.shape[0]):
        update_row(grid, out, i, D * dt)


@njit(parallel=True)
def evolve_parallel(grid, out, D=D, dt=DT):
    """The same step with the rows shared over Numba's threads."""
    for i in prange(grid.shape[0]):
        update_row(grid, out, i, D * dt)


@njit
def run_steps(grid, scratch, steps, D=D, dt=DT):
    """``steps`` steps in one compiled call; the result ends in ``grid``."""
    for _ in range(steps):
        evolve(grid, scratch, D, dt)
        grid[:, :] = scratch  # copy back, so the caller's buffer holds the result
    return grid


# taught: end


def make_step(parallel=False, dt=DT, D=D):
    function = evolve_parallel if parallel else evolve

    def step(grid, out):
        function(grid, out, D, dt)

    return step


def run_experiment(num_iterations, size=512, parallel=False):
    """Compile, then time ``num_iterations`` Numba steps (``prange`` when ``parallel``)."""
    common.passive_openmp()
    step = make_step(parallel)
    common.evolve_loop(step, 8, 1)  # compile first, so the timing below is the steady state
    label = "Numba parallel" if parallel else "Numba"
    return common.drive_diffusion(step, size, num_iterations, label)


def main(argv=None):
    parallel = f"prange over the rows ({numba.get_num_threads()} threads here)"
    common.run_main(__doc__, run_experiment, argv, switches={"--parallel": parallel})


if __name__ == "__main__":
    main()
