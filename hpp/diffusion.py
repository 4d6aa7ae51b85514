"""The 2-D diffusion set-up that chapters 06, 07 and 10 share.

The heat equation du/dt = D * laplacian(u) on an N x N grid with periodic
boundaries, explicit Euler steps of ``DT``. The initial condition is a block of
0.005 on [0.4N, 0.5N)^2, so the total mass is known: 13.52 for N = 512 and
0.245 for N = 64, and every correct step conserves it.

The update step is what the chapters teach, so it lives in each example; the
rest is here: the initial grid, and one driver (``run_diffusion``,
``run_torch_diffusion``) that parses ``--size``/``--iterations``, times the run
and prints ``grid = ...``, ``sum(grid) = ...`` (``hpp.printout``),
``max(grid) = ...`` and ``time = ...`` (``hpp.printout``)::

    def main(argv=None):
        from hpp.diffusion import run_diffusion

        run_diffusion(__doc__, run_experiment, argv)
"""

D = 1.0
DT = 0.1
BLOCK_VALUE = 0.005


def block_bounds(n):
    """The [low, high) index range of the initial block along each axis."""
    return int(n * 0.4), int(n * 0.5)


def initial_mass(n):
    """The total of the initial grid: every correct periodic step keeps it."""
    low, high = block_bounds(n)
    return (high - low) ** 2 * BLOCK_VALUE


def initial_grid(n, dtype=None):
    """The initial N x N NumPy grid: zeros with the block of 0.005."""
    import numpy as np

    grid = np.zeros((n, n), dtype=dtype or np.float64)
    low, high = block_bounds(n)
    grid[low:high, low:high] = BLOCK_VALUE
    return grid


def initial_grid_lists(n):
    """The same initial grid as a list of row lists, for the pure-Python versions."""
    low, high = block_bounds(n)
    return [[BLOCK_VALUE if low <= i < high and low <= j < high else 0.0 for j in range(n)] for i in range(n)]


def initial_line_list(n):
    """The 1-D initial condition, N cells with 0.005 on [0.4N, 0.5N), as a list."""
    low, high = block_bounds(n)
    return [BLOCK_VALUE if low <= i < high else 0.0 for i in range(n)]


def initial_line(n):
    """The 1-D initial condition as a NumPy vector."""
    import numpy as np

    return np.array(initial_line_list(n))


# ---------------------------------------------------------------- the driver
# One command line, one clock and one printout for every diffusion script of
# chapters 06, 07 and 10: the script keeps its step and its ``run_experiment``,
# and its ``main`` is ``run_diffusion(__doc__, run_experiment, argv)``.

# The defaults when a script names none: 512 x 512 and the 500 steps of the
# official chapter 07 code. Each script passes its own book's (``iterations=1000``
# in chapter 06, whose 3rd-edition listings run ``run_experiment(1000)``).
BOOK_SIZE = 512
BOOK_ITERATIONS = 500


def diffusion_parser(doc, size=BOOK_SIZE, iterations=BOOK_ITERATIONS, switches=None):
    """The parser of every diffusion script: ``--size N --iterations K`` and on/off ``switches``.

    ``switches`` maps a flag to its help (``{"--parallel": "use prange"}``); each
    becomes a ``store_true`` flag.
    """
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=size, help=f"grid is SIZE x SIZE ({size})")
    parser.add_argument("--iterations", type=positive_int, default=iterations, help=f"steps ({iterations})")
    for flag, text in (switches or {}).items():
        parser.add_argument(flag, action="store_true", help=text)
    return parser


def grid_summary(grid):
    """``(sum, max)`` of a grid given as a NumPy array, a list of lists or a tensor (any device)."""
    import numpy as np

    if hasattr(grid, "detach"):  # a torch tensor, maybe on a GPU
        grid = grid.detach().cpu().double().numpy()
    array = np.asarray(grid, dtype=np.float64)
    return float(array.sum()), float(array.max())


def report(grid, seconds, size, iterations, extra="", dims=2):
    """Print the run's shape, its verifiable result and its time::

    grid = 512 x 512, iterations = 500
    sum(grid) = 13.52
    max(grid) = 2.400000e-04
    time = 1.2345 s (2.4690 ms per iteration)
    """
    from hpp.printout import print_diffusion_time, print_grid_sum

    total, largest = grid_summary(grid)
    shape = f"grid = {size} x {size}" if dims == 2 else f"cells = {size}"
    print(f"{shape}, iterations = {iterations}{extra}")
    print_grid_sum(total)
    print(f"max(grid) = {largest:.6e}")
    print_diffusion_time(seconds, iterations)


def run_diffusion(doc, run_experiment, argv=None, switches=None, times_itself=False, dims=2, **defaults):
    """Parse the flags, time ``run_experiment(iterations, size, **on_off)``, print ``report``.

    ``defaults`` are the chapter's ``size=`` and ``iterations=``; ``switches``
    as in ``diffusion_parser``, each reaching ``run_experiment`` as a keyword
    (``--parallel`` -> ``parallel=True``). With ``times_itself``,
    ``run_experiment`` returns ``(grid, seconds)`` (its own clock, set-up
    excluded) instead of the grid. ``dims=1`` for a row of cells. Returns the grid.
    """
    import time

    args = vars(diffusion_parser(doc, switches=switches, **defaults).parse_args(argv))
    iterations, size = args.pop("iterations"), args.pop("size")
    start = time.perf_counter()
    result = run_experiment(iterations, size, **args)
    seconds = time.perf_counter() - start
    grid, seconds = result if times_itself else (result, seconds)
    report(grid, seconds, size, iterations, dims=dims)
    return grid


def evolve_loop(step, n, iterations, order="C"):
    """``iterations`` calls of ``step(grid, out)`` from the initial grid, swapping the two buffers.

    Returns ``(grid, seconds)``: the clock covers the loop only (for
    ``run_diffusion(..., times_itself=True)``).
    """
    import time

    import numpy as np

    grid = np.array(initial_grid(n), order=order)
    scratch = np.zeros_like(grid, order=order)
    start = time.perf_counter()
    for _ in range(iterations):
        step(grid, scratch)
        grid, scratch = scratch, grid
    return grid, time.perf_counter() - start


# ---------------------------------------------------------------- PyTorch

TORCH_DTYPES = ("float64", "float32", "float16")


def add_torch_arguments(parser):
    """``--device auto|cpu|cuda`` and ``--dtype float64|float32|float16`` for the PyTorch scripts."""
    from hpp.gpu import add_device_argument

    add_device_argument(parser)
    parser.add_argument(
        "--dtype",
        choices=TORCH_DTYPES,
        default="float64",
        help="float32 is faster on most GPUs and agrees to about 1e-7; float16 halves the bytes again",
    )
    return parser


def run_torch_diffusion(doc, run_experiment, argv=None, **defaults):
    """``run_diffusion`` for ``run_experiment(iterations, size, device=, dtype=)`` on a PyTorch device.

    A short untimed run warms the device up (CUDA context, kernels); the clock
    waits for the GPU before it starts and before it stops (``hpp.gpu.timed``).
    """
    from hpp.gpu import device_from_flag, timed

    args = add_torch_arguments(diffusion_parser(doc, **defaults)).parse_args(argv)
    device = device_from_flag(args.device)  # no torch or no GPU: one line, exit 2
    run_experiment(1, min(args.size, 64), device=device, dtype=args.dtype)
    grid, seconds = timed(
        lambda: run_experiment(args.iterations, args.size, device=device, dtype=args.dtype), device
    )
    report(grid, seconds, args.size, args.iterations, extra=f", device = {device.type}, dtype = {args.dtype}")
    return grid
