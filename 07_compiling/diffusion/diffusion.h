/* The 2-D diffusion step in C, shared by ctypes, cffi and the CPython extension (book 7). */
#ifndef HPP_DIFFUSION_H
#define HPP_DIFFUSION_H

/* One explicit Euler step of du/dt = D * laplacian(u) on an n x n grid with
   periodic boundaries: reads in[n*n] (row-major), writes out[n*n]. */
// book: 2nd ed. code, "cpython_module/cdiffusion/diffusion.h" (the prototype)
void evolve(const double *in, double *out, long n, double D, double dt);

// book: end

/* `steps` steps, swapping the two buffers; the result ends in `grid`. */
void evolve_steps(double *grid, double *scratch, long n, long steps, double D, double dt);

#endif
