"""Chapter 07 benchmark cases: the Julia set and 2-D diffusion, compiled every way the chapter shows.

Julia at the book's 1000 x 1000, 300 iterations against pure CPython (timed
once: about 5 s). JIT cases (Numba) show their compile time as ``first``;
cases built on demand (cffi, f2py, Rust, the C library) report the build's
seconds as ``build s``. PyPy runs in a ``pypy3`` worker process started
untimed: its start-up and list building are shown apart (``start-up s``), the
first calculation (cold JIT) is ``first``, and the timed calls are the
calculation alone, like the CPython baseline (``calc s``: the time measured
inside PyPy, without the pipe's round trip).

Diffusion 512 x 512 against the NumPy step that works in place on two buffers
(the book's ``diffusion_numpy_memory2.py`` technique, ``_compiled_diffusion.evolve_numpy``);
``C library (loop in C)`` runs all the steps in one C call, the others call one
step at a time from Python. Time per step = time / steps (100 quick, 500 book).
"""

import functools
import importlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from hpp import diffusion, julia
from hpp.bench import Case, Workload
from hpp.gpu import MISSING_TORCH
from hpp.loader import load_example

HERE = Path(__file__).resolve().parent

# `hpp bench` sets OMP_WAIT_POLICY=PASSIVE before any chapter loads an OpenMP runtime.


def common():
    return load_example(HERE / "diffusion" / "_compiled_diffusion.py")


def build():
    return load_example(HERE / "diffusion" / "_build.py")


def compiled(folder, name):
    """Import a module built in place by ``make install`` from ``folder``."""
    path = str(HERE / folder)
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


def compiled_missing(folder, name):
    def requires(params):
        try:
            compiled(folder, name)
        except ImportError:
            return f"{name} is not built: run `make install` (OpenMP variants need an OpenMP compiler)"
        return None

    return requires


# ---------------------------------------------------------------- Julia


@functools.lru_cache(maxsize=2)
def julia_lists(width):
    return julia.julia_inputs(width)


@functools.lru_cache(maxsize=2)
def julia_arrays(width):
    zs, cs = julia_lists(width)
    return np.array(zs, np.complex128), np.array(cs, np.complex128)


def check_julia(output, params):
    total = int(np.sum(output))
    known = julia.KNOWN_SUMS.get((params["width"], params["iterations"]))
    if known is not None:
        assert total == known, f"sum(output) = {total}, expected {known}"
    else:
        assert total > 0


def julia_case(
    name, loader, arrays=False, out_arg=False, jit=False, requires=None, note="", out_dtype=np.int32
):
    """``loader()`` returns calculate_z; ``out_arg``: Numba style ``calculate_z(maxiter, zs, cs, output)``."""

    def setup(params):
        zs, cs = julia_arrays(params["width"]) if arrays else julia_lists(params["width"])
        output = np.zeros(len(zs), dtype=out_dtype) if out_arg else None
        return loader(), params["iterations"], zs, cs, output

    def run(state):
        calculate_z, maxiter, zs, cs, output = state
        if out_arg:
            calculate_z(maxiter, zs, cs, output)
            return output
        return calculate_z(maxiter, zs, cs)

    return Case(name, run=run, setup=setup, check=check_julia, jit=jit, requires=requires, note=note)


def example_function(relative, name="calculate_z"):
    return lambda: getattr(load_example(HERE / relative), name)


def book_size_only(params):
    if params["width"] > 300 and params.get("size") != "book":
        return "takes about 10 s at width 1000: run with --size book"
    return None


_PYPY_WORKERS = []


def pypy_case(name, module):
    """The calculation inside a pypy3 worker (``pypy/_pypy_worker.py``), one pipe round trip per call."""

    def requires(params):
        return None if shutil.which("pypy3") else "needs pypy3: apt-get install pypy3"

    def setup(params):
        start = time.perf_counter()
        worker = subprocess.Popen(
            ["pypy3", str(HERE / "pypy" / "_pypy_worker.py"), module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=HERE / "pypy",
        )
        _PYPY_WORKERS.append(worker)
        reply = ask(worker, f"prepare {params['width']}")
        startup = time.perf_counter() - start
        return (
            worker,
            params["iterations"],
            {"start-up s": round(startup, 3), "lists s": round(float(reply[1]), 3)},
        )

    def run(state):
        worker, maxiter, extra = state
        reply = ask(worker, f"run {maxiter}")
        return int(reply[1]), float(reply[2]), extra

    def check(result, params):
        total, secs, extra = result
        check_julia([total], params)
        return {**extra, "calc s": round(secs, 3)}

    return Case(
        name,
        run=run,
        setup=setup,
        check=check,
        requires=requires,
        jit=True,
        note="inside one pypy3 process: start-up apart, first = cold JIT",
    )


def ask(worker, command):
    worker.stdin.write(command + "\n")
    worker.stdin.flush()
    reply = worker.stdout.readline().split()
    if not reply or reply[0] == "error":
        raise RuntimeError(f"the PyPy worker answered {reply!r} to {command!r}")
    return reply


def close():
    """Stop the PyPy workers (they also exit when their input closes)."""
    while _PYPY_WORKERS:
        worker = _PYPY_WORKERS.pop()
        worker.stdin.close()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


JULIA_CASES = [
    julia_case(
        "pure python (CPython)", example_function("pypy/julia1_nopil.py", "calculate_z_serial_purepython")
    ),
    julia_case(
        "pure python on NumPy arrays",
        example_function("cython/julia1_np_nocython.py"),
        arrays=True,
        requires=book_size_only,
    ),
    julia_case("NumPy vectorised (masks)", example_function("julia1_numpy_vectorised.py"), arrays=True),
    *[
        julia_case(
            name,
            (lambda name=name: compiled("cython", name).calculate_z),
            arrays=name.startswith("cythonfn_"),
            requires=compiled_missing("cython", name),
        )
        for name in (
            "cythonfn1",
            "cythonfn2",
            "cythonfn3",
            "cythonfn4",
            "cythonfn5",
            "cythonfn_np1",
            "cythonfn_np2",
            "cythonfn_omp1",
            "cythonfn_omp2",
            "cythonfn_omp3",
            "cythonfn_lockstep",
        )
    ],
    julia_case("numba njit", example_function("numba/julia1_numba.py"), arrays=True, out_arg=True, jit=True),
    julia_case(
        "numba expanded math",
        example_function("numba/julia1_numba_expandedmath.py"),
        arrays=True,
        out_arg=True,
        jit=True,
    ),
    julia_case(
        "numba parallel prange",
        example_function("numba/julia1_numba_parallel.py"),
        arrays=True,
        out_arg=True,
        jit=True,
    ),
    julia_case(
        "numba lock-step SIMD, parallel",
        example_function("numba/julia1_numba_lockstep.py"),
        arrays=True,
        out_arg=True,
        jit=True,
    ),
    julia_case(
        "Pythran (OpenMP)",
        lambda: build().pythran_module()[0].calculate_z,
        arrays=True,
        out_arg=True,
        out_dtype=np.int64,
        requires=lambda params: toolchain_missing("pythran_module")(params),
        note="built in its own venv under build/ (first use: about 30 s)",
    ),
    pypy_case("PyPy", "julia1_nopil"),
    pypy_case("PyPy expanded math", "julia1_nopil_expanded_math"),
]


# ---------------------------------------------------------------- diffusion


@functools.lru_cache(maxsize=4)
def diffusion_reference(n, steps):
    return common().run_numpy(n, steps)


def check_diffusion(result, params):
    grid, secs, extra = result
    reference = diffusion_reference(params["n"], params["iterations"])
    assert np.allclose(grid, reference, rtol=0, atol=1e-12), (
        f"max difference {np.max(np.abs(grid - reference)):.3g}"
    )
    return dict(extra)


def diffusion_case(name, make_step, order="C", jit=False, requires=None, note=""):
    """``make_step()`` returns ``(step(grid, out), extra figures)``."""

    def setup(params):
        step, extra = make_step()
        return step, extra, params

    def run(state):
        step, extra, params = state
        grid, secs = diffusion.evolve_loop(step, params["n"], params["iterations"], order)
        return grid, secs, extra

    return Case(name, run=run, setup=setup, check=check_diffusion, jit=jit, requires=requires, note=note)


def numpy_step():
    return common().evolve_numpy, {}


def c_library_loop():
    """All the steps in one C call (``evolve_steps``): the C library's own speed."""
    path, seconds = build().shared_library()
    library = load_example(HERE / "diffusion" / "diffusion_ctypes.py").load_library(path)
    return common().with_evolve_steps(library), seconds


def c_loop_case():
    def setup(params):
        library, seconds = c_library_loop()
        return library, seconds, params

    def run(state):
        library, seconds, params = state
        from hpp.diffusion import DT, D, initial_grid

        grid = initial_grid(params["n"])
        scratch = np.zeros_like(grid)
        start = time.perf_counter()
        library.evolve_steps(grid, scratch, params["n"], params["iterations"], D, DT)
        return grid, time.perf_counter() - start, {"build s": round(seconds, 2)}

    return Case(
        "C library (loop in C)",
        run=run,
        setup=setup,
        check=check_diffusion,
        requires=toolchain_missing("shared_library"),
    )


def toolchain_missing(builder):
    def requires(params):
        try:
            getattr(build(), builder)()
        except (build().ToolchainMissing, build().BuildFailed) as error:
            return build().toolchain_error(error)
        return None

    return requires


def pyo3_step():
    module, seconds = build().pyo3_module()
    example = load_example(HERE / "diffusion" / "diffusion_rust_pyo3.py")
    return example.make_step(module), {"build s": round(seconds, 2)}


def ctypes_step():
    library, seconds = c_library_loop()
    step = common().ctypes_step(load_example(HERE / "diffusion" / "diffusion_ctypes.py").evolve, library)
    return step, {"build s": round(seconds, 2)}


def cffi_step(abi=False):
    def make():
        example = load_example(HERE / "diffusion" / "diffusion_2d_cffi.py")
        if abi:
            ffi, lib, seconds = example.abi_library(build())
        else:
            module, seconds = build().cffi_module()
            ffi, lib = module.ffi, module.lib
        return common().cffi_step(example.evolve, ffi, lib), {"build s": round(seconds, 2)}

    return make


def fortran_step():
    module, seconds = build().fortran_module()
    return load_example(HERE / "diffusion" / "diffusion_fortran.py").make_step(module), {
        "build s": round(seconds, 2)
    }


def rust_step():
    path, seconds = build().rust_library()
    example = load_example(HERE / "diffusion" / "diffusion_rust.py")
    step = common().ctypes_step(example.c_example.evolve, example.load_library(path))
    return step, {"build s": round(seconds, 2)}


def compiled_step(name, script):
    def make():
        return load_example(HERE / "diffusion" / script).make_step(compiled("diffusion", name)), {}

    return make


def numba_step(parallel):
    def make():
        return load_example(HERE / "diffusion" / "diffusion_numba.py").make_step(parallel), {}

    return make


def torch_case(device):
    def requires(params):
        try:
            import torch
        except ImportError:
            return MISSING_TORCH
        if device == "cuda" and not torch.cuda.is_available():
            return "no CUDA GPU here"
        return None

    def setup(params):
        import torch

        example = load_example(HERE / "pytorch" / "diffusion_pytorch.py")
        if device == "cpu":
            torch.set_num_threads(1)  # spin-waiting threads make a busy machine 20x slower
        return example, torch.device(device), params

    def run(state):
        example, target, params = state
        grid, copy_in, compute, copy_out = example.run(params["n"], params["iterations"], target)
        return grid, compute, {"copy in+out ms": round((copy_in + copy_out) * 1e3, 2)}

    return Case(
        f"PyTorch {device}",
        run=run,
        setup=setup,
        check=check_diffusion,
        requires=requires,
        note="steps only; the copies are shown apart" + (", 1 thread" if device == "cpu" else ""),
    )


DIFFUSION_CASES = [
    diffusion_case("numpy memory2 (in place)", numpy_step),
    c_loop_case(),
    diffusion_case("ctypes", ctypes_step, requires=toolchain_missing("shared_library")),
    diffusion_case("cffi API mode", cffi_step(), requires=toolchain_missing("cffi_module")),
    diffusion_case("cffi ABI mode", cffi_step(abi=True), requires=toolchain_missing("shared_library")),
    diffusion_case(
        "CPython extension",
        compiled_step("cdiffusion", "diffusion_cpython_module.py"),
        requires=compiled_missing("diffusion", "cdiffusion"),
    ),
    diffusion_case(
        "Cython",
        compiled_step("diffusion_cy", "diffusion_cython.py"),
        requires=compiled_missing("diffusion", "diffusion_cy"),
    ),
    diffusion_case(
        "Cython OpenMP",
        compiled_step("diffusion_cy_omp", "diffusion_cython.py"),
        requires=compiled_missing("diffusion", "diffusion_cy_omp"),
    ),
    diffusion_case("numba", numba_step(False), jit=True),
    diffusion_case("numba parallel", numba_step(True), jit=True),
    diffusion_case("f2py (Fortran)", fortran_step, order="F", requires=toolchain_missing("fortran_module")),
    diffusion_case("Rust (ctypes)", rust_step, requires=toolchain_missing("rust_library")),
    diffusion_case("Rust PyO3 (buffer protocol)", pyo3_step, requires=toolchain_missing("pyo3_module")),
    torch_case("cpu"),
    torch_case("cuda"),
]

WORKLOADS = [
    Workload(
        name="julia set",
        description="the book's Julia set, 1000 x 1000 pixels, 300 iterations; "
        "baseline: the pure-Python loop on CPython",
        baseline="pure python (CPython)",
        sizes={
            "test": [{"width": 100, "iterations": 300}],
            "quick": [{"width": 1000, "iterations": 300}],
            "book": [{"width": 1000, "iterations": 300, "size": "book"}],
        },
        cases=JULIA_CASES,
        headline="Julia set",
        repeat=3,
        budget_seconds=1.0,
    ),
    Workload(
        name="diffusion 2-D",
        description="periodic heat equation on 512 x 512; baseline: NumPy in place (memory2)",
        baseline="numpy memory2 (in place)",
        sizes={
            "test": [{"n": 64, "iterations": 5}],
            "quick": [{"n": 512, "iterations": 100}],
            "book": [{"n": 512, "iterations": 500}],
        },
        cases=DIFFUSION_CASES,
        repeat=5,
        budget_seconds=1.0,
    ),
]
