//! The 2-D diffusion step as a Python extension module, written in Rust with PyO3
//! (book 7, 3rd edition: "Rust").
//!
//! `evolve(grid, out, D, dt)` takes any two objects that offer the buffer protocol
//! (NumPy arrays, `array.array`, memoryviews): PyO3's `PyBuffer<f64>` checks that each
//! holds float64 items, and the function checks the shape (n x n), C order and that
//! `out` is writable and distinct from `grid`. Then it reads `grid` and writes one
//! periodic step into `out`, in place, without copying. Errors come back as Python
//! `ValueError`/`TypeError`, never as a crash.

// book: 3rd ed., "Rust" (the step as a PyO3 extension; the buffer protocol in place of rust-numpy)
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

fn square_side(buffer: &PyBuffer<f64>, name: &str) -> PyResult<usize> {
    let shape = buffer.shape();
    if shape.len() != 2 || shape[0] != shape[1] {
        return Err(PyValueError::new_err(format!(
            "{name} must be a square 2-D grid, got shape {shape:?}"
        )));
    }
    if !buffer.is_c_contiguous() {
        return Err(PyValueError::new_err(format!("{name} must be C-contiguous")));
    }
    Ok(shape[0])
}

/// One explicit Euler step of the heat equation with periodic boundaries, from `grid` into `out`.
#[pyfunction(D = "1.0", dt = "0.1")]
#[allow(non_snake_case)]
fn evolve(py: Python<'_>, grid: PyBuffer<f64>, out: PyBuffer<f64>, D: f64, dt: f64) -> PyResult<()> {
    let n = square_side(&grid, "grid")?;
    if square_side(&out, "out")? != n {
        return Err(PyValueError::new_err("grid and out must have the same shape"));
    }
    if grid.buf_ptr() == out.buf_ptr() {
        return Err(PyValueError::new_err("out must be a different array from grid"));
    }
    let source = grid
        .as_slice(py)
        .ok_or_else(|| PyValueError::new_err("grid must be C-contiguous"))?;
    let target = out
        .as_mut_slice(py)
        .ok_or_else(|| PyValueError::new_err("out must be writable and C-contiguous"))?;
    let f = D * dt;
    for i in 0..n {
        let up = if i == 0 { n - 1 } else { i - 1 };
        let down = if i == n - 1 { 0 } else { i + 1 };
        for j in 0..n {
            let left = if j == 0 { n - 1 } else { j - 1 };
            let right = if j == n - 1 { 0 } else { j + 1 };
            let centre = source[i * n + j].get();
            let laplacian = source[up * n + j].get() + source[down * n + j].get()
                + source[i * n + left].get() + source[i * n + right].get()
                - 4.0 * centre;
            target[i * n + j].set(centre + f * laplacian);
        }
    }
    Ok(())
}

#[pymodule]
fn diffusion_pyo3(_py: Python<'_>, module: &PyModule) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(evolve, module)?)?;
    Ok(())
}
// book: end
