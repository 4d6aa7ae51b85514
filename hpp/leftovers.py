"""Nothing left behind: what a run leaves in the temp folder, and the processes it leaves running.

``hpp bench`` runs the tour inside :func:`watch`: a private temp folder (``TMPDIR``
points there, so every library and child process writes its temporary files into
it) and a list of this process's children at the start. At the end, after a grace
period for pools that shut down lazily, whatever is left in the folder and every
child process started during the run is listed (and the processes stopped); the
folder is removed. Not counted: the helpers an interpreter starts once and keeps
for its lifetime (multiprocessing's and loky's resource trackers, the forkserver),
children of this process that read from a pipe only it holds, so they end when it
does: stopping them by hand while pools are still being finalised is what breaks.
The test suite does the same in ``tests/conftest.py``, for a whole pytest session.
"""

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

GRACE_SECONDS = 10


class Leftovers:
    """What :func:`watch` found at the end: ``files`` (names) and ``processes`` (command lines)."""

    def __init__(self):
        self.files = []
        self.processes = []

    def __bool__(self):
        return bool(self.files or self.processes)

    def lines(self):
        return [f"left in the temp folder: {name}" for name in self.files] + [
            f"process still running: {command}" for command in self.processes
        ]


LIFETIME_HELPERS = (
    "multiprocessing.resource_tracker import main",
    "multiprocessing.forkserver import main",
    "loky.backend.resource_tracker import main",
)


def ends_with_its_parent(process):
    """True for an interpreter's lifetime helper (a resource tracker, the forkserver) of this process."""
    import psutil

    try:
        command = " ".join(process.cmdline())
        return process.ppid() == os.getpid() and any(helper in command for helper in LIFETIME_HELPERS)
    except psutil.Error:
        return False


def _new_children(before):
    import psutil

    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return []
    return [
        child
        for child in children
        if child.pid not in before and child.is_running() and not ends_with_its_parent(child)
    ]


@contextlib.contextmanager
def watch(prefix="hpp-run-"):
    """Run the ``with`` body in a private ``TMPDIR``; yields a :class:`Leftovers` filled at the end."""
    import psutil

    found = Leftovers()
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    saved = os.environ.get("TMPDIR")
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # tempfile reads TMPDIR again
    try:
        yield found
    finally:
        children = _new_children(before)
        deadline = time.monotonic() + GRACE_SECONDS
        while children and time.monotonic() < deadline:
            psutil.wait_procs(children, timeout=0.5)
            children = _new_children(before)
        for child in children:
            with contextlib.suppress(psutil.Error):
                found.processes.append(" ".join(child.cmdline())[:200] or f"pid {child.pid}")
                child.kill()
        found.files = sorted(path.name for path in folder.iterdir())
        if saved is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved
        tempfile.tempdir = None
        shutil.rmtree(folder, ignore_errors=True)
