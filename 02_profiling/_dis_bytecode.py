"""The driver of ``dis_bytecode.py``: ``--stop``, the timings and the printed bytecode.

Not a book example: ``dis_bytecode.py`` holds Example 2-16's two functions and the
instruction count; this module times them, prints their results and bytecode, and the
bytecode of the Julia escape loop (Example 2-15).
"""

import dis
import time


def timed(fn, stop):
    start = time.perf_counter()
    result = fn(stop)
    return result, time.perf_counter() - start


def compare_bytecode(fn_expressive, fn_terse, instruction_count, stop=1_000_000, julia=True):
    """Run and time both functions, check they agree, print their bytecode (and the Julia loop's)."""
    expressive, expressive_s = timed(fn_expressive, stop)
    terse, terse_s = timed(fn_terse, stop)
    assert expressive == terse, "Expect identical results from both functions"
    print(f"fn_expressive({stop}) = {expressive}")
    print(f"fn_terse({stop}) = {terse}")
    for fn, seconds in ((fn_expressive, expressive_s), (fn_terse, terse_s)):
        print(f"\n{fn.__name__}: {instruction_count(fn)} instructions, {seconds * 1e3:.2f} ms")
        dis.dis(fn)
    if julia:
        import julia1_nopil

        fn = julia1_nopil.calculate_z_serial_purepython
        print(f"\n{fn.__name__}: {instruction_count(fn)} instructions")
        dis.dis(fn)


def run_dis_bytecode(doc, fn_expressive, fn_terse, instruction_count, argv=None):
    """``dis_bytecode.py``'s command line: --stop and --no-julia."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--stop", type=positive_int, default=1_000_000, help="sum the integers below this")
    parser.add_argument("--no-julia", action="store_true", help="skip the Julia loop's bytecode")
    args = parser.parse_args(argv)
    compare_bytecode(fn_expressive, fn_terse, instruction_count, args.stop, julia=not args.no_julia)
