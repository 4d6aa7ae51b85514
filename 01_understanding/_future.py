"""Finding the interpreters "The future of Python" needs: free-threaded (no GIL) and JIT builds.

Not a book example: the helpers ``free_threaded_pi.py`` and ``jit_julia.py``
share to find a suitable CPython on the PATH (``python3.13t``,
``python3.14t``, ``python3.13``, ``python3.14``) or take the one a reader names
with ``--python PATH``, which is checked when the arguments are parsed; and
``free_threaded_pi.py``'s driver (its flags, timings and result lines).
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


# ---------------------------------------------------------------- free_threaded_pi.py's driver


def run_here(estimate_pi_with_threads, gil_enabled, samples, workers, seed):
    """Time the job on 1 and on ``workers`` threads in this interpreter; print the latter's pi."""
    import sys
    import time

    from hpp.printout import print_pi_estimate

    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Python {version}, GIL enabled: {gil_enabled()}")
    timings = {}
    for count in (1, workers):
        start = time.perf_counter()
        pi, hits = estimate_pi_with_threads(samples, count, seed)
        timings[count] = time.perf_counter() - start
        print(f"{count} thread(s): {timings[count]:.2f} s, darts inside = {hits}")
    print_pi_estimate(pi)
    print(f"{workers} threads ran {timings[1] / timings[workers]:.2f}x as fast as 1")


def compare_interpreters(script, estimate_pi_with_threads, gil_enabled, args):
    """Run the job here; then, unless --here-only or already without the GIL, in a free-threaded CPython.

    Returns the exit status (the other interpreter's, when it ran).
    """
    from pathlib import Path

    run_here(estimate_pi_with_threads, gil_enabled, args.samples, args.workers, args.seed)
    if args.here_only or not gil_enabled():
        return 0
    python = args.python or find(FREE_THREADED_NAMES, is_free_threaded)
    if python is None:
        print(
            "No free-threaded CPython found: install python3.13t or python3.14t "
            "(pyenv install 3.13t, or python.org's free-threaded build) or pass --python PATH"
        )
        return 0
    print(f"\nThe same job in {python}:", flush=True)
    repo = str(Path(script).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHON_GIL="0", PYTHONPATH=path)
    command = [python, script, "--here-only", "--samples", str(args.samples), "--workers", str(args.workers)]
    return subprocess.run([*command, "--seed", str(args.seed)], env=env).returncode


def run_free_threaded_pi(doc, script, estimate_pi_with_threads, gil_enabled, argv=None):
    """``free_threaded_pi.py``'s command line: --samples, --workers, --seed, --python, --here-only."""
    from hpp.script import example_parser, positive_int, seed

    free_threaded = interpreter_type(is_free_threaded, "a free-threaded CPython 3.13+")
    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=4_000_000, help="darts in all")
    parser.add_argument("--workers", type=positive_int, default=4, help="threads for the split run")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the first thread's generator")
    parser.add_argument(
        "--python", type=free_threaded, help="a free-threaded interpreter to run the job in too"
    )
    parser.add_argument("--here-only", action="store_true", help="run in this interpreter only")
    status = compare_interpreters(script, estimate_pi_with_threads, gil_enabled, parser.parse_args(argv))
    if status:
        raise SystemExit(status)


# ---------------------------------------------------------------- jit_julia.py's driver


def run_jit_here(calculate_z_serial_purepython, jit_state, width, max_iterations):
    """Time the escape loop once in this interpreter; print the time, the JIT's state and the sum."""
    import sys
    import time

    from hpp.julia import julia_inputs, report_sum

    zs, cs = julia_inputs(width)
    start = time.perf_counter()
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    secs = time.perf_counter() - start
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Python {version}, JIT {jit_state()}: calculate_z_serial_purepython took {secs:.2f} seconds")
    report_sum(output, width, max_iterations)


def compare_jit(script, width, max_iterations, python=None):
    """Run ``script --here-only`` in a JIT build with ``PYTHON_JIT=0``, then ``1``; compare the times."""
    import re
    from pathlib import Path

    python = python or find(JIT_NAMES, has_jit)
    if python is None:
        print(
            "No CPython with the JIT found: build CPython 3.13+ with --enable-experimental-jit "
            "(or use a 3.14 build that has it) and pass --python PATH"
        )
        return
    repo = str(Path(script).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))
    seconds = {}
    for flag in ("0", "1"):
        env = dict(os.environ, PYTHON_JIT=flag, PYTHONPATH=path)
        command = [python, script, "--here-only", "--width", str(width)]
        command += ["--max-iterations", str(max_iterations)]
        completed = subprocess.run(command, env=env, capture_output=True, text=True)
        print(f"PYTHON_JIT={flag}: " + completed.stdout.strip().replace("\n", "\n    "), flush=True)
        if completed.returncode != 0:
            raise SystemExit(completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else 1)
        seconds[flag] = float(re.search(r"took ([\d.]+) seconds", completed.stdout).group(1))
    if seconds["1"] > 0:
        print(f"PYTHON_JIT=1 ran {seconds['0'] / seconds['1']:.2f}x as fast as PYTHON_JIT=0")


def run_jit_julia(doc, script, calculate_z_serial_purepython, jit_state, argv=None):
    """``jit_julia.py``'s command line: --width, --max-iterations, --python, --here-only."""
    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser

    jit_build = interpreter_type(has_jit, "a CPython 3.13+ built with the JIT")
    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument(
        "--python", type=jit_build, help="a JIT build of CPython (default: the first on the PATH)"
    )
    parser.add_argument("--here-only", action="store_true", help="run the loop once in this interpreter")
    args = parser.parse_args(argv)
    if args.here_only:
        run_jit_here(calculate_z_serial_purepython, jit_state, args.width, args.max_iterations)
    else:
        compare_jit(script, args.width, args.max_iterations, args.python)
