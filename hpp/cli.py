"""The ``hpp`` command (also ``python -m hpp``).

- ``hpp bench [CHAPTER ...] [--size test|quick|book]``: run the benchmark tour,
  print the tables, write ``results/bench/DATE/`` (run.json, report.md,
  report.html, plots).
- ``hpp figures [CHAPTER ...]``: draw the book's figures on this machine into
  ``results/figures/`` with an index page.
- ``hpp list [CHAPTER ...] [--share]``: every example script, by chapter (with the
  share of its code lines that is the example's own, not scaffolding).
- ``hpp compare RUN_A RUN_B``: the ratio of every case between two saved runs.
- ``hpp report RUN``: write the report of a saved run again.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from hpp import discover, figures, leftovers, report, results, runner
from hpp.bench import SIZES
from hpp.examples import book_code_share, example_scripts
from hpp.loader import REPO_ROOT
from hpp.script import positive_float, positive_int


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
    print(f"\nreport: {path} (and report.html beside it)\nwall time: {info['wall_seconds']} s")
    if left:
        print("hpp bench: the tour left things behind:\n  " + "\n  ".join(left.lines()), file=sys.stderr)
    else:
        print("left behind: nothing (temp folder empty, no process still running)")
    return 1 if left or any(r.status == results.FAILED for r in outcome) else 0


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
            print(chapter.name)
            print("\n".join(f"  {script.relative_to(REPO_ROOT)}" for script in scripts))
            continue
        counts = {script: book_code_share(script) for script in scripts}
        book, total = (sum(column) for column in zip(*counts.values(), strict=True))
        print(f"{chapter.name}: {book / total:.0%} of {total} code lines are the examples' own")
        for script, (book, total) in counts.items():
            print(f"  {book / total:4.0%} of {total:4}  {script.relative_to(REPO_ROOT)}")
    return 0


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
    print(report.write_report(folder, saved, info, gallery=figures.GALLERY / "index.html"))
    return 0


def build_parser():
    parser = argparse.ArgumentParser(
        prog="hpp", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("bench", help="run the benchmark tour and write a report")
    run.add_argument("chapters", nargs="*", help="chapters to run (default: all), e.g. 01 or 06_matrix")
    run.add_argument(
        "--size",
        choices=SIZES,
        default="quick",
        help="test: seconds, a check that every case runs; quick: minutes; book: the book's sizes",
    )
    run.add_argument("--workload", help="only workloads whose name contains this text")
    run.add_argument("--case", help="only cases whose name contains this text (and the baseline)")
    run.add_argument(
        "--output",
        help="folder for run.json, report.md, report.html and plots (default: results/bench/DATE-TIME)",
    )
    run.set_defaults(handler=command_bench)

    draw = commands.add_parser("figures", help="draw the book's figures into results/figures/")
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

    listing = commands.add_parser("list", help="list every example script by chapter")
    listing.add_argument("chapters", nargs="*")
    listing.add_argument(
        "--share", action="store_true", help="with each script's share of book code (the rest: scaffolding)"
    )
    listing.set_defaults(handler=command_list)

    compare = commands.add_parser("compare", help="compare two saved runs case by case")
    compare.add_argument("run_a", help="a results/bench/DATE folder (the reference)")
    compare.add_argument("run_b", help="another one")
    compare.set_defaults(handler=command_compare)

    rewrite = commands.add_parser("report", help="write the report of a saved run again")
    rewrite.add_argument("run", help="a results/bench/DATE folder")
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
