"""Four processes increment a Redis counter with ``INCR``: atomic, no lock needed.

Chapter 9, "Synchronizing File and Variable Access": the Redis server runs
each command alone, and ``INCR`` is read-add-write in one command, so the
counter is always exactly 4000, whichever process or machine sends the
increments (the book: 81 ms, each increment a network round trip). Without
``--redis-url`` the example starts its own throw-away ``redis-server`` on a free
loopback port (Debian: ``apt-get install redis-server``) and stops it at the end;
the counter key is new and deleted afterwards.

Run:
    python 09_multiprocessing/locking/ex3_redis.py
    python 09_multiprocessing/locking/ex3_redis.py --redis-url redis://127.0.0.1:6379/0
"""

import contextlib
import multiprocessing
import time
import uuid

from _locking_workers import add_arguments, report, run_processes, work_redis
from hpp.script import example_parser, fail
from hpp.service import ServiceError, redis_server

SMOKE_ARGS = ["--processes", "2", "--increments", "200"]
REQUIRES = ("redis",)
REQUIRES_TOOLS = ("redis-server",)


@contextlib.contextmanager
def redis_url_or_own_server(url):
    """Yield ``url``, or the URL of a throw-away local redis-server when url is None."""
    if url is not None:
        yield url
        return
    try:
        with redis_server() as service:
            yield f"redis://{service.host}:{service.port}/0"
    except ServiceError as error:
        fail(f"cannot start a local redis-server: {error}")


def main(argv=None):
    import redis

    parser = example_parser(__doc__)
    add_arguments(parser)
    parser.add_argument("--redis-url", default=None,
                        help="an existing Redis server (default: start a throw-away one)")
    args = parser.parse_args(argv)
    context = multiprocessing.get_context(args.start_method)
    with redis_url_or_own_server(args.redis_url) as url:
        try:
            rds = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
            rds.ping()
        except (redis.RedisError, ValueError) as error:
            fail(f"cannot reach Redis at {url}: {error}")
        key = f"hpp:counter:{uuid.uuid4().hex}"  # never touches the server's other keys
        try:
            t0 = time.perf_counter()
            run_processes(context, work_redis, (url, key, args.increments), args.processes)
            elapsed = time.perf_counter() - t0
            count = int(rds.get(key) or 0)
        finally:
            rds.delete(key)
            rds.close()
    report(count, args.processes, args.increments, locked=True)
    print(f"time = {elapsed:.3f} s")


if __name__ == "__main__":
    main()
