# cython: boundscheck=False, wraparound=False, cdivision=True
# distutils: extra_compile_args = -O3 -fopenmp
# distutils: extra_link_args = -fopenmp
# hpp: optional
"""The Cython diffusion stencil with OpenMP: the rows shared over the cores with ``prange``.

``diffusion_cy.pyx`` with the row loop turned into ``prange`` (static
schedule: every row costs the same). Optional in the build: a compiler
without OpenMP skips it.
"""

# taught: the same loop with OpenMP: prange over the rows, without the GIL
from cython.parallel import prange


def evolve(const double[:, ::1] grid, double[:, ::1] out, double D=1.0, double dt=0.1):
    """One periodic diffusion step from ``grid`` into ``out``, rows in parallel."""
    cdef Py_ssize_t n = grid.shape[0]
    cdef Py_ssize_t i, j, up, down
    cdef double f = D * dt
    if grid.shape[1] != n or out.shape[0] != n or out.shape[1] != n:
        raise ValueError("grid and out must be square and of the same shape")
    if n == 1:
        out[0, 0] = grid[0, 0]
        return
    for i in prange(n, nogil=True, schedule="static"):
        up = n - 1 if i == 0 else i - 1
        down = 0 if i == n - 1 else i + 1
        out[i, 0] = grid[i, 0] + f * (grid[up, 0] + grid[down, 0] + grid[i, n - 1]
                                      + grid[i, 1] - 4.0 * grid[i, 0])
        for j in range(1, n - 1):
            out[i, j] = grid[i, j] + f * (grid[up, j] + grid[down, j] + grid[i, j - 1]
                                          + grid[i, j + 1] - 4.0 * grid[i, j])
        out[i, n - 1] = grid[i, n - 1] + f * (grid[up, n - 1] + grid[down, n - 1]
                                              + grid[i, n - 2] + grid[i, 0]
                                              - 4.0 * grid[i, n - 1])


# taught: end
