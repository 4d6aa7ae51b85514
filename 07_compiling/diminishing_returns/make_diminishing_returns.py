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

import importlib.machinery
import importlib.util
import os
import time
from pathlib import Path

import numpy as np

from hpp.julia import julia_inputs
from hpp.script import example_parser, output_dir, positive_int, writable_dir

SMOKE_ARGS = ["--width", "60", "--repeat", "1"]

CYTHON = Path(__file__).resolve().parents[1] / "cython"

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


# taught: end


# book: 3rd ed. code, "make_diminishing_returns.py"
def sigmoid(z):
    """The logistic curve 1 / (1 + e**-z): the shape of the book's cartoon (quick wins, then a plateau)."""
    s = 1.0 / (1.0 + np.exp(-1.0 * z))
    return s


# book: end


def best_time(function, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


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


def compiled_variant(name):
    """The module ``make install`` built beside ``cython/NAME.pyx``, or None."""
    for path in sorted(CYTHON.glob(f"{name}.*.so")):
        try:
            loader = importlib.machinery.ExtensionFileLoader(name, str(path))
            spec = importlib.util.spec_from_file_location(name, path, loader=loader)
            module = importlib.util.module_from_spec(spec)
            loader.exec_module(module)
            return module
        except ImportError:
            continue
    return None


def measure(width, max_iterations, repeat):
    """``[(label, effort, speedup)]`` and the names of variants not built here."""
    # taught: diminishing returns (continued): each step timed against the baseline
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
    # taught: end


def draw(rows, path, width):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [row[0] for row in rows]
    speedups = [row[2] for row in rows]
    figure, (cartoon, axis) = plt.subplots(1, 2, figsize=(12, 4.5), width_ratios=(1, 2))
    cartoon.plot(sigmoid(np.arange(-10, 10)))
    cartoon.set(xticks=[], yticks=[], xlabel="increasing effort", ylabel="faster execution")
    cartoon.set_title("the book's cartoon: a sigmoid")
    steps = range(len(rows))
    axis.plot(steps, speedups, marker="o")
    for step, speedup in zip(steps, speedups):
        axis.annotate(
            f"{speedup:.0f}x" if speedup >= 10 else f"{speedup:.1f}x",
            (step, speedup),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
        )
    axis.set_yscale("log")
    axis.set_xticks(list(steps), labels, rotation=25, ha="right")
    axis.set_xlabel("effort (each step builds on the last)")
    axis.set_ylabel("speedup over pure Python (log)")
    axis.set_title(f"Diminishing returns: the Julia set at width {width}, measured here")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def diminishing_returns(width, max_iterations, repeat, folder):
    """Measure the ladder, print each step's speedup and what it adds, and draw the figure into ``folder``."""
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    rows, missing = measure(width, max_iterations, repeat)
    previous = None
    for label, effort, speedup in rows:
        gain = "" if previous is None else f" (x{speedup / previous:.2f} over the step before)"
        print(f"{label:<24} {effort:<24} {speedup:8.1f}x{gain}")
        previous = speedup
    if missing:
        print(f"not built here, left out: {', '.join(missing)}")
    path = folder / "diminishing_returns.png"
    draw(rows, path, width)
    print(f"figure: {path}")
    return rows


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--width", type=positive_int, default=300, help="points along each side of the grid")
    parser.add_argument(
        "--max-iterations", type=positive_int, default=300, help="iterations per point, at most"
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="best of this many runs")
    parser.add_argument("--output-dir", type=writable_dir, help="where diminishing_returns.png goes")
    args = parser.parse_args(argv)
    folder = output_dir("07_compiling", args.output_dir)
    diminishing_returns(args.width, args.max_iterations, args.repeat, folder)


if __name__ == "__main__":
    main()
