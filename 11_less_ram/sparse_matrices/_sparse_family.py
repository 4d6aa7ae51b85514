"""The driver of ``benchmark_sparse.py``: its flags, then the book's two measurements; its helpers."""

import time

import numpy as np
import scipy.sparse


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


def run_sparse_benchmarks(matrix_size, benchmark, doc, argv=None):
    """``--size`` x ``--size`` matrices: their memory (``matrix_size``), then the products timed."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=2048)
    parser.add_argument("--repeat", type=positive_int, default=3)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the two PNGs")
    args = parser.parse_args(argv)
    folder = output_dir("11_less_ram", args.output_dir)
    matrix_size(args.size, folder)
    benchmark(args.size, args.repeat, folder)
