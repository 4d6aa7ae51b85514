"""Ctrl-C ends a script with one line, ``interrupted``, exit status 130, and nothing left behind.

Each case starts a script in a process group of its own, waits until it is in its
work (a line it prints, its worker processes), then sends SIGINT to the whole group,
as a terminal's Ctrl-C does. The script must end with status 130 and exactly one
stderr line, ``interrupted`` (no traceback from it or its workers), leave no
process of its group alive and no file in its temp folder (``TMPDIR``).
The mechanism is ``hpp.interrupt``, installed by ``hpp.script``'s parser.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from hpp.script import example_parser
from hpp.service import free_port, port_is_open

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY_TIMEOUT_S = 90  # a Dask cluster on a busy 2-core machine
END_TIMEOUT_S = 60
GONE_TIMEOUT_S = 15  # workers and trackers end after the script does

PI_LISTS = "09_multiprocessing/pi_estimation/pi_lists_parallel.py"
PRIMES_POOL = "09_multiprocessing/prime_validation/primes_pool_per_number1.py"


def group_alive(pgid):
    """The live (not zombie) processes of process group ``pgid``."""
    alive = []
    for process in psutil.process_iter(["status"]):
        try:
            if os.getpgid(process.pid) == pgid and process.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except (ProcessLookupError, psutil.Error):
            pass
    return alive


def command_line(process):
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return f"pid {process.pid} (gone)"


def count_children(process):
    try:
        return len(process.children())
    except psutil.Error:
        return -1


def wait_until(condition, timeout, what, process, stdout_path, stderr_path):
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            with open(stdout_path) as out, open(stderr_path) as err:
                pytest.fail(f"{what}: not reached (exit {process.returncode})\n{out.read()}\n{err.read()}")
        time.sleep(0.05)


def interrupt(tmp_path, script, args, ready_text, workers=0, settle_s=1.0, ready=None):
    """Run ``script``; once ``ready_text`` is printed (and ``workers`` children exist), Ctrl-C it."""
    temp = Path(tempfile.mkdtemp(prefix="sigint-"))  # short: the forkserver's socket lives there
    stdout_path, stderr_path = tmp_path / "stdout", tmp_path / "stderr"
    env = dict(os.environ, TMPDIR=str(temp), PYTHONUNBUFFERED="1", HPP_OUTPUT_DIR=str(tmp_path / "out"))
    with open(stdout_path, "w") as out, open(stderr_path, "w") as err:
        process = subprocess.Popen(
            [sys.executable, os.path.join(REPO_ROOT, script), *map(str, args)],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    pgid = process.pid
    try:
        watch = (process, stdout_path, stderr_path)
        wait_until(lambda: ready_text in stdout_path.read_text(), READY_TIMEOUT_S, ready_text, *watch)
        parent = psutil.Process(process.pid)
        wait_until(lambda: count_children(parent) >= workers, READY_TIMEOUT_S, f"{workers} workers", *watch)
        if ready is not None:
            wait_until(ready, READY_TIMEOUT_S, "ready", *watch)
        time.sleep(settle_s)  # in its work
        assert process.poll() is None, "the run ended before it was interrupted: give it more work"
        started = group_alive(pgid)
        os.killpg(pgid, signal.SIGINT)
        status = process.wait(timeout=END_TIMEOUT_S)
        deadline = time.monotonic() + GONE_TIMEOUT_S
        while (group_alive(pgid) or any(temp.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [command_line(p) for p in group_alive(pgid)]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)  # whatever is left, so the suite goes on
        process.wait()
        leftover_files = sorted(p.name for p in temp.iterdir())
        shutil.rmtree(temp, ignore_errors=True)
    stderr = stderr_path.read_text()
    assert status == 130, (status, stderr)
    assert "Traceback" not in stderr, stderr
    assert stderr.splitlines() == ["interrupted"], stderr
    assert not left, left
    assert leftover_files == []
    return started


def test_a_serial_script_at_the_book_size(tmp_path):
    interrupt(
        tmp_path,
        "02_profiling/julia1_nopil.py",
        ["--width", 1000, "--max-iterations", 300],
        "Total elements",
        settle_s=0.5,
    )


@pytest.mark.parametrize(
    ("script", "args", "ready_text"),
    [
        (PI_LISTS, ["2", "--processes", "--start-method", "fork"], "Using Processes"),
        (PI_LISTS, ["2", "--processes", "--start-method", "spawn"], "Using Processes"),
        (PRIMES_POOL, ["--workers", "2", "--start-method", "forkserver"], "Testing with 2 processes"),
    ],
    ids=["pool-fork", "pool-spawn", "pool-forkserver"],
)
def test_a_pool_and_its_workers(tmp_path, script, args, ready_text):
    started = interrupt(tmp_path, script, args, ready_text, workers=2)
    assert len(started) >= 3  # the script and its two workers were running


@pytest.mark.server
def test_a_dask_cluster(tmp_path, needs):
    needs.module("distributed")
    started = interrupt(
        tmp_path, "10_clusters/dask/pi_dask.py", ["--samples", 2_000_000_000], "cluster start-up", workers=2
    )
    assert len(started) >= 3


@pytest.mark.server
def test_a_server(tmp_path, needs):
    needs.module("aiohttp")
    port = free_port()
    interrupt(
        tmp_path,
        "08_concurrency/server.py",
        ["--port", port],
        "serving on",
        settle_s=0.2,
        ready=lambda: port_is_open("127.0.0.1", port),
    )


def test_a_script_imported_by_a_test_leaves_the_callers_ctrl_c_alone():
    """Only the running program's parser installs the handler: not one built for an imported script."""
    before = signal.getsignal(signal.SIGINT)
    parser = example_parser("An imported script's docstring.")
    parser.add_argument("--size", type=int, default=1)
    assert parser.parse_args(["--size", "2"]).size == 2
    assert not parser.program
    assert signal.getsignal(signal.SIGINT) is before
