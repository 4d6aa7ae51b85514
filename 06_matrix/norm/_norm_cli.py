"""The command line shared by the norm scripts (not an example): ``--size N --repeat R``."""

from hpp.script import example_parser, positive_int
from hpp.timing import repeat_timer

BOOK_SIZE = 1_000_000
BOOK_REPEAT = 10


def expected_norm_squared(size):
    """sum(i * i for i in range(size)), in closed form: (n - 1) n (2n - 1) / 6."""
    return (size - 1) * size * (2 * size - 1) // 6


def run_main(doc, make_vector, norm_square, argv=None):
    """Build the vector once, time ``norm_square`` ``--repeat`` times, print the result and the best time."""
    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=BOOK_SIZE, help="the vector is range(SIZE)")
    parser.add_argument(
        "--repeat", type=positive_int, default=BOOK_REPEAT, help="timed runs; the best is reported"
    )
    args = parser.parse_args(argv)
    vector = make_vector(args.size)
    timing, result = repeat_timer(lambda: norm_square(vector), repeat=args.repeat, warmup=False)
    print(f"norm squared of range({args.size}) = {int(result)}")
    print(f"best of {args.repeat}: {timing.min * 1e3:.3f} ms")
    return int(result)
