"""The shared-array example's driver: flags, the report of what the workers wrote.

``np_shared.py`` holds the book's listing (the shared block, ``init_worker``,
``worker_fn`` and ``run``); its ``main`` hands ``run`` to ``run_shared`` here.
"""

from hpp.script import add_start_method_argument, example_parser, fail, positive_int


def run_shared(doc, run, sizes, argv=None):
    """Parse ``--rows``, ``--cols`` (``sizes``: the defaults), ``--workers``, ``--method`` and
    ``--start-method``, then ``run`` the example and print its findings."""
    rows, cols = sizes
    parser = example_parser(doc)
    parser.add_argument("--rows", type=positive_int, default=rows, help="rows (one task each)")
    parser.add_argument("--cols", type=positive_int, default=cols, help="columns")
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument(
        "--method",
        choices=("array", "shared_memory"),
        default="array",
        help="Array (the book) or SharedMemory",
    )
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    share_and_report(run, args.rows, args.cols, args.workers, args.method, args.start_method)


def share_and_report(run, rows, cols, nbr_of_processes=4, method="array", start_method=None):
    """``run`` the example and print its findings: who wrote, what is left, that nothing was copied."""
    nbytes = rows * cols * 8
    print(f"Created shared array with {nbytes:,} nbytes")
    try:
        findings = run(rows, cols, nbr_of_processes, method, start_method)
    except (MemoryError, OSError) as error:
        fail(f"cannot allocate {nbytes / 1e6:,.0f} MB of shared memory: {error}")
    print("Unique values in main_nparray:")
    print(f"{'PID':>10} | {'Count':>12}")
    for pid, count in sorted(findings["counter"].items()):
        print(f"{pid:>10} | {count:>12}")
    print(f"default value left = {findings['default value left']}")
    print(f"cells counted = {sum(findings['counter'].values())} of {findings['cells']}")
    print(f"rows holding one value = {findings['rows holding one value']} of {rows}")
    print(f"distinct writers = {findings['distinct writers']} (of {nbr_of_processes} workers)")
    print(f"parent's array is a view of the shared block = {findings['no copy']}")
