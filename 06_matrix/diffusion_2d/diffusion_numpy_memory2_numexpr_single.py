"""The numexpr diffusion on one thread: how much of numexpr's gain is threads?

Chapter 6, "numexpr: Making In-Place Operations Faster and Easier" (the
book's single-threaded twin): the same ``evolve`` as
``diffusion_numpy_memory2_numexpr.py``, run with ``numexpr.set_num_threads(1)``
(restored afterwards), so what is left is the blocking alone.

Run:
    python 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr_single.py --size 512 --iterations 1000
Profile:
    kernprof -l -v 06_matrix/diffusion_2d/diffusion_numpy_memory2_numexpr_single.py --iterations 100
"""

from pathlib import Path

import numexpr as ne
from _matrix_diffusion import run_main

from hpp.loader import load_example

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]

threaded = load_example(Path(__file__).with_name("diffusion_numpy_memory2_numexpr.py"))
evolve = threaded.evolve


def run_experiment(num_iterations, size=512):
    previous = ne.set_num_threads(1)
    try:
        return threaded.run_experiment(num_iterations, size)
    finally:
        ne.set_num_threads(previous)


def main(argv=None):
    run_main(__doc__, run_experiment, argv)
    print("numexpr threads = 1")


if __name__ == "__main__":
    main()
