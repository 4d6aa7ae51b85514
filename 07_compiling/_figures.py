"""Chapter 7's figures that code can draw (``hpp figures``), from this machine's measurements."""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="7",
        slug="diminishing-returns",
        script="diminishing_returns/make_diminishing_returns.py",
        args=["--width", "200", "--repeat", "2"],
        output="diminishing_returns.png",
        caption="Diminishing returns: the Julia set's speedup over pure Python as each step of "
        "effort is added (compile, types, expanded math, memoryviews, OpenMP, SIMD), "
        "measured on this machine",
    ),
    Figure(
        number="7",
        slug="pytorch-compare",
        script="pytorch/compare.py",
        args=["--sizes", "64", "128", "256", "--max-seconds", "1", "--threads", "1"],
        output="compare.png",
        caption="NumPy against PyTorch over grid sizes (CPU here, CUDA where present)",
        requires=("torch",),
    ),
]
