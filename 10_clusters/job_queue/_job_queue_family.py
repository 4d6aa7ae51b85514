"""celery_producer.py's driver (not a book example): the redis-server, the workers, the flags.

- ``redis_url(service)``: the broker URL of a ``hpp.service.redis_server``, the one
  place the chapter spells it;
- ``start_worker``, ``stop_worker``, ``local_workers``: ``celery worker`` processes
  (one process each, the ``solo`` pool), stopped on exit;
- ``check_numbers``: send ``numbers`` and collect the answers with the producer's
  ``send_jobs`` and ``collect``, on a given broker or on a redis-server and workers started here;
- ``producer_main``: the flags; ``nsq_main``: nsq_worker.py's.
"""

import contextlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent


def redis_url(service):
    """``redis://HOST:PORT/0`` of a running redis-server (a ``hpp.service`` service)."""
    return f"redis://{service.host}:{service.port}/0"


def start_worker(url, name, app="celery_tasks", env=None):
    """A ``celery worker`` process on broker ``url``: one process (the ``solo`` pool), one job at a time."""
    command = [sys.executable, "-m", "celery", "-A", app, "-b", url, "worker", "--pool", "solo"]
    command += ["--concurrency", "1", "--hostname", f"{name}@%h", "--without-mingle", "--without-gossip"]
    command += ["--loglevel", "WARNING"]
    return subprocess.Popen(
        command,
        cwd=HERE,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )


def stop_worker(process, timeout=15):
    """Ask a worker to finish its job and leave (SIGTERM); kill it if it does not."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def local_workers(url, count, app="celery_tasks", env=None):
    """``count`` worker processes on ``url``, stopped on exit."""
    processes = [start_worker(url, f"local-worker-{i}", app, env) for i in range(count)]
    try:
        yield processes
    finally:
        for process in processes:
            stop_worker(process)


def run(send_jobs, collect, url, numbers, timeout):
    """Send ``numbers`` as jobs to the broker at ``url``, wait, print and return the counts."""
    from celery_tasks import PRIME

    from hpp.script import fail

    batch = uuid.uuid4().hex
    started = time.perf_counter()
    jobs = send_jobs(url, numbers, batch)
    print(f"jobs = {jobs} (batch {batch[:8]})")
    answers, repeats, dead = collect(url, batch, jobs, timeout)
    primes = sum(answer == PRIME for answer in answers.values())
    print(f"primes = {primes}")
    print(f"non_primes = {len(answers) - primes}")
    print(f"answered more than once = {repeats}")
    print(f"dead letters = {len(dead)}")
    print(f"elapsed = {time.perf_counter() - started:.2f} s")
    missing = jobs - len(answers) - len(dead)
    if missing:
        fail(f"{missing} of {jobs} jobs were not answered within {timeout:g} s (are workers running?)")
    return primes, len(answers) - primes, repeats


def check_numbers(send_jobs, collect, numbers, url=None, workers=2, timeout=120.0):
    """Check ``numbers`` on the broker at ``url``, or on a redis-server and ``workers`` started here."""
    if url:
        return run(send_jobs, collect, url, numbers, timeout)
    from hpp.service import redis_server

    with redis_server() as service:
        url = redis_url(service)
        print(f"redis-server on {url}, {workers} celery workers")
        with local_workers(url, workers):
            return run(send_jobs, collect, url, numbers, timeout)


def broker_url(text):
    """argparse type: ``redis://HOST:PORT/DB`` where a server answers."""
    import argparse

    from hpp.script import reachable_address

    if not text.startswith(("redis://", "rediss://")):
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    return reachable_address(text)


def producer_main(doc, send_jobs, collect, argv=None):
    """celery_producer.py's ``main``: its ``send_jobs`` and ``collect``, on the numbers of the flags."""
    from hpp.script import example_parser, fail, non_negative_int, positive_float, positive_int
    from hpp.service import ServiceError

    parser = example_parser(doc)
    parser.add_argument("--start", type=non_negative_int, default=100_000_000, help="first number to check")
    parser.add_argument("--items", type=positive_int, default=10_000, help="numbers to check")
    parser.add_argument("--broker", type=broker_url, help="an existing Redis (default: start one here)")
    parser.add_argument("--workers", type=positive_int, default=2, help="workers to start without --broker")
    parser.add_argument("--timeout", type=positive_float, default=120.0, help="seconds to wait for answers")
    args = parser.parse_args(argv)
    numbers = range(args.start, args.start + args.items)
    try:
        check_numbers(send_jobs, collect, numbers, args.broker, args.workers, args.timeout)
    except ServiceError as error:
        fail(error)


def stop_after(handler, max_messages, stop):
    """``handler``, counting the messages it finishes: ``stop()`` after ``max_messages``, then
    ``answered = N`` printed (``handler`` itself when ``max_messages`` is 0: no limit)."""
    if not max_messages:
        return handler
    answered = [0]

    def counting_handler(message):
        original_finish = message.finish

        def finish(*args, **kwargs):
            original_finish(*args, **kwargs)
            answered[0] += 1
            if answered[0] == max_messages:
                stop()
                print(f"answered = {answered[0]}")

        message.finish = finish
        return handler(message)

    return counting_handler


def nsq_main(doc, run_worker, default_nsqd, argv=None):
    """nsq_worker.py's ``main``: ``run_worker(nsqd, max_messages)`` on an nsqd that answers."""
    import argparse

    from hpp.script import example_parser, non_negative_int, reachable_address

    parser = example_parser(doc)
    parser.add_argument(
        "--nsqd", type=reachable_address, help=f"nsqd TCP address HOST:PORT (default {default_nsqd})"
    )
    parser.add_argument(
        "--max-messages", type=non_negative_int, default=0, help="stop after this many (0: never)"
    )
    args = parser.parse_args(argv)
    try:  # the default address is checked once the flags given are known to be good
        nsqd = args.nsqd or reachable_address(default_nsqd)
    except argparse.ArgumentTypeError as error:
        parser.error(f"argument --nsqd: {error}")
    run_worker(nsqd, args.max_messages)
