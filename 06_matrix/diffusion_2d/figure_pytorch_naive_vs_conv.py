"""PyTorch's roll step against its convolution step: time per step over grid sizes, measured here.

Chapter 6 (third edition), "GPUs and PyTorch" figure: four ``torch.roll``
copies and an addition per step (diffusion_pytorch_compute.py) against one
3 x 3 convolution with circular padding (diffusion_pytorch_conv.py), on the
device hpp.gpu picks, each point synchronized. The book's GPU figure shows the
convolution about 4x faster from 1536 x 1536 up (8192: 13.95 ms against
3.53 ms); its convolution threw the result away (fixed here), so our
convolution does the whole step. Writes ``figure_pytorch_naive_vs_conv.csv``
and ``.png``, with the book's numbers drawn hollow.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/figure_pytorch_naive_vs_conv.py                  # 256 ... 4096
    python 06_matrix/diffusion_2d/figure_pytorch_naive_vs_conv.py --sizes 512 1024 2048 4096 8192
"""

# book: 3rd ed. code, "figure_pytorch_naive_vs_conv.py"
from _pytorch_figures import SIZES, measure_methods

METHODS = ("pytorch roll", "pytorch conv2d")
BASELINE = "pytorch roll"


def workload(sizes=SIZES, device="auto", dtype="float32", max_steps=2500, max_seconds=10.0):
    """Time PyTorch's roll step and its conv2d step at each size.

    One row per (size, method): seconds per step, steps timed, the mass error
    and the speedup over the roll step at the same size.
    """
    return measure_methods(METHODS, BASELINE, sizes, device, dtype, max_steps, max_seconds)


# book: end


def main(argv=None):
    from _pytorch_figures import run_methods_figure

    run_methods_figure(__doc__, workload, BASELINE, argv)


if __name__ == "__main__":
    main()
