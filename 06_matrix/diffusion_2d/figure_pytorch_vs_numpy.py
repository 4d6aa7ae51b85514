"""NumPy (in place) against PyTorch: time per step and speedup over grid sizes, measured here.

Chapter 6 (third edition), "GPUs and PyTorch" figure: the ``numpy+memory``
step (diffusion_numpy_memory.py) against the same step in PyTorch
(diffusion_pytorch_compute.py) on the device hpp.gpu picks (CUDA when
PyTorch sees one, else the CPU), each point timed with the GPU synchronized.
Writes ``figure_pytorch_vs_numpy.csv`` and ``.png``; the book's GPU numbers
(512: 1.38 ms against 0.133 ms; 8192: 864 ms against 14.2 ms, about 61x) are
drawn hollow beside ours. On a CPU PyTorch is not much faster than NumPy: the
lesson needs the GPU's memory bandwidth.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/figure_pytorch_vs_numpy.py                       # 256 ... 4096
    python 06_matrix/diffusion_2d/figure_pytorch_vs_numpy.py --sizes 512 1024 2048 4096 8192
"""

# book: 3rd ed. code, "figure_pytorch_vs_numpy.py"
from _pytorch_figures import SIZES, measure_methods

METHODS = ("numpy+memory", "pytorch roll")
BASELINE = "numpy+memory"


def workload(sizes=SIZES, device="auto", dtype="float32", max_steps=5000, max_seconds=10.0):
    """Time the in-place NumPy step and PyTorch's roll step at each size.

    One row per (size, method): seconds per step, steps timed, the mass error
    and the speedup over NumPy at the same size.
    """
    return measure_methods(METHODS, BASELINE, sizes, device, dtype, max_steps, max_seconds)


# book: end


def main(argv=None):
    from _pytorch_figures import run_methods_figure

    run_methods_figure(__doc__, workload, BASELINE, argv)


if __name__ == "__main__":
    main()
