"""Fixtures and helpers shared by every chapter's tests.

- ``run_example``: run a script as a reader would (a subprocess, from a temp folder).
- ``assert_bad_input``: the contract for bad input (exit 2, one line on stderr).
- ``needs``: one skip helper per missing thing (``needs.program("redis-server")``,
  ``needs.torch()``, ``needs.compiled(folder, "cythonfn1")``, ``needs.module("numba")``).
  In CI (``CI=true``) a thing that ``.ci/run`` installs is never skipped: the
  test fails, so a broken install step cannot hide behind a skip.
- ``rerun_on_the_import_lock_race``: a profiled run that died of CPython 3.11's
  import-lock race under Scalene's signals runs once more (nothing else does).
- ``import_plain``: import a chapter module by its plain name, as the chapter's
  scripts do, with its folder on ``sys.path``; ``sys.path`` and ``sys.modules``
  are restored after the test (through ``monkeypatch``).
- Nothing left behind: the run gets a temp folder of its own (``TMPDIR``); at
  the end, a file or folder left in it, or a process started by the run and
  still alive (a server, a pool worker, a daemonized cluster), fails the run.
"""

import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from hpp import leftovers
from hpp.examples import system_tools

REPO_ROOT = Path(__file__).resolve().parent.parent
CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# ---------------------------------------------------------------- skips that fail in CI

#: ``.ci/system-tools.txt``: what ``make system-deps`` (and CI) installs, by program or file.
SYSTEM_TOOLS = system_tools()


class Needs:
    """One helper per kind of missing thing: skip on a reader's machine, fail in CI where CI installs it."""

    def missing(self, what, install, ci_installs):
        message = f"needs {what}: {install}"
        if CI and ci_installs:
            pytest.fail(f"{message} (CI installs it: the install step failed)")
        pytest.skip(message)

    def tool(self, name):
        """A tool of ``.ci/system-tools.txt``, by program (``pypy3``) or package (``librust-pyo3-dev``).

        Returns the program's path (or the file found); skips naming ``apt-get install PACKAGE``.
        """
        for check, package in SYSTEM_TOOLS.items():
            if name in (check, package):
                break
        else:
            raise ValueError(f"{name!r} is not in .ci/system-tools.txt")
        if check.startswith("/"):
            found = sorted(Path("/").glob(check[1:]))
            path = str(found[0]) if found else None
            what = f"{package} ({check})"
        else:
            path = shutil.which(check) or (check == "chromium" and shutil.which("chromium-browser")) or None
            what = f"the program {check!r}"
        if path is None:
            self.missing(what, f"apt-get install {package} (or make system-deps)", ci_installs=True)
        return path

    def program(self, name, install=None):
        """The path of program ``name``: a system tool (``redis-server``...) or another (``nsqd``)."""
        if name in SYSTEM_TOOLS or name in SYSTEM_TOOLS.values():
            return self.tool(name)
        path = shutil.which(name)
        if path is None:
            self.missing(f"the program {name!r}", install or "see the chapter README", ci_installs=False)
        return path

    def redis_server(self):
        return self.program("redis-server")

    def openmp(self):
        """A C compiler that builds OpenMP code (gcc with -fopenmp)."""
        self.program("gcc")

    def module(self, name, extra="all"):
        """Import Python package ``name``; ``make install`` installs every extra but ``gpu``."""
        try:
            return importlib.import_module(name)
        except ImportError:
            self.missing(
                f"the Python package {name!r}", f"pip install -e '.[{extra}]'", ci_installs=extra != "gpu"
            )

    def torch(self):
        """PyTorch (the ``gpu`` extra); CI installs its CPU build where ``HPP_CI_EXPECT_TORCH`` is set."""
        try:
            return importlib.import_module("torch")
        except ImportError:
            self.missing(
                "PyTorch", "pip install -e '.[gpu]'", ci_installs=bool(os.environ.get("HPP_CI_EXPECT_TORCH"))
            )

    def compiled(self, folder, name):
        """A module ``make install`` builds in place (Cython, C, OpenMP) in ``folder``."""
        folder = str(REPO_ROOT / folder)
        if folder not in sys.path:
            sys.path.insert(0, folder)
        try:
            return importlib.import_module(name)
        except ImportError as error:
            self.missing(
                f"the compiled module {name} ({error})",
                "make install (OpenMP variants need gcc)",
                ci_installs=True,
            )


NEEDS = Needs()


@pytest.fixture(scope="session")
def needs():
    return NEEDS


def pytest_runtest_setup(item):
    """A test marked ``redis`` needs redis-server: it skips (or fails in CI) through ``needs`` too."""
    if item.get_closest_marker("redis"):
        NEEDS.redis_server()


# ---------------------------------------------------------------- imports by plain name


@pytest.fixture
def import_plain(monkeypatch):
    """``import_plain("07_compiling/cython", "julia1")``: the chapter module by its plain name.

    The folder goes first on ``sys.path``; a cached module of that name (or a
    neighbour's) from another folder is set aside for the test, so two
    chapters' ``julia1`` never mix. ``monkeypatch`` restores both afterwards.
    """

    def load(folder, name):
        folder = (REPO_ROOT / folder).resolve()
        monkeypatch.syspath_prepend(str(folder))
        for sibling in folder.glob("*.py"):
            cached = sys.modules.get(sibling.stem)
            where = getattr(cached, "__file__", None)
            if cached is not None and where and Path(where).resolve().parent != folder:
                monkeypatch.delitem(sys.modules, sibling.stem)
        return importlib.import_module(name)

    return load


# ---------------------------------------------------------------- running scripts


@pytest.fixture
def repo_root():
    return REPO_ROOT


@pytest.fixture
def run_example(tmp_path):
    """Run an example script as a reader would.

    ``run_example("01_understanding/check_prime.py", "--number", "7")``

    It runs with this interpreter, from a temporary folder (so scripts must not
    depend on the current directory), writing its files under that folder
    (``HPP_OUTPUT_DIR``). Returns the CompletedProcess (text output).
    """

    def run(script, *args, timeout=300, env=None, python=None, check=False):
        full_env = dict(
            os.environ, HPP_OUTPUT_DIR=str(tmp_path / "output"), MPLBACKEND="Agg", PYTHONUNBUFFERED="1"
        )
        full_env.update(env or {})
        command = [python or sys.executable, str(REPO_ROOT / script), *map(str, args)]
        completed = subprocess.run(
            command,
            cwd=tmp_path,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"{script} exited {completed.returncode}:\n{completed.stdout}\n{completed.stderr}"
            )
        return completed

    return run


@pytest.fixture
def assert_bad_input():
    """Check the contract for bad input: exit status 2 and one clear line on stderr."""

    def check(completed):
        assert completed.returncode == 2, (completed.returncode, completed.stderr)
        lines = [line for line in completed.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, completed.stderr
        assert "Traceback" not in completed.stderr
        return lines[0]

    return check


# CPython 3.11's module locks are not re-entrant under signals (python/cpython#91351, fixed in
# 3.12 by python/cpython#94504): when Scalene's signal handler imports while the profiled program
# is importing, the program dies with a KeyError in importlib's ``acquire``. Seen about once in
# five runs of the suite, more often when the cores are busy.
IMPORT_LOCK_RACE = re.compile(
    r'File "<frozen importlib\._bootstrap>", line \d+, in acquire\n\s*KeyError: \d+'
)


@pytest.fixture
def rerun_on_the_import_lock_race():
    """``rerun(run)``: call ``run()`` (it returns a CompletedProcess); on Python 3.11, if it died of that
    race, call it once more. Any other failure, or the race twice, is returned as it is."""

    def rerun(run):
        completed = run()
        if sys.version_info < (3, 12) and IMPORT_LOCK_RACE.search(completed.stdout + completed.stderr):
            completed = run()
        return completed

    return rerun


# ---------------------------------------------------------------- the reader's machine, proved
# CI's reader stage runs the suite under .ci/bare-machine, which hides the optional tools, with
# HPP_EXPECT_SKIPS naming them ("pypy3 redis-server PyTorch ...") and HPP_EXPECT_MIN_SKIPS a count:
# the run fails unless some skip names each one and at least that many tests skip, so the stage
# cannot pass by having the tools after all.


def pytest_runtest_logreport(report):
    if report.skipped and isinstance(report.longrepr, tuple):
        _SKIP_REASONS.append(report.longrepr[2])


_SKIP_REASONS = []


def expected_skips_missing(reasons, expected_words, minimum):
    """What the skips fail to show: each word named by some reason, and at least ``minimum`` skips."""
    problems = [
        f"no test skipped naming {word!r}" for word in expected_words if not any(word in r for r in reasons)
    ]
    if len(reasons) < minimum:
        problems.append(f"{len(reasons)} tests skipped, fewer than the {minimum} expected")
    return problems


def _check_expected_skips(session):
    words = os.environ.get("HPP_EXPECT_SKIPS", "").split()
    minimum = int(os.environ.get("HPP_EXPECT_MIN_SKIPS", "0") or 0)
    if not (words or minimum) or not _is_controller(session.config):
        return []
    return expected_skips_missing(_SKIP_REASONS, words, minimum)


# ---------------------------------------------------------------- nothing left behind
# The checks run in the controlling process (with xdist, the workers share its
# temp folder and its session marker): every process the run starts inherits
# HPP_TEST_SESSION, so one still alive at the end is found even when it was
# daemonized away from its parent.

SESSION_VARIABLE = "HPP_TEST_SESSION"
LEFTOVER_GRACE_SECONDS = 10


def _is_controller(config):
    return not hasattr(config, "workerinput")


def pytest_configure(config):
    if not _is_controller(config) or os.environ.get(SESSION_VARIABLE):
        return
    folder = tempfile.mkdtemp(prefix="hpp-tests-")
    config._hpp_leftovers = {"folder": folder, "marker": uuid.uuid4().hex, "tmpdir": os.environ.get("TMPDIR")}
    os.environ["TMPDIR"] = folder
    os.environ[SESSION_VARIABLE] = config._hpp_leftovers["marker"]
    tempfile.tempdir = None  # tempfile re-reads TMPDIR


def _session_processes(marker):
    import psutil

    found = []
    for process in psutil.process_iter(["pid", "cmdline"]):
        if process.pid == os.getpid():
            continue
        try:
            if process.environ().get(SESSION_VARIABLE) == marker:
                found.append(process)
        except (psutil.Error, OSError):
            continue
    return found


def _is_xdist_worker(process):
    try:
        return process.ppid() == os.getpid() and "execnet" in " ".join(process.cmdline())
    except Exception:
        return False


def _describe(path):
    """``(a folder: a, b, ...)`` or ``(a file of N bytes)``: what a leftover holds, to trace its maker."""
    try:
        if path.is_dir():
            names = sorted(p.name for p in path.iterdir())
            return f"(a folder: {', '.join(names[:8]) or 'empty'})"
        return f"(a file of {path.stat().st_size} bytes)"
    except OSError:
        return "(gone)"


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    state = getattr(session.config, "_hpp_leftovers", None)
    if state is None:
        return
    import psutil

    def alive():
        return [
            p
            for p in _session_processes(state["marker"])
            if not _is_xdist_worker(p) and not leftovers.ends_with_its_parent(p)
        ]

    deadline = time.monotonic() + LEFTOVER_GRACE_SECONDS
    # The xdist workers first: their exit handlers remove temporary folders that libraries
    # made at import (a folder listed before a worker has exited is not a leftover).
    workers = [p for p in _session_processes(state["marker"]) if _is_xdist_worker(p)]
    psutil.wait_procs(workers, timeout=LEFTOVER_GRACE_SECONDS)
    processes = alive()
    while processes and time.monotonic() < deadline:
        time.sleep(0.5)
        processes = alive()
    folder = Path(state["folder"])
    files = sorted(p.name for p in folder.iterdir() if not p.name.startswith("pytest-of-"))
    problems = []
    for process in processes:
        try:
            problems.append(f"process {process.pid} still running: {' '.join(process.cmdline())[:200]}")
            process.kill()
        except psutil.Error:
            continue
    # Every entry fails the run, with what it holds (an anonymous ``tmpXXXXXXXX`` folder is a
    # library's ``tempfile.mkdtemp()``: its contents name the maker).
    problems += [f"left in the temp folder: {name} {_describe(folder / name)}" for name in files]
    os.environ.pop(SESSION_VARIABLE, None)
    if state["tmpdir"] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = state["tmpdir"]
    tempfile.tempdir = None
    shutil.rmtree(folder, ignore_errors=True)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if problems:
        text = "the tests left things behind:\n  " + "\n  ".join(problems)
        if reporter:
            reporter.write_sep("=", "left behind", red=True)
            reporter.write_line(text)
        else:
            print(text, file=sys.stderr)
        if session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
    unseen = _check_expected_skips(session)
    if unseen:
        if reporter:
            reporter.write_sep("=", "the reader's machine", red=True)
            reporter.write_line("the optional tools were not all out of reach:\n  " + "\n  ".join(unseen))
        if session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
