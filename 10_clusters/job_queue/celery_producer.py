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
    python 10_clusters/job_queue/celery_producer.py --start 100000000 --items 2000 --workers 4
    python 10_clusters/job_queue/celery_producer.py --broker redis://127.0.0.1:6379/0
"""

# taught: a job queue (the book names Celery): jobs sent by name, answers and dead letters read back
import json
import time

import celery_tasks
import redis
from celery import Celery

JOB = celery_tasks.check_prime_job.name


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


def main(argv=None):
    from _job_queue_family import producer_main

    producer_main(__doc__, send_jobs, collect, argv)


if __name__ == "__main__":
    main()
