"""utility.py's one flag, ``--delay``: how long ``some_fn`` sleeps (the book: 1 s).

Not a book example. ``kernprof`` and ``memory_profiler`` run the script's ``main``, and the tests
run it with a short delay; the book's listing stays in utility.py.
"""


def set_delay_from_flags(doc, script_globals, argv=None):
    """Parse ``--delay`` (seconds, 0 to 3600) and store it as the script's ``SLEEP_SECONDS``."""
    from hpp.script import example_parser, float_range

    parser = example_parser(doc)
    parser.add_argument(
        "--delay",
        type=float_range(0, 3600),
        default=script_globals["SLEEP_SECONDS"],
        help="some_fn's delay (s)",
    )
    script_globals["SLEEP_SECONDS"] = parser.parse_args(argv).delay
