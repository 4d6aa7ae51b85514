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

from hpp.julia import C_IMAG, C_REAL
from hpp.script import add_output_dir_argument, example_parser, output_dir, positive_int

SMOKE_ARGS = []

c = complex(C_REAL, C_IMAG)


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


def plot(bounded, escaping, folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for ax, values, title in (
        (axes[0], bounded, "z0 = 0+0j: stays bounded"),
        (axes[1], escaping, "z0 = -0.82+0j: escapes"),
    ):
        ax.plot(range(1, len(values) + 1), values, marker=".")
        ax.axhline(2.0, color="red", linestyle="--", label="abs(z) = 2")
        ax.set_title(title)
        ax.set_xlabel("update")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("abs(z)")
    axes[0].legend()
    fig.suptitle(f"Julia set orbits, c = {c}")
    fig.tight_layout()
    path = folder / "julia_nonconvergence.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def show_orbits(bounded_iterations=50, escaping_iterations=30, folder=None):
    """Print the top-left pixel, the book's first iterations and both orbits' facts; plot the orbits."""
    # book: 3rd ed., "Introducing the Julia Set" (the top-left pixel)
    top_left = complex(-1.8, -1.8)
    print(f"abs(-1.8-1.8j) = {abs(top_left)}")
    # book: end
    print(
        f"top-left pixel {top_left}: abs(z) < 2 is False before any update, output = {escape_count(top_left)}"
    )
    print_first_iterations()
    bounded = orbit(0 + 0j, bounded_iterations)
    escaping = orbit(-0.82 + 0j, escaping_iterations)
    print(
        f"z0 = 0+0j: max abs(z) over {len(bounded)} updates = {max(bounded):.4f}, "
        f"escapes: {first_escape(bounded) is not None}"
    )
    update = first_escape(escaping)
    if update is None:
        print(f"z0 = -0.82+0j: no escape within {len(escaping)} updates")
    else:
        print(
            f"z0 = -0.82+0j: abs(z) first exceeds 2 at update {update} (abs(z) = {escaping[update - 1]:.4f})"
        )
    print(f"plot saved to {plot(bounded, escaping, folder)}")


def main(argv=None):
    parser = add_output_dir_argument(example_parser(__doc__), "02_profiling", "the PNG")
    parser.add_argument("--bounded-iterations", type=positive_int, default=50, help="updates from 0+0j")
    parser.add_argument("--escaping-iterations", type=positive_int, default=30, help="updates from -0.82+0j")
    args = parser.parse_args(argv)
    show_orbits(
        args.bounded_iterations, args.escaping_iterations, output_dir("02_profiling", args.output_dir)
    )


if __name__ == "__main__":
    main()
