"""The queue version of prime finding, with the jobs fed by a background thread.

Chapter 9, "Asynchronously adding jobs to the Queue": a thread in the parent
puts the candidates (then the poison pills) on the job queue while the main
thread already reads results, so the workers start on the first numbers while
the rest are still being queued. The answer and the protocol are those of
``primes_queue.py``.

Run:
    python primes_queue_jobs_feeder_thread.py 4 --range A
"""

import multiprocessing
import threading
import time

from primes_queue import FLAG_ALL_DONE, check_prime_worker, collect_results, make_queues

SMOKE_ARGS = ["--range", "A", "--workers", "2"]


def feed_the_workers(job_queue, numbers, nbr_workers):
    for candidate in numbers:
        job_queue.put(candidate)
    for _ in range(nbr_workers):
        job_queue.put(FLAG_ALL_DONE)


def find_primes(numbers, nbr_workers, kind="manager", start_method=None):
    context = multiprocessing.get_context(start_method)
    job_queue, results_queue, manager = make_queues(context, kind)
    try:
        processes = [
            context.Process(target=check_prime_worker, args=(job_queue, results_queue))
            for _ in range(nbr_workers)
        ]
        for process in processes:
            process.start()
        feeder = threading.Thread(target=feed_the_workers, args=(job_queue, numbers, nbr_workers))
        feeder.start()
        primes = collect_results(results_queue, nbr_workers, processes)
        feeder.join()
        for process in processes:
            process.join()
    finally:
        if manager is not None:
            manager.shutdown()
    return sorted(primes)


def main(argv=None):
    from _prime_generation_common import add_range_arguments, add_start_method_argument, chosen_range, report

    from hpp.script import example_parser, positive_int

    parser = example_parser(__doc__)
    add_range_arguments(parser)
    parser.add_argument(
        "nbr_workers",
        nargs="?",
        type=positive_int,
        default=None,
        help="worker processes (the book's argument)",
    )
    parser.add_argument(
        "--workers", type=positive_int, default=4, help="worker processes when nbr_workers is not given"
    )
    parser.add_argument(
        "--queue",
        choices=("manager", "multiprocessing"),
        default="manager",
        help="Manager().Queue() as in the book, or multiprocessing.Queue",
    )
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)
    t0 = time.perf_counter()
    primes = find_primes(range(start, stop), args.nbr_workers or args.workers, args.queue, args.start_method)
    report(primes, start, stop, expected, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
