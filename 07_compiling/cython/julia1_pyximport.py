"""Compile a .pyx at import time with ``pyximport`` (book 7, "pyximport").

``pyximport.install(language_level=3)`` hooks ``import``: importing a ``.pyx``
module compiles it first, no setup.py needed (the book: ``import cythonfn``
right after it). So that a ``cythonfn`` already built in this folder does not
answer the import instead, this demonstration copies the book's
``cythonfn.pyx`` into a temporary folder as ``cythonfn_pyximport.pyx``,
builds it there (the first import takes seconds: the C compiler runs) and
runs the book's driver with it. The rest of the chapter uses ``make install``,
which builds every variant once, ahead of time.

Run:
    python 07_compiling/cython/julia1_pyximport.py
    python 07_compiling/cython/julia1_pyximport.py --width 100
"""

# taught: pyximport compiles the .pyx when it is imported: no setup.py (the book's
# `import pyximport; pyximport.install(language_level=3); import cythonfn`)
import importlib
import time


def import_with_pyximport(name, build_dir):
    """Install pyximport's import hook, import ``name`` (compiling its .pyx), remove the hook."""
    import pyximport

    finders = pyximport.install(build_dir=str(build_dir), language_level=3)
    try:
        start = time.perf_counter()
        module = importlib.import_module(name)
        print(f"pyximport compiled and imported it in {time.perf_counter() - start:.2f} seconds")
        return module
    finally:
        pyximport.uninstall(*finders)


# taught: end


def main(argv=None):
    from _cython_julia import run_pyximport

    run_pyximport(__doc__, import_with_pyximport, argv)


if __name__ == "__main__":
    main()
