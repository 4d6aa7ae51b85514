//! The 2-D diffusion step in Rust, exported with a C ABI (book 7, beyond the book's PyO3 version).
//!
//! No crates (so it builds offline): `evolve` takes raw pointers like the C
//! version and Python calls it through ctypes. Periodic boundaries, like
//! chapter 06. Inside, the pointers become slices, so the loops are
//! bounds-checked Rust; iterating over whole rows lets the compiler drop
//! most of the checks and vectorise the inner loop.

use std::slice;

// taught: a Rust function behind a C ABI (extern "C"): what PyO3 writes for us, by hand
/// One step of du/dt = D * laplacian(u) on an n x n row-major grid, from `input` into `output`.
///
/// # Safety
/// `input` and `output` must each point to `n * n` valid, non-overlapping f64 values.
#[no_mangle]
pub unsafe extern "C" fn evolve(input: *const f64, output: *mut f64, n: usize, d: f64, dt: f64) {
    if n == 0 {
        return;
    }
    let grid = slice::from_raw_parts(input, n * n);
    let out = slice::from_raw_parts_mut(output, n * n);
    step(grid, out, n, d * dt);
}

fn step(grid: &[f64], out: &mut [f64], n: usize, f: f64) {
    if n == 1 {
        out[0] = grid[0];
        return;
    }
    for i in 0..n {
        let row = &grid[i * n..(i + 1) * n];
        let up = &grid[((i + n - 1) % n) * n..((i + n - 1) % n + 1) * n];
        let down = &grid[((i + 1) % n) * n..((i + 1) % n + 1) * n];
        let o = &mut out[i * n..(i + 1) * n];
        o[0] = row[0] + f * (up[0] + down[0] + row[n - 1] + row[1] - 4.0 * row[0]);
        for j in 1..n - 1 {
            o[j] = row[j] + f * (up[j] + down[j] + row[j - 1] + row[j + 1] - 4.0 * row[j]);
        }
        o[n - 1] = row[n - 1] + f * (up[n - 1] + down[n - 1] + row[n - 2] + row[0] - 4.0 * row[n - 1]);
    }
}
// taught: end
