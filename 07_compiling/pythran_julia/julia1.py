"""The Julia set with Pythran's compiled ``calculate.calculate_z`` (book 7, 1st edition, "Pythran").

``calculate.py`` is the expanded-math loop with a ``# pythran export`` line
and an OpenMP comment; Pythran compiles it to a C++ extension. The build
runs on first use in a virtual environment of its own under
build/07_compiling (Pythran and NumPy from PyPI, g++ from
``apt-get install g++``), so it works on Python 3.11 to 3.13 without
Pythran's ``setuptools<60`` pin touching the project's environment.
``--python`` runs the same file uncompiled, for comparison.

Run:
    python 07_compiling/pythran_julia/julia1.py
    python 07_compiling/pythran_julia/julia1.py --python --width 100
"""


def main(argv=None):
    from _pythran_build import run_pythran_julia

    run_pythran_julia(__doc__, argv)


if __name__ == "__main__":
    main()
