"""The queue version of prime finding, with the jobs fed by a background thread.

Chapter 9, "Asynchronously adding jobs to the Queue": a thread in the parent
puts the candidates (then the poison pills) on the job queue while the main
thread already reads results, so the workers start on the first numbers while
the rest are still being queued. The answer and the protocol are those of
``primes_queue.py``.

Run:
    python primes_queue_jobs_feeder_thread.py 4 --range A
"""

# book: 2nd ed. code, "primes_queue_jobs_feeder_thread.py"
import multiprocessing
import threading

import primes_queue
from primes_queue import FLAG_ALL_DONE, FLAG_WORKER_FINISHED_PROCESSING, collect_results, make_queues


def check_prime(possible_primes_queue, definite_primes_queue):
    """The worker: test candidates until the poison pill, put the primes on the results queue.

    The number test is ``primes_queue.check_prime`` (exact integer trial division; the
    official one used ``math.sqrt``).
    """
    while True:
        n = possible_primes_queue.get()
        if n == FLAG_ALL_DONE:
            # flag that our results have all been pushed to the results queue
            definite_primes_queue.put(FLAG_WORKER_FINISHED_PROCESSING)
            break
        if primes_queue.check_prime(n):
            definite_primes_queue.put(n)


def feed_new_jobs(number_range, possible_primes_queue, nbr_poison_pills):
    """Run in a thread: put every candidate on the job queue, then one poison pill per worker."""
    for possible_prime in number_range:
        possible_primes_queue.put(possible_prime)
    # add poison pills to stop the remote workers
    for n in range(nbr_poison_pills):
        possible_primes_queue.put(FLAG_ALL_DONE)


def find_primes(numbers, nbr_workers, kind="manager", start_method=None):
    context = multiprocessing.get_context(start_method)
    job_queue, results_queue, manager = make_queues(context, kind)
    try:
        processes = [
            context.Process(target=check_prime, args=(job_queue, results_queue)) for _ in range(nbr_workers)
        ]
        for process in processes:
            process.start()
        feeder = threading.Thread(target=feed_new_jobs, args=(numbers, job_queue, nbr_workers))
        feeder.start()
        primes = collect_results(results_queue, nbr_workers, processes)
        feeder.join()
        for process in processes:
            process.join()
    finally:
        if manager is not None:
            manager.shutdown()
    return sorted(primes)


# book: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv)


if __name__ == "__main__":
    main()
