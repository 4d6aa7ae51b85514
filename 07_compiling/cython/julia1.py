"""The Julia set with a Cython-compiled ``calculate_z`` (book 7, "Cython").

The book's driver: ``calc_pure_python`` takes the input lists of chapter 2
(``hpp.julia.julia_inputs``, the same float accumulation) and times
``cythonfn.calculate_z``, the loop compiled by Cython: the "tiny change" the
book prints. The book's
``cythonfn.pyx`` is built by the book's own step in this folder,
``python setup.py build_ext --inplace`` (``make install`` builds it too).
Each later version of the book's ``cythonfn.pyx`` is here under its own name,
built by ``make install`` (no file to copy before a build), and ``--variant``
picks one (``calc_pure_python``'s third argument):

    cythonfn   the book's first cythonfn.pyx: the Python loop compiled as is
    cythonfn1  the same, with a module docstring            (lists)
    cythonfn2  + cdef unsigned int i, n / double complex z, c   (lists)
    cythonfn3  + list argument types                           (lists)
    cythonfn4  + expanded escape test, no sqrt                  (lists)
    cythonfn5  + boundscheck=False                             (lists)
    cythonfn_np1 / cythonfn_np2      typed memoryviews, abs / expanded (NumPy arrays)
    cythonfn_omp1 / _omp2 / _omp3    OpenMP prange variants        (NumPy arrays)
    cythonfn_lockstep                beyond the book: SIMD blocks + OpenMP (NumPy arrays)

``--annotate`` writes Cython's annotation report (``cython -a``: yellow lines
call into the Python VM) for the variant as HTML under the output folder.

Run (from this folder, as the book does):
    python setup.py build_ext --inplace
    python julia1.py
    python -m timeit -n 1 -r 1 -s "import julia1" \
        "julia1.calc_pure_python(desired_width=1000, max_iterations=300)"
    python julia1.py --variant cythonfn4
    python julia1.py --variant cythonfn2 --annotate --width 100
"""

# book: 2nd ed., "Cython" (julia1.py: import the compiled module and time its calculate_z)
import time

import cythonfn  # the compiled module: python setup.py build_ext --inplace

from hpp.julia import axis_coordinates, julia_inputs  # chapter 2's zs and cs lists, built as there


def calc_pure_python(desired_width, max_iterations, cythonfn=cythonfn):
    """Build chapter 2's inputs and time the compiled ``calculate_z`` on them."""
    x, _ = axis_coordinates(desired_width)
    zs, cs = julia_inputs(desired_width)
    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = cythonfn.calculate_z(max_iterations, zs, cs)
    end_time = time.time()
    secs = end_time - start_time
    print(f"Took {secs:0.2f} seconds")

    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


def main(argv=None):
    from _cython_julia import run_julia1

    run_julia1(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
