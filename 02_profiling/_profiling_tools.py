"""The machinery of chapter 02's profiling-tool scripts (not book examples).

``system_state.py``, ``print_pstats.py`` and their kind keep the lesson (the call that
profiles, the check that matters); the parsing, printing and flags they need live here.
"""

import argparse

# ---------------------------------------------------------------- system_state.py

SECTIONS = ("System state", "Advices", "Warnings", "Errors")


def parse_system_show(text):
    """``{section: [lines]}`` from ``pyperf system show``'s report (sections underlined with ``=``)."""
    sections = {}
    lines = text.splitlines()
    current = None
    for index, line in enumerate(lines):
        underline = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() in SECTIONS and underline.startswith("==="):
            current = line.strip()
            sections[current] = []
        elif current and line.strip() and not line.startswith("==="):
            if line.startswith('Run "python -m pyperf system tune"'):
                continue
            sections[current].append(line.strip())
    return sections


def report_system_state(text):
    """Print the state in pyperf's ``text``, what ``tune`` would change, and the verdict."""
    sections = parse_system_show(text)
    if "System state" not in sections:
        raise RuntimeError("pyperf system show printed no 'System state' section")
    print("System state (python -m pyperf system show):")
    for line in sections["System state"]:
        print(f"    {line}")
    advices = sections.get("Advices", [])
    print("\nWhat `python -m pyperf system tune` would change (as root; nothing is changed here):")
    for line in advices or ["nothing: pyperf has no advice"]:
        print(f"    {line}")
    for line in sections.get("Warnings", []) + sections.get("Errors", []):
        print(f"    (pyperf could not check) {line}")
    if advices:
        print(
            f"\nWARNING: not stable for benchmarks: pyperf has {len(advices)} piece(s) of advice; "
            "timings on this machine will vary more than they need to"
        )
    else:
        print("\nstable for benchmarks: yes")
    return sections


def run_system_state(doc, system_show, argv=None):
    """``system_state.py``: no flags; pyperf's report read, printed and judged (nothing is changed)."""
    import importlib.util

    from hpp.script import example_parser, fail

    example_parser(doc).parse_args(argv)
    if importlib.util.find_spec("pyperf") is None:
        fail("pyperf is not installed: pip install -e '.[profiling]' (the profiling extra)")
    try:
        report_system_state(system_show())
    except RuntimeError as error:
        fail(str(error))


# ---------------------------------------------------------------- print_pstats.py


def print_profile(profile_julia, show, stats=None, width=1000, max_iterations=300, limit=None, folder=None):
    """Print the listings of ``stats`` (or of a new profile of the Julia set, saved in ``folder``)."""
    if stats is None:
        path = folder / "profile.stats"
        stats = profile_julia(width, max_iterations, path)
        print(f"profile saved to {path}")
    show(stats, limit)
    print(f"function calls = {stats.total_calls}")
    return stats


def saved_profile(text):
    """argparse type: a file saved by ``python -m cProfile -o FILE``, loaded as ``pstats.Stats``."""
    import pstats

    from hpp.script import existing_file

    path = existing_file(text)
    try:
        return pstats.Stats(str(path))
    except Exception as error:  # a file that is not a cProfile dump
        raise argparse.ArgumentTypeError(f"{path} is not a profile saved by cProfile: {error}") from None


def run_print_pstats(doc, profile_julia, show, argv=None):
    """``print_pstats.py``: --stats (a saved profile) or a new one at --width/--max-iterations; --limit."""
    from hpp.julia import add_julia_arguments
    from hpp.script import add_output_dir_argument, example_parser, output_dir, positive_int

    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--stats", type=saved_profile, help="a file saved by `python -m cProfile -o FILE`")
    parser.add_argument("--limit", type=positive_int, help="print the first LIMIT functions of each listing")
    add_output_dir_argument(parser, "02_profiling", "profile.stats")
    args = parser.parse_args(argv)
    folder = None if args.stats is not None else output_dir("02_profiling", args.output_dir)
    print_profile(profile_julia, show, args.stats, args.width, args.max_iterations, args.limit, folder)


# ---------------------------------------------------------------- memray_julia.py


def compare_peaks(profile_variant, variants, width, max_iterations, folder):
    """Profile both variants, print each peak and its files, then how much the on-the-fly one saves."""
    results = []
    for script in variants:
        result = profile_variant(script, width, max_iterations, folder)
        sums = [line for line in result["output"].splitlines() if line.startswith("sum(output)")]
        print(f"{script}: peak memory {result['peak_bytes'] / 1e6:.2f} MB; {sums[-1] if sums else ''}")
        print(f"    record {result['record']}, stats {result['stats']}, flame graph {result['flamegraph']}")
        results.append(result)
    saved = results[0]["peak_bytes"] - results[1]["peak_bytes"]
    ratio = results[0]["peak_bytes"] / results[1]["peak_bytes"]
    print(
        f"building the complex numbers on the fly saves {saved / 1e6:.2f} MB at the peak ({ratio:.1f}x less)"
    )
    if ratio < 1.5:
        print("(at this width the two lists are smaller than the interpreter's own peak: try --width 300)")
    return results


def run_memray_julia(doc, profile_variant, variants, argv=None):
    """``memray_julia.py``: --width (default 300), --max-iterations, --output-dir; both peaks compared."""
    import importlib.util

    from hpp.julia import add_julia_arguments
    from hpp.script import add_output_dir_argument, example_parser, fail, output_dir

    parser = add_julia_arguments(example_parser(doc))
    add_output_dir_argument(parser, "02_profiling", "the records, stats and flame graphs")
    parser.set_defaults(width=300)
    args = parser.parse_args(argv)
    if importlib.util.find_spec("memray") is None:
        fail("memray is not installed: pip install -e '.[profiling]' (the profiling extra; Linux and macOS)")
    try:
        compare_peaks(
            profile_variant,
            variants,
            args.width,
            args.max_iterations,
            output_dir("02_profiling", args.output_dir),
        )
    except RuntimeError as error:
        fail(str(error))


# ---------------------------------------------------------------- mprof_plot.py


def plot_memory(script, script_args, folder, title=None):
    """``run_and_plot``, then print the script's output and where the samples and the plot are."""
    from mprof_plot import run_and_plot

    data, png, output = run_and_plot(script, script_args, folder, title)
    print(output, end="")
    print(f"mprof data saved to {data}")
    print(f"plot saved to {png}")
    return data, png


def record_variant(script, width, folder):
    """Record one of the chapter's variants at ``width`` (the labelled one with its 1 s pause) and plot it."""
    script_args = ["--width", width]
    if script == "julia1_memoryprofiler_with_labels.py":
        script_args += ["--delay", "1"]
    return plot_memory(script, script_args, folder)


def run_mprof_plot(doc, scripts, argv=None):
    """``mprof_plot.py``: --script (one of ``scripts``), --width, --output-dir; the run and its plot."""
    from hpp.script import add_output_dir_argument, example_parser, fail, output_dir, positive_int

    parser = example_parser(doc)
    parser.add_argument("--script", choices=scripts, default=scripts[0], help="the variant to record")
    parser.add_argument("--width", type=positive_int, default=300, help="the Julia grid's width")
    args = add_output_dir_argument(parser, "02_profiling", "the samples and the plot").parse_args(argv)
    try:
        record_variant(args.script, args.width, output_dir("02_profiling", args.output_dir))
    except RuntimeError as error:
        fail(str(error))


# ---------------------------------------------------------------- nonconvergence.py


def plot_orbits(c, bounded, escaping, folder):
    """Both orbits' abs(z) against the update, with the escape line (Figure 2-2)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for ax, values, title in (
        (axes[0], bounded, "z0 = 0+0j: stays bounded"),
        (axes[1], escaping, "z0 = -0.82+0j: escapes"),
    ):
        ax.plot(range(1, len(values) + 1), values, marker=".")
        ax.axhline(2.0, color="red", linestyle="--", label="abs(z) = 2")
        ax.set_title(title)
        ax.set_xlabel("update")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("abs(z)")
    axes[0].legend()
    fig.suptitle(f"Julia set orbits, c = {c}")
    fig.tight_layout()
    path = folder / "julia_nonconvergence.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def show_orbits(lesson, bounded_iterations=50, escaping_iterations=30, folder=None):
    """Print the top-left pixel, the book's first iterations and both orbits' facts; plot the orbits."""
    top_left = lesson.top_left
    print(f"abs(-1.8-1.8j) = {abs(top_left)}")
    print(
        f"top-left pixel {top_left}: abs(z) < 2 is False before any update, "
        f"output = {lesson.escape_count(top_left)}"
    )
    lesson.print_first_iterations()
    bounded = lesson.orbit(0 + 0j, bounded_iterations)
    escaping = lesson.orbit(-0.82 + 0j, escaping_iterations)
    print(
        f"z0 = 0+0j: max abs(z) over {len(bounded)} updates = {max(bounded):.4f}, "
        f"escapes: {lesson.first_escape(bounded) is not None}"
    )
    update = lesson.first_escape(escaping)
    if update is None:
        print(f"z0 = -0.82+0j: no escape within {len(escaping)} updates")
    else:
        print(
            f"z0 = -0.82+0j: abs(z) first exceeds 2 at update {update} (abs(z) = {escaping[update - 1]:.4f})"
        )
    print(f"plot saved to {plot_orbits(lesson.c, bounded, escaping, folder)}")


def run_nonconvergence(doc, lesson, argv=None):
    """``nonconvergence.py``: --bounded-iterations, --escaping-iterations, --output-dir."""
    from hpp.script import add_output_dir_argument, example_parser, output_dir, positive_int

    parser = add_output_dir_argument(example_parser(doc), "02_profiling", "the PNG")
    parser.add_argument("--bounded-iterations", type=positive_int, default=50, help="updates from 0+0j")
    parser.add_argument("--escaping-iterations", type=positive_int, default=30, help="updates from -0.82+0j")
    args = parser.parse_args(argv)
    show_orbits(
        lesson, args.bounded_iterations, args.escaping_iterations, output_dir("02_profiling", args.output_dir)
    )


# ---------------------------------------------------------------- specialist_julia.py


def compare_specializations(loops, specializations, width=100, max_iterations=300):
    """Run both loops on the grid; print which compare and arithmetic instructions each specialized."""
    from hpp.julia import julia_inputs, report_sum

    zs, cs = julia_inputs(width)
    for fn in loops:
        output = fn(max_iterations, zs, cs)
        report_sum(output, width, max_iterations)
        rows = specializations(fn)
        print(
            f"{fn.__name__}: {sum(row[3] for row in rows)} of {len(rows)} compare/arithmetic "
            "instructions specialized"
        )
        for line, argrepr, opname, specialized in rows:
            verdict = "specialized" if specialized else "adaptive (not specialized)"
            print(f"    {line:<40} {argrepr:>3}  {opname:<26} {verdict}")


def run_specialist_julia(doc, loops, specializations, argv=None):
    """``specialist_julia.py``: --width (default 100), --max-iterations; each loop's specialisations."""
    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser

    parser = add_julia_arguments(example_parser(doc))
    parser.set_defaults(width=100)
    args = parser.parse_args(argv)
    compare_specializations(loops, specializations, args.width, args.max_iterations)


# ---------------------------------------------------------------- condition_order.py


def compare_orders(count_evaluations, time_the_tests, maxiter, zs, cs, number=1_000_000):
    """Time both tests, then count each test's evaluations in both orders on the grid ``zs``, ``cs``."""
    for stmt, ns in time_the_tests(number).items():
        print(f"{stmt:>12}: {ns:.1f} ns per evaluation")

    counts = {}
    for swapped in (False, True):
        abs_tests, n_tests, output = count_evaluations(maxiter, zs, cs, swapped)
        order = "n < maxiter and abs(z) < 2" if swapped else "abs(z) < 2 and n < maxiter"
        counts[swapped] = abs_tests
        print(f"while {order}: abs(z) < 2 evaluated {abs_tests:,} times, n < maxiter {n_tests:,} times")
    reached = sum(1 for n in output if n == maxiter)
    saved = counts[False] - counts[True]
    print(f"sum(output) = {sum(output)}, points = {len(zs):,}, points reaching maxiter = {reached:,}")
    print(
        f"swapping saves {saved:,} abs calls ({saved / counts[False]:.1%} of them): one per point "
        "that reaches maxiter"
    )
    return counts


def run_condition_order(doc, count_evaluations, time_the_tests, argv=None):
    """``condition_order.py``: --width, --max-iterations, --number (timeit's loops); timings and counts."""
    from hpp.julia import add_julia_arguments, julia_inputs
    from hpp.script import example_parser, positive_int

    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--number", type=positive_int, default=1_000_000, help="loops per timeit repetition")
    args = parser.parse_args(argv)
    compare_orders(
        count_evaluations, time_the_tests, args.max_iterations, *julia_inputs(args.width), number=args.number
    )


# ---------------------------------------------------------------- cpu_load_while_timing.py


def draw_load(times, samples, path):
    """One line per core: its load (%) against time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    for core, loads in enumerate(zip(*samples)):
        ax.plot(times, loads, label=f"CPU{core + 1}")
    ax.set_xlabel("seconds")
    ax.set_ylabel("load (%)")
    ax.set_ylim(0, 105)
    ax.set_title("Per-core load while calculate_z_serial_purepython runs")
    ax.legend(loc="upper right", ncol=4, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def time_with_load(sample_while, calculate_z_serial_purepython, width, max_iterations, interval, folder):
    """Time the Julia loop while sampling, print each core's load, draw the figure."""
    import time

    from hpp.julia import julia_inputs

    zs, cs = julia_inputs(width)
    start = time.perf_counter()
    output, times, samples = sample_while(calculate_z_serial_purepython, interval, max_iterations, zs, cs)
    print(f"calculate_z_serial_purepython took {time.perf_counter() - start:.2f} seconds")
    print(f"{len(samples)} samples of {len(samples[0])} cores, every {interval * 1000:.0f} ms")
    for core, loads in enumerate(zip(*samples)):
        print(f"CPU{core + 1}: mean {sum(loads) / len(loads):5.1f}%, peak {max(loads):5.1f}%")
    print(f"figure saved to {draw_load(times, samples, folder / 'cpu_load_while_timing.png')}")
    return output


def run_cpu_load_while_timing(doc, sample_while, calculate_z_serial_purepython, argv=None):
    """``cpu_load_while_timing.py``: --width, --max-iterations, --interval-ms, --output-dir."""
    from hpp.julia import add_julia_arguments, report_sum
    from hpp.script import add_output_dir_argument, example_parser, output_dir, positive_int

    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--interval-ms", type=positive_int, default=250, help="milliseconds between samples")
    add_output_dir_argument(parser, "02_profiling", "the figure")
    args = parser.parse_args(argv)
    folder = output_dir("02_profiling", args.output_dir)
    output = time_with_load(
        sample_while,
        calculate_z_serial_purepython,
        args.width,
        args.max_iterations,
        args.interval_ms / 1000,
        folder,
    )
    report_sum(output, args.width, args.max_iterations)


# ---------------------------------------------------------------- golden_regression.py


def run_golden_regression(doc, golden_regression, argv=None):
    """``golden_regression.py``: --width (default 200), --max-iterations, --write or --check."""
    import sys
    import tempfile
    from pathlib import Path

    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser, existing_file, writable_file

    parser = add_julia_arguments(example_parser(doc))
    parser.set_defaults(width=200)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--write", type=writable_file, help="write the results to this golden file")
    where.add_argument("--check", type=existing_file, help="compare the results with this golden file")
    args = parser.parse_args(argv)
    if args.write is None and args.check is None:  # no file named: write one, then check against it
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "julia_golden.txt"
            golden_regression(args.width, args.max_iterations, write=path)
            sys.exit(golden_regression(args.width, args.max_iterations, check=path))
    sys.exit(golden_regression(args.width, args.max_iterations, args.write, args.check))


# ---------------------------------------------------------------- object_growth.py


def compare_handlers(handle, handle_leaky, growth, requests):
    """Print the types that grew around each handler (after a first pass that fills the caches)."""
    growth(handle, 1)
    for handler in (handle, handle_leaky):
        grew = growth(handler, requests)
        shown = ", ".join(f"{name} +{count}" for name, count in list(grew.items())[:4]) or "nothing"
        print(f"{handler.__name__} x {requests}: grew {shown}")


def run_object_growth(doc, handle, handle_leaky, growth, argv=None):
    """``object_growth.py``'s command line."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--requests", type=positive_int, default=10_000, help="calls of each handler")
    args = parser.parse_args(argv)
    compare_handlers(handle, handle_leaky, growth, args.requests)


# ---------------------------------------------------------------- timeit_gc.py


def compare_gc(statement, time_with_gc, number):
    """Time the statement with timeit's default setup and with ``gc.enable()``; print what each saw."""
    print(f"statement: {statement}")
    for setup in ("pass", "gc.enable()"):
        seconds, enabled, collections = time_with_gc(setup, number)
        print(
            f"setup={setup!r}: gc.isenabled() = {enabled}, collections during the run = {collections}, "
            f"{seconds / number * 1e6:.1f} µs per loop"
        )


def run_timeit_gc(doc, statement, time_with_gc, argv=None):
    """``timeit_gc.py``'s command line."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--number", type=positive_int, default=1000, help="timeit loops of the statement")
    args = parser.parse_args(argv)
    compare_gc(statement, time_with_gc, args.number)
