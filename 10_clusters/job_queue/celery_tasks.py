"""The book's prime check as a Celery task on Redis (book chapter 10, "NSQ for Robust Production Clustering").

The book's NSQ worker takes numbers from a queue, checks each and publishes the
answer; the book names Celery among the mature alternatives. This is that
worker as a Celery application: Redis is the broker (the queue) and the result
backend, and the task has the guarantees a production queue needs:

- **Late acknowledgement** (``task_acks_late``): a job is acknowledged when it
  is done, not when it is taken, so a job a worker dies holding is delivered
  again: at once when a worker's child process dies mid-job
  (``task_reject_on_worker_lost``), after ``VISIBILITY_TIMEOUT_S`` seconds when
  the whole worker or its machine does (the Redis broker hands it to another
  worker then).
- **Retries with backoff**: a failure may pass (Redis restarting, a network
  blip), so a job that fails is tried again after 0-1 s, then 0-2 s, ...
- **A dead-letter list**: a job that still fails after ``MAX_TRIES`` tries (a
  number that is not an integer) can never succeed: it is pushed, with its
  error, onto the Redis list ``dead_letter`` instead of looping forever.
- **Answers counted once**: delivery is at least once, so a job may run twice.
  Each answer is written with ``HSETNX`` into the batch's hash, keyed by the
  number: a second answer for a number changes nothing there and is counted in
  ``BATCH:answered more than once`` instead.

``celery_producer.py`` sends the numbers and collects the answers; without
``--broker`` it starts a throw-away redis-server and two workers itself.

Run a worker (any number of them, on any machine that reaches the broker), from this folder:
    celery -A celery_tasks -b redis://HEAD:6379/0 worker --loglevel INFO
    CELERY_BROKER_URL=redis://HEAD:6379/0 celery -A celery_tasks worker   # the same
"""

import json
import os

from celery import Celery, Task
from nsq_worker import check_prime  # the book's prime check, as the NSQ worker has it

BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
MAX_TRIES = 3
VISIBILITY_TIMEOUT_S = int(os.environ.get("HPP_VISIBILITY_TIMEOUT_S", "30"))
PRIME, NON_PRIME, DEAD_LETTER = "prime", "non_prime", "dead_letter"

app = Celery("celery_tasks", broker=BROKER_URL, backend=BROKER_URL)
# taught: a robust queue: late acknowledgement, a job held by a dead worker delivered again
app.conf.update(
    task_acks_late=True,  # acknowledge a job once it is done, not when it is taken
    task_reject_on_worker_lost=True,  # a job whose process died goes back to the queue at once
    worker_prefetch_multiplier=1,  # a worker holds only the jobs it is doing
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT_S,  # a job unacknowledged this long is delivered again
        "unacked_restore_interval": 1,  # look for such jobs every second
        "unacked_restore_throttle": 1,
    },
    broker_connection_retry_on_startup=True,
)
# taught: end


def answers_key(batch):
    return f"{batch}:answers"


def repeats_key(batch):
    return f"{batch}:answered more than once"


# taught: a failure is retried with backoff; a job that can never succeed goes to a dead-letter list
class DeadLetterOnFailure(Task):
    """A task whose job, once it has failed ``MAX_TRIES`` times, is pushed onto ``dead_letter``."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        number, batch = args
        letter = {"batch": batch, "number": number, "error": repr(exc), "tries": self.request.retries + 1}
        self.backend.client.rpush(DEAD_LETTER, json.dumps(letter))


@app.task(
    name="celery_tasks.check_prime_job",  # the same name however this module was imported
    base=DeadLetterOnFailure,
    autoretry_for=(Exception,),
    retry_backoff=True,  # wait 0-1 s, then 0-2 s, ... before the next try
    max_retries=MAX_TRIES - 1,
)
def check_prime_job(number, batch):
    """Check ``number``; write the answer once in the batch's hash, count a second answer."""
    if not isinstance(number, int):
        raise TypeError(f"not an integer: {number!r}")
    answer = PRIME if check_prime(number) else NON_PRIME
    store = app.backend.client  # the result backend's Redis
    if not store.hsetnx(answers_key(batch), number, answer):
        store.incr(repeats_key(batch))  # delivered again after it was answered
    return answer


# taught: end
