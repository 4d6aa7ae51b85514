"""The locking family's driver (``run_counter``): flags, the counter file, the report.

Each ``ex*.py`` defines the book's ``work`` and ``run_workers``; its ``main`` hands
``run_workers`` to ``run_counter``, which reads the flags it takes from its signature.
"""

import argparse
import contextlib
import tempfile
from pathlib import Path

from hpp.script import example_parser, fail, positive_int, redis_url


def new_file(text):
    """argparse type: a path for a new file, in a folder that exists (an existing file is refused)."""
    path = Path(text)
    if path.exists():
        raise argparse.ArgumentTypeError(f"{text} already exists: it is never overwritten")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {path.parent}")
    try:
        path.write_text("")
        path.unlink()
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot write {text}: {error.strerror}") from None
    return path


def run_counter(doc, run_workers, argv=None):
    """The locking family's driver: parse the flags ``run_workers`` takes, run it, report the count.

    ``--workers`` (``nbr_processes``, the listing's default) and ``--increments``
    (``max_count_per_process``) always; ``--start-method``; and, where ``run_workers``
    has the parameter, ``--count-file`` (``filename``), ``--lockstep``, ``--smaller-chunks``
    and ``--redis-url`` (``url``).
    """
    import inspect

    from hpp.script import add_start_method_argument

    parameters = inspect.signature(run_workers).parameters
    workers = parameters["nbr_processes"].default
    parser = example_parser(doc)
    parser.add_argument(
        "--workers", type=positive_int, default=workers, help=f"processes counting (the book: {workers})"
    )
    parser.add_argument(
        "--increments", type=positive_int, default=1000, help="increments per process (the book: 1000)"
    )
    add_start_method_argument(parser)
    if "filename" in parameters:
        parser.add_argument(
            "--count-file",
            type=new_file,
            dest="filename",
            help="a new file for the counter (default: count.txt in a temporary folder)",
        )
    if "lockstep" in parameters:
        parser.add_argument(
            "--lockstep",
            action="store_true",
            help="every process reads before any writes: exactly --increments in total",
        )
    if "smaller_chunks" in parameters:
        parser.add_argument(
            "--smaller-chunks", action="store_true", help="lock each increment (work_smaller_chunks)"
        )
    if "url" in parameters:
        parser.add_argument(
            "--redis-url",
            type=redis_url,
            dest="url",
            help="a Redis server, redis://HOST:PORT/DB (default: our own)",
        )
    args = vars(parser.parse_args(argv))
    nbr_processes, max_count = args.pop("workers"), args.pop("increments")
    count = run_workers(nbr_processes, max_count, **args)
    report(count, nbr_processes * max_count)


@contextlib.contextmanager
def counter_file(given=None):
    """The path of the counter file: ``given`` (new, kept) or count.txt in a temporary folder."""
    if given is not None:
        yield Path(given)
        return
    with tempfile.TemporaryDirectory(prefix="hpp_locking_") as folder:
        yield Path(folder) / "count.txt"


def read_count(filename):
    """The counter in the file (an empty file, caught mid-write by another process, reads as 0)."""
    text = Path(filename).read_text()
    return int(text) if text.strip() else 0


def join_all(processes):
    for p in processes:
        p.join()
    failed = [p.exitcode for p in processes if p.exitcode != 0]
    if failed:
        fail(f"{len(failed)} worker process(es) failed (exit codes {failed})")


def report(count, expected):
    print(f"expected = {expected}")
    print(f"counter = {count}")
    print(f"lost updates = {expected - count}")
