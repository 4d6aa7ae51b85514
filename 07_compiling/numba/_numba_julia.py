"""The driver every Numba Julia script shares (not a book example).

Each script in this folder is its ``calculate_z(maxiter, zs, cs, output)`` and a
one-line ``main`` calling ``run_numba_julia``. The driver owns the flags
(``--width``, ``--max-iterations``, ``--repeat``), builds the book's inputs as
complex128 arrays and runs the calculation ``--repeat`` times, as the book's
Numba script does: the first call compiles (the book: 0.75 s), the later ones
reuse the compiled code (0.47 s). It prints ``sum(output)`` once, at the end.
"""

import os
import time

import numpy as np


def calc_pure_python(calculate_z, desired_width, max_iterations, repeat=3, use_jit=True):
    """Time ``calculate_z`` ``repeat`` times on the book's inputs as arrays; print the sum.

    ``use_jit=False`` runs the undecorated Python function (``calculate_z.py_func``).
    Returns the output and the seconds of each run.
    """
    from hpp.julia import julia_inputs, report_sum

    function = calculate_z if use_jit else calculate_z.py_func
    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    print(f"Total elements: {len(zs):,}")
    times = []
    for run in range(repeat):
        if run:
            print(f"Doing run {run + 1} to test warm-up")
        output = np.zeros(len(zs), dtype=np.int32)
        start_time = time.time()
        function(max_iterations, zs, cs, output)
        times.append(time.time() - start_time)
        print(f"took {times[-1]:0.2f} seconds")
    report_sum(output, desired_width, max_iterations)
    return output, times


def run_numba_julia(doc, calculate_z, argv=None, no_jit_flag=False, inspect_flag=False, threads=False):
    """Parse the flags and run ``calc_pure_python``; the options add what one script shows more.

    ``no_jit_flag``: ``--no-jit`` runs the undecorated function (the book's NumPy
    version without ``@jit``: 21 s); ``inspect_flag``: ``--inspect-types`` prints
    Numba's typed view after the runs; ``threads``: name Numba's thread count first.
    """
    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser, positive_int

    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the first one compiles")
    if no_jit_flag:
        parser.add_argument(
            "--no-jit", action="store_true", help="run the undecorated function (the book: 21 s)"
        )
    if inspect_flag:
        parser.add_argument("--inspect-types", action="store_true", help="print Numba's types after the run")
    args = parser.parse_args(argv)
    if threads:
        import numba

        os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # idle threads sleep, not spin
        print(f"Numba threads: {numba.get_num_threads()}")
    output, times = calc_pure_python(
        calculate_z, args.width, args.max_iterations, args.repeat, use_jit=not getattr(args, "no_jit", False)
    )
    if getattr(args, "inspect_types", False):
        calculate_z.inspect_types()
    return output, times
