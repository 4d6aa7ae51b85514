"""Julia with Numba's ``@jit`` and the expanded escape test, printing Numba's types (book 7, "Numba").

The book's ``julia1_numba_expandedmath_inspection.py``: the expanded-math
``calculate_z`` and, after the runs, ``calculate_z.inspect_types()``: each
source line with the types Numba inferred for it (``complex128``, ``int64``,
``array(int32, 1d, C)``); a ``pyobject`` there would mean a fall-back to
Python objects.

Run (from this folder):
    python julia1_numba_expandedmath_inspection.py --width 100
"""

# book: 2nd ed. code, "julia1_numba_expandedmath_inspection.py" (calculate_z as in
# julia1_numba_expandedmath.py, the one line more: after the runs, the types Numba inferred)
from julia1_numba_expandedmath import calculate_z


def show_types():
    """After the runs: the types Numba inferred for each line of ``calculate_z``."""
    calculate_z.inspect_types()


# book: end


def main(argv=None):
    from _numba_julia import run_numba_julia

    run_numba_julia(__doc__, calculate_z, argv)
    show_types()


if __name__ == "__main__":
    main()
