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

from _pytorch_figures import (
    BOOK_SECONDS,
    add_speedups,
    figure_parser,
    measure,
    plot,
    prepare,
    print_rows,
    write_csv,
)

REQUIRES = ("torch",)
SMOKE_ARGS = ["--sizes", "32", "64", "--max-steps", "5", "--device", "cpu", "--threads", "1"]

METHODS = ("pytorch roll", "pytorch conv2d")
BASELINE = "pytorch roll"


def main(argv=None):
    args = figure_parser(__doc__, max_steps=2500, dtype="float32").parse_args(argv)
    device, folder = prepare(args)
    from hpp.gpu import describe

    print(f"device: {describe(device)}")
    rows = [
        measure(method, size, device, "float64" if method == "numpy+memory" else args.dtype, args)
        for size in args.sizes
        for method in METHODS
    ]
    add_speedups(rows, BASELINE)
    print_rows(rows, BASELINE)
    csv_path = write_csv(rows, folder / "figure_pytorch_naive_vs_conv.csv")
    book = {name: BOOK_SECONDS[name] for name in METHODS}
    png = plot(
        rows,
        folder / "figure_pytorch_naive_vs_conv.png",
        f"PyTorch roll vs conv2d, {args.dtype}, on {device.type}",
        BASELINE,
        book,
    )
    print(f"wrote {csv_path}")
    print(f"wrote {png}")


if __name__ == "__main__":
    main()
