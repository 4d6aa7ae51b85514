"""Check the book's five numbers for primality serially: the baseline of prime validation.

Chapter 9, "Verifying Primes Using Interprocess Communication": trial division
by every odd number up to sqrt(n). 112272535095295 is divisible by 5 and is
rejected at once; 100109100129100369 and 100109100129101027 have no factor
below 9.5e7 and 1.7e8; the primes 100109100129100151 and 100109100129162907
need all 1.6e8 odd divisions (the book: 8.3 s each in the 3rd edition, 16.3 s in
the 2nd; pure Python here may take longer). ``--size small`` checks five numbers of the
same kinds around 1e14 in a fraction of a second each.

Run:
    python 09_multiprocessing/prime_validation/primes.py               # the book's five (a minute)
    python 09_multiprocessing/prime_validation/primes.py --size small
"""

from _prime_validation_common import add_arguments, chosen_numbers, run_numbers
from _prime_validation_workers import check_prime
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "small"]


def main(argv=None):
    parser = example_parser(__doc__)
    add_arguments(parser, workers=False)
    args = parser.parse_args(argv)
    run_numbers(check_prime, chosen_numbers(args))


if __name__ == "__main__":
    main()
