"""Build chapter 07's foreign-language libraries on demand, into build/07_compiling/.

``make install`` builds the Cython modules and the CPython extension. The
rest needs a toolchain outside Python and is built the first time it is used:

- ``shared_library()``   diffusion.c -> libdiffusion.so (gcc), for ctypes;
- ``cffi_module()``      diffusion.c compiled into a cffi API-mode module;
- ``fortran_module()``   diffusion.f90 through f2py (meson backend, gfortran);
- ``rust_library()``     the Rust cdylib (cargo, no crates, offline);
- ``pyo3_module()``      the Rust extension module through PyO3 (cargo, Debian's PyO3 crates, offline);
- ``point_library()``, ``cffi_point_module()``  the struct examples (gcc; cffi API mode);
- ``pypy_numpy_python()`` a PyPy environment with NumPy (pypy3 -m venv, NumPy from PyPI);
- ``pythran_module()``   the Pythran Julia example, in a virtual environment of its own.

Each build goes into a folder named after a hash of its sources and flags,
so an edit rebuilds and an unchanged source is reused. A file lock makes
concurrent builds (pytest -n 2) safe. Each returns ``(path, seconds)``, the
seconds the build took when it was made (shown beside run times by the
benchmark). A missing tool raises ``ToolchainMissing`` naming the package.
"""

import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings
from pathlib import Path

from hpp.loader import REPO_ROOT

DIFFUSION = Path(__file__).resolve().parent
CHAPTER = DIFFUSION.parent
BUILD_DIR = REPO_ROOT / "build" / CHAPTER.name
C_FLAGS = ["-O3", "-march=native", "-std=gnu11", "-fPIC"]


class ToolchainMissing(RuntimeError):
    """A compiler or build tool is not installed; the message says how to install it."""


class BuildFailed(RuntimeError):
    """The toolchain is there but the build failed; the message has the compiler's last words."""


def which(tool, package):
    found = shutil.which(tool)
    if found is None and tool == "cargo" and (Path.home() / ".cargo/bin/cargo").exists():
        found = str(Path.home() / ".cargo/bin/cargo")
    if found is None:
        venv_tool = Path(sys.executable).parent / tool
        found = str(venv_tool) if venv_tool.exists() else None
    if found is None:
        raise ToolchainMissing(f"needs {tool}: {package}")
    return found


def _fingerprint(name, files, extra):
    digest = hashlib.sha256(name.encode())
    for path in files:
        digest.update(Path(path).read_bytes())
    digest.update(json.dumps(extra, sort_keys=True).encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


def _cached_build(name, files, extra, build, artifact):
    """Run ``build(folder)`` once per fingerprint; returns (artifact path, build seconds)."""
    root = BUILD_DIR / name
    target = root / _fingerprint(name, files, extra)
    record = target / "build.json"
    if not record.exists():
        root.mkdir(parents=True, exist_ok=True)
        with open(root / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not record.exists():
                folder = Path(tempfile.mkdtemp(prefix="tmp-", dir=root))
                try:
                    start = time.perf_counter()
                    build(folder)
                    seconds = time.perf_counter() - start
                    (folder / "build.json").write_text(json.dumps({"seconds": seconds}))
                    folder.rename(target)
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
    seconds = json.loads(record.read_text())["seconds"]
    return target / artifact(target), seconds


def _run(command, cwd, env=None, timeout=600):
    try:
        completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BuildFailed(f"{command[0]} took longer than {timeout} s") from None
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise BuildFailed(f"{Path(command[0]).name} failed: {' | '.join(tail)}")
    return completed


def shared_library():
    """libdiffusion.so from diffusion.c, for ctypes."""
    cc = which(os.environ.get("CC", "gcc"), "apt-get install gcc")
    sources = [DIFFUSION / "diffusion.c", DIFFUSION / "diffusion.h"]

    def build(folder):
        _run(
            [cc, *C_FLAGS, "-shared", "-o", str(folder / "libdiffusion.so"), str(DIFFUSION / "diffusion.c")],
            cwd=folder,
        )

    return _cached_build("c", sources, C_FLAGS, build, lambda target: "libdiffusion.so")


CFFI_CDEF = """
void evolve(const double *in, double *out, long n, double D, double dt);
void evolve_steps(double *grid, double *scratch, long n, long steps, double D, double dt);
"""


def cffi_module():
    """The cffi API-mode module ``_diffusion_cffi`` (imported and returned, with build seconds)."""
    which(os.environ.get("CC", "gcc"), "apt-get install gcc")
    sources = [DIFFUSION / "diffusion.c", DIFFUSION / "diffusion.h"]

    def build(folder):
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(CFFI_CDEF)
        ffi.set_source(
            "_diffusion_cffi",
            '#include "diffusion.h"',
            sources=[str(DIFFUSION / "diffusion.c")],
            include_dirs=[str(DIFFUSION)],
            extra_compile_args=["-O3", "-march=native", "-std=gnu11"],
        )
        try:
            with warnings.catch_warnings():  # setuptools' deprecation notices are build noise
                warnings.simplefilter("ignore")
                ffi.compile(tmpdir=str(folder))
        except Exception as error:
            raise BuildFailed(f"cffi could not compile the module: {error}") from None

    def artifact(target):
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        return f"_diffusion_cffi{suffix}"

    path, seconds = _cached_build("cffi", sources, [CFFI_CDEF, sys.version], build, artifact)
    return _import_from(path, "_diffusion_cffi"), seconds


def fortran_module():
    """diffusion.f90 through f2py with the meson backend (imported and returned, with seconds)."""
    which("gfortran", "apt-get install gfortran")
    which("meson", "pip install meson ninja (the `compiling` extra)")
    which("ninja", "pip install meson ninja (the `compiling` extra)")
    sources = [DIFFUSION / "diffusion.f90"]
    name = "diffusion_fortran_ext"

    def build(folder):
        shutil.copy(DIFFUSION / "diffusion.f90", folder / "diffusion.f90")
        env = dict(
            os.environ,
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            FFLAGS="-O3 -march=native",
        )
        _run(
            # --build-dir inside our folder: without it f2py's meson backend builds in a
            # tempfile.mkdtemp() folder that it never removes.
            [
                sys.executable,
                "-m",
                "numpy.f2py",
                "-c",
                "diffusion.f90",
                "-m",
                name,
                "--backend",
                "meson",
                "--build-dir",
                "f2py-build",
            ],
            cwd=folder,
            env=env,
        )

    def artifact(target):
        return next(target.glob(f"{name}*.so")).name

    path, seconds = _cached_build("fortran", sources, ["-O3", "-march=native"], build, artifact)
    return _import_from(path, name), seconds


def rust_library():
    """The Rust cdylib libdiffusion_rust.so, for ctypes."""
    cargo = which("cargo", "apt-get install cargo (or rustup)")
    crate = DIFFUSION / "rust"
    sources = [crate / "Cargo.toml", crate / "src" / "lib.rs"]
    flags = "-C target-cpu=native"

    def build(folder):
        env = dict(os.environ, CARGO_TARGET_DIR=str(folder / "target"), RUSTFLAGS=flags)
        env["PATH"] = f"{Path(cargo).parent}{os.pathsep}{env.get('PATH', '')}"
        _run(
            [
                cargo,
                "build",
                "--release",
                "--offline",
                "--quiet",
                "--manifest-path",
                str(crate / "Cargo.toml"),
            ],
            cwd=folder,
            env=env,
        )
        shutil.copy(folder / "target" / "release" / "libdiffusion_rust.so", folder / "libdiffusion_rust.so")
        shutil.rmtree(folder / "target")

    return _cached_build("rust", sources, flags, build, lambda target: "libdiffusion_rust.so")


def point_library():
    """libcomplicated.so from complicated.c, for the ctypes ``Structure`` example."""
    cc = which(os.environ.get("CC", "gcc"), "apt-get install gcc")
    sources = [DIFFUSION / "complicated.c", DIFFUSION / "complicated.h"]

    def build(folder):
        _run(
            [
                cc,
                "-O2",
                "-fPIC",
                "-shared",
                "-o",
                str(folder / "libcomplicated.so"),
                str(DIFFUSION / "complicated.c"),
            ],
            cwd=folder,
        )

    return _cached_build("complicated", sources, ["-O2"], build, lambda target: "libcomplicated.so")


def cffi_point_module(cdef):
    """A cffi API-mode module that includes complicated.h and compiles against the declarations
    ``cdef`` (which may leave out struct members with ``...;``). Returns (module, build seconds)."""
    which(os.environ.get("CC", "gcc"), "apt-get install gcc")
    sources = [DIFFUSION / "complicated.c", DIFFUSION / "complicated.h"]
    name = "_complicated_cffi"

    def build(folder):
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(cdef)
        ffi.set_source(
            name,
            '#include "complicated.h"',
            sources=[str(DIFFUSION / "complicated.c")],
            include_dirs=[str(DIFFUSION)],
        )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ffi.compile(tmpdir=str(folder))
        except Exception as error:
            raise BuildFailed(f"cffi could not compile the module: {error}") from None

    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    path, seconds = _cached_build(
        "cffi_point", sources, [cdef, sys.version], build, lambda target: f"{name}{suffix}"
    )
    return _import_from(path, name), seconds


def pythran_module():
    """``pythran_julia/calculate.py`` compiled by Pythran (imported and returned, with build seconds).

    Pythran's release pins ``setuptools<60``, which would break the project's
    environment, so it lives in a virtual environment of its own under
    build/07_compiling/pythran-venv (created on first use; Pythran and the
    project's NumPy version from PyPI). The module it compiles is imported here.
    """
    import numpy

    which("g++", "apt-get install g++ (Pythran writes C++)")
    source = CHAPTER / "pythran_julia" / "calculate.py"
    name = "calculate"
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    venv = BUILD_DIR / f"pythran-venv-{sys.version_info[0]}.{sys.version_info[1]}"
    flags = ["-O3", "-fopenmp"]

    def build(folder):
        with open(BUILD_DIR / ".pythran-venv.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            pythran = venv / "bin" / "pythran"
            if not pythran.exists():
                shutil.rmtree(venv, ignore_errors=True)
                _run([sys.executable, "-m", "venv", str(venv)], cwd=BUILD_DIR)
                try:
                    _run(
                        [
                            str(venv / "bin" / "python"),
                            "-m",
                            "pip",
                            "install",
                            "--quiet",
                            "pythran",
                            f"numpy=={numpy.__version__}",
                        ],
                        cwd=BUILD_DIR,
                    )
                except BuildFailed as error:
                    shutil.rmtree(venv, ignore_errors=True)
                    raise ToolchainMissing(
                        f"needs Pythran from PyPI (pip could not install it into {venv}: {error})"
                    ) from None
        shutil.copy(source, folder / "calculate.py")
        _run([str(venv / "bin" / "pythran"), *flags, "calculate.py", "-o", f"{name}{suffix}"], cwd=folder)

    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    path, seconds = _cached_build(
        "pythran", [source], [*flags, numpy.__version__], build, lambda target: f"{name}{suffix}"
    )
    return _import_from(path, name), seconds


def pypy_numpy_python():
    """The ``pypy3`` of a PyPy virtual environment with NumPy, build/07_compiling/pypy-numpy.

    Created on first use: ``pypy3 -m venv`` and NumPy's PyPy wheel from PyPI
    (Debian packages no NumPy for PyPy). Raises ToolchainMissing naming what
    is missing: pypy3, or a NumPy that pip could not install (no network).
    """
    pypy = which("pypy3", "apt-get install pypy3")
    venv = BUILD_DIR / "pypy-numpy"
    python = venv / "bin" / "pypy3"
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with open(BUILD_DIR / ".pypy-numpy.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / "numpy-installed").exists():
            shutil.rmtree(venv, ignore_errors=True)
            try:
                _run([pypy, "-m", "venv", str(venv)], cwd=BUILD_DIR)
                _run([str(python), "-m", "pip", "install", "--quiet", "numpy"], cwd=BUILD_DIR)
            except BuildFailed as error:
                shutil.rmtree(venv, ignore_errors=True)
                raise ToolchainMissing(
                    f"needs NumPy for PyPy: `pypy3 -m venv {venv}` then its "
                    f"pip install numpy failed ({error})"
                ) from None
            (venv / "numpy-installed").write_text("numpy\n")
    return python


DEBIAN_CRATES = Path("/usr/share/cargo/registry")


def pyo3_module():
    """The PyO3 extension ``diffusion_pyo3`` (imported and returned, with build seconds).

    Cargo takes PyO3 from Debian's crate registry (``rust_pyo3/.cargo/config.toml``),
    so the build is offline; the crate is copied to the build folder, so the
    source tree gets no ``Cargo.lock`` or ``target/``.
    """
    cargo = which("cargo", "apt-get install cargo (or rustup)")
    if not any(DEBIAN_CRATES.glob("pyo3-0.*")):
        raise ToolchainMissing("needs PyO3's source crates: apt-get install librust-pyo3-dev")
    crate = DIFFUSION / "rust_pyo3"
    sources = [crate / "Cargo.toml", crate / ".cargo" / "config.toml", crate / "src" / "lib.rs"]
    name = "diffusion_pyo3"
    suffix = sysconfig.get_config_var("EXT_SUFFIX")

    def build(folder):
        shutil.copytree(crate, folder / "crate")
        env = dict(os.environ, CARGO_TARGET_DIR=str(folder / "target"), PYO3_PYTHON=sys.executable)
        env["PATH"] = f"{Path(cargo).parent}{os.pathsep}{env.get('PATH', '')}"
        _run([cargo, "build", "--release", "--offline", "--quiet"], cwd=folder / "crate", env=env)
        shutil.copy(folder / "target" / "release" / f"lib{name}.so", folder / f"{name}{suffix}")
        shutil.rmtree(folder / "target")
        shutil.rmtree(folder / "crate")

    path, seconds = _cached_build("pyo3", sources, [sys.executable], build, lambda target: f"{name}{suffix}")
    return _import_from(path, name), seconds


def _import_from(path, name):
    if name in sys.modules and getattr(sys.modules[name], "__file__", None) == str(path):
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module


def toolchain_error(error):
    """One line for a script's ``fail``: what is missing or what failed."""
    return f"{type(error).__name__}: {error}" if isinstance(error, BuildFailed) else str(error)


def built_or_exit(build, *args):
    """``build(*args)`` for a script: a missing or failing toolchain ends with one clear line, exit 2."""
    try:
        return build(*args)
    except (ToolchainMissing, BuildFailed) as error:
        from hpp.script import fail

        fail(toolchain_error(error))
