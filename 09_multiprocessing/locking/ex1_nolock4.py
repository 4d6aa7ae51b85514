"""Four processes increment the counter file with no lock: updates are lost.

Chapter 9, "Synchronizing File and Variable Access": two processes read the
same number and both write number + 1, so one increment is lost; a reader can
even catch the file empty while another rewrites it (counted as 0 here). The
total is below 4000 and differs from run to run.

The counter lives in a temporary folder unless --count-file names a new file.

Run:
    python 09_multiprocessing/locking/ex1_nolock4.py
"""

import multiprocessing
import time

from _file_counter import counter_file
from _locking_workers import add_arguments, read_count, report, run_processes, work_file
from hpp.script import example_parser

SMOKE_ARGS = ["--processes", "2", "--increments", "200"]


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser, processes=4)
    parser.add_argument("--count-file", default=None, help="a new file for the counter")
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    with counter_file(args.count_file) as filename:
        extra = ()
        t0 = time.perf_counter()
        run_processes(context, work_file, (str(filename), args.increments, *extra), args.processes)
        elapsed = time.perf_counter() - t0
        count = read_count(filename)
    report(count, args.processes, args.increments, locked=False)
    print(f"time = {elapsed:.3f} s")


if __name__ == "__main__":
    main()
