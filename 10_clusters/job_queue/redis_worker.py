"""A robust job-queue worker on Redis streams (book chapter 10, "NSQ for Robust Production Clustering").

The book's NSQ worker takes numbers from the ``numbers`` topic, checks each for
primality and publishes it to the ``prime`` or ``non_prime`` topic. This is the
same worker on a broker that runs anywhere ``redis-server`` does, with the
guarantees a production queue needs:

- **Consumer group** ``worker_group_a`` on the ``numbers`` stream: each job goes
  to one worker of the group; more workers (on any machine) share the load.
- **Acknowledgement**: a job stays in the group's pending-entries list until the
  worker acknowledges it (``XACK``). The acknowledgement and the publication of
  the answer happen in one atomic Lua script, and the answer is published only
  if this acknowledgement removed the job, so a job is answered exactly once
  even when two workers end up holding it.
- **Retries**: a worker that dies leaves its jobs pending; after
  ``--retry-after`` ms without an acknowledgement any other worker reclaims
  them (``XAUTOCLAIM``) and does them again. A job delivered more than
  ``--max-deliveries`` times, or one that can never succeed (not an integer),
  goes to the ``dead_letter`` stream instead of looping forever.

``redis_producer.py`` puts numbers on the queue and collects the answers; run
without ``--redis-url`` it starts a throw-away redis-server and two of these
workers itself.

Run (with a redis-server you started, for example ``redis-server --port 6379``):
    python 10_clusters/job_queue/redis_worker.py --redis-url redis://127.0.0.1:6379/0
    python 10_clusters/job_queue/redis_worker.py --redis-url redis://127.0.0.1:6379/0 --burst
"""

import math
import os
import signal
import socket
import time

from _job_queue import checked_default, consumer_name, non_negative_float, redis_url

from hpp.script import example_parser, fail, non_negative_int, positive_int

REQUIRES = ("redis",)
SMOKE_ARGS = None  # a long-running worker: tests/test_10_clusters.py starts and kills it

JOBS = "numbers"
GROUP = "worker_group_a"
PRIME, NON_PRIME, DEAD_LETTER = "prime", "non_prime", "dead_letter"
NETWORK_TIMEOUT_S = 10
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

# Acknowledge the job and publish its answer atomically; publish only if the
# acknowledgement removed the job from the pending list (it may have been
# answered already by a worker that reclaimed it).
ANSWER_ONCE = """
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 1 then
    redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
    return 1
end
return 0
"""


def check_prime(number):
    """True when ``number`` is prime (integer trial division: exact for any size)."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, math.isqrt(number) + 1, 2):
        if number % i == 0:
            return False
    return True


def topic_for(number):
    """The result stream a number goes to."""
    return PRIME if check_prime(number) else NON_PRIME


def connect(url):
    """A Redis client for ``url`` with timeouts on every call; raises ConnectionError."""
    import redis

    client = redis.Redis.from_url(
        url,
        socket_connect_timeout=NETWORK_TIMEOUT_S,
        socket_timeout=NETWORK_TIMEOUT_S + 5,
        decode_responses=True,
    )
    client.ping()
    return client


def ensure_group(client):
    """Create the consumer group (and the stream) unless it exists."""
    import redis

    try:
        client.xgroup_create(JOBS, GROUP, id="0", mkstream=True)
    except redis.ResponseError as error:
        if "BUSYGROUP" not in str(error):
            raise


class Worker:
    def __init__(
        self, client, name, retry_after_ms=5000, max_deliveries=3, batch=10, block_ms=500, delay=0.0
    ):
        self.client, self.name = client, name
        self.retry_after_ms, self.max_deliveries = retry_after_ms, max_deliveries
        self.batch, self.block_ms, self.delay = batch, block_ms, delay
        self.answer_once = client.register_script(ANSWER_ONCE)
        self.answered = self.reclaimed = self.dead = 0
        self.stopping = False

    def reclaim(self):
        """Take over jobs that another worker has held for too long without acknowledging."""
        _next, messages, *_deleted = self.client.xautoclaim(
            JOBS, GROUP, self.name, min_idle_time=self.retry_after_ms, start_id="0-0", count=self.batch
        )
        return [(job_id, fields) for job_id, fields in messages if fields is not None]

    def deliveries(self, job_id):
        entries = self.client.xpending_range(JOBS, GROUP, min=job_id, max=job_id, count=1)
        return entries[0]["times_delivered"] if entries else 0

    def publish(self, job_id, stream, **fields):
        args = [GROUP, job_id]
        for key, value in fields.items():
            args += [key, value]
        return self.answer_once(keys=[JOBS, stream], args=args)

    def handle(self, job_id, fields, reclaimed):
        deliveries = self.deliveries(job_id) if reclaimed else 1
        try:
            number = int(fields["number"])
        except (KeyError, ValueError):
            self.dead += self.publish(
                job_id, DEAD_LETTER, worker=self.name, reason="not an integer", **fields
            )
            return
        if deliveries > self.max_deliveries:
            self.dead += self.publish(
                job_id, DEAD_LETTER, worker=self.name, reason=f"delivered {deliveries} times", **fields
            )
            return
        if self.delay:
            time.sleep(self.delay)  # stands for a longer job
        self.answered += self.publish(
            job_id,
            topic_for(number),
            number=number,
            batch=fields.get("batch", ""),
            worker=self.name,
            reclaimed=int(reclaimed),
            deliveries=deliveries,
        )

    def queue_is_done(self):
        return self.client.xpending(JOBS, GROUP)["pending"] == 0

    def run(self, burst=False):
        """Work until stopped (or, with ``burst``, until no job is new or pending)."""
        while not self.stopping:
            claimed = self.reclaim()
            self.reclaimed += len(claimed)
            jobs = [(job_id, fields, True) for job_id, fields in claimed]
            if not jobs:
                read = self.client.xreadgroup(
                    GROUP, self.name, {JOBS: ">"}, count=self.batch, block=self.block_ms
                )
                jobs = [
                    (job_id, fields, False) for _stream, messages in read or [] for job_id, fields in messages
                ]
            for job_id, fields, reclaimed in jobs:
                self.handle(job_id, fields, reclaimed)
            if not jobs and burst and self.queue_is_done():
                return


def run_worker(url, name, retry_after=5000, max_deliveries=3, batch=10, block=500, delay=0.0, burst=False):
    """Answer jobs from ``JOBS`` as consumer ``name`` until stopped (with ``burst``: until none is left)."""
    import redis

    try:
        client = connect(url)
        ensure_group(client)
    except (redis.ConnectionError, redis.TimeoutError, ValueError) as error:
        fail(f"cannot reach Redis at {url}: {error}")
    worker = Worker(client, name, retry_after, max_deliveries, batch, block, delay)

    def stop(signum, frame):
        worker.stopping = True  # finish the jobs in hand, then leave

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"worker {name} waiting for jobs on {JOBS!r}", flush=True)
    try:
        worker.run(burst=burst)
    except (redis.ConnectionError, redis.TimeoutError) as error:
        fail(f"lost Redis at {url}: {error}")
    print(f"answered = {worker.answered}")
    print(f"reclaimed = {worker.reclaimed}")
    print(f"dead letters = {worker.dead}")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--redis-url", type=redis_url, help=f"Redis URL (default {DEFAULT_REDIS_URL})")
    name = f"{socket.gethostname()}-{os.getpid()}"
    parser.add_argument("--name", type=consumer_name, default=name, help="this worker's consumer name")
    parser.add_argument(
        "--retry-after", type=positive_int, default=5000, metavar="MS", help="reclaim idle jobs"
    )
    parser.add_argument("--max-deliveries", type=positive_int, default=3, help="tries before a dead letter")
    parser.add_argument("--batch", type=positive_int, default=10, help="jobs read at once")
    parser.add_argument("--delay", type=non_negative_float, default=0.0, help="seconds of work per job")
    parser.add_argument("--burst", action="store_true", help="exit once no job is waiting or pending")
    parser.add_argument("--block", type=non_negative_int, default=500, metavar="MS", help="wait per read")
    args = parser.parse_args(argv)
    url = args.redis_url or checked_default(parser, "--redis-url", redis_url, DEFAULT_REDIS_URL)
    run_worker(
        url, args.name, args.retry_after, args.max_deliveries, args.batch, args.block, args.delay, args.burst
    )


if __name__ == "__main__":
    main()
