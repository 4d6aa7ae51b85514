"""The gevent crawler: plain blocking urllib calls, made concurrent by monkey-patching.

Chapter 8 ("Asynchronous I/O"), the gevent section. ``monkey.patch_socket()``
replaces the standard library's sockets with gevent's cooperative ones, so the
ordinary, blocking ``urllib.request.urlopen`` yields to gevent's event loop
whenever it waits. Each download runs in a greenlet; a ``Semaphore(100)``
caps how many are in flight, and ``gevent.joinall`` waits for them all. The
code looks serial; the book: 1000 x 100 ms in 1.14 s.

The patch is made in ``main()``, in this script's own process, before the
first request: importing this file patches nothing.

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/gevent_crawler.py                  # the book: 1000 x 100 ms
    python 08_concurrency/crawler/gevent_crawler.py --requests 50 --delay-ms 20 --concurrency 10
"""

# book: 2nd ed. code, "cralwer/gevent/crawler.py"
import random
import string
import urllib.request

import gevent
from gevent import monkey
from gevent.lock import Semaphore


def generate_urls(base_url, num_urls):
    """The book's: random letters at the end of each URL defeat any caching (here they are the name)."""
    for i in range(num_urls):
        yield base_url + "".join(random.sample(string.ascii_lowercase, 10))


def download(url, semaphore, timeout=10.0):
    with semaphore:  # only `concurrency` greenlets get past here at once
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode()


def chunked_requests(urls, chunk_size=100, timeout=10.0):
    """One greenlet per URL, at most ``chunk_size`` downloading at once."""
    semaphore = Semaphore(chunk_size)
    return [gevent.spawn(download, url, semaphore, timeout) for url in urls]


def crawl(urls, concurrency=100, timeout=10.0):
    """Fetch every URL; returns the bodies in URL order (needs the socket patch)."""
    if not monkey.is_module_patched("socket"):
        raise RuntimeError("call gevent.monkey.patch_socket() first, in this process")
    requests = chunked_requests(urls, concurrency, timeout)
    gevent.joinall(requests)
    for greenlet in requests:
        if not greenlet.successful():
            raise greenlet.exception
    return [greenlet.value for greenlet in requests]


def run_experiment(base_url, num_iter=1000, concurrency=100, timeout=10.0):
    """The book's: ``num_iter`` URLs, ``concurrency`` greenlets at a time; returns the responses counted."""
    urls = list(generate_urls(base_url, num_iter))
    return len(crawl(urls, concurrency, timeout))


# book: end


def main(argv=None):
    from _crawler_common import crawl_main

    crawl_main(__doc__, generate_urls, crawl, argv, before=monkey.patch_socket)


if __name__ == "__main__":
    main()
