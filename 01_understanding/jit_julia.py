"""The pure-Python Julia set under CPython's JIT ("Does Python have a JIT?", 3rd edition).

CPython 3.13 can be built with an experimental copy-and-patch JIT
(``--enable-experimental-jit``); such a build turns it on with ``PYTHON_JIT=1``
(and off with ``PYTHON_JIT=0``). The book expects it to help "native Python,
particularly numeric Python", and not NumPy code. This script times chapter 2's
escape loop, ``calculate_z_serial_purepython``, in a JIT build twice, with
``PYTHON_JIT=0`` and ``PYTHON_JIT=1``, and checks that both give the same
``sum(output)`` (33219980 at the book's width 1000).

The interpreter is ``--python PATH`` or the first JIT build found on the PATH
(``python3.14``, ``python3.13``, ...). Most CPython builds (pyenv's and
Debian's included) have no JIT; then the script says in one line what is
needed. ``--here-only`` runs the loop once in this interpreter.

Run (section "The future of Python"):
    python 01_understanding/jit_julia.py
    python 01_understanding/jit_julia.py --python /opt/python3.13-jit/bin/python3.13 --width 500
"""

import os
import sys
import time

SMOKE_ARGS = ["--width", "20", "--here-only"]


# book: Example 2-3
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# book: end


def jit_state():
    """ "on", "off" or "not built", as this interpreter reports it."""
    jit = getattr(sys, "_jit", None)  # 3.14+
    if jit is not None:
        return "on" if jit.is_enabled() else ("off" if jit.is_available() else "not built")
    import sysconfig

    if "--enable-experimental-jit" not in (sysconfig.get_config_var("CONFIG_ARGS") or ""):
        return "not built"
    return "on" if os.environ.get("PYTHON_JIT", "1") != "0" else "off"


def run_here(width, max_iterations):
    from hpp.julia import julia_inputs, report_sum

    zs, cs = julia_inputs(width)
    start = time.perf_counter()
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    secs = time.perf_counter() - start
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Python {version}, JIT {jit_state()}: calculate_z_serial_purepython took {secs:.2f} seconds")
    report_sum(output, width, max_iterations)


def compare_jit(width, max_iterations, python=None):
    """Run ``run_here`` in a JIT build of CPython with ``PYTHON_JIT=0``, then ``1``, and compare the times."""
    import re
    import subprocess
    from pathlib import Path

    import _future

    python = python or _future.find(_future.JIT_NAMES, _future.has_jit)
    if python is None:
        print(
            "No CPython with the JIT found: build CPython 3.13+ with --enable-experimental-jit "
            "(or use a 3.14 build that has it) and pass --python PATH"
        )
        return
    repo = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))
    seconds = {}
    # taught: the copy-and-patch JIT: the same pure-Python loop with PYTHON_JIT=0, then 1
    for flag in ("0", "1"):
        env = dict(os.environ, PYTHON_JIT=flag, PYTHONPATH=path)
        command = [python, __file__, "--here-only", "--width", str(width)]
        command += ["--max-iterations", str(max_iterations)]
        completed = subprocess.run(command, env=env, capture_output=True, text=True)
        print(f"PYTHON_JIT={flag}: " + completed.stdout.strip().replace("\n", "\n    "), flush=True)
        if completed.returncode != 0:
            raise SystemExit(completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else 1)
        seconds[flag] = float(re.search(r"took ([\d.]+) seconds", completed.stdout).group(1))
    if seconds["1"] > 0:
        print(f"PYTHON_JIT=1 ran {seconds['0'] / seconds['1']:.2f}x as fast as PYTHON_JIT=0")


# taught: end


def main(argv=None):
    import _future

    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser

    jit_build = _future.interpreter_type(_future.has_jit, "a CPython 3.13+ built with the JIT")
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument(
        "--python", type=jit_build, help="a JIT build of CPython (default: the first on the PATH)"
    )
    parser.add_argument("--here-only", action="store_true", help="run the loop once in this interpreter")
    args = parser.parse_args(argv)
    if args.here_only:
        run_here(args.width, args.max_iterations)
    else:
        compare_jit(args.width, args.max_iterations, args.python)


if __name__ == "__main__":
    main()
