"""Four processes increment a ``RawValue`` guarded by a separate ``multiprocessing.Lock``.

Chapter 9, "Synchronizing File and Variable Access": a ``RawValue`` has no lock
of its own; an explicit ``Lock`` passed to each process does the job: always
exactly 4000 (the book: 5-18 ms).

Run:
    python 09_multiprocessing/locking/ex2_lock_rawvalue.py
"""

import multiprocessing
import time

from _locking_workers import add_arguments, report, run_processes, work_rawvalue_locked
from hpp.script import example_parser

SMOKE_ARGS = ["--processes", "2", "--increments", "1000"]


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    value = context.RawValue("i", 0)
    lock = context.Lock()
    t0 = time.perf_counter()
    run_processes(context, work_rawvalue_locked, (value, lock, args.increments), args.processes)
    elapsed = time.perf_counter() - t0
    report(value.value, args.processes, args.increments, locked=True)
    print(f"time = {elapsed:.3f} s")


if __name__ == "__main__":
    main()
