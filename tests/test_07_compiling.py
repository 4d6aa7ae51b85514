"""Chapter 07: every compiled Julia and diffusion variant against its Python/NumPy oracle."""

import ctypes
import importlib
import importlib.util
import os
import re
import shutil
import sys

import numpy as np
import pytest

from hpp import diffusion, julia
from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "07_compiling"
common = load_example(CHAPTER / "diffusion" / "_compiled_diffusion.py")
build = load_example(CHAPTER / "diffusion" / "_build.py")
pure = load_example(CHAPTER / "pypy" / "julia1_nopil.py")
pure_expanded = load_example(CHAPTER / "pypy" / "julia1_nopil_expanded_math.py")

LIST_VARIANTS = ["cythonfn1", "cythonfn2", "cythonfn3", "cythonfn4", "cythonfn5"]
ARRAY_VARIANTS = [
    "cythonfn_np1",
    "cythonfn_np2",
    "cythonfn_omp1",
    "cythonfn_omp2",
    "cythonfn_omp3",
    "cythonfn_lockstep",
]
OPTIONAL = {"cythonfn_omp1", "cythonfn_omp2", "cythonfn_omp3", "cythonfn_lockstep", "diffusion_cy_omp"}
NUMBA_SCRIPTS = [
    "julia1_numba.py",
    "julia1_numba_expandedmath.py",
    "julia1_numba_expandedmath_inspection.py",
    "julia1_numba_parallel.py",
    "julia1_numba_lockstep.py",
]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(reason):
    """Skip on a reader's machine; in CI, where .ci/run installs everything, fail instead."""
    if IN_CI:
        pytest.fail(f"CI installs this, yet: {reason}")
    pytest.skip(reason)


def compiled(folder, name):
    path = str(CHAPTER / folder)
    if path not in sys.path:
        sys.path.insert(0, path)
    try:
        return importlib.import_module(name)
    except ImportError as error:
        if name in OPTIONAL:
            missing(
                f"{name} (OpenMP, optional in the build) is not built: it needs gcc and "
                f"libgomp (apt-get install gcc), then `make install` ({error})"
            )
        raise


def built(builder):
    try:
        return getattr(build, builder)()
    except build.ToolchainMissing as error:
        missing(str(error))


def julia_arrays(width):
    zs, cs = julia.julia_inputs(width)
    return np.array(zs, np.complex128), np.array(cs, np.complex128)


# ---------------------------------------------------------------- Julia


@pytest.fixture(scope="module")
def small_julia():
    """Width 100 (101 x 101 points) and some odd widths, with the pure-Python answers."""
    cases = {}
    for width, maxiter in [(100, 300), (37, 50), (7, 1), (3, 300)]:
        zs, cs = julia.julia_inputs(width)
        cases[(width, maxiter)] = (zs, cs, pure.calculate_z_serial_purepython(maxiter, zs, cs))
    return cases


def test_pure_python_gives_the_known_sums(small_julia):
    assert sum(small_julia[(100, 300)][2]) == julia.KNOWN_SUMS[(100, 300)] == 334236
    zs, cs = julia.julia_inputs(10)
    assert sum(pure.calculate_z_serial_purepython(300, zs, cs)) == julia.KNOWN_SUMS[(10, 300)]
    for key, (zs, cs, expected) in small_julia.items():
        assert pure_expanded.calculate_z_serial_purepython(key[1], zs, cs) == expected


@pytest.mark.parametrize("name", LIST_VARIANTS)
def test_cython_list_variants_equal_pure_python(name, small_julia):
    module = compiled("cython", name)
    for (width, maxiter), (zs, cs, expected) in small_julia.items():
        assert module.calculate_z(maxiter, zs, cs) == expected, (width, maxiter)


@pytest.mark.parametrize("name", ARRAY_VARIANTS)
def test_cython_array_variants_equal_pure_python(name, small_julia):
    module = compiled("cython", name)
    for (width, maxiter), (zs, cs, expected) in small_julia.items():
        output = np.asarray(module.calculate_z(maxiter, np.array(zs), np.array(cs)))
        assert output.dtype == np.int32
        assert output.tolist() == expected, (width, maxiter)


@pytest.mark.parametrize("name", ["cythonfn4", "cythonfn_np2", "cythonfn_omp2", "cythonfn_lockstep"])
def test_fast_cython_variants_give_the_books_sum(name):
    module = compiled("cython", name)
    if name == "cythonfn4":
        zs, cs = julia.julia_inputs(1000)
    else:
        zs, cs = julia_arrays(1000)
    assert int(np.sum(module.calculate_z(300, zs, cs))) == 33219980


def test_lockstep_cython_handles_empty_and_partial_blocks():
    module = compiled("cython", "cythonfn_lockstep")
    assert len(module.calculate_z(300, np.array([], dtype=complex), np.array([], dtype=complex))) == 0
    zs = np.array([0j, 1.9 + 0j, 3 + 0j, 0.1 + 0.1j] * 13)
    cs = np.full(len(zs), complex(julia.C_REAL, julia.C_IMAG))
    expected = pure.calculate_z_serial_purepython(40, list(zs), list(cs))
    assert module.calculate_z(40, zs, cs).tolist() == expected


@pytest.mark.parametrize("script", NUMBA_SCRIPTS)
def test_numba_variants_equal_pure_python(script, small_julia):
    calculate_z = load_example(CHAPTER / "numba" / script).calculate_z
    for (width, maxiter), (zs, cs, expected) in small_julia.items():
        output = np.zeros(len(zs), dtype=np.int32)
        calculate_z(maxiter, np.array(zs), np.array(cs), output)
        assert output.tolist() == expected, (width, maxiter)


def test_numba_lockstep_gives_the_books_sum():
    calculate_z = load_example(CHAPTER / "numba" / "julia1_numba_lockstep.py").calculate_z
    zs, cs = julia_arrays(1000)
    output = np.zeros(len(zs), dtype=np.int32)
    calculate_z(300, zs, cs, output)
    assert int(output.sum()) == 33219980


def test_numpy_versions_equal_pure_python(small_julia):
    vectorised = load_example(CHAPTER / "julia1_numpy_vectorised.py").calculate_z
    boxed = load_example(CHAPTER / "cython" / "julia1_np_nocython.py").calculate_z
    for (width, maxiter), (zs, cs, expected) in small_julia.items():
        assert vectorised(maxiter, np.array(zs), np.array(cs)).tolist() == expected
        if width <= 37:
            assert boxed(maxiter, np.array(zs), np.array(cs)).tolist() == expected


def test_numpy_vectorised_gives_the_books_sum():
    vectorised = load_example(CHAPTER / "julia1_numpy_vectorised.py").calculate_z
    zs, cs = julia_arrays(1000)
    assert int(vectorised(300, zs, cs).sum()) == 33219980


def test_julia_driver_and_annotation(run_example, tmp_path):
    completed = run_example(
        "07_compiling/cython/julia1.py",
        "--variant",
        "cythonfn2",
        "--width",
        "100",
        "--annotate",
        "--output-dir",
        tmp_path / "ann",
        check=True,
    )
    assert "sum(output) = 334236 (matches the known 334236)" in completed.stdout
    html = (tmp_path / "ann" / "cythonfn2.html").read_text()
    assert "cythonfn2.pyx" in html
    assert "calculate_z" in html
    assert not (tmp_path / "ann" / "cythonfn2.c").exists()


def test_pyximport_demonstration(run_example):  # the book's cythonfn.pyx, compiled on import
    completed = run_example("07_compiling/cython/julia1_pyximport.py", "--width", "10", check=True)
    assert "pyximport compiled and imported it" in completed.stdout
    assert "sum(output) = 3098 (matches the known 3098)" in completed.stdout


@pytest.mark.parametrize(
    "args", [["--variant", "cythonfn9"], ["--width", "0"], ["--max-iterations", "-3"], ["--bogus"]]
)
def test_julia_driver_bad_input(args, run_example, assert_bad_input):
    assert "julia1.py" in assert_bad_input(run_example("07_compiling/cython/julia1.py", *args))


@pytest.mark.toolchain
@pytest.mark.parametrize("script", ["julia1_nopil.py", "julia1_nopil_expanded_math.py"])
def test_pypy_runs_the_pure_python_scripts(script, run_example, needs):
    needs.tool("pypy3")
    # without the project's environment (PyPy does not see it): the stdlib fallback parses the flags
    completed = run_example(
        f"07_compiling/pypy/{script}",
        "--width",
        "100",
        "--repeat",
        "2",
        python=shutil.which("pypy3"),
        check=True,
    )
    assert "interpreter: PyPy" in completed.stdout
    assert re.findall(r"^sum\(output\) = (\d+)", completed.stdout, re.M) == ["334236"] * 2
    bad = run_example(f"07_compiling/pypy/{script}", "--width", "-1", python=shutil.which("pypy3"))
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "--width" in bad.stderr


LATE_FLUSH = re.compile(
    r"^without close\(\): (\d+) bytes written, (\d+) on disk before gc.collect\(\), (\d+) after$", re.M
)


def test_cpython_flushes_a_dropped_file_at_once(run_example):
    completed = run_example("07_compiling/pypy/late_flush.py", check=True)
    assert "interpreter: CPython" in completed.stdout
    written, before, after = map(int, LATE_FLUSH.search(completed.stdout).groups())
    assert written == before == after == 4390  # reference counting: closed when the function returned
    assert "with: 4390 bytes written, 4390 on disk at once" in completed.stdout


@pytest.mark.toolchain
@pytest.mark.parametrize("lines", [500, 20_000])
def test_pypy_flushes_a_dropped_file_only_when_it_collects(lines, run_example, needs):
    pypy3 = needs.tool("pypy3")
    completed = run_example("07_compiling/pypy/late_flush.py", "--lines", lines, python=pypy3, check=True)
    assert "interpreter: PyPy" in completed.stdout
    written, before, after = map(int, LATE_FLUSH.search(completed.stdout).groups())
    # until its GC runs, only the full buffers are on disk: nothing of 4390 bytes, less than all of more
    assert after == written and before < written
    if lines == 500:
        assert before == 0
    assert f"with: {written} bytes written, {written} on disk at once" in completed.stdout


@pytest.mark.toolchain
def test_pypy_worker_measures_inside_pypy(needs):
    needs.tool("pypy3")
    bench = load_example(CHAPTER / "_benchmark.py")
    case = next(c for c in bench.JULIA_CASES if c.name == "PyPy")
    params = {"width": 100, "iterations": 300}
    try:
        state = case.setup(params)
        results = [case.check(case.run(state), params) for _ in range(3)]
    finally:
        bench.close()
    assert all(r["start-up s"] == results[0]["start-up s"] for r in results)  # measured once
    assert {"start-up s", "lists s", "calc s"} <= set(results[0])
    assert not bench._PYPY_WORKERS


def test_numba_inspect_types(run_example):
    completed = run_example(
        "07_compiling/numba/julia1_numba_expandedmath_inspection.py",
        "--width",
        "10",
        "--repeat",
        "1",
        check=True,
    )
    assert "sum(output) = 3098" in completed.stdout
    # every line of the loop typed, nothing left as a Python object
    assert "zs = arg(1, name=zs)  :: array(complex128, 1d, C)" in completed.stdout
    assert "pyobject" not in completed.stdout


def test_numba_drivers_run_three_times_and_without_jit():
    numba_driver = load_example(CHAPTER / "numba" / "julia1_numba.py")
    family = load_example(CHAPTER / "numba" / "_numba_julia.py")
    output, times = family.calc_pure_python(numba_driver.calculate_z, 20, 300)
    assert len(times) == 3
    assert int(output.sum()) == julia.KNOWN_SUMS[(20, 300)]
    output, times = family.calc_pure_python(numba_driver.calculate_z, 10, 300, repeat=1, use_jit=False)
    assert len(times) == 1
    assert int(output.sum()) == julia.KNOWN_SUMS[(10, 300)]
    assert numba_driver.calculate_z_serial_purepython is numba_driver.calculate_z  # the 2nd edition's name


# ---------------------------------------------------------------- diffusion


def roll_reference(grid, steps):
    """An independent oracle: the textbook np.roll laplacian, allocating freely."""
    for _ in range(steps):
        lap = (
            np.roll(grid, 1, 0) + np.roll(grid, -1, 0) + np.roll(grid, 1, 1) + np.roll(grid, -1, 1) - 4 * grid
        )
        grid = grid + diffusion.D * diffusion.DT * lap
    return grid


def test_numpy_reference_matches_roll_and_conserves_mass():
    for n in (1, 2, 3, 64):
        expected = roll_reference(diffusion.initial_grid(n), 25)
        result = common.run_numpy(n, 25)
        assert np.allclose(result, expected, rtol=0, atol=1e-15), n
    grid = common.run_numpy(64, 200)
    assert grid.sum() == pytest.approx(diffusion.initial_mass(64), rel=1e-12)
    assert grid.max() < diffusion.BLOCK_VALUE  # it spreads out
    assert np.isfinite(grid).all()


def step_makers():
    """(id, factory returning (step, order)); factories skip when a toolchain is missing."""
    diff = CHAPTER / "diffusion"

    def ctypes_step():
        path, _ = built("shared_library")
        example = load_example(diff / "diffusion_ctypes.py")
        return common.ctypes_step(example.evolve, example.load_library(path)), "C"

    def cffi_api():
        module, _ = built("cffi_module")
        evolve = load_example(diff / "diffusion_2d_cffi.py").evolve
        return common.cffi_step(evolve, module.ffi, module.lib), "C"

    def cffi_abi():
        example = load_example(diff / "diffusion_2d_cffi.py")
        try:
            ffi, lib, _ = example.abi_library(build)
        except build.ToolchainMissing as error:
            missing(str(error))
        return common.cffi_step(example.evolve, ffi, lib), "C"

    def cpython():
        module = compiled("diffusion", "cdiffusion")
        return load_example(diff / "diffusion_cpython_module.py").make_step(module), "C"

    def cython(name):
        return lambda: (
            load_example(diff / "diffusion_cython.py").make_step(compiled("diffusion", name)),
            "C",
        )

    def numba(parallel):
        return lambda: (load_example(diff / "diffusion_numba.py").make_step(parallel), "C")

    def fortran():
        module, _ = built("fortran_module")
        return load_example(diff / "diffusion_fortran.py").make_step(module), "F"

    def rust():
        path, _ = built("rust_library")
        example = load_example(diff / "diffusion_rust.py")
        return common.ctypes_step(example.c_example.evolve, example.load_library(path)), "C"

    return [
        pytest.param(ctypes_step, id="ctypes", marks=pytest.mark.toolchain),
        pytest.param(cffi_api, id="cffi-api", marks=pytest.mark.toolchain),
        pytest.param(cffi_abi, id="cffi-abi", marks=pytest.mark.toolchain),
        pytest.param(cpython, id="cpython-extension"),
        pytest.param(cython("diffusion_cy"), id="cython"),
        pytest.param(cython("diffusion_cy_omp"), id="cython-openmp"),
        pytest.param(numba(False), id="numba"),
        pytest.param(numba(True), id="numba-parallel"),
        pytest.param(fortran, id="f2py", marks=pytest.mark.toolchain),
        pytest.param(rust, id="rust", marks=pytest.mark.toolchain),
    ]


@pytest.mark.parametrize("make", step_makers())
def test_every_diffusion_step_matches_numpy(make):
    step, order = make()
    for n, steps in [(1, 3), (2, 5), (3, 7), (64, 60), (100, 11)]:
        grid, _ = diffusion.evolve_loop(step, n, steps, order)
        reference = common.run_numpy(n, steps)
        assert np.allclose(grid, reference, rtol=0, atol=1e-12), (n, steps)
        assert grid.sum() == pytest.approx(diffusion.initial_mass(n), rel=1e-10, abs=1e-15)


@pytest.mark.toolchain
def test_c_library_loop_in_c_matches_numpy():
    path, seconds = built("shared_library")
    assert built("shared_library") == (path, seconds)  # built once, then reused from build/
    assert path.is_relative_to(build.BUILD_DIR)
    assert path.is_file()
    library = common.with_evolve_steps(
        load_example(CHAPTER / "diffusion" / "diffusion_ctypes.py").load_library(path)
    )
    for steps in (0, 1, 4, 9):
        grid = diffusion.initial_grid(32)
        library.evolve_steps(grid, np.zeros_like(grid), 32, steps, diffusion.D, diffusion.DT)
        assert np.allclose(grid, common.run_numpy(32, steps), rtol=0, atol=1e-12), steps
    with pytest.raises(ctypes.ArgumentError):  # ndpointer checks the dtype
        library.evolve(np.zeros((4, 4), np.float32), np.zeros((4, 4)), 4, 1.0, 0.1)


def test_cpython_extension_checks_its_arguments():
    cdiffusion = compiled("diffusion", "cdiffusion")
    grid = diffusion.initial_grid(8)
    with pytest.raises(TypeError):
        cdiffusion.evolve(grid.astype(np.float32), np.empty((8, 8)))
    with pytest.raises(TypeError):
        cdiffusion.evolve(grid.tolist(), np.empty((8, 8)))
    with pytest.raises(ValueError):
        cdiffusion.evolve(np.zeros((8, 4)), np.zeros((8, 4)))
    with pytest.raises(ValueError):
        cdiffusion.evolve(np.zeros((8, 16))[:, ::2], np.empty((8, 8)))  # not contiguous
    with pytest.raises(ValueError):
        cdiffusion.evolve(grid, grid)
    with pytest.raises(ValueError):
        cdiffusion.evolve(grid, np.empty((4, 4)))
    readonly = np.empty((8, 8))
    readonly.flags.writeable = False
    with pytest.raises(ValueError):
        cdiffusion.evolve(grid, readonly)
    out = np.empty_like(grid)
    cdiffusion.evolve(grid, out, dt=0.1, D=1.0)
    assert np.allclose(out, roll_reference(grid, 1), rtol=0, atol=1e-15)


def test_diffusion_scripts_print_the_mass(run_example):
    completed = run_example(
        "07_compiling/diffusion/diffusion_cpython_module.py",
        "--size",
        "512",
        "--iterations",
        "10",
        check=True,
    )
    assert "sum(grid) = 13.52\n" in completed.stdout


@pytest.mark.parametrize(
    "args", [["--size", "0"], ["--iterations", "x"], ["--steps", "5"], ["--parallel", "yes"]]
)
def test_diffusion_script_bad_input(args, run_example, assert_bad_input):
    assert "diffusion_numba.py" in assert_bad_input(
        run_example("07_compiling/diffusion/diffusion_numba.py", *args)
    )


def test_missing_toolchain_is_one_clear_line(run_example, assert_bad_input, tmp_path):
    completed = run_example(
        "07_compiling/diffusion/diffusion_fortran.py", "--size", "8", env={"PATH": str(tmp_path)}
    )
    line = assert_bad_input(completed)
    assert "needs gfortran: apt-get install gfortran" in line


# ---------------------------------------------------------------- PyTorch


def test_pytorch_diffusion_matches_numpy(needs):
    torch = needs.torch()

    example = load_example(CHAPTER / "pytorch" / "diffusion_pytorch.py")
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    for device in devices:
        grid, copy_in, compute, copy_out = example.run(64, 40, torch.device(device))
        assert type(grid) is np.ndarray
        assert grid.dtype == np.float64  # copied back to the host
        assert np.allclose(grid, common.run_numpy(64, 40), rtol=0, atol=1e-12), device


def test_pytorch_random_access(run_example, assert_bad_input, needs):
    needs.torch()
    example = load_example(CHAPTER / "pytorch" / "random_access.py")
    chain = np.array([2, 0, 3, 1])  # 0 -> 2 -> 3 -> 1 -> 0
    assert [example.chase(chain, 0, t) for t in (0, 2, 3, 1)] == [0, 1, 2, 3]
    completed = run_example("07_compiling/pytorch/random_access.py", "--device", "cpu", check=True)
    # the chain is the cycle order[0] -> order[1] -> ... of the seeded permutation, so the chase
    # from 0 to 500 takes as many steps as 500 sits after 0 in that order: 857 for seed 0
    order = list(np.random.default_rng(0).permutation(1000))
    assert (order.index(500) - order.index(0)) % 1000 == 857
    assert "steps to reach 500 = 857\n" in completed.stdout
    assert_bad_input(run_example("07_compiling/pytorch/random_access.py", "--size", "10", "--target", "10"))


# ---------------------------------------------------------------- every binding the book shows


@pytest.mark.toolchain
def test_ctypes_structure_and_the_float_overflow(run_example):
    example = load_example(CHAPTER / "diffusion" / "ctypes_structure.py")
    point = example.cPoint(10, 5)
    assert (point.x, point.y) == (10, 5)
    assert ctypes.sizeof(example.cPoint) == 8
    lesson = example.casting_lesson()
    assert lesson[1e5] == (1e5, 1e5)
    assert lesson[1e300][0] == float("inf")
    assert lesson[1e300][1] == 1e300  # a C float overflows
    path, _ = built("point_library")
    library = example.load_library(path)
    assert library.manhattan_length(example.cPoint(-3, 4)) == 7  # passed by value
    library.scale_point(ctypes.byref(point), 3)  # by pointer: C changes our object
    assert (point.x, point.y) == (30, 15)
    completed = run_example("07_compiling/diffusion/ctypes_structure.py", check=True)
    assert "1e+300: c_float -> inf, c_double -> 1e+300 (overflows a C float)" in completed.stdout


@pytest.mark.toolchain
def test_cffi_partial_struct_gets_its_layout_from_the_compiler():
    example = load_example(CHAPTER / "diffusion" / "cffi_partial_struct.py")
    module, _ = built_with(build.cffi_point_module, example.CDEF)
    point = module.lib.do_calculation()
    assert (point.x, point.y) == (3.0, 4.0)
    # two doubles declared, yet cffi knows the real struct (bool, char *, int follow): 40 bytes
    assert module.ffi.sizeof("struct Point") == 40 > 2 * 8
    with pytest.raises(AttributeError):
        getattr(point, "isActive")  # noqa: B009 (the lookup is what fails)
    import cffi

    ffi = cffi.FFI()
    ffi.cdef(example.CDEF)
    path, _ = built("point_library")
    abi = ffi.dlopen(str(path))
    with pytest.raises(cffi.VerificationMissing):  # ABI mode cannot lay out a partial struct
        abi.do_calculation()


def built_with(builder, *args):
    try:
        return builder(*args)
    except build.ToolchainMissing as error:
        missing(str(error))


@pytest.mark.toolchain
def test_rust_pyo3_extension_takes_buffers():
    module, _ = built("pyo3_module")
    step = load_example(CHAPTER / "diffusion" / "diffusion_rust_pyo3.py").make_step(module)
    for n, steps in [(1, 3), (3, 7), (64, 30)]:
        grid, _ = diffusion.evolve_loop(step, n, steps)
        assert np.allclose(grid, common.run_numpy(n, steps), rtol=0, atol=1e-12), n
    grid = diffusion.initial_grid(8)
    with pytest.raises(BufferError):  # PyBuffer<f64> refuses float32
        module.evolve(grid.astype(np.float32), np.empty((8, 8)))
    with pytest.raises(ValueError):
        module.evolve(np.zeros((8, 4)), np.zeros((8, 4)))
    with pytest.raises(ValueError):
        module.evolve(grid, grid)
    readonly = np.empty((8, 8))
    readonly.flags.writeable = False
    with pytest.raises((ValueError, BufferError)):
        module.evolve(grid, readonly)
    out = np.empty_like(grid)
    module.evolve(memoryview(grid), out)  # any buffer will do
    assert np.allclose(out, roll_reference(grid, 1), rtol=0, atol=1e-15)


@pytest.mark.toolchain
@pytest.mark.slow
def test_pythran_builds_in_its_own_environment_and_gives_the_sum():
    calculate, _ = built("pythran_module")
    assert "pythran" in calculate.__file__
    zs, cs = julia_arrays(100)
    output = np.zeros(len(zs), dtype=np.int64)
    calculate.calculate_z(300, zs, cs, output)
    assert int(output.sum()) == julia.KNOWN_SUMS[(100, 300)]
    import setuptools

    assert int(setuptools.__version__.split(".")[0]) >= 60  # the project's env is untouched


@pytest.mark.toolchain
@pytest.mark.slow
def test_julia_numpy_under_pypy(run_example):
    pypy = built("pypy_numpy_python")
    completed = run_example(
        "07_compiling/pypy/julia1_numpy_pypy.py", "--width", "100", "--repeat", "2", python=pypy, check=True
    )
    assert "interpreter: PyPy" in completed.stdout
    assert "sum(output) = 56182" in completed.stdout  # 30 iterations, as the book runs it
    assert completed.stdout.count("took ") == 2


def test_diminishing_returns_figure_from_measurements(run_example, tmp_path):
    completed = run_example(
        "07_compiling/diminishing_returns/make_diminishing_returns.py",
        "--width",
        "40",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path,
        check=True,
    )
    # every step was timed and its sum checked against pure Python before it was drawn
    for label in ["pure Python", "Cython, unchanged code", "+ cdef types", "+ expanded math", "memoryviews"]:
        assert re.search(rf"^{re.escape(label)} .* \d+\.\dx", completed.stdout, re.M), label
    png = (tmp_path / "diminishing_returns.png").read_bytes()
    assert png.startswith(b"\x89PNG")


# ---------------------------------------------------------------- the book's names, imported by plain name


@pytest.mark.toolchain
def test_ctypes_evolve_takes_the_books_arguments(import_plain, needs):
    needs.program("gcc")
    example = import_plain("07_compiling/diffusion", "diffusion_ctypes")
    grid, out = diffusion.initial_grid(32), np.zeros((32, 32))
    example.evolve(grid, out, 0.1)  # the book's order: grid, out, dt (D=1.0)
    expected = common.evolve_numpy(grid, np.empty_like(grid), 0.1)
    assert np.abs(out - expected).max() <= 1e-15
    assert out.sum() == pytest.approx(diffusion.initial_mass(32), rel=1e-12)


@pytest.mark.toolchain
def test_cffi_evolve_takes_the_books_arguments(import_plain, needs):
    needs.program("gcc")
    needs.module("cffi")
    example = import_plain("07_compiling/diffusion", "diffusion_2d_cffi")
    grid, out = diffusion.initial_grid(32), np.zeros((32, 32))
    example.evolve(grid, 0.1, out)  # the book's order: grid, dt, out (D=1.0)
    expected = common.evolve_numpy(grid, np.empty_like(grid), 0.1)
    assert np.abs(out - expected).max() <= 1e-15
    assert out.sum() == pytest.approx(diffusion.initial_mass(32), rel=1e-12)


def test_diminishing_returns_sigmoid(import_plain):
    example = import_plain("07_compiling/diminishing_returns", "make_diminishing_returns")
    ns = np.arange(-10, 10)  # the book's points
    s = example.sigmoid(ns)
    assert example.sigmoid(0) == 0.5
    assert np.all(np.diff(s) > 0)  # effort always buys some speed, less and less at the top
    assert s[0] == pytest.approx(4.5397868702434395e-05) and s[-1] == pytest.approx(0.9998766054240137)
    assert np.allclose(example.sigmoid(ns) + example.sigmoid(-ns), 1.0, rtol=0, atol=1e-15)


def test_compare_get_timings_times_one_call(import_plain, needs):
    import time

    needs.torch()
    compare = import_plain("07_compiling/pytorch", "compare")
    calls = []
    seconds = compare.get_timings(lambda: (calls.append(1), time.sleep(0.02)))
    assert calls == [1] and 0.02 <= seconds < 5
    assert 0.02 <= compare.get_timings(lambda: time.sleep(0.02), "cpu") < 5
