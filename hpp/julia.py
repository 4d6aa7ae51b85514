"""The Julia-set inputs that chapters 02 and 07 share.

The book computes z -> z*z + c for c = -0.62772-0.42193j on the square
[-1.8, 1.8]^2. The coordinates are built by adding a step to a float until it
passes the edge, exactly as the book does, so the grid is not always
``width`` wide (width 10 gives 11 x 11 points). That float accumulation is why
the book's checksum is ``sum(output) == 33219980`` at width 1000 and 300
iterations; a grid built with ``linspace`` gives other sums.

The escape-time loop itself is what the chapters teach, so it lives in each
example, not here.
"""

X1, X2, Y1, Y2 = -1.8, 1.8, -1.8, 1.8
C_REAL, C_IMAG = -0.62772, -0.42193

BOOK_WIDTH = 1000
BOOK_MAX_ITERATIONS = 300

# sum(output) for (width, max_iterations), computed with the book's algorithm.
KNOWN_SUMS = {
    (5000, 300): 831027380,  # the width the condition-order scripts of chapter 02 use
    (1000, 300): 33219980,
    (200, 300): 1329666,
    (100, 300): 334236,
    (50, 300): 83654,
    (20, 300): 12982,
    (10, 300): 3098,
}


def axis_coordinates(width):
    """The x and y coordinate lists, built by float accumulation as the book does."""
    x_step = (X2 - X1) / width
    y_step = (Y1 - Y2) / width
    x, y = [], []
    ycoord = Y2
    while ycoord > Y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = X1
    while xcoord < X2:
        x.append(xcoord)
        xcoord += x_step
    return x, y


def julia_inputs(width):
    """The flat lists ``zs`` (one complex start point per pixel, row by row) and ``cs``."""
    x, y = axis_coordinates(width)
    c = complex(C_REAL, C_IMAG)
    zs = [complex(xcoord, ycoord) for ycoord in y for xcoord in x]
    cs = [c] * len(zs)
    return zs, cs


def add_julia_arguments(parser):
    """Add the book's ``--width`` and ``--max-iterations`` flags to an example's parser."""
    from hpp.script import positive_int

    parser.add_argument(
        "--width",
        type=positive_int,
        default=BOOK_WIDTH,
        help="points along each side of the grid (the book: 1000)",
    )
    parser.add_argument(
        "--max-iterations",
        type=positive_int,
        default=BOOK_MAX_ITERATIONS,
        help="iterations before a point counts as inside (the book: 300)",
    )
    return parser


def report_sum(output, width, max_iterations):
    """Print ``sum(output) = N``, with the known value beside it when there is one."""
    total = int(sum(output))
    known = KNOWN_SUMS.get((width, max_iterations))
    if known is None:
        print(f"sum(output) = {total}")
    else:
        verdict = "matches" if total == known else "DIFFERS FROM"
        print(f"sum(output) = {total} ({verdict} the known {known})")
    return total


def julia_arguments(doc, argv=None, add_arguments=None, width=BOOK_WIDTH):
    """Parse a Julia copy's command line: ``--width`` (default ``width``), ``--max-iterations``, and
    the flags ``add_arguments(parser)`` adds."""
    from hpp.script import example_parser

    parser = add_julia_arguments(example_parser(doc))
    parser.set_defaults(width=width)
    if add_arguments is not None:
        add_arguments(parser)
    return parser.parse_args(argv)


def run_julia(calc_pure_python, args):
    """Run the book's driver ``calc_pure_python`` at the parsed sizes and print ``sum(output) = N``."""
    output = calc_pure_python(desired_width=args.width, max_iterations=args.max_iterations)
    report_sum(output, args.width, args.max_iterations)
    return output


def julia_main(doc, calc_pure_python, argv=None, width=BOOK_WIDTH):
    """A Julia profiling copy's whole ``main`` (chapter 02): parse, run the book's driver, print the sum."""
    return run_julia(calc_pure_python, julia_arguments(doc, argv, width=width))


def calculate_z_main(doc, calculate_z, argv=None, width=BOOK_WIDTH):
    """A copy that has only the loop ``calculate_z(maxiter, zs, cs)``: parse, build ``zs`` and ``cs``
    as the book's driver does, time the call (``calculate_z took N seconds``), print the sum."""
    import time

    args = julia_arguments(doc, argv, width=width)
    zs, cs = julia_inputs(args.width)
    start_time = time.time()
    output = calculate_z(args.max_iterations, zs, cs)
    print(f"{calculate_z.__name__} took {time.time() - start_time:0.2f} seconds")
    report_sum(output, args.width, args.max_iterations)
    return output
