"""SciPy sparse (CSR) against dense NumPy: multiply time and memory across densities.

Chapter 11, "SciPy's Sparse Matrices" (2nd edition). A CSR matrix stores only
the non-zero values, their column indices and one row pointer per row: three
arrays, so its footprint is data.nbytes + indices.nbytes + indptr.nbytes, which
beats the dense n*n*8 bytes only below roughly 2/3 density (a value and an
index per entry). Multiplication skips the zeros but loses the dense BLAS's
vectorised, cache-friendly loops: sparse wins only when the matrix is very
sparse. Uses sparse *arrays* (``csr_array``), not ``np.matrix``.

Run:
    python 11_less_ram/sparse_matrices/benchmark_sparse.py                 # the book's 2048x2048
    (writes sparse_runtime.png and sparse_footprint.png under results/11_less_ram)
"""

import time

import matplotlib
import numpy as np
import scipy.sparse

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from hpp.script import example_parser, output_dir, positive_int, writable_dir  # noqa: E402

REQUIRES = ("scipy",)
SMOKE_ARGS = ["--size", "256", "--repeat", "1"]
DENSITIES = (0.001, 0.005, 0.01, 0.05, 0.1, 0.15, 0.2)


def random_sparse(size, density, seed=0):
    return scipy.sparse.random_array(
        (size, size), density=density, format="csr", rng=np.random.default_rng(seed)
    )


def csr_nbytes(matrix):
    return matrix.data.nbytes + matrix.indices.nbytes + matrix.indptr.nbytes


def best_time(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def compare_sparse_dense(size, repeat, folder):
    """Time CSR @ CSR against dense @ dense at each density (products checked equal); plot to ``folder``."""
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
    plot_rows(rows, folder)
    return rows


def plot_rows(rows, folder):
    """Two figures against density: the product's time, and the matrix's size, sparse and dense."""
    densities = [row[0] for row in rows]
    for filename, ylabel, labels, (sparse_col, dense_col) in [
        ("sparse_runtime.png", "seconds", ("CSR @ CSR", "dense @ dense"), (1, 2)),
        ("sparse_footprint.png", "MB", ("CSR", "dense"), (3, 4)),
    ]:
        figure, axes = plt.subplots(figsize=(7, 4))
        axes.plot(densities, [row[sparse_col] for row in rows], "o-", label=labels[0])
        axes.plot(densities, [row[dense_col] for row in rows], "s-", label=labels[1])
        axes.set_xlabel("density")
        axes.set_ylabel(ylabel)
        axes.legend()
        figure.savefig(folder / filename, dpi=90)
        plt.close(figure)
    print(f"saved {folder / 'sparse_runtime.png'} and {folder / 'sparse_footprint.png'}")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=2048)
    parser.add_argument("--repeat", type=positive_int, default=3)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the two PNGs")
    args = parser.parse_args(argv)
    compare_sparse_dense(args.size, args.repeat, output_dir("11_less_ram", args.output_dir))


if __name__ == "__main__":
    main()
