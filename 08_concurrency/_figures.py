"""The chapter's figures that code can draw (``hpp figures``).

The book's figure numbers for this chapter are not in our reference texts, so each
figure is listed by chapter alone (``fig-CC-SLUG.png``); the slugs are the stable names.
Each is measured here against a local server.py.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="8",
        slug="crawler-chronologies",
        script="crawler/visualize.py",
        args=["--requests", "200", "--delay-ms", "50", "--concurrency", "50"],
        output="crawler_timelines.png",
        caption="Chronology of the HTTP requests of each crawler: a staircase for the serial "
        "crawler, blocks of concurrent requests for gevent, Tornado, asyncio and callbacks",
    ),
    Figure(
        number="8",
        slug="concurrent-requests",
        script="crawler/parallel_requests.py",
        args=["--requests", "100", "--delays-ms", "20", "50", "--limits", "1", "5", "10", "25", "50", "100"],
        output="parallel_requests.png",
        caption="Finding the right number of concurrent requests: time falls as 1/limit until "
        "the client is the bottleneck",
    ),
    Figure(
        number="8",
        slug="workload-callgraph",
        script="workload.py",
        args=["--items", "40", "--difficulty", "8", "--delay-ms", "100", "--modes", "no-io", "--callgraph"],
        output="workload_callgraph.png",
        caption="The CPU work (bcrypt) and the I/O (saves) of the asynchronous workload: the "
        "saves hide behind the hashing",
    ),
]
