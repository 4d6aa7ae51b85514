"""Diminishing returns: each step of effort buys less speed (book 7, "What Sort of Speed Gains").

The book draws this as a cartoon, a ``sigmoid`` (drawn here on the left):
profiling and a first compile give a big gain, and each further tweak costs
more work for a smaller one. This script draws it from measurements on this
machine too: the chapter's Julia variants in
the order of the effort they take (the pure-Python loop, the same loop
compiled, ``cdef`` types, expanded math, memoryviews, OpenMP, SIMD blocks),
each timed (best of ``--repeat``) at ``--width``, their speedup over pure
Python on a log axis, and the gain each step adds. Every variant's sum is
checked against the pure-Python answer before it is plotted. Variants not
built here (OpenMP without libgomp) are left out and named.

Run:
    python 07_compiling/diminishing_returns/make_diminishing_returns.py --width 300
"""

# book: 3rd ed. code, "make_diminishing_returns.py"
import numpy as np


def sigmoid(z):
    """The logistic curve 1 / (1 + e**-z): the shape of the book's cartoon (quick wins, then a plateau)."""
    s = 1.0 / (1.0 + np.exp(-1.0 * z))
    return s


# book: end


# book: Example 2-8 (the baseline)
def calculate_z_serial_purepython(maxiter, zs, cs):
    """The baseline: the book's pure-Python loop."""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# book: end


# taught: diminishing returns: each step of effort buys less speed
# (label, effort step, module, takes arrays)
LADDER = [
    ("Cython, unchanged code", "compile as is", "cythonfn1", False),
    ("+ cdef types", "type the locals", "cythonfn2", False),
    ("+ expanded math", "strength reduction", "cythonfn4", False),
    ("memoryviews", "NumPy arrays, typed", "cythonfn_np2", True),
    ("OpenMP prange", "parallel loop", "cythonfn_omp2", True),
    ("SIMD lock-step blocks", "restructure for the CPU", "cythonfn_lockstep", True),
]


def measure(width, max_iterations, repeat):
    """``[(label, effort, speedup)]``, each step timed against the baseline (its sum checked),
    and the names of variants not built here."""
    from _diminishing_plot import best_time, compiled_variant

    from hpp.julia import julia_inputs

    zs, cs = julia_inputs(width)
    arrays = np.array(zs, np.complex128), np.array(cs, np.complex128)
    base, expected = best_time(lambda: calculate_z_serial_purepython(max_iterations, zs, cs), repeat)
    rows, missing = [("pure Python", "write it", 1.0)], []
    for label, effort, name, takes_arrays in LADDER:
        module = compiled_variant(name)
        if module is None:
            missing.append(name)
            continue
        inputs = arrays if takes_arrays else (zs, cs)
        secs, output = best_time(
            lambda module=module, inputs=inputs: module.calculate_z(max_iterations, *inputs), repeat
        )
        assert list(np.asarray(output)) == expected, name
        rows.append((label, effort, base / secs))
    return rows, missing


def print_ladder(rows):
    """Each step's speedup over pure Python, and what it adds over the step before."""
    previous = None
    for label, effort, speedup in rows:
        gain = "" if previous is None else f" (x{speedup / previous:.2f} over the step before)"
        print(f"{label:<24} {effort:<24} {speedup:8.1f}x{gain}")
        previous = speedup


# taught: end


def main(argv=None):
    from _diminishing_plot import run_diminishing_returns

    run_diminishing_returns(__doc__, measure, print_ladder, sigmoid, argv)


if __name__ == "__main__":
    main()
