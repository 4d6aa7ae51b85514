"""Julia with Numba's ``@jit`` on NumPy arrays (book 7, "Numba").

The pure-Python loop, unchanged, under ``@jit`` (nopython mode, Numba's
default today); the inputs become complex128 arrays and the counts go into
an ``int32`` array the caller passes in. ``calc_pure_python`` runs the
calculation three times, as the book's script does: the first call compiles
(the book: 0.75 s), the second runs the compiled code (0.47 s). Without the
decorator this is the NumPy version of the Julia demo, which the book times
at 21 s: ``--no-jit`` runs ``calculate_z.py_func``, the undecorated function.

Run (from this folder):
    python julia1_numba.py                 # the book's 1000 x 1000, 300 iterations
    python julia1_numba.py --width 200
    python julia1_numba.py --no-jit --width 200
"""

import time

import numpy as np
from numba import jit

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--width", "100"]


# book: 2nd ed., "Numba"
@jit
def calculate_z(maxiter, zs, cs, output):
    """Calculate output list using Julia update rule"""
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n


calculate_z_serial_purepython = calculate_z  # the name the 2nd edition's text gives it


# book: end


def calc_pure_python(desired_width, max_iterations, repeat=3, use_jit=True):
    """Build the inputs as complex128 arrays and time ``calculate_z`` ``repeat`` times.

    The first run includes Numba's compile; the later ones reuse the compiled
    code. ``use_jit=False`` runs the undecorated Python function instead.
    Returns the output and the list of seconds per run.
    """
    function = calculate_z if use_jit else calculate_z.py_func
    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    print(f"Total elements: {len(zs):,}")
    times = []
    # taught: the JIT compiles on the first call; the later runs reuse the compiled code
    for run in range(repeat):
        if run:
            print(f"Doing run {run + 1} to test warm-up")
        output = np.zeros(len(zs), dtype=np.int32)
        start_time = time.time()
        function(max_iterations, zs, cs, output)
        times.append(time.time() - start_time)
        print(f"took {times[-1]:0.2f} seconds")
    # taught: end
    report_sum(output, desired_width, max_iterations)
    return output, times


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the first one compiles")
    parser.add_argument("--no-jit", action="store_true", help="run the undecorated function (the book: 21 s)")
    args = parser.parse_args(argv)
    calc_pure_python(args.width, args.max_iterations, args.repeat, use_jit=not args.no_jit)


if __name__ == "__main__":
    main()
