# cython: language_level=3, boundscheck=False, wraparound=False
"""check_prime_exact compiled by Cython with C integer types.

The same trial division as ``check_prime.py``'s ``check_prime_exact``, on
64-bit C integers instead of Python ints. It is built in place by
``pip install -e .`` (see setup.py) and used by the chapter's benchmark.
"""

# taught: "Python's virtual machine" (chapter 1): Cython compiles Python code, with "hints" to the
# compiler (C integer types) as to how dynamic the code actually is
from libc.math cimport sqrt


def check_prime_cy(unsigned long long number):
    """True when ``number`` is prime (exact for every 64-bit unsigned integer)."""
    cdef unsigned long long i, limit
    if number < 2:
        return False
    limit = <unsigned long long> sqrt(<double> number)
    # sqrt in floating point can be off by one near 2**64; correct the limit.
    while limit * limit > number:
        limit -= 1
    while (limit + 1) * (limit + 1) <= number:
        limit += 1
    i = 2
    while i <= limit:
        if number % i == 0:
            return False
        i += 1
    return True
# taught: end
