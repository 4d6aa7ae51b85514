"""The driver of ``morris_counter.py``: its flags, the events counted and the result lines."""

import statistics
import sys

from hpp.script import example_parser, non_negative_int, positive_int


def count_events(counter_class, doc, argv=None):
    """Add ``--events`` events to each of ``--trials`` one-byte counters; print their bytes and mean."""
    parser = example_parser(doc)
    parser.add_argument("--trials", type=positive_int, default=1000, help="counters, one byte each")
    parser.add_argument("--events", type=positive_int, default=10_000, help="events added to every counter")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    args = parser.parse_args(argv)
    nbr_counters, events = args.trials, args.events
    counters = counter_class(nbr_counters=nbr_counters, seed=args.seed)
    for index in range(nbr_counters):
        for _ in range(events):
            counters.add(index)
    mean = statistics.fmean(counters.get(index) for index in range(nbr_counters))
    print(f"counters = {nbr_counters}, events each = {events}")
    print(
        f"bytes for the exponents = {counters.exponents.itemsize * len(counters)} "
        f"(sys.getsizeof of the array = {sys.getsizeof(counters.exponents)})"
    )
    print(f"mean of the counters = {mean:.1f}")
    print(f"relative error of the mean = {(mean - events) / events:+.2%}")
    return counters


def morris_figure(draw, doc, argv=None):
    """``show_morris_counter.py``: ``--trials`` counters counting to ``--max-count``, drawn by ``draw``."""
    from hpp.script import output_dir, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--max-count", type=positive_int, default=100_000)
    parser.add_argument("--trials", type=positive_int, default=3)
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for morris_counter.png")
    args = parser.parse_args(argv)
    return draw(args.max_count, args.trials, args.seed, output_dir("11_less_ram", args.output_dir))
