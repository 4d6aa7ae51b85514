"""The pure-Python Julia set, drawn: greyscale and false-greyscale images (Figures 2-1 and 2-3).

The same program as ``julia1_nopil.py``; after the calculation ``main`` draws
the iteration counts with Pillow and saves them as PNG (the book opens them
with ``im.show()``, which needs a display; here they are files):

- ``julia_greyscale.png`` (Figure 2-3): each count scaled to 0..255 (white =
  many iterations);
- ``julia_false_greyscale.png`` (Figure 2-1): each count's 32-bit integer bytes
  read as RGB, which turns small differences in the count into bands of colour.

Like the book, the rows are written bottom-up (Pillow's ``"raw"`` decoder with
orientation -1), so row 0 of the image is the last row of the grid.

Run (section "Introducing the Julia Set"):
    cd 02_profiling
    python julia1.py                          # width 1000, 300 iterations, both PNGs
    python julia1.py --width 200 --output-dir /tmp/julia
    python -m timeit -n 5 -r 1 -s "import julia1" \\
        "julia1.calc_pure_python(desired_width=1000, max_iterations=300)"
"""

# book: 3rd ed. code, "julia1.py" (the drawing's import)
import array

# book: end
# book: Example 2-1
import time

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# book: Example 2-2
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


# book: 3rd ed. code, "julia1.py" (the greyscale and false-greyscale drawing with PIL)
def show_greyscale(output_raw, width, height, max_iterations):
    """The counts scaled to 0..255 as an 8-bit greyscale Pillow image (Figure 2-3).

    The book calls ``im.show()``; ``main`` saves the image instead."""
    from PIL import Image

    max_value = float(max(output_raw)) or 1.0
    scaled = [int(o / max_value * 255) for o in output_raw]
    output = array.array("B", scaled)  # one unsigned byte per pixel
    im = Image.new("L", (width, height))
    im.frombytes(output.tobytes(), "raw", "L", 0, -1)  # rows bottom-up
    return im


def show_false_greyscale(output_raw, width, height, max_iterations):
    """Each count's four bytes read as R, G, B and a padding byte (Figure 2-1)."""
    from PIL import Image

    assert width * height == len(output_raw)
    output = array.array("I", output_raw)  # one unsigned 32-bit int per pixel
    im = Image.new("RGB", (width, height))
    im.frombytes(output.tobytes(), "raw", "RGBX", 0, -1)  # rows bottom-up
    return im


# book: end


def main(argv=None):
    from _julia_family import run_julia_images

    drawings = [("julia_greyscale.png", show_greyscale), ("julia_false_greyscale.png", show_false_greyscale)]
    run_julia_images(__doc__, calc_pure_python, drawings, argv)


if __name__ == "__main__":
    main()
