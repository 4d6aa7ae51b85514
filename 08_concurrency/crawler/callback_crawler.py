"""The callback crawler: an event loop driven by callbacks alone, no coroutines.

Chapter 8 ("Asynchronous I/O"), "Introduction to Asynchronous Programming":
the 2nd edition explains that event-loop code takes one of two forms,
callbacks or futures, and that long chains of callbacks become "callback
hell". This crawler is the callback form, written with ``asyncio``'s
low-level primitives: a ``Protocol`` whose methods the loop calls when the
connection opens, data arrives and the connection closes; ``call_later`` for
the timeout; and a finished request's callback starting the next one. Nothing
here ``await``s. Compare it with ``aiohttp_crawler.py``, which does the same
in a dozen readable lines. (The book's 1st-edition ``tornado_callback``
crawler used ``fetch(callback=...)``, which Tornado 6 removed.)

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/callback_crawler.py                # 1000 x 100 ms
    python 08_concurrency/crawler/callback_crawler.py --requests 50 --delay-ms 20 --concurrency 10
"""

# taught: 2nd ed., "Introduction to Asynchronous Programming": callbacks, each calling the next
import asyncio
import random
import string
from urllib.parse import urlsplit


def generate_urls(base_url, num_urls):
    """The book's: random letters at the end of each URL defeat any caching (here they are the name)."""
    for i in range(num_urls):
        yield base_url + "".join(random.sample(string.ascii_lowercase, 10))


class HTTPGet(asyncio.Protocol):
    """One HTTP/1.0 GET; calls ``on_done(body, error)`` exactly once."""

    def __init__(self, request, on_done):
        self.request = request
        self.on_done = on_done
        self.chunks = []
        self.transport = None

    def connection_made(self, transport):  # called by the loop when connected
        self.transport = transport
        transport.write(self.request)

    def data_received(self, data):  # called by the loop for each piece of the answer
        self.chunks.append(data)

    def connection_lost(self, error):  # called by the loop when the server closes
        answer = b"".join(self.chunks)
        head, _, body = answer.partition(b"\r\n\r\n")
        status = head.split(b"\r\n", 1)[0]
        if error is None and not status.startswith((b"HTTP/1.0 200", b"HTTP/1.1 200")):
            error = ConnectionError(f"bad answer: {status.decode(errors='replace') or 'empty'}")
        self.on_done(body.decode(errors="replace"), error)


def fetch(loop, url, timeout, callback):
    """Start fetching ``url``; ``callback(body, error)`` is called once, later."""
    parts = urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    request = (f"GET {path} HTTP/1.0\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n").encode()
    state = {"done": False, "transport": None}

    def finish(body, error):
        if not state["done"]:
            state["done"] = True
            timer.cancel()
            callback(body, error)

    def on_timeout():
        if state["transport"] is not None:
            state["transport"].abort()
        finish(None, TimeoutError(f"no answer from {url} in {timeout:g} s"))

    def on_connected(future):
        if future.cancelled() or future.exception() is not None:
            finish(None, future.exception() or ConnectionError("connection cancelled"))
        else:
            state["transport"] = future.result()[0]

    timer = loop.call_later(timeout, on_timeout)
    connecting = asyncio.ensure_future(
        loop.create_connection(lambda: HTTPGet(request, finish), parts.hostname, parts.port or 80), loop=loop
    )
    connecting.add_done_callback(on_connected)


class CallbackCrawler:
    """Keeps ``concurrency`` fetches going; each finished one starts the next."""

    def __init__(self, loop, urls, concurrency, timeout):
        self.loop, self.urls = loop, urls
        self.concurrency, self.timeout = concurrency, timeout
        self.bodies = [None] * len(urls)
        self.next_index = self.finished = 0
        self.error = None

    def start(self):
        if not self.urls:
            self.loop.stop()
        for _ in range(min(self.concurrency, len(self.urls))):
            self.fetch_next()

    def fetch_next(self):
        index = self.next_index
        self.next_index += 1
        fetch(
            self.loop,
            self.urls[index],
            self.timeout,
            lambda body, error: self.on_response(index, body, error),
        )

    def on_response(self, index, body, error):
        if self.error is not None:
            return
        if error is not None:
            self.error = error
            self.loop.stop()
            return
        self.bodies[index] = body
        self.finished += 1
        if self.finished == len(self.urls):
            self.loop.stop()
        elif self.next_index < len(self.urls):
            self.fetch_next()


def crawl(urls, concurrency=100, timeout=10.0):
    """Run the callback crawler on a fresh event loop; returns the bodies in URL order."""
    loop = asyncio.new_event_loop()
    try:
        crawler = CallbackCrawler(loop, urls, concurrency, timeout)
        loop.call_soon(crawler.start)
        loop.run_forever()
        for task in asyncio.all_tasks(loop):  # connections still opening after an error
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
    finally:
        loop.close()
    if crawler.error is not None:
        raise crawler.error
    return crawler.bodies


def run_experiment(base_url, num_iter=1000, concurrency=100, timeout=10.0):
    """``num_iter`` URLs, ``concurrency`` at a time, by callbacks; returns the responses counted."""
    urls = list(generate_urls(base_url, num_iter))
    return len(crawl(urls, concurrency, timeout))


# taught: end


def main(argv=None):
    from _crawler_common import crawl_main

    crawl_main(__doc__, generate_urls, crawl, argv)


if __name__ == "__main__":
    main()
