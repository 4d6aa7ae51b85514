"""Time the five squared-norm versions for N = 2^7 .. 2^20 and plot time against N.

Chapter 6, the norm comparison figure: every version is checked against the
closed form (n - 1) n (2n - 1) / 6, timed (best of ``--repeat``), printed as
a table and drawn on log-log axes to ``compare_norms.png``; every result and
time goes to ``compare_norms.csv``.

Run:
    python 06_matrix/norm/figure_compare_norms.py --max-power 20 --repeat 10
"""

# book: 3rd ed. code, "norm/figure_compare_norms.py"
import importlib

from _norm_cli import expected_norm_squared

from hpp.timing import repeat_timer

VERSIONS = {  # label: (file, function)
    "python loop": ("norm_python.py", "norm_square_list"),
    "list comprehension": ("norm_python_comprehension.py", "norm_square_list_comprehension"),
    "array loop": ("norm_array.py", "norm_square_array"),
    "numpy.sum(v * v)": ("norm_numpy.py", "norm_square_numpy"),
    "numpy.dot(v, v)": ("norm_numpy_dot.py", "norm_square_numpy_dot"),
}


def load_versions():
    versions = {}
    for label, (filename, function) in VERSIONS.items():
        module = importlib.import_module(filename.removesuffix(".py"))  # a neighbour, by plain name
        versions[label] = (module.make_vector, getattr(module, function))
    return versions


def measure(sizes, repeat, results=None):
    """``{label: [best seconds per size]}``; every result checked against the closed form (and
    appended to ``results``, a list, as ``(label, size, result)``)."""
    timings = {}
    for label, (make_vector, norm_square) in load_versions().items():
        for size in sizes:
            vector = make_vector(size)
            timing, result = repeat_timer(lambda f=norm_square, v=vector: f(v), repeat=repeat)
            if int(result) != expected_norm_squared(size):
                raise AssertionError(f"{label} gave {result} for N = {size}")
            timings.setdefault(label, []).append(timing.min)
            if results is not None:
                results.append((label, size, int(result)))
    return timings


def plot(sizes, timings, folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, times in timings.items():
        ax.plot(sizes, times, marker="o", label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("N (vector length)")
    ax.set_ylabel("best time (s)")
    ax.set_title("Squared norm of range(N)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = folder / "compare_norms.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


# book: end


def main(argv=None):
    from _norm_cli import run_compare_norms

    run_compare_norms(__doc__, measure, plot, argv)


if __name__ == "__main__":
    main()
