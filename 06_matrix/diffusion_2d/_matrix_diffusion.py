"""The command line and printout shared by the 2-D diffusion scripts (not an example).

Every script in this folder keeps the step the book teaches (``evolve`` and its
``run_experiment`` loop) in its own file; this module only parses ``--size``
and ``--iterations``, times the run and prints the verifiable result::

    grid = 512 x 512, iterations = 1000
    sum(grid) = 13.52
    max(grid) = 2.4e-04
    time = 1.234 s (1.234 ms per iteration)

The name is unique in the repository on purpose: tests load examples from
several chapters into one process, so a generic ``_common`` could collide.
"""

import time

from hpp.gpu import add_device_argument, device_from_flag, synchronize
from hpp.script import example_parser, positive_int

BOOK_SIZE = 512
BOOK_ITERATIONS = 1000


def diffusion_parser(doc, size=BOOK_SIZE, iterations=BOOK_ITERATIONS):
    """The parser every diffusion script starts from: ``--size N --iterations K``."""
    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=size, help="the grid is SIZE x SIZE")
    parser.add_argument("--iterations", type=positive_int, default=iterations, help="number of time steps")
    return parser


def grid_summary(grid):
    """``(sum, max)`` of a grid given as a NumPy array, a list of lists or a tensor."""
    import numpy as np

    if hasattr(grid, "detach"):  # a torch tensor, maybe on a GPU
        grid = grid.detach().cpu().double().numpy()
    array = np.asarray(grid, dtype=np.float64)
    return float(array.sum()), float(array.max())


def report(grid, seconds, size, iterations, extra=""):
    """Print the run's shape, its verifiable result and its time, one per line."""
    total, largest = grid_summary(grid)
    print(f"grid = {size} x {size}, iterations = {iterations}{extra}")
    print(f"sum(grid) = {total:.6g}")
    print(f"max(grid) = {largest:.6e}")
    print(f"time = {seconds:.4f} s ({seconds / iterations * 1e3:.4f} ms per iteration)")


def run_main(doc, run_experiment, argv=None, **defaults):
    """Parse the flags, time ``run_experiment(iterations, size)`` and report it."""
    args = diffusion_parser(doc, **defaults).parse_args(argv)
    start = time.perf_counter()
    grid = run_experiment(args.iterations, args.size)
    seconds = time.perf_counter() - start
    report(grid, seconds, args.size, args.iterations)
    return grid


# ---------------------------------------------------------------- PyTorch

# The device choice and the synchronized clock live in hpp.gpu, one place for every chapter.
TORCH_DTYPES = ("float64", "float32", "float16")


def add_torch_arguments(parser):
    """``--device auto|cpu|cuda`` and ``--dtype float64|float32|float16`` for the PyTorch scripts."""
    add_device_argument(parser)
    parser.add_argument(
        "--dtype",
        choices=TORCH_DTYPES,
        default="float64",
        help="float32 is faster on most GPUs and agrees to about 1e-7; "
        "float16 halves the bytes again (see diffusion_pytorch_highmem.py)",
    )
    return parser


def run_torch_main(doc, run_experiment, argv=None):
    """Parse size, iterations, device and dtype; run synchronised and report."""
    parser = add_torch_arguments(diffusion_parser(doc))
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)  # no torch or no GPU: one line, exit 2
    # A first short run warms up the device (CUDA context, kernels) outside the timing.
    run_experiment(1, min(args.size, 64), device=device, dtype=args.dtype)
    synchronize(device)
    start = time.perf_counter()
    grid = run_experiment(args.iterations, args.size, device=device, dtype=args.dtype)
    synchronize(device)
    seconds = time.perf_counter() - start
    report(grid, seconds, args.size, args.iterations, extra=f", device = {device.type}, dtype = {args.dtype}")
    return grid
