"""The ``hpp`` command: ``hpp bench`` runs the benchmark tour, ``hpp list`` the examples."""

import argparse
import sys
import time
from pathlib import Path

from hpp import bench, report
from hpp.examples import example_scripts
from hpp.loader import REPO_ROOT


def command_bench(args):
    try:
        chapters = bench.resolve_chapters(args.chapters)
    except ValueError as error:
        print(f"hpp bench: {error}", file=sys.stderr)
        return 2
    started = time.time()
    results = bench.run_benchmarks(chapters, size=args.size, workload_filter=args.workload,
                                   case_filter=args.case)
    if not results:
        print("hpp bench: no benchmark case matched", file=sys.stderr)
        return 2
    bench.print_tables(results)
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
        "size": args.size,
        "chapters": [c.name for c in chapters],
        "wall_seconds": round(time.time() - started, 1),
        "machine": bench.machine_info(),
    }
    folder = Path(args.output) if args.output else report.new_run_folder()
    folder.mkdir(parents=True, exist_ok=True)
    report.save_run(folder, results, info)
    path = report.write_report(folder, results, info)
    print(f"\nreport: {path}\nwall time: {info['wall_seconds']} s")
    return 1 if any(r.status == bench.FAILED for r in results) else 0


def command_list(args):
    try:
        chapters = bench.resolve_chapters(args.chapters)
    except ValueError as error:
        print(f"hpp list: {error}", file=sys.stderr)
        return 2
    for chapter in chapters:
        print(chapter.name)
        for script in example_scripts(chapter):
            print(f"  {script.relative_to(REPO_ROOT)}")
    return 0


def build_parser():
    parser = argparse.ArgumentParser(prog="hpp", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("bench", help="run the benchmark tour and write a report")
    run.add_argument("chapters", nargs="*", help="chapters to run (default: all), e.g. 01 or 06_matrix")
    run.add_argument("--size", choices=bench.SIZES, default="quick",
                     help="quick: minutes on a laptop; book: the book's sizes")
    run.add_argument("--workload", help="only workloads whose name contains this text")
    run.add_argument("--case", help="only cases whose name contains this text (and the baseline)")
    run.add_argument("--output", help="folder for run.json, report.md and plots "
                                      "(default: results/bench/DATE-TIME)")
    run.set_defaults(handler=command_bench)

    listing = commands.add_parser("list", help="list every example script by chapter")
    listing.add_argument("chapters", nargs="*")
    listing.set_defaults(handler=command_list)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    sys.exit(args.handler(args))


if __name__ == "__main__":
    main()
