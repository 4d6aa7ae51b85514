"""The driver of ``cross_entropy_numexpr.py``: the data, the flags, the peaks measured and printed.

The script keeps the three ways to compute the cross-entropy (NumPy, NumExpr,
pandas' ``eval``); this module makes the seeded data, measures each call's
tracemalloc peak, RSS growth and time, and checks that they agree.
"""

import time

from hpp.memory import peak_rss_growth, traced_peak
from hpp.script import example_parser, non_negative_int, positive_int

MB = 1e6


def make_data(rows, seed=0):
    """True labels (0.0 or 1.0) and predicted probabilities strictly inside (0, 1)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    yt = rng.integers(0, 2, rows).astype(np.float64)
    yp = rng.uniform(0.001, 0.999, rows)
    return yt, yp


def measure(name, function, *args):
    """{"result", "traced", "rss", "seconds"} for ``function(*args)``."""
    start = time.perf_counter()
    result, traced = traced_peak(function, *args)
    seconds = time.perf_counter() - start
    del result
    result, rss = peak_rss_growth(function, *args)
    return {"name": name, "result": result, "traced": traced, "rss": rss, "seconds": seconds}


def compare_engines(example, argv=None):
    """Compute the cross-entropy with each engine; print peak memory and time, check they agree."""
    import numexpr
    import numpy as np

    parser = example_parser(example.__doc__)
    parser.add_argument("--rows", type=positive_int, default=10_000_000, help="predictions")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument("--threads", type=positive_int, help="NumExpr threads (default: NumExpr's choice)")
    parser.add_argument("--no-pandas", action="store_true", help="skip DataFrame.eval")
    args = parser.parse_args(argv)
    if args.threads:
        numexpr.set_num_threads(args.threads)
    yt, yp = make_data(args.rows, args.seed)
    input_bytes = yp.nbytes
    print(f"rows = {args.rows}, one input array = {input_bytes / MB:.1f} MB")
    runs = [
        measure("numpy", example.cross_entropy_numpy, yt, yp),
        measure("numexpr", example.cross_entropy_numexpr, yt, yp),
    ]
    if not args.no_pandas:
        try:
            import pandas
        except ImportError:
            print("pandas eval: skipped (pip install pandas)")
        else:
            frame = pandas.DataFrame({"yt": yt, "yp": yp})
            runs.append(measure("pandas eval", example.cross_entropy_pandas, frame))
    for run in runs:
        print(
            f"{run['name']}: peak traced = {run['traced'] / MB:.1f} MB "
            f"({run['traced'] / input_bytes:.2f} arrays), "
            f"peak RSS growth = {run['rss'] / MB:.1f} MB, time = {run['seconds']:.3f} s"
        )
    reference = runs[0]["result"]
    for run in runs[1:]:
        print(f"numpy == {run['name']} (allclose) = {np.allclose(reference, run['result'])}")
    print(f"mean cross-entropy = {reference.mean():.6f}")
    return runs


def cross_entropy_figure(draw, doc, argv=None):
    """``make_cross_entropy_picture.py``: ``--points`` predictions drawn by ``draw``."""
    from hpp.script import output_dir, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--points", type=positive_int, default=99)
    parser.add_argument("--output-dir", type=writable_dir, help="folder for cross_entropy.png")
    args = parser.parse_args(argv)
    return draw(args.points, output_dir("11_less_ram", args.output_dir))
