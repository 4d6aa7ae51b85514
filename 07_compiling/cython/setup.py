"""The book's setup.py for the Cython Julia example (book 7, "Compiling a Pure Python Version").

From this folder:

    python setup.py build_ext --inplace

builds ``cythonfn.pyx`` into ``cythonfn.<platform>.so`` beside it (and the
readable ``cythonfn.c``), so ``import cythonfn`` works here. The book imports
``setup`` from ``distutils.core``; distutils left the standard library in
Python 3.12, and setuptools offers the same ``setup``. ``make install`` at
the repository root builds this module too, with every other variant.
"""

# book: 3rd ed., "Compiling a Pure Python Version" (setup.py; setuptools' setup for distutils')
from Cython.Build import cythonize
from setuptools import setup

setup(
    ext_modules=cythonize(
        "cythonfn.pyx",
        compiler_directives={"language_level": "3"},
    )
)
# book: end
