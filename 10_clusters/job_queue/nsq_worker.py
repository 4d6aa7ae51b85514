"""The book's NSQ worker: numbers in, primes and non-primes out.

Book chapter 10, "NSQ for Robust Production Clustering".

A ``pynsq`` Reader subscribes to topic ``numbers`` on channel
``worker_group_a`` (every worker on that channel shares the messages), checks
each number and publishes ``{"number": n, "prime": bool}`` as JSON to topic
``prime`` or ``non_prime`` through a Writer. NSQ delivers at least once: a
message is ``finish``ed only when the publication has been confirmed by nsqd,
and ``requeue``d when it failed, so nothing is lost if the worker or the
publication fails. (The official worker called ``writer.pub`` and then checked
for an error that an asynchronous call can never return, and its retry passed
too few arguments.)

Needs ``nsqd`` (not packaged by Debian: download the release for your platform
from https://nsq.io/deployment/installing.html and put ``nsqd`` on the PATH) and
``pip install pynsq``. ``celery_tasks.py`` is the same worker as a Celery task on Redis.

Run:
    nsqd --tcp-address=127.0.0.1:4150 --http-address=127.0.0.1:4151 &
    python 10_clusters/job_queue/nsq_worker.py --nsqd 127.0.0.1:4150
    curl -d 7 'http://127.0.0.1:4151/pub?topic=numbers'
"""

# book: 2nd ed. code, "nsq/nsq_worker.py"
import json
import math
from functools import partial

TOPIC, CHANNEL = "numbers", "worker_group_a"
DEFAULT_NSQD = "127.0.0.1:4150"
PRIME, NON_PRIME = "prime", "non_prime"


def is_prime(number):
    """True when ``number`` is prime (integer trial division; the book's said 1 and 2 wrongly)."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, math.isqrt(number) + 1, 2):
        if number % i == 0:
            return False
    return True


check_prime = is_prime  # the name chapters 09 and 10's Dask and Celery examples use


def write_message(topic, data, writer, message=None):
    """Publish ``data`` to ``topic``; ``message`` is finished once nsqd confirms it, else requeued.

    The book's version checked ``writer.pub``'s return value, but the call is
    asynchronous: the outcome only reaches a callback.
    """

    def published(connection, response):
        import nsq

        if isinstance(response, nsq.Error):
            print(f"Error with Message: {data}: {response}")
            if message is not None:
                message.requeue()  # try again later, here or on another worker
            return
        print("Published Message: ", data)
        if message is not None:
            message.finish()

    writer.pub(topic, data, callback=published)


def route(number):
    """(topic, JSON payload) of the answer for ``number``."""
    prime = is_prime(number)
    return (PRIME if prime else NON_PRIME), json.dumps({"number": number, "prime": prime})


def calculate_prime(message, writer):
    """The handler: ``{"number": n}`` (or a bare ``n``) in; the answer out to ``prime``/``non_prime``."""
    message.enable_async()  # finished by write_message once the publication is confirmed
    try:
        data = json.loads(message.body)
        number = data["number"] if isinstance(data, dict) else data
        if not isinstance(number, int):
            raise ValueError(number)
    except (ValueError, KeyError, TypeError):
        message.finish()  # a payload that can never succeed: drop it, do not loop
        return
    topic, output_message = route(number)
    write_message(topic, output_message.encode("utf8"), writer, message)


def run_worker(nsqd=DEFAULT_NSQD, max_messages=0):
    """Answer the numbers on ``TOPIC`` until interrupted, or until ``max_messages`` are answered."""
    import nsq

    writer = nsq.Writer([nsqd])
    handler = partial(calculate_prime, writer=writer)
    # book: end
    from _job_queue_family import stop_after  # ours: with max_messages, stop after that many and say so

    handler = stop_after(handler, max_messages, lambda: (reader.close(), writer.io_loop.stop()))
    # book: 2nd ed. code, "nsq/nsq_worker.py" (continued)
    reader = nsq.Reader(
        message_handler=handler,
        nsqd_tcp_addresses=[nsqd],
        topic=TOPIC,
        channel=CHANNEL,
        max_in_flight=10,
    )
    print(f"worker waiting on topic {TOPIC!r}, channel {CHANNEL!r}", flush=True)
    nsq.run()
    # book: end


def main(argv=None):
    from _job_queue_family import nsq_main

    nsq_main(__doc__, run_worker, DEFAULT_NSQD, argv)


if __name__ == "__main__":
    main()
