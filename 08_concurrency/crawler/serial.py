"""The serial crawler: one request after another, each waiting for its answer.

Chapter 8 ("Asynchronous I/O"), the first crawler: a ``requests.Session``
fetches every URL in turn. Each request spends almost all its time in I/O
wait, so the crawl takes about requests x delay: 1000 x 100 ms = 100 s in the
book, which measured 102.7 s. Every concurrent crawler in this folder is
compared with it.

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/serial.py                          # the book: 1000 x 100 ms, ~100 s
    python 08_concurrency/crawler/serial.py --requests 50 --delay 20
    python 08_concurrency/crawler/serial.py --url http://127.0.0.1:8080
"""

import requests

from _crawler_common import add_crawler_arguments, run_crawler
from hpp.script import example_parser

SMOKE_ARGS = ["--requests", "20", "--delay", "10"]


def fetch(session, url, timeout=10.0):
    response = session.get(url, timeout=timeout)
    response.raise_for_status()
    return response.text


def run_experiment(urls, timeout=10.0):
    """Fetch every URL in order; returns the response bodies."""
    with requests.Session() as session:
        return [fetch(session, url, timeout) for url in urls]


def main(argv=None):
    parser = example_parser(__doc__)
    add_crawler_arguments(parser, concurrency=False)
    args = parser.parse_args(argv)
    run_crawler("serial.py", args, lambda urls, args: run_experiment(urls, args.timeout),
                concurrency=False)


if __name__ == "__main__":
    main()
