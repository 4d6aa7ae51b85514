"""The Makefile, the README's two commands and the one list of system tools.

- ``make test`` is the first tier (everything but the ``slow`` book-size runs), ``make test-all``
  the whole suite;
- the install depends only on tracked sources, so a file a test generates (Cython's ``.c`` beside
  its ``.pyx``) never makes the next command reinstall, and ``make -q install`` holds after a run;
- ``make system-deps`` and CI install from ``.ci/system-tools.txt``, the list ``needs`` reads.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hpp.examples import system_tools
from hpp.loader import REPO_ROOT


def make(*args):
    completed = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO_ROOT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    return completed


def make_variable(name, needs):
    needs.program("make")
    completed = make("--eval", f"print-{name}: ; @echo $({name})", f"print-{name}")
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split()


def test_the_two_tiers(needs):
    needs.program("make")
    first = make("-n", "test", "PYTEST_ARGS=")
    every = make("-n", "test-all", "PYTEST_ARGS=")
    assert first.returncode == every.returncode == 0, first.stderr + every.stderr
    assert first.stdout.strip().endswith('pytest -m "not slow"'), first.stdout
    assert every.stdout.strip().endswith("pytest"), every.stdout


def test_the_install_depends_only_on_tracked_sources(needs):
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout: the Makefile lists the sources with find")
    sources = make_variable("COMPILED_SOURCES", needs)
    tracked = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "ls-files", *sources], capture_output=True, text=True, check=True
    ).stdout.split()
    assert sources and sorted(sources) == sorted(tracked)
    pyx = [Path(s) for s in sources if s.endswith(".pyx")]
    assert len(pyx) >= 10  # every Cython example is a source
    assert not [p for p in pyx if str(p.with_suffix(".c")) in sources]  # and none of Cython's .c files


def test_make_q_install_holds_in_the_environment_make_built(needs):
    venv = Path(sys.prefix)
    if not (venv / ".installed").is_file():
        pytest.skip(f"{venv} was not made by `make install`")
    needs.program("make")
    completed = make("-q", "install", f"VENV={venv}", f"PYTHON={sys.executable}")
    assert completed.returncode == 0, "make would reinstall: a dependency of .installed is newer"


def missing_packages(path):
    """``.ci/system-deps --missing`` with ``PATH=path``: the packages it would install."""
    completed = subprocess.run(
        [shutil.which("bash"), str(REPO_ROOT / ".ci" / "system-deps"), "--missing"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PATH=str(path)),
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split()


def test_system_deps_installs_what_the_list_names_and_is_missing(tmp_path):
    tools = system_tools()
    assert {"redis-server", "pypy3", "gfortran", "cargo", "chromium", "perf"} <= set(tools)
    assert tools["/usr/share/cargo/registry/pyo3-0.*"] == "librust-pyo3-dev"
    files = {check: package for check, package in tools.items() if check.startswith("/")}
    absent_files = sorted(p for c, p in files.items() if not any(Path("/").glob(c[1:])))
    # nothing on PATH: every program's package, and the packages of the files not there
    empty = tmp_path / "empty"
    empty.mkdir()
    programs = [p for c, p in tools.items() if not c.startswith("/")]
    assert sorted(missing_packages(empty)) == sorted(programs + absent_files)
    # every program on PATH: only the files' packages
    full = tmp_path / "full"
    full.mkdir()
    for check in tools:
        if not check.startswith("/"):
            (full / check).write_text("#!/bin/sh\n")
            (full / check).chmod(0o755)
    assert sorted(missing_packages(full)) == absent_files


def test_no_dead_code():
    """vulture finds no dead code ([tool.vulture] in pyproject.toml names what it cannot see used)."""
    completed = subprocess.run(
        [sys.executable, "-m", "vulture"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
