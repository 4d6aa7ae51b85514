"""The serial crawler: one request after another, each waiting for its answer.

Chapter 8 ("Asynchronous I/O"), the first crawler: a ``requests.Session``
fetches every URL in turn. Each request spends almost all its time in I/O
wait, so the crawl takes about requests x delay: 1000 x 100 ms = 100 s in the
book, which measured 102.7 s. Every concurrent crawler in this folder is
compared with it.

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/serial.py                          # the book: 1000 x 100 ms, ~100 s
    python 08_concurrency/crawler/serial.py --requests 50 --delay-ms 20
    python 08_concurrency/crawler/serial.py --url http://127.0.0.1:8080
"""

# book: 3rd ed. code, "crawler/serial/crawler.py"
import random
import string

import requests


def generate_urls(base_url, num_urls):
    """The book's: random letters at the end of each URL defeat any caching (here they are the name)."""
    for i in range(num_urls):
        yield base_url + "".join(random.sample(string.ascii_lowercase, 10))


def fetch(session, url, timeout=10.0):
    response = session.get(url, timeout=timeout)
    response.raise_for_status()
    return response.text


def crawl(urls, timeout=10.0):
    """Fetch every URL in order; returns the response bodies."""
    with requests.Session() as session:
        return [fetch(session, url, timeout) for url in urls]


def run_experiment(base_url, num_iter=1000, timeout=10.0):
    """The book's: fetch ``num_iter`` URLs one after the other; returns the responses counted."""
    urls = list(generate_urls(base_url, num_iter))
    return len(crawl(urls, timeout))


# book: end


def main(argv=None):
    from _crawler_common import crawl_main

    crawl_main(__doc__, generate_urls, crawl, argv)


if __name__ == "__main__":
    main()
