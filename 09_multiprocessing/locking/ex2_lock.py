"""Four processes increment a ``multiprocessing.Value`` inside ``with value.get_lock():``.

Chapter 9, "Synchronizing File and Variable Access": taking the value's own
lock around ``+= 1`` makes it one step: always exactly 4000 (the book: 19-21 ms).

Run:
    python 09_multiprocessing/locking/ex2_lock.py
"""

import multiprocessing
import time

from _locking_workers import add_arguments, report, run_processes, work_value_locked
from hpp.script import example_parser

SMOKE_ARGS = ["--processes", "2", "--increments", "1000"]


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    value = context.Value("i", 0)
    t0 = time.perf_counter()
    run_processes(context, work_value_locked, (value, args.increments), args.processes)
    elapsed = time.perf_counter() - t0
    report(value.value, args.processes, args.increments, locked=True)
    print(f"time = {elapsed:.3f} s")


if __name__ == "__main__":
    main()
