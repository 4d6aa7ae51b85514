"""Reading bytecode with ``dis``: fewer instructions, faster code (Examples 2-15 to 2-18).

``fn_expressive`` adds up ``range(upper)`` with a Python loop; ``fn_terse``
hands the whole loop to the built-in ``sum``. Both return 499999500000 for the
book's ``upper = 1_000_000``, but ``fn_terse`` runs fewer bytecode
instructions (the book, CPython 3.12: 17 against 7; 3.11 compiles ``fn_terse``
to 9) and most of its work happens in C, so it is "over twice as fast". The
script prints both results, their instruction counts and bytecode, the time
of each, and the bytecode of the Julia escape loop (Example 2-15). Bytecode
differs between Python versions.

Run (section "Using the dis Module to Examine CPython Bytecode"):
    python 02_profiling/dis_bytecode.py
    cd 02_profiling
    python -c "import dis, julia1_nopil; dis.dis(julia1_nopil.calculate_z_serial_purepython)"
"""

import dis
import time

import julia1_nopil

from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--upper", "10000"]


# book: Example 2-16
def fn_expressive(upper=1_000_000):
    total = 0
    for n in range(upper):
        total += n
    return total


def fn_terse(upper=1_000_000):
    return sum(range(upper))


# book: end


# taught: dis counts the instructions: 17 for fn_expressive, 7 for fn_terse (Example 2-18)
def instruction_count(fn):
    """How many bytecode instructions ``dis`` lists for ``fn`` (caches excluded)."""
    return sum(1 for _ in dis.get_instructions(fn))


# taught: end


def timed(fn, upper):
    start = time.perf_counter()
    result = fn(upper)
    return result, time.perf_counter() - start


def compare_bytecode(upper=1_000_000, julia=True):
    """Run and time both functions, check they agree, print their bytecode (and the Julia loop's)."""
    expressive, expressive_s = timed(fn_expressive, upper)
    terse, terse_s = timed(fn_terse, upper)
    assert expressive == terse, "Expect identical results from both functions"
    print(f"fn_expressive({upper}) = {expressive}")
    print(f"fn_terse({upper}) = {terse}")
    for fn, seconds in ((fn_expressive, expressive_s), (fn_terse, terse_s)):
        print(f"\n{fn.__name__}: {instruction_count(fn)} instructions, {seconds * 1e3:.2f} ms")
        dis.dis(fn)
    if julia:
        fn = julia1_nopil.calculate_z_serial_purepython
        print(f"\n{fn.__name__}: {instruction_count(fn)} instructions")
        dis.dis(fn)


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--upper", type=positive_int, default=1_000_000, help="sum the integers below this")
    parser.add_argument("--no-julia", action="store_true", help="skip the Julia loop's bytecode")
    args = parser.parse_args(argv)
    compare_bytecode(args.upper, julia=not args.no_julia)


if __name__ == "__main__":
    main()
