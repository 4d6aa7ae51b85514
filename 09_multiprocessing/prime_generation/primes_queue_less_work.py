"""The queue version of prime finding, sending only the odd candidates.

Chapter 9, "Queues of Work": half the candidates are even and cost nothing to
reject, but each still costs a round trip through the queues. Queuing only the
odd numbers halves the messages for the same primes (the range's even numbers
above 2 are never prime).

Run:
    python primes_queue_less_work.py 4 --range A
"""

# book: 2nd ed. code, "primes_queue_less_work.py"
from primes_queue import find_primes


def odd_candidates(start, stop):
    """The numbers of [start, stop) that can be prime: the odd ones, and 2 when it is there."""
    first_odd = start if start % 2 else start + 1
    candidates = range(first_odd, stop, 2)
    return [2, *candidates] if start <= 2 < stop else candidates


# book: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv, candidates=odd_candidates)


if __name__ == "__main__":
    main()
