"""Find the primes in a range with concurrent.futures: chunks submitted to processes or threads.

Chapter 9, "An Overview of the multiprocessing Module": the book names
``concurrent.futures`` ("introduced in Python 3.2") as the simpler interface
to the pools of ``primes_pool.py``. The numbers travel in chunks of
``--chunksize``, one future per chunk (``executor.submit``), and the answers
come back in order (``future.result()``) for ``itertools.compress``, as
``Pool.map`` gives them. ``ProcessPoolExecutor`` checks the chunks in worker
processes, in parallel; ``--pool threads`` swaps in a ``ThreadPoolExecutor``: the
same calls, but its threads take turns on one GIL, so no faster than
``primes.py``. (``ThreadPoolExecutor.map`` ignores a ``chunksize``: one future
per number, a few kB each, so the chunks are made here for both.)

Run:
    python primes_pool_futures.py --workers 4               # processes, range C
    python primes_pool_futures.py --range A --pool threads
"""

# taught: 1st ed., "An Overview of the multiprocessing Module": concurrent.futures, threads or processes
import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from primes_pool import check_prime


def check_primes(numbers):
    """One task: ``check_prime`` of every number of a chunk, in order."""
    return [check_prime(n) for n in numbers]


def find_primes(number_range, nbr_workers=4, chunksize=1000, processes=True, start_method=None):
    """The primes among ``number_range`` (in its order): one future per chunk of ``chunksize`` numbers."""
    number_range = list(number_range)
    if processes:
        context = multiprocessing.get_context(start_method)
        executor = ProcessPoolExecutor(max_workers=nbr_workers, mp_context=context)
    else:
        executor = ThreadPoolExecutor(max_workers=nbr_workers)
    chunks = [number_range[i : i + chunksize] for i in range(0, len(number_range), chunksize)]
    with executor:
        futures = [executor.submit(check_primes, chunk) for chunk in chunks]
        are_primes = itertools.chain.from_iterable(future.result() for future in futures)
        return list(itertools.compress(number_range, are_primes))


# taught: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv)


if __name__ == "__main__":
    main()
