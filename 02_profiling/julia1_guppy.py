"""heapy (guppy3): what is on the heap between two points of the Julia driver (book chapter 2, 1st edition).

The 1st edition's "Inspecting Objects on the Heap with heapy": ``hpy()`` from
the Guppy project counts every object Python can reach, by type, with its
size. ``hp.setrelheap()`` marks a point; a later ``hp.heap()`` lists only what
was made after it. Called after the Julia driver builds ``zs`` and ``cs``, it
shows where the memory went: two complex numbers per point (2,000,000 of
them, 32 bytes each, 64 MB at width 1000) and the two lists that hold them;
after ``calculate_z_serial_purepython`` it adds the ``output`` list (its ints
are small, mostly cached). The script prints the first rows of each listing.

Run:
    python 02_profiling/julia1_guppy.py                 # width 1000
    python 02_profiling/julia1_guppy.py --width 300 --max-iterations 300
"""

# book: 1st ed. code, "julia1_guppy.py" (its import)
from guppy import hpy

# book: end
from julia1_nopil import c_imag, c_real, calculate_z_serial_purepython, x1, x2, y1, y2


# book: 1st ed. code, "julia1_guppy.py"
def calc_pure_python(desired_width, max_iterations):
    """Create a list of complex coordinates (zs) and complex parameters (cs), build Julia set,
    and print the heap after each step"""
    hp = hpy()
    hp.setrelheap()  # count only what is made from here on
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
    zs = []
    cs = []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(c_real, c_imag))
    print("heapy after building zs and cs")
    h = hp.heap()
    print(h)
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    print("heapy after calculate_z_serial_purepython")
    h = hp.heap()
    print(h)
    return output


# book: end


def main(argv=None):
    from hpp.julia import julia_main

    julia_main(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
