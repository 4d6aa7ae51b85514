"""Labelled blocks on an mprof memory plot (Example 2-11, Figure 2-7).

Under ``mprof run``, ``profile.timestamp("name")`` marks when a block starts and
ends, and ``mprof plot`` draws each block as a labelled bracket over the memory
curve. Here ``create_output_list`` brackets the allocation of ``output`` and
``calculate_output`` the loop, with a one-second sleep between them
(``--delay`` sets it) so the two are easy to tell apart (the book's plot shows ``create_output_list`` at about
1.5 s). Under plain Python the module defines a no-op ``profile`` whose
``timestamp`` does nothing, so the script runs there too (the official one
raises ``NameError``).

With ``--mprof-plot`` the script does both steps for you: it runs itself under
``mprof run`` and saves ``mprof plot``'s figure as a PNG (Figure 2-7).

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    cd 02_profiling
    mprof run julia1_memoryprofiler_with_labels.py --width 300
    mprof plot --output julia_mprof_labels.png
    python julia1_memoryprofiler_with_labels.py --width 300 --mprof-plot
"""

# book: Example 2-1
import time

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end

SLEEP_SECONDS = 1

# taught: a no-op @profile, and profile.timestamp, when mprof is not running
try:
    profile.timestamp  # noqa: B018 (a name lookup: mprof run's profile can label blocks)
except NameError:  # plain python or pytest: a no-op @profile whose labels do nothing
    import contextlib

    def profile(func):
        return func

    profile.timestamp = lambda name: contextlib.nullcontext()


# taught: end


# book: Example 2-2
@profile
def calc_pure_python(desired_width, max_iterations):
    """Create a list of complex coordinates (zs) and complex parameters (cs),
    build Julia set"""
    x_step = (x2 - x1) / desired_width
    y_step = (y1 - y2) / desired_width
    x = []
    y = []
    ycoord = y2
    while ycoord > y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = x1
    while xcoord < x2:
        x.append(xcoord)
        xcoord += x_step
    # build a list of coordinates and the initial condition for each cell.
    # Note that our initial condition is a constant and could easily be removed,
    # we use it to simulate a real-world scenario with several inputs to our
    # function
    zs = []
    cs = []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(c_real, c_imag))

    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    end_time = time.time()
    secs = end_time - start_time
    print(f"{calculate_z_serial_purepython.__name__} took {secs:0.2f} seconds")

    # This sum is expected for a 1000^2 grid with 300 iterations
    # It ensures that our code evolves exactly as we'd intended
    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


# book: Example 2-11
@profile
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
    with profile.timestamp("create_output_list"):
        output = [0] * len(zs)
    time.sleep(SLEEP_SECONDS)
    with profile.timestamp("calculate_output"):
        for i in range(len(zs)):
            n = 0
            z = zs[i]
            c = cs[i]
            while n < maxiter and abs(z) < 2:
                z = z * z + c
                n += 1
            output[i] = n
    return output


# book: end


def main(argv=None):
    from _julia_family import run_labelled_julia

    run_labelled_julia(__doc__, calc_pure_python, globals(), argv)  # --delay sets SLEEP_SECONDS


if __name__ == "__main__":
    main()
