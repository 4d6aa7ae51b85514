"""SciPy sparse (CSR) against dense NumPy: multiply time and memory across densities.

Chapter 11, "SciPy's Sparse Matrices" (2nd edition). A CSR matrix stores only
the non-zero values, their column indices and one row pointer per row: three
arrays, so its footprint is data.nbytes + indices.nbytes + indptr.nbytes, which
beats the dense n*n*8 bytes only below roughly 2/3 density (a value and an
index per entry). Multiplication skips the zeros but loses the dense BLAS's
vectorised, cache-friendly loops: sparse wins only when the matrix is very
sparse. ``matrix_size`` measures the footprint from 0% to 100% non-zero,
``benchmark`` the multiplication from 0.1% to 20%. Uses sparse *arrays*
(``csr_array``), not ``np.matrix``.

Run:
    python 11_less_ram/sparse_matrices/benchmark_sparse.py                 # the book's 2048x2048
    (writes sparse_runtime.png and sparse_footprint.png under results/11_less_ram)
"""

# book: 2nd ed. code, "benchmark_sparse.py"
import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from _sparse_family import best_time, csr_nbytes, random_sparse  # noqa: E402 (ours: a CSR matrix, its bytes, a timer)

DENSITIES = (0.001, 0.005, 0.01, 0.05, 0.1, 0.15, 0.2)


def benchmark(size=2048, repeat=3, folder=None):
    """Time CSR @ CSR against dense @ dense at each density (products checked equal).

    Prints one row per density (with both matrices' MB) and, given ``folder``, plots the
    times to ``sparse_runtime.png``; returns the rows.
    """
    rows = []
    print(f"{'density':>8} {'sparse s':>9} {'dense s':>9} {'CSR MB':>8} {'dense MB':>9}")
    for density in DENSITIES:
        a, b = random_sparse(size, density, 1), random_sparse(size, density, 2)
        a_dense, b_dense = a.toarray(), b.toarray()
        product = a @ b
        assert np.allclose(product.toarray(), a_dense @ b_dense)
        sparse_s = best_time(lambda: a @ b, repeat)
        dense_s = best_time(lambda: a_dense @ b_dense, repeat)
        rows.append((density, sparse_s, dense_s, csr_nbytes(a) / 1e6, a_dense.nbytes / 1e6))
        print(f"{density:>8.3f} {sparse_s:>9.4f} {dense_s:>9.4f} {rows[-1][3]:>8.2f} {rows[-1][4]:>9.2f}")
    if folder is not None:
        title = f"{size}x{size} multiplication"
        plot([100 * row[0] for row in rows], rows, (1, 2), "seconds", title, folder / "sparse_runtime.png")
    return rows


def matrix_size(size=2028, folder=None):
    """The memory of one ``size`` x ``size`` matrix, CSR against dense, from 0% to 100% non-zero.

    Prints one row per density and, given ``folder``, plots them to ``sparse_footprint.png``;
    returns the rows ``(percent, CSR MB, dense MB)``. (The book's default size is 2028.)
    """
    rows = []
    for percent in np.linspace(0, 100, 10):
        matrix = random_sparse(size, percent / 100, 1)
        rows.append((float(percent), csr_nbytes(matrix) / 1e6, size * size * 8 / 1e6))
        print(f"{percent:5.1f}% non-zero: CSR {rows[-1][1]:.2f} MB, dense {rows[-1][2]:.2f} MB")
    if folder is not None:
        title = f"memory of a {size}x{size} matrix"
        plot([row[0] for row in rows], rows, (1, 2), "MB", title, folder / "sparse_footprint.png")
    return rows


# book: end


# book: 2nd ed. code, "benchmark_sparse.py" (continued: the plots)
def plot(percents, rows, columns, ylabel, title, path):
    """The sparse and the dense column of ``rows`` against the percentage of non-zero entries."""
    figure, axes = plt.subplots(figsize=(7, 4))
    axes.plot(percents, [row[columns[0]] for row in rows], "o-", label="CSR sparse array")
    axes.plot(percents, [row[columns[1]] for row in rows], "s-", label="dense NumPy array")
    axes.set_xlabel("density (percent non-zero entries)")
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.legend()
    figure.savefig(path, dpi=90)
    plt.close(figure)
    print(f"saved {path}")


# book: end


def main(argv=None):
    from _sparse_family import run_sparse_benchmarks

    run_sparse_benchmarks(matrix_size, benchmark, __doc__, argv)


if __name__ == "__main__":
    main()
