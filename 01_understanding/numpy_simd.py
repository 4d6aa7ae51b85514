"""NumPy with its SIMD paths switched off against the default build (book chapter 1, "Computing Units").

The book's point about vectorization: a CPU that can apply one instruction
to several numbers at once (SIMD: SSE, AVX2, AVX-512) does more per cycle,
and NumPy's loops use those instructions. NumPy is compiled for a baseline
set of features and carries extra versions of its hot loops for newer ones,
picked at import time from what this CPU has (``np.show_runtime()`` lists
them; ``numpy._core._multiarray_umath.__cpu_dispatch__`` names them). The
environment variable ``NPY_DISABLE_CPU_FEATURES`` turns those choices off.

The script runs one vectorised operation (``np.sqrt`` over ``--size``
float32 numbers) in two fresh processes: one with NumPy's default choice,
one with every dispatched feature this CPU has disabled. Each prints the
features it ran with, the result's checksum (the same: ``sqrt`` is exactly
rounded either way) and the best time of ``--repeat`` runs.

Run:
    python 01_understanding/numpy_simd.py
    python 01_understanding/numpy_simd.py --size 1000000 --repeat 20
"""

# taught: the same operation in two processes, one with NumPy's SIMD choices disabled
import json
import os
import subprocess
import sys

# Run in each child process: the dispatched features it has on, a checksum and the best time.
CHILD = """
import json, sys, time
import numpy as np
try:
    from numpy._core import _multiarray_umath as umath
except ImportError:  # NumPy 1.x
    from numpy.core import _multiarray_umath as umath
size, repeat = int(sys.argv[1]), int(sys.argv[2])
a = np.arange(size, dtype=np.float32)
best = float("inf")
for _ in range(repeat):
    start = time.perf_counter()
    out = np.sqrt(a)
    best = min(best, time.perf_counter() - start)
print(json.dumps({
    "dispatch": list(umath.__cpu_dispatch__),
    "enabled": [name for name in umath.__cpu_dispatch__ if umath.__cpu_features__.get(name)],
    "baseline": list(umath.__cpu_baseline__),
    "checksum": float(out.sum(dtype=np.float64)),
    "seconds": best,
}))
"""


def run_numpy(size, repeat, disable=None):
    """Run ``CHILD`` in a fresh process, with ``NPY_DISABLE_CPU_FEATURES=disable`` when given."""
    env = dict(os.environ)
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    if disable:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(disable)
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(size), str(repeat)], env=env, capture_output=True, text=True
    )
    if completed.returncode != 0:
        raise RuntimeError((completed.stderr.strip() or "no output").splitlines()[-1])
    return json.loads(completed.stdout)


# taught: end


def main(argv=None):
    from _understanding_tools import run_numpy_simd

    run_numpy_simd(__doc__, run_numpy, argv)


if __name__ == "__main__":
    main()
