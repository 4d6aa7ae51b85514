"""Fixtures shared by every chapter's tests."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_root():
    return REPO_ROOT


@pytest.fixture
def run_example(tmp_path):
    """Run an example script as a reader would: ``run_example("01_understanding/check_prime.py", "--number", "7")``.

    It runs with this interpreter, from a temporary folder (so scripts must not
    depend on the current directory), writing its files under that folder
    (``HPP_OUTPUT_DIR``). Returns the CompletedProcess (text output).
    """

    def run(script, *args, timeout=300, env=None, python=None, check=False):
        full_env = dict(os.environ, HPP_OUTPUT_DIR=str(tmp_path / "output"),
                        MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
        full_env.update(env or {})
        command = [python or sys.executable, str(REPO_ROOT / script), *map(str, args)]
        completed = subprocess.run(command, cwd=tmp_path, env=full_env, capture_output=True,
                                   text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if check and completed.returncode != 0:
            raise AssertionError(f"{script} exited {completed.returncode}:\n"
                                 f"{completed.stdout}\n{completed.stderr}")
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
