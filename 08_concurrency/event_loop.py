"""The book's toy event loop: a queue of functions, run one after another.

Chapter 8 ("Asynchronous I/O"), "Introduction to Asynchronous Programming": an
event loop is "simply a list of functions that need to be run". ``do_hello``
prints Hello and puts ``do_world`` on the queue; ``do_world`` prints world and
puts ``do_hello`` back. ``eventloop.put(do_world)`` stands for a non-blocking
call: it returns at once, and ``do_world`` runs later.

The book's loop runs forever; here ``start`` takes a step limit (``--steps``)
so that the example ends.

Run:
    python 08_concurrency/event_loop.py              # Hello, world, Hello, ... 10 steps
    python 08_concurrency/event_loop.py --steps 4
"""

# book: 2nd ed., "Introduction to Asynchronous Programming" (the event loop)
from queue import Queue

eventloop = None


class EventLoop(Queue):
    def start(self, steps=None):
        """Run queued functions in order; the book's loop has no ``steps`` and never ends."""
        done = 0
        while steps is None or done < steps:
            function = self.get()
            function()
            done += 1


def do_hello():
    global eventloop
    print("Hello")
    eventloop.put(do_world)


def do_world():
    global eventloop
    print("world")
    eventloop.put(do_hello)


def run_event_loop(steps=None):
    """The book's ``__main__``: a new loop, ``do_hello`` queued, then ``start`` (``steps`` functions)."""
    global eventloop
    eventloop = EventLoop()
    eventloop.put(do_hello)
    eventloop.start(steps)


# book: end


def main(argv=None):
    from _concurrency_family import event_loop_main

    event_loop_main(__doc__, run_event_loop, argv)


if __name__ == "__main__":
    main()
