"""The extras of three Julia copies of chapter 02: images, mprof's plot, the NumPy copies' sizes.

Not a book example. The driver every copy shares (``--width``, ``--max-iterations``,
``calc_pure_python``, ``sum(output) = N``) is ``hpp.julia.julia_main``; this module adds what
``julia1.py`` (saving Figures 2-1 and 2-3), ``julia1_memoryprofiler_with_labels.py``
(``--delay``, ``--mprof-plot``) and ``julia1_scalene_numpy.py`` (the two arrays' sizes) do after it.
"""


def run_julia_images(doc, calc_pure_python, drawings, argv=None):
    """``julia1.py``: run the driver, print the sum, save each ``(file name, draw)`` of ``drawings``."""
    import math

    from hpp.julia import julia_arguments, run_julia
    from hpp.script import add_output_dir_argument, output_dir

    args = julia_arguments(
        doc, argv, lambda parser: add_output_dir_argument(parser, "02_profiling", "the PNGs")
    )
    output = run_julia(calc_pure_python, args)
    folder = output_dir("02_profiling", args.output_dir)
    side = math.isqrt(len(output))  # the grid is square
    for name, draw in drawings:
        path = folder / name
        draw(output, side, side, args.max_iterations).save(path)
        print(f"saved {path}")


def run_labelled_julia(doc, calc_pure_python, script_globals, argv=None):
    """``julia1_memoryprofiler_with_labels.py``: ``--delay`` sets its ``SLEEP_SECONDS``, then run the
    driver and print the sum; with ``--mprof-plot``, run the script itself under ``mprof run`` instead
    and save ``mprof plot``'s PNG."""
    import sys
    from pathlib import Path

    from hpp.julia import julia_arguments, run_julia
    from hpp.script import add_output_dir_argument, fail, float_range, output_dir

    def add_arguments(parser):
        parser.add_argument(
            "--delay", type=float_range(0, 3600), default=1.0, help="pause between the blocks (s)"
        )
        parser.add_argument("--mprof-plot", action="store_true", help="run under mprof, save its plot as PNG")
        add_output_dir_argument(parser, "02_profiling", "--mprof-plot's files")

    args = julia_arguments(doc, argv, add_arguments)
    if not args.mprof_plot:
        script_globals["SLEEP_SECONDS"] = args.delay
        return run_julia(calc_pure_python, args)
    from _profiling_tools import plot_memory

    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    script_args = [a for a in argv if a != "--mprof-plot"]
    try:
        folder = output_dir("02_profiling", args.output_dir)
        script = Path(script_globals["__file__"]).name
        plot_memory(script, script_args, folder, title="Julia set, labelled blocks")
    except RuntimeError as error:
        fail(str(error))


def run_julia_numpy_copies(doc, calc_pure_python, argv=None):
    """``julia1_scalene_numpy.py``: its driver returns ``output, zs_np, cs_np``; print the sum and sizes."""
    from hpp.julia import julia_arguments, report_sum

    args = julia_arguments(doc, argv)
    output, zs_np, cs_np = calc_pure_python(desired_width=args.width, max_iterations=args.max_iterations)
    report_sum(output, args.width, args.max_iterations)
    for name, array in (("zs_np", zs_np), ("cs_np", cs_np)):
        print(f"{name}: {array.dtype}, {array.size:,} items, {array.nbytes:,} bytes")
