"""The diffusion helpers for the PyTorch examples in ``pytorch/`` (not a book example).

The chapter's diffusion helpers live in ``diffusion/_common.py``; this module
hands the PyTorch scripts the names they use from it, with their ``steps``
spelling: ``--iterations`` is the project's flag for time steps, ``--steps``
is still accepted, and both land in ``args.steps``.
"""

from pathlib import Path

from hpp.loader import load_example

_diffusion = load_example(Path(__file__).resolve().parent / "diffusion" / "_common.py")
evolve_numpy = _diffusion.evolve_numpy
run_numpy = _diffusion.run_numpy
report_grid = _diffusion.report_grid
evolve_loop = _diffusion.evolve_loop


def add_diffusion_arguments(parser, size=512, steps=500):
    """``--size`` and ``--iterations`` (alias ``--steps``) into ``args.size`` and ``args.steps``."""
    from hpp.script import positive_int

    parser.add_argument(
        "--size", type=positive_int, default=size, help="grid points along each side (the book: 512)"
    )
    parser.add_argument(
        "--iterations", "--steps", dest="steps", type=positive_int, default=steps, help="time steps to run"
    )
    return parser
