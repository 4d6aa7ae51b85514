"""Find the primes in a range serially: the baseline for the pool and queue versions.

Chapter 9, "Finding Prime Numbers": ``check_prime`` tries every odd factor up
to sqrt(n). The book's range C, [100,000,000, 101,000,000), holds 54,208
primes (the book: 16-24 s serially); A 551, B 5,411, D 4,832, E 4,019 (E takes
the book about 55 s serially).

Run:
    python primes.py              # range C
    python primes.py --range A
"""

# book: 2nd ed. code, "prime_generation/primes.py"
import math


def check_prime(n):
    """True when ``n`` is prime: trial division by the odd numbers up to sqrt(n).

    ``math.isqrt`` keeps it exact for any ``n`` (the book's ``math.sqrt`` float
    is wrong above 2**53), and 2 is prime.
    """
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    from_i = 3
    to_i = math.isqrt(n) + 1
    for i in range(from_i, to_i, 2):
        if n % i == 0:
            return False
    return True


def find_primes(start, stop):
    return [n for n in range(start, stop) if check_prime(n)]


# book: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv)


if __name__ == "__main__":
    main()
