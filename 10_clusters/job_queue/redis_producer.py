"""Put numbers on the Redis-streams job queue and collect every answer (book chapter 10, job queues).

The producer adds one job per number to the ``numbers`` stream (tagged with a
batch id), then reads the ``prime`` and ``non_prime`` result streams until every
number of its batch has been answered, and checks that each was answered
exactly once. ``redis_worker.py`` does the work.

Without ``--redis-url`` it is a complete demonstration on this machine: it
starts a throw-away ``redis-server`` on a free loopback port and ``--workers``
worker processes, and stops them all at the end. With ``--redis-url`` it only
enqueues and collects: start workers yourself, on any machine that reaches that
Redis.

Run:
    python 10_clusters/job_queue/redis_producer.py                    # own Redis + 2 workers
    python 10_clusters/job_queue/redis_producer.py --start 100000000 --count 2000 --workers 4
    python 10_clusters/job_queue/redis_producer.py --redis-url redis://127.0.0.1:6379/0
"""

import collections
import contextlib
import subprocess
import sys
import time
import uuid
from pathlib import Path

from _job_queue import redis_url
from redis_worker import JOBS, NON_PRIME, PRIME, connect, ensure_group

from hpp.script import example_parser, fail, non_negative_int, positive_float, positive_int
from hpp.service import ServiceError, redis_server

REQUIRES = ("redis",)
REQUIRES_TOOLS = ("redis-server",)
SMOKE_ARGS = ["--count", "300", "--workers", "2"]

WORKER_SCRIPT = Path(__file__).resolve().parent / "redis_worker.py"


def enqueue(client, numbers, batch):
    """One job per number on the ``numbers`` stream, sent in pipelined groups of 1000."""
    numbers = list(numbers)
    for i in range(0, len(numbers), 1000):
        with client.pipeline(transaction=False) as pipe:
            for number in numbers[i : i + 1000]:
                pipe.xadd(JOBS, {"number": number, "batch": batch})
            pipe.execute()
    return len(numbers)


def result_positions(client):
    """The last id of each result stream now, to read only newer answers."""
    positions = {}
    for stream in (PRIME, NON_PRIME):
        last = client.xrevrange(stream, count=1)
        positions[stream] = last[0][0] if last else "0-0"
    return positions


def collect_answers(client, batch, expected, positions, timeout):
    """``{stream: Counter(number -> times answered)}`` for this batch, until ``expected`` answers."""
    answers = {PRIME: collections.Counter(), NON_PRIME: collections.Counter()}
    received = 0
    deadline = time.monotonic() + timeout
    while received < expected and time.monotonic() < deadline:
        read = client.xread(positions, count=1000, block=200)
        for stream, messages in read or []:
            for message_id, fields in messages:
                positions[stream] = message_id
                if fields.get("batch") == batch:
                    answers[stream][int(fields["number"])] += 1
                    received += 1
    return answers


@contextlib.contextmanager
def local_workers(redis_url, count, extra_args=()):
    """``count`` worker processes (this folder's redis_worker.py), stopped on exit."""
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER_SCRIPT),
                "--redis-url",
                redis_url,
                "--name",
                f"local-worker-{i}",
                *extra_args,
            ],
            stdout=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        for i in range(count)
    ]
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run(redis_url, numbers, timeout):
    """Enqueue ``numbers`` and wait for the answers; print and return (primes, non-primes, repeats)."""
    import redis

    try:
        client = connect(redis_url)
        ensure_group(client)
    except (redis.ConnectionError, redis.TimeoutError, ValueError) as error:
        fail(f"cannot reach Redis at {redis_url}: {error}")
    batch = uuid.uuid4().hex
    positions = result_positions(client)
    started = time.perf_counter()
    jobs = enqueue(client, numbers, batch)
    print(f"jobs = {jobs} (batch {batch[:8]})")
    answers = collect_answers(client, batch, jobs, positions, timeout)
    elapsed = time.perf_counter() - started
    answered = answers[PRIME] + answers[NON_PRIME]
    missing = jobs - len(answered)
    repeated = sum(1 for times in answered.values() if times > 1)
    print(f"primes = {len(answers[PRIME])}")
    print(f"non_primes = {len(answers[NON_PRIME])}")
    print(f"answered more than once = {repeated}")
    print(f"unanswered after {timeout:g} s = {missing}")
    print(f"elapsed = {elapsed:.2f} s")
    if missing:
        fail(f"{missing} of {jobs} jobs were not answered within {timeout:g} s (are workers running?)")
    return len(answers[PRIME]), len(answers[NON_PRIME]), repeated


def check_numbers(start, count, url=None, workers=2, timeout=120.0):
    """Check ``count`` numbers from ``start`` on the Redis at ``url``, or on one started here."""
    numbers = range(start, start + count)
    if url:
        return run(url, numbers, timeout)
    with redis_server() as service:
        url = f"redis://{service.host}:{service.port}/0"
        print(f"redis-server on {url}, {workers} workers")
        with local_workers(url, workers):
            return run(url, numbers, timeout)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--start", type=non_negative_int, default=100_000_000, help="first number to check")
    parser.add_argument("--count", type=positive_int, default=10_000, help="numbers to check")
    parser.add_argument("--redis-url", type=redis_url, help="an existing Redis (default: start one here)")
    parser.add_argument(
        "--workers", type=positive_int, default=2, help="workers to start without --redis-url"
    )
    parser.add_argument(
        "--timeout", type=positive_float, default=120.0, help="seconds to wait for the answers"
    )
    args = parser.parse_args(argv)
    try:
        check_numbers(args.start, args.count, args.redis_url, args.workers, args.timeout)
    except ServiceError as error:
        fail(error)


if __name__ == "__main__":
    main()
