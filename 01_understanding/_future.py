"""Finding the interpreters "The future of Python" needs: free-threaded (no GIL) and JIT builds.

Not a book example: the helpers ``free_threaded_pi.py`` and ``jit_julia.py``
share to find a suitable CPython on the PATH (``python3.13t``,
``python3.14t``, ``python3.13``, ``python3.14``) or take the one a reader names
with ``--python PATH``, which is checked when the arguments are parsed.
"""

import argparse
import json
import os
import shutil
import subprocess

PROBE = """
import json, sys, sysconfig
jit = getattr(sys, "_jit", None)
print(json.dumps({
    "version": list(sys.version_info[:3]),
    "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "jit_built": ("--enable-experimental-jit" in (sysconfig.get_config_var("CONFIG_ARGS") or ""))
                 or bool(jit and jit.is_available()),
}))
"""

FREE_THREADED_NAMES = ("python3.14t", "python3.13t")
JIT_NAMES = ("python3.14", "python3.13", "python3.14t", "python3.13t")


def probe(python):
    """What ``python`` is: ``{"version": [3, 13, 0], "free_threaded": bool, "jit_built": bool}``, or None."""
    try:
        completed = subprocess.run([python, "-c", PROBE], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode != 0:
        return None
    try:
        return json.loads(completed.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def find(names, wanted):
    """The first interpreter named in ``names`` on the PATH for which ``wanted(probe)`` holds, or None."""
    for name in names:
        path = shutil.which(name)
        if path:
            info = probe(path)
            if info and wanted(info):
                return path
    return None


def is_free_threaded(info):
    return info["free_threaded"] and tuple(info["version"]) >= (3, 13)


def has_jit(info):
    return info["jit_built"] and tuple(info["version"]) >= (3, 13)


def interpreter_type(wanted, what):
    """An argparse type: the path of a Python for which ``wanted(probe(path))`` holds."""

    def check(text):
        path = shutil.which(text) or (text if os.path.isfile(text) else None)
        if path is None or not os.access(path, os.X_OK):
            raise argparse.ArgumentTypeError(f"no such interpreter: {text}")
        info = probe(path)
        if info is None:
            raise argparse.ArgumentTypeError(f"{text} does not run as a Python interpreter")
        if not wanted(info):
            version = ".".join(map(str, info["version"]))
            raise argparse.ArgumentTypeError(f"{text} (Python {version}) is not {what}")
        return path

    return check
