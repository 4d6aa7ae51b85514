"""A gevent crawl server for the benchmark: monkey-patched in its own process.

gevent's monkey-patching must not touch the benchmark's process, and starting
a fresh interpreter for every timed crawl would time the interpreter's start.
So the benchmark starts this worker once; it patches its sockets, then reads
one JSON job per line on stdin (``{"urls": [...], "concurrency": 100,
"timeout": 10}``) and answers one JSON line on stdout (``{"bodies": [...]}``
or ``{"error": "..."}``), until stdin closes.
"""

from gevent import monkey

monkey.patch_socket()

import json  # noqa: E402
import sys  # noqa: E402

from gevent_crawler import crawl  # noqa: E402


def serve(stdin=sys.stdin, stdout=sys.stdout):
    for line in stdin:
        job = json.loads(line)
        try:
            answer = {"bodies": crawl(job["urls"], job["concurrency"], job["timeout"])}
        except Exception as error:
            answer = {"error": f"{type(error).__name__}: {error}"}
        stdout.write(json.dumps(answer) + "\n")
        stdout.flush()


if __name__ == "__main__":
    serve()
