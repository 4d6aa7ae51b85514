"""Serve Julia calculations from inside one PyPy process, for the benchmark (not a book example).

The benchmark compares the calculation under PyPy with the calculation under
CPython, like with like: it starts this worker under ``pypy3`` once, asks it
to build the inputs (start-up and list building, timed apart), then times
each calculation as one round trip on a pipe. The first calculation includes
the JIT warming up (the benchmark's ``first``); the later ones run the
compiled trace. Protocol, one line each way:

    prepare WIDTH          -> ready SECONDS           (lists built)
    run MAX_ITERATIONS     -> done SUM SECONDS        (SECONDS: measured inside PyPy)

Run under pypy3 with this folder on the path:
    pypy3 07_compiling/pypy/_pypy_worker.py julia1_nopil
"""

import importlib
import sys
import time


def serve(module_name, stdin=sys.stdin, stdout=sys.stdout):
    module = importlib.import_module(module_name)
    calculate_z = module.calculate_z_serial_purepython
    zs = cs = None
    for line in stdin:
        command, _, value = line.strip().partition(" ")
        if command == "prepare":
            start = time.perf_counter()
            width = int(value)
            x_step = (module.x2 - module.x1) / width
            y_step = (module.y1 - module.y2) / width
            x, y = [], []
            ycoord = module.y2
            while ycoord > module.y1:
                y.append(ycoord)
                ycoord += y_step
            xcoord = module.x1
            while xcoord < module.x2:
                x.append(xcoord)
                xcoord += x_step
            zs = [complex(xcoord, ycoord) for ycoord in y for xcoord in x]
            cs = [complex(module.c_real, module.c_imag)] * len(zs)
            print(f"ready {time.perf_counter() - start:.6f}", file=stdout, flush=True)
        elif command == "run":
            start = time.perf_counter()
            output = calculate_z(int(value), zs, cs)
            secs = time.perf_counter() - start
            print(f"done {sum(output)} {secs:.6f}", file=stdout, flush=True)
        else:
            print(f"error unknown command {command!r}", file=stdout, flush=True)


if __name__ == "__main__":
    serve(sys.argv[1] if len(sys.argv) > 1 else "julia1_nopil")
