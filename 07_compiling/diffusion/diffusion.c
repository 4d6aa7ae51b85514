/* The 2-D diffusion step in plain C (book 7, "Foreign Function Interfaces").
 *
 * The book's diffusion.c updates the interior only, with a fixed 512 x 512
 * size; this one takes n and wraps around the edges (periodic boundaries),
 * like chapter 06's NumPy versions, so every variant agrees with them.
 * The inner loop over j has no wrap-around and the compiler vectorises it.
 *
 * Built as a shared library (gcc -O3 -shared -fPIC) by _build.py for ctypes,
 * compiled into the cffi module, and linked into the cdiffusion extension.
 */
#include <string.h>

#include "diffusion.h"

// book: 2nd ed., "Foreign Function Interfaces" (diffusion.c's evolve, n x n with periodic edges)
void evolve(const double *in, double *out, long n, double D, double dt)
{
    const double f = D * dt;
    for (long i = 0; i < n; i++) {
        const double *row = in + i * n;
        const double *up = in + ((i + n - 1) % n) * n;
        const double *down = in + ((i + 1) % n) * n;
        double *o = out + i * n;
        if (n == 1) {
            o[0] = row[0];  /* every neighbour is the point itself: the laplacian is 0 */
            continue;
        }
        o[0] = row[0] + f * (up[0] + down[0] + row[n - 1] + row[1] - 4.0 * row[0]);
        for (long j = 1; j < n - 1; j++) {
            o[j] = row[j] + f * (up[j] + down[j] + row[j - 1] + row[j + 1] - 4.0 * row[j]);
        }
        o[n - 1] = row[n - 1] + f * (up[n - 1] + down[n - 1] + row[n - 2] + row[0]
                                     - 4.0 * row[n - 1]);
    }
}

// book: end

void evolve_steps(double *grid, double *scratch, long n, long steps, double D, double dt)
{
    double *a = grid, *b = scratch, *t;
    for (long s = 0; s < steps; s++) {
        evolve(a, b, n, D, dt);
        t = a; a = b; b = t;
    }
    if (a != grid) {
        memcpy(grid, a, (size_t)n * (size_t)n * sizeof(double));
    }
}
