"""The pure-Python Julia set, drawn: greyscale and false-greyscale images (Figures 2-1 and 2-3).

The same escape-time loop as ``julia1_nopil.py``; after the calculation the
iteration counts are drawn with Pillow and saved as PNG (the book opens them
with ``im.show()``, which needs a display; here they are files):

- ``julia_greyscale.png``: each count scaled to 0..255 (white = many iterations);
- ``julia_false_greyscale.png``: each count's 32-bit integer bytes read as RGB,
  which turns small differences in the count into bands of colour.

Like the book, the rows are written bottom-up (Pillow's ``"raw"`` decoder with
orientation -1), so row 0 of the image is the last row of the grid.

Run (section "Introducing the Julia Set"):
    python 02_profiling/julia1.py                 # width 1000, 300 iterations, about 6 s
    python 02_profiling/julia1.py --width 200 --output-dir /tmp/julia
"""

import array

from hpp.julia import add_julia_arguments, axis_coordinates, calc_julia
from hpp.script import example_parser, output_dir

SMOKE_ARGS = ["--width", "60"]


def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
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


def greyscale_image(output_raw, width, height):
    """The counts scaled to 0..255, as an 8-bit greyscale Pillow image."""
    from PIL import Image

    max_iterations = float(max(output_raw)) or 1.0
    scaled = [int(o / max_iterations * 255) for o in output_raw]
    output = array.array("B", scaled)
    im = Image.new("L", (width, height))
    im.frombytes(output.tobytes(), "raw", "L", 0, -1)
    return im


def false_greyscale_image(output_raw, width, height):
    """Each count's four bytes read as R, G, B and a padding byte."""
    from PIL import Image

    output = array.array("I", output_raw)
    im = Image.new("RGB", (width, height))
    im.frombytes(output.tobytes(), "raw", "RGBX", 0, -1)
    return im


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--output-dir", help="where to save the PNGs (default: results/02_profiling)")
    args = parser.parse_args(argv)
    output = calc_julia(calculate_z_serial_purepython, args.width, args.max_iterations)
    x, y = axis_coordinates(args.width)
    folder = output_dir("02_profiling", args.output_dir)
    for name, draw in (("julia_greyscale.png", greyscale_image),
                       ("julia_false_greyscale.png", false_greyscale_image)):
        path = folder / name
        draw(output, len(x), len(y)).save(path)
        print(f"saved {path}")


if __name__ == "__main__":
    main()
