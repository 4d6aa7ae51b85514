"""The chapter's figures that code can draw (``hpp figures``), from this machine's measurements.

The book's figure numbers for chapter 6 are not in our reference texts; the
numbers below follow the chapter's order (1-D diffusion, norms, the diffusion
ladder, pandas) and the slugs are what stays stable. Each runs in seconds.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="6-1",
        slug="diffusion-1d",
        script="diffusion_1d/diffusion_1d_numpy.py",
        args=["--size", "512", "--iterations", "1000"],
        output="diffusion_1d.png",
        caption="1-D diffusion on a periodic grid: the initial block spreads out over 1,000 steps",
    ),
    Figure(
        number="6-3",
        slug="compare-norms",
        script="norm/figure_compare_norms.py",
        args=["--min-power", "7", "--max-power", "18", "--repeat", "3"],
        output="compare_norms.png",
        caption="Squared norm of range(N) five ways (Python loop, comprehension, array, "
        "numpy.sum(v*v), numpy.dot): best time against N, log-log",
    ),
    Figure(
        number="6-6",
        slug="diffusion-speedups",
        script="diffusion_2d/figure_diffusion_speedups.py",
        args=["--size", "256", "--iterations", "10", "--repeat", "3"],
        output="diffusion_speedups.png",
        caption="2-D diffusion: speedup of each step of the chapter over pure Python, "
        "this machine beside the book's (3e) figures",
    ),
    Figure(
        number="6-8",
        slug="pandas-methods",
        script="pandas/figure_pandas_methods.py",
        args=["--people", "5000", "--repeat", "2"],
        output="pandas_methods.png",
        caption="Per-row least-squares slope: seconds for iloc, iterrows, apply, "
        "apply(raw=True), vectorised, and Polars (expression eager and lazy, map_rows)",
    ),
    Figure(
        number="6-9",
        slug="min-max-slopes",
        script="pandas/plot_min_max_slopes.py",
        args=["--people", "20000"],
        output="min_max_slopes.png",
        caption="The people with the largest and smallest least-squares slopes, with their fitted lines",
    ),
    Figure(
        number="6-10",
        slug="concat-in-a-loop",
        script="pandas/time_iteration_methods_slow_with_diagram.py",
        args=["--people", "3000"],
        output="concat_cost_per_iteration_chunk.png",
        caption="pd.concat inside a loop: each 10% of the rows costs more than the one before",
    ),
]
