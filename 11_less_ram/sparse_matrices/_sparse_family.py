"""The driver of ``benchmark_sparse.py``: its flags, then the book's two measurements."""

from hpp.script import example_parser, output_dir, positive_int, writable_dir


def run_sparse_benchmarks(matrix_size, benchmark, doc, argv=None):
    """``--size`` x ``--size`` matrices: their memory (``matrix_size``), then the products timed."""
    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=2048)
    parser.add_argument("--repeat", type=positive_int, default=3)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for the two PNGs")
    args = parser.parse_args(argv)
    folder = output_dir("11_less_ram", args.output_dir)
    matrix_size(args.size, folder)
    benchmark(args.size, args.repeat, folder)
