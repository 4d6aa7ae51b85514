"""Which bytecode CPython specializes in the Julia loop: ``abs(z) < 2`` against ``< 2.0`` (Figure 2-13).

From 3.11 CPython rewrites "hot" instructions into specialized forms for the
types it sees (``COMPARE_OP`` on two floats becomes ``COMPARE_OP_FLOAT...``);
an instruction that sees mixed types stays adaptive. Specialist colours the
source by this (green: specialized; orange/red: not); ``dis`` shows the same
facts as text with ``adaptive=True``. The book's lesson:

- ``abs(z) < 2`` compares a float with an int and stays adaptive;
  ``abs(z) < 2.0`` compares two floats and is specialized ("more green");
- the complex arithmetic ``z * z + c`` is not specialized in either version;
- ``n < maxiter`` and ``n += 1`` (ints) are.

The script runs both loops on the book's grid, then prints, for each, the
comparison and arithmetic instructions as the interpreter has rewritten them
and how many are specialized. Specialist itself (``pip install specialist``,
Python 3.11 and 3.12) draws the book's figure: ``specialist julia1_nopil.py``
serves it in a browser, ``specialist -o DIR julia1_nopil.py`` writes HTML.

Run (section "Digging into bytecode specialisation with Specialist"):
    cd 02_profiling
    python specialist_julia.py --width 100
    specialist -o /tmp/specialist specialist_julia.py --width 100
"""

# taught: Specialist's view, read with dis: which instructions CPython specialised
import dis
import inspect

# taught: end


# book: 3rd ed., "Digging into bytecode specialisation with Specialist"
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


# taught: abs(z) < 2.0 specialises more; which instructions CPython specialised (Specialist's colours)
def calculate_z_serial_purepython_float_limit(maxiter, zs, cs):
    """The same loop with the book's change: ``abs(z) < 2.0``, a float against a float."""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2.0 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output


FAMILIES = ("COMPARE_OP", "BINARY_OP")


def specializations(fn):
    """``[(source line, argrepr, opname, specialized?)]`` for the compare and arithmetic instructions.

    Run ``fn`` first: CPython specializes an instruction only after it has run
    it a number of times.
    """
    lines = {}
    source, first = inspect.getsourcelines(fn)
    for offset, text in enumerate(source):
        lines[first + offset] = text.strip()
    rows = []
    for instruction in dis.get_instructions(fn, adaptive=True):
        family = next((f for f in FAMILIES if instruction.opname.startswith(f)), None)
        if family is None:
            continue
        specialized = instruction.opname != family and not instruction.opname.endswith("_ADAPTIVE")
        line = instruction.positions.lineno if instruction.positions else None
        rows.append((lines.get(line, "?"), instruction.argrepr, instruction.opname, specialized))
    return rows


# taught: end


def main(argv=None):
    from _profiling_tools import run_specialist_julia

    loops = (calculate_z_serial_purepython, calculate_z_serial_purepython_float_limit)
    run_specialist_julia(__doc__, loops, specializations, argv)


if __name__ == "__main__":
    main()
