"""How many requests to keep in flight? A sweep of the concurrency limit against the delay.

Chapter 8 ("Asynchronous I/O"): too few requests in flight leave the I/O wait
unused, too many cost sockets and context switches. This sweep crawls
``--requests`` URLs with aiohttp, its connection pool limited to each value of
``--limits`` in turn, for each server delay in ``--delays-ms``, and records the
wall time. With limit 1 the crawl is serial (requests x delay); the time falls
as about 1/limit until the client, not the server, is the bottleneck. The
book (500 requests, limits 1 to 476): 50 ms delay, 25.7 s at limit 1 and
0.35 s at best; 800 ms delay, 401 s at limit 1 and 1.72 s at best.

The sweep fetches each body (to check that every response arrived once); the
official code's own helpers are here too: ``process`` (aiohttp, the 3rd
edition: the body's length) and ``download`` with ``chunked_requests`` (gevent,
the 2nd edition: a semaphore caps the downloads in flight).

Results go to ``parallel_requests.json`` and ``parallel_requests.png`` in the
output folder (``--output-dir``, else ``$HPP_OUTPUT_DIR``, else
``results/08_concurrency``).

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/parallel_requests.py        # the book's sweep: long (about 20 min)
    python 08_concurrency/crawler/parallel_requests.py --requests 100 --delays-ms 20 100 --limits 1 10 50 100
"""

# book: 3rd ed. code, "parallel_requests.py" (aiohttp)
import asyncio
import time
import urllib.request
from contextlib import closing

import aiohttp


async def process(session, url):
    """GET ``url`` in ``session``: the length of the body (0, with a message, on a timeout)."""
    try:
        async with session.get(url) as response:
            return len(await response.text())
    except TimeoutError:
        print("Timeout Error with request:", url)
        return 0


# book: end


# book: 2nd ed. code, "parallel_requests.py" (gevent: concurrent once sockets are monkey-patched)
def download(url, semaphore, timeout=10.0):
    """GET ``url`` while holding ``semaphore``: the body's bytes.

    The official version retried forever on any error; here an error ends the
    greenlet, and the caller finds it in the greenlet's ``exception``.
    """
    with semaphore, closing(urllib.request.urlopen(url, timeout=timeout)) as data:
        return data.read()


def chunked_requests(urls, chunk_size=100, timeout=10.0):
    """A greenlet per URL, at most ``chunk_size`` downloading at once; yields each as it finishes.

    The downloads overlap only in a process whose sockets gevent has patched
    (``gevent.monkey.patch_socket()``, as gevent_crawler.py does); elsewhere
    they run one after the other, with the same results.
    """
    import gevent
    from gevent.lock import Semaphore

    semaphore = Semaphore(chunk_size)
    requests = [gevent.spawn(download, url, semaphore, timeout) for url in urls]
    yield from gevent.iwait(requests)


# book: end


# book: 3rd ed. code, "parallel_requests.py" (the sweep of concurrency limits, aiohttp)
async def fetch(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.text()


async def crawl(urls, limit, timeout=10.0):
    """Fetch every URL through a pool of at most ``limit`` connections."""
    # Per-socket timeouts: a request waiting for a free connection is not timed out.
    client_timeout = aiohttp.ClientTimeout(total=None, sock_connect=timeout, sock_read=timeout)
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(session, url)) for url in urls]
    return [task.result() for task in tasks]


def sweep(base_url, num_iter, delays, limits, timeout=10.0, progress=print):
    """``{delay: {limit: seconds}}``, each crawl checked for every response once."""
    results = {}
    for delay in delays:
        results[delay] = {}
        for limit in limits:
            names = [f"{delay}-{limit}-{i}" for i in range(num_iter)]
            urls = [f"{base_url}/add?name={name}&delay={delay}" for name in names]
            start = time.perf_counter()
            bodies = asyncio.run(crawl(urls, limit, timeout))
            elapsed = time.perf_counter() - start
            if bodies != names:  # the server echoes each name: every response, once, in order
                raise RuntimeError(f"responses missing or repeated at delay {delay}, limit {limit}")
            results[delay][limit] = elapsed
            progress(f"delay {delay} ms, limit {limit}: {elapsed:.3f} s")
    return results


def plot(results, num_iter, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    for delay, times in results.items():
        limits = sorted(times)
        ax.plot(limits, [times[limit] for limit in limits], marker="o", label=f"{delay} ms delay")
    ax.set_yscale("log")
    ax.set_xlabel("concurrency limit (connections in flight)")
    ax.set_ylabel("wall time (s)")
    ax.set_title(f"{num_iter} requests: time against the concurrency limit")
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _crawler_common import sweep_main

    sweep_main(__doc__, sweep, plot, argv)


if __name__ == "__main__":
    main()
