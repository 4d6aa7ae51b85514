"""What the chapter 07 diffusion scripts share and do not teach (not a book example).

The flags, the clock and the result lines come from ``hpp.diffusion``
(``run_diffusion``, ``evolve_loop``), shared with chapters 06 and 10. This
module holds the rest:

- the 2-D diffusion reference: a NumPy step that works in place on two
  buffers, like the book's ``diffusion_numpy_memory2.py``, with periodic
  boundaries; every compiled stencil in the chapter is checked against it;
- a clear message when an extension has not been built yet, and idle OpenMP
  threads that sleep.

The scripts import it by its plain name from this folder.
"""

import numpy as np

from hpp import diffusion

NOT_BUILT = "run `make install` (pip install -e .) to build it"


def passive_openmp():
    """Let idle OpenMP threads sleep instead of spin (unless the reader set ``OMP_WAIT_POLICY``).

    On a machine busy with other work, threads that spin-wait at the end of
    each parallel region steal the cores the working threads need. It must run
    before the OpenMP runtime loads (before importing an OpenMP module).
    """
    import os

    os.environ.setdefault("OMP_WAIT_POLICY", "passive")


def import_compiled(name):
    """Import a module built by ``make install``; a missing one is one clear line, exit 2."""
    import importlib

    from hpp.script import fail

    try:
        return importlib.import_module(name)
    except ImportError as error:
        fail(f"the compiled module {name} is not available ({error}): {NOT_BUILT}")


def built(builder, *args, what="built"):
    """``_build.<builder>(*args)``, built on first use; print how long the build took.

    A missing or failing toolchain is one clear line, exit 2. Returns what the
    builder made, without the seconds.
    """
    import _build

    *made, seconds = _build.built_or_exit(getattr(_build, builder), *args)
    print(f"{builder.replace('_', ' ')} {what} in {seconds:.2f} s")
    return made[0] if len(made) == 1 else made


def evolve_numpy(grid, out, dt=diffusion.DT, D=diffusion.D):
    """One explicit Euler step with periodic boundaries, written into ``out``.

    No temporary arrays: the neighbours are added slice by slice (what
    ``np.roll`` would do, without its copies), like the book's memory2 version.
    """
    np.multiply(grid, -4.0, out=out)
    out[1:] += grid[:-1]
    out[:1] += grid[-1:]
    out[:-1] += grid[1:]
    out[-1:] += grid[:1]
    out[:, 1:] += grid[:, :-1]
    out[:, :1] += grid[:, -1:]
    out[:, :-1] += grid[:, 1:]
    out[:, -1:] += grid[:, :1]
    out *= D * dt
    out += grid
    return out


def run_numpy(n, iterations, dt=diffusion.DT, D=diffusion.D):
    """The reference result: ``iterations`` NumPy steps from the initial grid."""
    grid = diffusion.initial_grid(n)
    scratch = np.empty_like(grid)
    for _ in range(iterations):
        evolve_numpy(grid, scratch, dt, D)
        grid, scratch = scratch, grid
    return grid


def with_evolve_steps(library):
    """Declare ``evolve_steps`` (the whole time loop in one C call) on a library from
    ``diffusion_ctypes.load_library``; returns the library. For the tests and the benchmark,
    which time the C code without Python between the steps."""
    import ctypes

    grid = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags=("C_CONTIGUOUS", "WRITEABLE"))
    library.evolve_steps.argtypes = [
        grid,
        grid,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_double,
        ctypes.c_double,
    ]
    library.evolve_steps.restype = None
    return library


def ctypes_step(evolve, library, dt=0.1, D=1.0):
    """``step(grid, out)`` for the driver: ctypes' ``evolve(grid, out, dt, D, library)`` (the ctypes
    and Rust examples)."""

    def step(grid, out):
        evolve(grid, out, dt, D, library)

    return step


def cffi_step(evolve, ffi, lib, dt=0.1, D=1.0):
    """``step(grid, out)`` for the driver: cffi's ``evolve(grid, dt, out, D, ffi, lib)``."""

    def step(grid, out):
        evolve(grid, dt, out, D, ffi, lib)

    return step


def run_ctypes(doc, evolve, load_library, builder, argv=None):
    """diffusion_ctypes.py's and diffusion_rust.py's ``main``: ``load_library`` on the library
    ``_build.<builder>()`` makes, then ``evolve`` through it."""
    return run_compiled(doc, lambda: ctypes_step(evolve, load_library(built(builder))), argv)


def run_cffi(doc, evolve, abi_library, argv=None):
    """diffusion_2d_cffi.py's ``main``: ``evolve`` on the API-mode module, or with ``--abi`` on the
    shared library ``abi_library`` opens (``ffi.dlopen``)."""
    abi = {"--abi": "ABI mode: ffi.dlopen on the shared library"}
    return run_compiled(doc, lambda abi: cffi_step(evolve, *cffi_pair(abi, abi_library)), argv, switches=abi)


def cffi_pair(abi, abi_library):
    """``(ffi, lib)`` for diffusion_2d_cffi.py: the API-mode module, or with ``abi`` the shared
    library opened by ``abi_library`` (ABI mode, ``ffi.dlopen``)."""
    import _build

    if not abi:
        module = built("cffi_module")
        return module.ffi, module.lib
    ffi, lib, seconds = _build.built_or_exit(abi_library, _build)
    print(f"cffi ABI mode (dlopen): shared library built in {seconds:.2f} s")
    return ffi, lib


def run_compiled(doc, step_factory, argv=None, switches=None, order="C", openmp=False, warm_up=False):
    """The ``main`` of every compiled diffusion script, on ``hpp.diffusion``'s driver.

    ``step_factory(**on_off)`` builds (or imports) the compiled code and returns
    ``step(grid, out)``; ``switches`` as in ``hpp.diffusion.run_diffusion``. The
    clock covers the steps only (``evolve_loop``): not the build, nor with
    ``warm_up`` a JIT's first compile. ``order="F"`` makes Fortran-ordered grids;
    ``openmp`` lets idle OpenMP threads sleep.
    """
    from hpp.diffusion import evolve_loop, run_diffusion

    def run_experiment(iterations, size, **on_off):
        if openmp:
            passive_openmp()
        step = step_factory(**on_off)
        if warm_up:
            evolve_loop(step, 8, 1, order)  # compile first, so the timing is the steady state
        return evolve_loop(step, size, iterations, order)

    return run_diffusion(doc, run_experiment, argv, switches=switches, times_itself=True)


def run_numba(doc, make_step, argv=None):
    """diffusion_numba.py's ``main``: ``make_step(parallel)``, JIT-compiled before the clock starts;
    ``--parallel`` shares the rows over Numba's threads."""
    import numba

    parallel = {"--parallel": f"prange over the rows ({numba.get_num_threads()} threads here)"}
    return run_compiled(doc, make_step, argv, switches=parallel, openmp=True, warm_up=True)


def run_cython(doc, make_step, argv=None):
    """diffusion_cython.py's ``main``: ``make_step`` on ``diffusion_cy``, or with ``--parallel`` on
    ``diffusion_cy_omp`` (the same loop, OpenMP ``prange`` over the rows)."""

    def step_factory(parallel):
        return make_step(import_compiled("diffusion_cy_omp" if parallel else "diffusion_cy"))

    parallel = {"--parallel": "use the OpenMP build"}
    return run_compiled(doc, step_factory, argv, switches=parallel, openmp=True)


def run_built(doc, builder, show, argv=None, *args):
    """The ``main`` of ctypes_structure.py and cffi_partial_struct.py: no flags; build
    ``_build.<builder>(*args)`` on first use (its time printed), then ``show`` what was built."""
    from hpp.script import example_parser

    example_parser(doc).parse_args(argv)
    return show(built(builder, *args))
