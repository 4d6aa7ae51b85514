"""The chapter's figures that code can draw (``hpp figures``), from this machine's measurements.

The book's figure numbers for this chapter are not in our reference texts, so each
figure is listed by chapter alone (``fig-CC-SLUG.png``); the slugs are the stable names.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="6",
        slug="diffusion-1d",
        script="diffusion_1d/diffusion_1d_numpy.py",
        args=["--size", "512", "--iterations", "1000"],
        output="diffusion_1d.png",
        caption="1-D diffusion on a periodic grid: the initial block spreads out over 1,000 steps",
    ),
    Figure(
        number="6",
        slug="compare-norms",
        script="norm/figure_compare_norms.py",
        args=["--min-power", "7", "--max-power", "18", "--repeat", "3"],
        output="compare_norms.png",
        caption="Squared norm of range(N) five ways (Python loop, comprehension, array, "
        "numpy.sum(v*v), numpy.dot): best time against N, log-log",
    ),
    Figure(
        number="6",
        slug="diffusion-speedups",
        script="diffusion_2d/figure_diffusion_speedups.py",
        args=["--size", "256", "--iterations", "10", "--repeat", "3"],
        output="diffusion_speedups.png",
        caption="2-D diffusion: speedup of each step of the chapter over pure Python, "
        "this machine beside the book's (3e) figures",
    ),
    Figure(
        number="6",
        slug="diffusion-snapshots",
        script="diffusion_2d/figure_diffusion_snapshots.py",
        args=["--size", "256", "--steps", "0", "100", "500", "1000", "2000"],
        output="diffusion_snapshots.png",
        caption="2-D diffusion on a periodic grid: the initial block drawn after 0 to 2,000 steps, "
        "the same total heat spread wider and lower",
    ),
    Figure(
        number="6",
        slug="diffusion-sweep-sizes",
        script="diffusion_2d/diffusion_sweep_sizes.py",
        args=["--sizes", "64", "256", "512", "1024", "--max-steps", "200", "--max-seconds", "1"],
        output="diffusion_sweep_sizes.png",
        caption="2-D diffusion (3e): every method's time per step from 64^2 upward "
        "(the book's sweep goes to 8192^2), each point capped in steps and seconds",
    ),
    Figure(
        number="6",
        slug="pandas-methods",
        script="pandas/figure_pandas_methods.py",
        args=["--people", "5000", "--repeat", "2"],
        output="pandas_methods.png",
        caption="Per-row least-squares slope: seconds for iloc, iterrows, apply, "
        "apply(raw=True), vectorised, and Polars (expression eager and lazy, map_rows)",
    ),
    Figure(
        number="6",
        slug="min-max-slopes",
        script="pandas/plot_min_max_slopes.py",
        args=["--people", "20000"],
        output="min_max_slopes.png",
        caption="The people with the largest and smallest least-squares slopes, with their fitted lines",
    ),
    Figure(
        number="6",
        slug="concat-in-a-loop",
        script="pandas/time_iteration_methods_slow_with_diagram.py",
        args=["--people", "3000"],
        output="concat_cost_per_iteration_chunk.png",
        caption="pd.concat inside a loop: each 10% of the rows costs more than the one before",
    ),
    Figure(
        number="6",
        slug="pytorch-vs-numpy",
        script="diffusion_2d/figure_pytorch_vs_numpy.py",
        args=["--sizes", "64", "128", "256", "--max-seconds", "1", "--threads", "1"],
        output="figure_pytorch_vs_numpy.png",
        caption="NumPy (in place) against the PyTorch roll step: time per step and speedup, by grid size",
        requires=("torch",),
    ),
    Figure(
        number="6",
        slug="pytorch-naive-vs-conv",
        script="diffusion_2d/figure_pytorch_naive_vs_conv.py",
        args=["--sizes", "64", "128", "256", "--max-seconds", "1", "--threads", "1"],
        output="figure_pytorch_naive_vs_conv.png",
        caption="PyTorch's roll step against its conv2d step, by grid size",
        requires=("torch",),
    ),
    Figure(
        number="6",
        slug="pytorch-precision",
        script="diffusion_2d/figure_pytorch_naive_precision.py",
        args=[
            "--sizes",
            "64",
            "256",
            "--max-seconds",
            "1",
            "--threads",
            "1",
            "--error-size",
            "64",
            "--error-iterations",
            "256",
        ],
        output="figure_pytorch_naive_precision.png",
        caption="float64, float32 and float16: time per step, and the error against NumPy",
        requires=("torch",),
    ),
]
