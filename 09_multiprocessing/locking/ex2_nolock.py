"""Four processes increment a ``multiprocessing.Value`` without its lock: updates are lost.

Chapter 9, "Synchronizing File and Variable Access": a ``Value('i')`` lives in
shared memory and comes with a lock, but ``value.value += 1`` does not take it:
it reads, adds and writes in separate steps, and concurrent increments
overwrite each other (the book: 12 ms, and a total below 4000).

Run:
    python 09_multiprocessing/locking/ex2_nolock.py
"""

import multiprocessing
import time

from _locking_workers import add_arguments, report, run_processes, work_value
from hpp.script import example_parser

SMOKE_ARGS = ["--processes", "2", "--increments", "1000"]


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    value = context.Value("i", 0)
    t0 = time.perf_counter()
    run_processes(context, work_value, (value, args.increments), args.processes)
    elapsed = time.perf_counter() - t0
    report(value.value, args.processes, args.increments, locked=False)
    print(f"time = {elapsed:.3f} s")


if __name__ == "__main__":
    main()
