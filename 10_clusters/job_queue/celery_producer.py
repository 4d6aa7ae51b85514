"""The producer of the Celery job queue (book chapter 10, "NSQ for Robust Production Clustering").

The producer sends one ``check_prime_job`` per number (``celery_tasks.py``),
tagged with a batch id, then reads the batch's answers in the result backend's
Redis until every job is answered: each number answered once, how many answers
came more than once (a job delivered again after it was answered: counted,
never double-counted) and the batch's dead letters.

Without ``--broker`` it is a complete demonstration on this machine: it starts a
throw-away ``redis-server`` on a free loopback port and ``--workers`` ``celery
worker`` processes, and stops them all at the end. With ``--broker`` it only
sends and collects: start the workers yourself, on any machine that reaches
that Redis (``celery -A celery_tasks -b redis://HEAD:6379/0 worker``, from this folder).

Run:
    python 10_clusters/job_queue/celery_producer.py                  # own Redis + 2 workers
    python 10_clusters/job_queue/celery_producer.py --start 100000000 --count 2000 --workers 4
    python 10_clusters/job_queue/celery_producer.py --broker redis://127.0.0.1:6379/0
"""

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import celery_tasks
import redis
from celery import Celery

REQUIRES = ("celery", "redis")
REQUIRES_TOOLS = ("redis-server",)
SMOKE_ARGS = ["--count", "300", "--workers", "2"]

HERE = Path(__file__).resolve().parent
JOB = celery_tasks.check_prime_job.name


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


# taught: a job queue (the book names Celery): jobs sent by name, answers and dead letters read back
def send_jobs(url, numbers, batch):
    """One job per number, sent by task name (the producer needs no task code); how many."""
    with Celery(broker=url) as app:
        for number in numbers:
            app.send_task(JOB, (number, batch))
    return len(numbers)


def dead_letters(store, batch):
    """The dead letters of ``batch`` on the ``dead_letter`` list."""
    letters = (json.loads(text) for text in store.lrange(celery_tasks.DEAD_LETTER, 0, -1))
    return [letter for letter in letters if letter["batch"] == batch]


def collect(url, batch, jobs, timeout):
    """Wait until the ``jobs`` of ``batch`` are answered or dead (or ``timeout`` s have passed).

    Returns ``(answers {number: answer}, answered more than once, dead letters)``.
    """
    with redis.Redis.from_url(url, decode_responses=True) as store:
        deadline = time.monotonic() + timeout
        key = celery_tasks.answers_key(batch)
        while store.hlen(key) + len(dead_letters(store, batch)) < jobs and time.monotonic() < deadline:
            time.sleep(0.05)
        answers = {int(number): answer for number, answer in store.hgetall(key).items()}
        repeats = int(store.get(celery_tasks.repeats_key(batch)) or 0)
        return answers, repeats, dead_letters(store, batch)


# taught: end


def run(url, numbers, timeout):
    """Send ``numbers`` as jobs to the broker at ``url``, wait, print and return the counts."""
    from hpp.script import fail

    batch = uuid.uuid4().hex
    started = time.perf_counter()
    jobs = send_jobs(url, numbers, batch)
    print(f"jobs = {jobs} (batch {batch[:8]})")
    answers, repeats, dead = collect(url, batch, jobs, timeout)
    primes = sum(answer == celery_tasks.PRIME for answer in answers.values())
    print(f"primes = {primes}")
    print(f"non_primes = {len(answers) - primes}")
    print(f"answered more than once = {repeats}")
    print(f"dead letters = {len(dead)}")
    print(f"elapsed = {time.perf_counter() - started:.2f} s")
    missing = jobs - len(answers) - len(dead)
    if missing:
        fail(f"{missing} of {jobs} jobs were not answered within {timeout:g} s (are workers running?)")
    return primes, len(answers) - primes, repeats


# taught: start simple: one machine runs the job server and the workers; the same producer joins a remote one
def check_numbers(start, count, url=None, workers=2, timeout=120.0):
    """Check ``count`` numbers from ``start`` on the broker at ``url``, or on one started here."""
    numbers = range(start, start + count)
    if url:
        return run(url, numbers, timeout)
    from hpp.service import redis_server

    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        print(f"redis-server on {url}, {workers} celery workers")
        with local_workers(url, workers):
            return run(url, numbers, timeout)


# taught: end


def _broker_url(text):
    """argparse type: ``redis://HOST:PORT/DB`` where a server answers."""
    import argparse

    from hpp.script import reachable_address

    if not text.startswith(("redis://", "rediss://")):
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    return reachable_address(text)


def main(argv=None):
    from hpp.script import example_parser, fail, non_negative_int, positive_float, positive_int
    from hpp.service import ServiceError

    parser = example_parser(__doc__)
    parser.add_argument("--start", type=non_negative_int, default=100_000_000, help="first number to check")
    parser.add_argument("--count", type=positive_int, default=10_000, help="numbers to check")
    parser.add_argument("--broker", type=_broker_url, help="an existing Redis (default: start one here)")
    parser.add_argument("--workers", type=positive_int, default=2, help="workers to start without --broker")
    parser.add_argument("--timeout", type=positive_float, default=120.0, help="seconds to wait for answers")
    args = parser.parse_args(argv)
    try:
        check_numbers(args.start, args.count, args.broker, args.workers, args.timeout)
    except ServiceError as error:
        fail(error)


if __name__ == "__main__":
    main()
