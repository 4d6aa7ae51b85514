"""The driver of the PyPy scripts: flags, runs and result lines, under CPython or PyPy (not a book example).

Under CPython the project's ``hpp`` is installed and does the work (one-line
errors, the known sums). ``pypy3`` does not see the project's environment,
so there this module falls back to the same flags on a plain ``argparse``
parser, validated the same way, and prints ``sum(output) = N``. Run from the
repository root with ``PYTHONPATH=.`` and PyPy uses ``hpp`` too.
"""

import argparse
import sys

BOOK_WIDTH, BOOK_MAX_ITERATIONS = 1000, 300


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        print(f"{self.prog}: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def parse_julia_flags(doc, argv=None, repeat=2, max_iterations=BOOK_MAX_ITERATIONS):
    """``--width``, ``--max-iterations`` (the book's defaults) and ``--repeat``."""
    try:
        from hpp.script import example_parser, positive_int
    except ImportError:  # pypy3 without the project's environment
        parser = _OneLineParser(description=doc.strip().split("\n\n")[0])
        positive_int = _positive_int
    else:
        parser = example_parser(doc)
    parser.add_argument(
        "--width",
        type=positive_int,
        default=BOOK_WIDTH,
        help="points along each side of the grid (the book: 1000)",
    )
    parser.add_argument(
        "--max-iterations",
        type=positive_int,
        default=max_iterations,
        help=f"iterations before a point counts as inside (the book: {max_iterations})",
    )
    parser.add_argument(
        "--repeat", type=positive_int, default=repeat, help="runs; a JIT warms up on the first"
    )
    return parser.parse_args(argv)


def report_sum(output, width, max_iterations):
    """``sum(output) = N`` (with the known value beside it where ``hpp`` is there to say it)."""
    try:
        from hpp.julia import report_sum as report
    except ImportError:
        total = int(sum(output))
        print(f"sum(output) = {total}")
        return total
    return report(output, width, max_iterations)


def parser_anywhere(doc):
    """``hpp.script.example_parser`` under CPython; the same one-line errors on plain argparse under PyPy."""
    try:
        from hpp.script import example_parser
    except ImportError:  # pypy3 without the project's environment
        return _OneLineParser(description=doc.strip().split("\n\n")[0]), _positive_int
    from hpp.script import positive_int

    return example_parser(doc), positive_int


def run_pypy_julia(
    doc, calc_pure_python, argv=None, repeat=2, max_iterations=BOOK_MAX_ITERATIONS, runs_inside=False
):
    """Name the interpreter, run ``calc_pure_python`` ``--repeat`` times and print ``sum(output)``.

    PyPy's JIT warms up on the first run: the later ones run the compiled trace.
    ``runs_inside``: ``calc_pure_python(width, max_iterations, repeat)`` runs
    itself that many times and returns ``(output, times)`` (julia1_numpy_pypy.py).
    """
    import platform

    args = parse_julia_flags(doc, argv, repeat=repeat, max_iterations=max_iterations)
    numpy = sys.modules.get("numpy")
    with_numpy = f", NumPy {numpy.__version__}" if numpy else ""
    print(f"interpreter: {platform.python_implementation()} {platform.python_version()}{with_numpy}")
    if runs_inside:
        output, _ = calc_pure_python(args.width, args.max_iterations, args.repeat)
        return report_sum(output, args.width, args.max_iterations)
    for _ in range(args.repeat):
        output = calc_pure_python(args.width, args.max_iterations)
        report_sum(output, args.width, args.max_iterations)
    return int(sum(output))


def run_late_flush(doc, compare_flushes, argv=None):
    """late_flush.py's command line (``--lines``), under CPython or PyPy; the files in a temporary folder."""
    import tempfile

    parser, positive_int = parser_anywhere(doc)
    parser.add_argument(
        "--lines",
        type=positive_int,
        default=500,
        help="lines written to each file (4390 bytes: less than one buffer)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        return compare_flushes(args.lines, folder)
