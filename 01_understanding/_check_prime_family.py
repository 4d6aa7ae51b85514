"""The driver of the ``check_prime`` family: flags, timing and result lines.

Not a book example: ``check_prime.py`` and ``check_prime_vectorised.py`` hold the book's
loop, the exact fix and the vectorised version; this module parses ``--candidate``, times
each version on it and prints one line per answer.
"""

import time

FIRST_PRIME_ABOVE_2_POW_53 = 9_007_199_254_740_997


def show(function, candidate):
    """Print ``function(candidate) = answer    (seconds)``; return the answer."""
    start = time.perf_counter()
    answer = function(candidate)
    elapsed = time.perf_counter() - start
    print(f"{function.__name__}({candidate}) = {answer}    ({elapsed:.3f} s)")
    return answer


def compare_versions(check_prime, check_prime_exact, candidate):
    """Both versions on ``candidate``; a line when they disagree."""
    if show(check_prime, candidate) != show(check_prime_exact, candidate):
        print(
            f"The two versions disagree: the book's loop is wrong for {candidate} "
            f"(as a float it is {float(candidate):.1f})."
        )


def run_check_prime(doc, print_book_values, check_prime, check_prime_exact, argv=None):
    """``check_prime.py``: the book's two values and the 2**53 trap, or both versions on --candidate."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--candidate", type=positive_int, help="check this number with both versions instead")
    candidate = parser.parse_args(argv).candidate
    if candidate is not None:
        compare_versions(check_prime, check_prime_exact, candidate)
        return
    print_book_values()
    print()
    number = FIRST_PRIME_ABOVE_2_POW_53
    print(f"The first prime above 2**53 = {2**53} is {number}; as a float it becomes {float(number):.1f}.")
    compare_versions(check_prime, check_prime_exact, number)


def run_check_prime_vectorised(doc, check_prime_vectorised, argv=None):
    """``check_prime_vectorised.py``: --candidate and --vector-size, one result line."""
    from hpp.script import example_parser, fail, positive_int

    parser = example_parser(doc)
    parser.add_argument("--candidate", type=positive_int, default=10_000_019, help="the number to test")
    parser.add_argument("--vector-size", type=positive_int, default=8, help="factors per step (the book's V)")
    args = parser.parse_args(argv)
    if args.candidate >= 2**63:
        fail("--candidate must be below 2**63 (NumPy int64)")
    answer = check_prime_vectorised(args.candidate, args.vector_size)
    print(f"check_prime_vectorised({args.candidate}, V={args.vector_size}) = {answer}")
