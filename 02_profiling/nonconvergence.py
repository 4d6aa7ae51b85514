"""Why some points never escape: two orbits of z -> z*z + c (section 2.1, Figure 2-2).

The top-left pixel of the plot, z = -1.8-1.8j, has abs(z) = 2.54558441227,
so ``abs(z) < 2`` is False before the first update and its output is 0.
With c = -0.62772-0.42193j, starting from z = 0+0j the orbit circles round
and ``abs(z)`` stays below 2 for as long as we iterate (it "appears to repeat
every eighth iteration"); such a point costs the full ``maxiter`` updates. From
z = -0.82+0j ``abs(z)`` grows and passes 2 at the 10th update (2.1510; the book
says "after the ninth update", counting from 0), so that point stops early.
The script prints the book's first nine iterations from 0+0j, both facts, and
saves the plot of ``abs(z)`` for both orbits.

Run (section "Introducing the Julia Set"):
    python 02_profiling/nonconvergence.py
    python 02_profiling/nonconvergence.py --output-dir /tmp/julia
"""

# book: 3rd ed., "Introducing the Julia Set"
c = -0.62772 - 0.42193j
top_left = complex(-1.8, -1.8)  # the grid's first pixel: abs(z) is over 2 before any update
# book: end


# taught: the escape test and two orbits (Figure 2-2): 0+0j stays bounded, -0.82+0j escapes
def orbit(z, iterations):
    """abs(z) after each of ``iterations`` updates z = z * z + c."""
    values = []
    for _ in range(iterations):
        z = z * z + c
        values.append(abs(z))
    return values


def escape_count(z, maxiter=300):
    """The escape loop for one point: updates made before abs(z) reaches 2 (at most maxiter)."""
    n = 0
    while abs(z) < 2 and n < maxiter:
        z = z * z + c
        n += 1
    return n


def first_escape(values, limit=2.0):
    """The 1-based update at which abs(z) first reaches ``limit``, or None."""
    for update, value in enumerate(values, start=1):
        if value >= limit:
            return update
    return None


# taught: end


# book: 3rd ed., "Introducing the Julia Set"
def print_first_iterations(z=0 + 0j, iterations=9):
    """The book's listing: each update from 0+0j."""
    for n in range(iterations):
        z = z * z + c
        print(f"{n}: z={z: .5f}, abs(z)={abs(z):0.3f}, c={c: .5f}")


# book: end


def main(argv=None):
    import sys

    from _profiling_tools import run_nonconvergence

    run_nonconvergence(__doc__, sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
