"""What chapter 06's diffusion scripts add to ``hpp.diffusion``'s driver (not an example).

The flags, the clock and the result lines of every diffusion script come from
``hpp.diffusion`` (``run_diffusion``, ``run_torch_diffusion``); this module
holds the one variant that needs more: ``diffusion_scipy_conv.py``'s
``--kernel``, which can run the official code's kernel (minus the Laplacian,
so the grid diverges) beside the correct one.

The name is unique in the repository on purpose: tests load examples from
several chapters into one process, so a generic ``_common`` could collide.
"""

import time


def run_with_kernels(doc, run_experiment, kernels, argv=None):
    """``--kernel NAME`` (one of ``kernels``, first is the default) on top of ``--size``/``--iterations``.

    Times ``run_experiment(iterations, size, kernels[NAME])`` and reports it;
    the official kernel (``book``) diverges, which is said in one more line.
    """
    import numpy as np

    from hpp.diffusion import diffusion_parser, report

    parser = diffusion_parser(doc, iterations=1000)
    names = list(kernels)
    parser.add_argument("--kernel", choices=names, default=names[0], help="'book' diverges")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with np.errstate(over="ignore", invalid="ignore"):
        grid = run_experiment(args.iterations, args.size, kernels[args.kernel])
    seconds = time.perf_counter() - start
    report(grid, seconds, args.size, args.iterations, extra=f", kernel = {args.kernel}")
    if args.kernel == "book":
        print("the book's kernel is minus the Laplacian: the heat equation runs backwards, the grid diverges")
    return grid
