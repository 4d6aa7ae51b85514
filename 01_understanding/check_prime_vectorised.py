"""check_prime, checking V candidate factors at once, in NumPy.

The book sketches a "vectorised" check_prime (not valid Python) to explain
SIMD: instead of one division per step, divide by V candidates together and
ask whether any divides exactly. Here it is for real with NumPy: each step
takes a block of V candidate factors as an int64 array, computes
``number % block`` in one call, and stops at the first block with a zero.
Integer arithmetic, so it is exact (for numbers below 2**63).

Run:
    python 01_understanding/check_prime_vectorised.py --candidate 10000019 --vector-size 8
"""

# taught: the book's vectorised check_prime(number, V=8), made valid: V factors per step
import math

import numpy as np


def check_prime_vectorised(number, vector_size=8):
    """True when ``number`` is prime, testing ``vector_size`` factors per step."""
    if number < 2:
        return False
    candidates = np.arange(2, math.isqrt(number) + 1, dtype=np.int64)
    for start in range(0, len(candidates), vector_size):
        block = candidates[start : start + vector_size]
        if np.any(number % block == 0):
            return False
    return True


# taught: end


def main(argv=None):
    from _check_prime_family import run_check_prime_vectorised

    run_check_prime_vectorised(__doc__, check_prime_vectorised, argv)


if __name__ == "__main__":
    main()
