"""The ``hpp`` command (also ``python -m hpp``).

Its help texts are below, in plain text as a terminal shows them: ``DESCRIPTION``
and ``EXAMPLES`` for ``hpp --help``, and one ``(help, description, examples)``
entry of ``COMMANDS`` per subcommand.
"""

import argparse
import os
import sys
import textwrap
import time
from pathlib import Path

from hpp import discover, figures, leftovers, report, results, runner
from hpp.bench import SIZES
from hpp.examples import book_section, example_scripts, marked_counts, readme_sections
from hpp.loader import REPO_ROOT
from hpp.script import positive_float, positive_int

#: What a terminal line holds: ``hpp list`` and ``hpp compare`` keep their lines within it.
WIDTH = 100

DESCRIPTION = """\
The command of the companion code for High Performance Python: run the benchmark
tour, draw the book's figures, list the example scripts, and compare or report
saved runs. A chapter is named by its number or its folder (02 or 02_profiling).
"python -m hpp" is the same command."""

EXAMPLES = """\
examples:
  hpp bench                       the whole tour at --size quick (minutes)
  hpp bench 02 06 --size book     chapters 2 and 6 at the book's sizes
  hpp list 04                     chapter 4's scripts, each with its book section
  hpp compare results/bench/RUN_A results/bench/RUN_B
  hpp COMMAND --help              what a command does, and its examples"""

#: ``{command: (one line for hpp --help, description, examples)}``, in plain text.
COMMANDS = {
    "bench": (
        "run the benchmark tour and write a report",
        """\
Run the benchmark cases of every chapter (or of the chapters named): each case is
warmed up, its result verified, then timed several times. One table per workload
gives the min and median times, the speedup over the workload's baseline measured
in the same run, and the book's published speedup where there is one. The run is
saved as run.json, report.md, report.html and PNG plots. A case whose result is
wrong is shown as FAILED with the command to rerun it, and the exit status is 1.

sizes: quick (the default) takes minutes, about three on 2 cores; book uses the
book's sizes and takes far longer; test is the tiny size the test suite uses to
check that every case runs (seconds; its timings say nothing).""",
        """\
  hpp bench                                   every chapter at --size quick
  hpp bench 02 --size book                    chapter 2 at the book's sizes
  hpp bench 06 --workload diffusion --case numexpr   one case and its baseline""",
    ),
    "figures": (
        "draw the book's figures on this machine into results/figures/",
        """\
Redraw every figure of the book that code can draw, from this machine's
measurements, as results/figures/fig-CC-NN-NAME.png (named by the figure's number
in the book), with an index.html that lists each figure, the script that draws it
and the book's caption. Where the book's figure is a timing chart, the book's
numbers are drawn beside this machine's.""",
        """\
  hpp figures                     every chapter's figures
  hpp figures 04 --jobs 1         chapter 4's, one script at a time (steadier timings)""",
    ),
    "list": (
        "list every example script by chapter, with its book section",
        """\
List every example script, by chapter, with the place in the book it belongs to:
the example, figure or section that its docstring's first line or the chapter
README names, else what the script shows. With --share, each script's share of
code lines inside its markers: between '# book: Example N-M' and '# book: end'
(the book's listing) and between '# taught: ...' and '# taught: end' (our code
for a point the book makes in prose); the rest is scaffolding.""",
        """\
  hpp list                        every chapter
  hpp list 02 04                  chapters 2 and 4
  hpp list 06 --share             chapter 6, with each script's marked book and taught lines""",
    ),
    "compare": (
        "compare two saved runs case by case",
        """\
Set two saved runs of "hpp bench" side by side: two machines, two Python
versions, or a run before and after a change. Cases are matched by chapter,
workload, case and parameters. For each case, "A min" and "B min" are the
fastest of its timed repeats in each run, and "B / A" is their ratio (above 1:
slower in B).

noise: how much a case's timings varied between its repeats, so how large a
change must be before it counts. A run's spread for a case is median / min - 1;
the noise column shows twice the larger spread of the two runs, and at least 5%.
A ratio beyond it is flagged SLOWER or FASTER, one within it is "same within
noise".""",
        """\
  hpp compare results/bench/20260101-120000 results/bench/20260102-090000""",
    ),
    "report": (
        "write a saved run's report.md and report.html again",
        """\
Write the report of a saved run again from its run.json: report.md and
report.html (plots embedded, opens offline) beside it, after the report's code
changed or when the plots are gone. Prints the paths of both files.""",
        """\
  hpp report results/bench/20260101-120000""",
    ),
}


def _chapters(args, command):
    try:
        return discover.resolve_chapters(args.chapters)
    except ValueError as error:
        print(f"hpp {command}: {error}", file=sys.stderr)
        return None


def command_bench(args):
    # OpenMP threads that spin while they wait steal the core another case (or
    # another process) needs; set before any chapter loads an OpenMP runtime.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    chapters = _chapters(args, "bench")
    if chapters is None:
        return 2
    plan = discover.plan_benchmarks(chapters, args.size, args.workload, args.case)
    if not plan:
        print("hpp bench: no benchmark case matched", file=sys.stderr)
        return 2
    seconds, unknown = results.estimate_seconds(plan, args.size)
    text = f"{discover.case_count(plan)} cases at --size {args.size}"
    if seconds:
        text += f"; estimated time from earlier runs: about {seconds / 60:.1f} min"
    if unknown:
        text += f"; no estimate yet for {len(unknown)} workload(s)"
    print(text, file=sys.stderr)
    machine = results.machine_info()  # before any chapter changes thread settings
    if machine["system_check"]:
        print(
            "pyperf system check: timings may be unstable here (see the report; "
            "python -m pyperf system tune would change it)",
            file=sys.stderr,
        )
    started = time.time()
    with leftovers.watch(prefix="hpp-bench-") as left:
        outcome = runner.run_plan(plan)
    report.print_tables(outcome)
    headlines = {
        (item.chapter_name, item.workload.name): item.workload.headline
        for item in plan
        if item.workload.headline
    }
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
        "size": args.size,
        "chapters": [c.name for c in chapters],
        "wall_seconds": round(time.time() - started, 1),
        "machine": machine,
        "headlines": [
            {"title": title, "chapter": chapter, "workload": workload}
            for (chapter, workload), title in headlines.items()
        ],
    }
    folder = Path(args.output) if args.output else results.new_run_folder()
    folder.mkdir(parents=True, exist_ok=True)
    results.save_run(folder, outcome, info)
    path = report.write_report(folder, outcome, info, gallery=figures.GALLERY / "index.html")
    print(f"\n{_report_files(path)}\nwall time: {info['wall_seconds']} s")
    if left:
        print("hpp bench: the tour left things behind:\n  " + "\n  ".join(left.lines()), file=sys.stderr)
    else:
        print("left behind: nothing (temp folder empty, no process still running)")
    return 1 if left or any(r.status == results.FAILED for r in outcome) else 0


def _report_files(markdown):
    """The report's two files, one per line: ``report.md`` (returned by write_report) and ``report.html``."""
    markdown = Path(markdown)
    return f"report: {markdown}\n        {markdown.with_name('report.html')}"


def command_figures(args):
    chapters = _chapters(args, "figures")
    if chapters is None:
        return 2
    return figures.command(chapters, Path(args.output), jobs=args.jobs, timeout=args.timeout)


def command_list(args):
    chapters = _chapters(args, "list")
    if chapters is None:
        return 2
    for chapter in chapters:
        scripts = example_scripts(chapter)
        if not args.share:
            sections = readme_sections(chapter)
            paths = [str(script.relative_to(chapter.parent)) for script in scripts]
            column = min(max(map(len, paths), default=0), 58) + 4
            print(chapter.name)
            for script, path in zip(scripts, paths, strict=True):
                print(_beside(f"  {path}", book_section(script, chapter, sections), column))
            continue
        counts = marked_counts(chapter)
        book, taught, total = (sum(column) for column in zip(*counts.values(), strict=True))
        print(
            f"{chapter.name}: of {total} code lines, {book / total:.0%} marked book, "
            f"{taught / total:.0%} marked taught"
        )
        print("  book taught  lines  script")
        for script, (book, taught, total) in counts.items():
            print(f"  {book / total:4.0%} {taught / total:6.0%} {total:6}  {script.relative_to(REPO_ROOT)}")
    return 0


def _beside(left, right, column, width=WIDTH):
    """``left``, then ``right`` from ``column`` (or two spaces after a longer ``left``), within ``width``."""
    line = left.ljust(column) if len(left) < column - 1 else left + "  "
    room = width - len(line)
    if room < 20:  # a very long path: the section on a line of its own, under the column
        line, room = left + "\n" + " " * column, width - column
    return line + textwrap.shorten(right, room, placeholder=" …")


def _run_path(text, command):
    path = Path(text)
    if not (path / "run.json").is_file() and not (path.is_file() and path.suffix == ".json"):
        print(f"hpp {command}: no saved run at {text} (expected a folder with run.json)", file=sys.stderr)
        return None
    return path


def command_compare(args):
    from hpp.compare import print_comparison

    run_a, run_b = _run_path(args.run_a, "compare"), _run_path(args.run_b, "compare")
    if run_a is None or run_b is None:
        return 2
    print_comparison(run_a, run_b)
    return 0


def command_report(args):
    run = _run_path(args.run, "report")
    if run is None:
        return 2
    folder = run if run.is_dir() else run.parent
    info, saved = results.load_run(run)
    markdown = report.write_report(folder, saved, info, gallery=figures.GALLERY / "index.html")
    print(_report_files(markdown))
    return 0


def _version():
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"hpp (hpp-companion) {version('hpp-companion')}"
    except PackageNotFoundError:
        return "hpp (hpp-companion not installed: run make install)"


def _add_command(commands, name):
    summary, description, examples = COMMANDS[name]
    return commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog="examples:\n" + examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser():
    parser = argparse.ArgumentParser(
        prog="hpp",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, title="commands", metavar="COMMAND")

    run = _add_command(commands, "bench")
    run.add_argument("chapters", nargs="*", help="chapters to run (default: all), e.g. 01 or 06_matrix")
    run.add_argument(
        "--size",
        choices=SIZES,
        default="quick",
        help="quick: minutes (default); book: the book's sizes; test: seconds, the tests' check",
    )
    run.add_argument("--workload", help="only workloads whose name contains this text")
    run.add_argument("--case", help="only cases whose name contains this text (and the baseline)")
    run.add_argument(
        "--output",
        help="folder for run.json, report.md, report.html and plots (default: results/bench/DATE-TIME)",
    )
    run.set_defaults(handler=command_bench)

    draw = _add_command(commands, "figures")
    draw.add_argument("chapters", nargs="*", help="chapters (default: all)")
    draw.add_argument(
        "--output",
        default=str(figures.GALLERY),
        help="folder for the PNGs and index.html (default: results/figures)",
    )
    draw.add_argument(
        "--jobs",
        type=positive_int,
        default=os.cpu_count() or 1,
        help="figure scripts run at once (1 for timing charts on a quiet machine)",
    )
    draw.add_argument(
        "--timeout", type=positive_float, default=180.0, help="seconds one figure's script may take"
    )
    draw.set_defaults(handler=command_figures)

    listing = _add_command(commands, "list")
    listing.add_argument("chapters", nargs="*", help="chapters (default: all)")
    listing.add_argument(
        "--share", action="store_true", help="with each script's share of marked book and taught lines"
    )
    listing.set_defaults(handler=command_list)

    compare = _add_command(commands, "compare")
    compare.add_argument("run_a", help="a saved run: a results/bench/DATE folder (the reference)")
    compare.add_argument("run_b", help="another saved run, compared with the first")
    compare.set_defaults(handler=command_compare)

    rewrite = _add_command(commands, "report")
    rewrite.add_argument("run", help="a saved run: a results/bench/DATE folder")
    rewrite.set_defaults(handler=command_report)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        status = args.handler(args)
        sys.stdout.flush()
    except BrokenPipeError:  # `hpp list | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    main()
