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

# taught: "Does Python have a JIT?": whether this interpreter runs its copy-and-patch JIT
import os
import sys


def jit_state():
    """ "on", "off" or "not built", as this interpreter reports it."""
    jit = getattr(sys, "_jit", None)  # 3.14+
    if jit is not None:
        return "on" if jit.is_enabled() else ("off" if jit.is_available() else "not built")
    import sysconfig

    if "--enable-experimental-jit" not in (sysconfig.get_config_var("CONFIG_ARGS") or ""):
        return "not built"
    return "on" if os.environ.get("PYTHON_JIT", "1") != "0" else "off"


# taught: end


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


def main(argv=None):
    from _future import run_jit_julia

    run_jit_julia(__doc__, __file__, calculate_z_serial_purepython, jit_state, argv)


if __name__ == "__main__":
    main()
