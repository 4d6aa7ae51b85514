"""The book's NSQ worker: numbers in, primes and non-primes out (book chapter 10, "NSQ for Robust Production Clustering").

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
``pip install pynsq``. ``redis_worker.py`` is the same worker on Redis streams.

Run:
    nsqd --tcp-address=127.0.0.1:4150 --http-address=127.0.0.1:4151 &
    python 10_clusters/job_queue/nsq_worker.py --nsqd 127.0.0.1:4150
    curl -d 7 'http://127.0.0.1:4151/pub?topic=numbers'
"""

import functools
import json
import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _clusters_common import check_prime  # noqa: E402
from hpp.script import example_parser, fail, non_negative_int  # noqa: E402

REQUIRES = ("nsq",)
SMOKE_ARGS = None  # a long-running worker: tests/test_10_clusters.py runs it when nsqd exists

TOPIC, CHANNEL = "numbers", "worker_group_a"
PRIME, NON_PRIME = "prime", "non_prime"


def route(number):
    """(topic, JSON payload) of the answer for ``number``."""
    is_prime = check_prime(number)
    return (PRIME if is_prime else NON_PRIME), json.dumps({"number": number, "prime": is_prime})


class NsqPrimeWorker:
    def __init__(self, nsqd_address, max_messages=0):
        import nsq

        self.max_messages, self.done = max_messages, 0
        self.writer = nsq.Writer([nsqd_address])
        self.reader = nsq.Reader(topic=TOPIC, channel=CHANNEL, message_handler=self.handle,
                                 nsqd_tcp_addresses=[nsqd_address], max_in_flight=10)

    def handle(self, message):
        message.enable_async()  # we answer once nsqd has confirmed the publication
        try:
            number = int(message.body)
        except ValueError:
            message.finish()  # a payload that can never succeed: drop it, do not loop
            return
        topic, payload = route(number)
        self.writer.pub(topic, payload.encode(), callback=functools.partial(self.published, message))

    def published(self, message, connection, data):
        import nsq

        if isinstance(data, nsq.Error):
            message.requeue()  # try again later (here or on another worker)
            return
        message.finish()
        self.done += 1
        if self.max_messages and self.done >= self.max_messages:
            self.reader.close()
            self.writer.io_loop.stop()


def reachable(address, timeout=5):
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--nsqd", default="127.0.0.1:4150", help="nsqd TCP address HOST:PORT")
    parser.add_argument("--max-messages", type=non_negative_int, default=0,
                        help="stop after answering this many (0: run until interrupted)")
    args = parser.parse_args(argv)
    if not reachable(args.nsqd):
        fail(f"cannot reach nsqd at {args.nsqd} (start nsqd, see --help)")

    import nsq

    worker = NsqPrimeWorker(args.nsqd, args.max_messages)
    print(f"worker waiting on topic {TOPIC!r}, channel {CHANNEL!r}", flush=True)
    nsq.run()
    print(f"answered = {worker.done}")


if __name__ == "__main__":
    main()
