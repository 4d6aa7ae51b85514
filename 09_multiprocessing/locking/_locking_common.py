"""What the locking examples share and the book does not teach: flags, the counter file, the report."""

import argparse
import contextlib
import tempfile
from pathlib import Path

from hpp.script import START_METHODS, example_parser, fail, positive_int


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


def add_arguments(parser, processes=4, count_file=False, lockstep=False):
    parser.add_argument(
        "--processes",
        type=positive_int,
        default=processes,
        help=f"processes counting (the book: {processes})",
    )
    parser.add_argument(
        "--increments", type=positive_int, default=1000, help="increments per process (the book: 1000)"
    )
    parser.add_argument(
        "--start-method", choices=START_METHODS, help="how the processes start (default: the platform's)"
    )
    if count_file:
        parser.add_argument(
            "--count-file",
            type=new_file,
            help="a new file for the counter (default: count.txt in a temporary folder)",
        )
    if lockstep:
        parser.add_argument(
            "--lockstep",
            action="store_true",
            help="every process reads before any writes: exactly --increments in total",
        )


def locking_parser(doc, processes=4, count_file=False, lockstep=False):
    """The example's parser with the counters' flags (``--processes``, ``--increments``, ...)."""
    parser = example_parser(doc)
    add_arguments(parser, processes, count_file, lockstep)
    return parser


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


def redis_url(text):
    """argparse type: a ``redis://`` URL where a Redis server answers PING."""
    if not text.startswith(("redis://", "rediss://", "unix://")):
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    try:
        import redis

        client = redis.Redis.from_url(text, socket_timeout=3, socket_connect_timeout=3)
        try:
            client.ping()
        finally:
            client.close()
    except ImportError:
        raise argparse.ArgumentTypeError("needs redis-py: pip install -e '.[multiprocessing]'") from None
    except Exception as error:  # redis.RedisError, ValueError for a malformed URL
        raise argparse.ArgumentTypeError(f"cannot reach Redis at {text}: {error}") from None
    return text


@contextlib.contextmanager
def redis_url_or_own_server(url):
    """Yield ``url``, or the URL of a throw-away local redis-server when url is None."""
    from hpp.service import ServiceError, redis_server

    if url is not None:
        yield url
        return
    try:
        with redis_server() as service:
            yield f"redis://{service.host}:{service.port}/0"
    except ServiceError as error:
        fail(f"cannot start a local redis-server: {error}")
