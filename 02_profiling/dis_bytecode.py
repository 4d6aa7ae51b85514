"""Reading bytecode with ``dis``: fewer instructions, faster code (Examples 2-15 to 2-18).

``fn_expressive`` adds up ``range(upper)`` with a Python loop (``--stop`` sets
``upper``); ``fn_terse`` hands the whole loop to the built-in ``sum``. Both return 499999500000 for the
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

# taught: the book reads bytecode with dis (Examples 2-15 and 2-18)
import dis

# taught: end


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


def main(argv=None):
    from _dis_bytecode import run_dis_bytecode

    run_dis_bytecode(__doc__, fn_expressive, fn_terse, instruction_count, argv)


if __name__ == "__main__":
    main()
