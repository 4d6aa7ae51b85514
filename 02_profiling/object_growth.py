"""Which objects grow between two points: the lesson of dowser and dozer, with `gc.get_objects()` (chapter 2).

The book names dowser and dozer for long-running programs such as web
servers: they sit beside the running code and show, type by type, how many
live objects there are and how the count moves, so a leak shows up as a type
that only ever grows. The core of both is a count of ``gc.get_objects()`` by
type, taken at two points and subtracted. This script does that around a
toy request handler that leaks (it keeps every ``Request`` in a module-level
history list) and one that does not, and prints the types that grew.

``gc.get_objects()`` sees the objects the garbage collector tracks:
containers and instances of classes, not ints, floats or strings (heapy,
``julia1_guppy.py``, sees those too).

Run:
    python 02_profiling/object_growth.py
    python 02_profiling/object_growth.py --requests 5000
"""

# taught: a handler that leaks, one that does not, and live objects counted by type between two points
import gc
from collections import Counter


class Request:
    def __init__(self, path, headers):
        self.path = path
        self.headers = headers


history = []  # the leak: every request is kept


def handle_leaky(number):
    request = Request(f"/page/{number}", {"accept": "text/html"})
    history.append(request)
    return len(request.path)


def handle(number):
    request = Request(f"/page/{number}", {"accept": "text/html"})
    return len(request.path)


def count_objects():
    """Live objects the garbage collector tracks, counted by type name."""
    gc.collect()
    return Counter(type(obj).__name__ for obj in gc.get_objects())


def growth(handler, requests):
    """``{type: growth}`` of the live objects over ``requests`` calls of ``handler`` (types that grew)."""
    before = count_objects()
    for number in range(requests):
        handler(number)
    after = count_objects()
    after.subtract(before)
    return {name: count for name, count in after.most_common() if count > 0}


# taught: end


def main(argv=None):
    from _profiling_tools import run_object_growth

    run_object_growth(__doc__, handle, handle_leaky, growth, argv)


if __name__ == "__main__":
    main()
