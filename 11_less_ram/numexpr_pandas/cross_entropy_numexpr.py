"""Using less RAM in NumPy with NumExpr: the binary cross-entropy of 10**7 predictions.

Chapter 11, "Using Less RAM in NumPy with NumExpr". NumPy evaluates

    -(yt * np.log(yp) + (1 - yt) * np.log(1 - yp))

one operation at a time, and each step makes a temporary array the size of the
input (NumPy reuses some of them in place, but the peak still holds several).
``numexpr.evaluate`` compiles the whole expression and runs it over
cache-sized chunks, so the only full-size array it makes is the result (and it
uses several cores). Pandas' ``DataFrame.eval(..., engine="numexpr")`` takes
the same string; its peak is measured too (pandas prepares the columns and
wraps the result, so it does not necessarily save the memory). The peaks shown:

- traced: tracemalloc's peak over the call (NumPy reports its buffers to it),
  also given in input-sized arrays;
- RSS: the resident set's peak growth during the call, sampled by a thread
  (what ``memory_profiler``'s ``%memit`` reports); meaningful for large arrays
  only (the allocator keeps small freed blocks, so a second call may not grow).

The three results must be equal (``np.allclose``).

Run:
    python 11_less_ram/numexpr_pandas/cross_entropy_numexpr.py                 # 10**7 rows
    python -m memory_profiler 11_less_ram/numexpr_pandas/cross_entropy_numexpr.py --rows 1000000
"""

import time

import numexpr
import numpy as np

from hpp import profile
from hpp.memory import peak_rss_growth, traced_peak
from hpp.script import example_parser, non_negative_int, positive_int

REQUIRES = ("numexpr",)
SMOKE_ARGS = ["--rows", "200000"]
EXPRESSION = "-(yt * log(yp) + (1 - yt) * log(1 - yp))"
MB = 1e6


def make_data(rows, seed=0):
    """True labels (0.0 or 1.0) and predicted probabilities strictly inside (0, 1)."""
    rng = np.random.default_rng(seed)
    yt = rng.integers(0, 2, rows).astype(np.float64)
    yp = rng.uniform(0.001, 0.999, rows)
    return yt, yp


# taught: 2nd ed., "Using less RAM in NumPy with NumExpr": one pass, no full-size temporaries
@profile
def cross_entropy_numpy(yt, yp):
    return -(yt * np.log(yp) + (1 - yt) * np.log(1 - yp))


@profile
def cross_entropy_numexpr(yt, yp):
    return numexpr.evaluate(EXPRESSION, local_dict={"yt": yt, "yp": yp})


def cross_entropy_pandas(frame):
    return frame.eval(EXPRESSION, engine="numexpr").to_numpy()


# taught: end


def measure(name, function, *args):
    """{"result", "traced", "rss", "seconds"} for ``function(*args)``."""
    start = time.perf_counter()
    result, traced = traced_peak(function, *args)
    seconds = time.perf_counter() - start
    del result
    result, rss = peak_rss_growth(function, *args)
    return {"name": name, "result": result, "traced": traced, "rss": rss, "seconds": seconds}


def compare_engines(rows, seed=0, threads=None, with_pandas=True):
    """Compute the cross-entropy with each engine; print peak memory and time, check they agree."""
    if threads:
        numexpr.set_num_threads(threads)
    yt, yp = make_data(rows, seed)
    input_bytes = yp.nbytes
    print(f"rows = {rows}, one input array = {input_bytes / MB:.1f} MB")
    runs = [measure("numpy", cross_entropy_numpy, yt, yp), measure("numexpr", cross_entropy_numexpr, yt, yp)]
    if with_pandas:
        try:
            import pandas
        except ImportError:
            print("pandas eval: skipped (pip install pandas)")
        else:
            frame = pandas.DataFrame({"yt": yt, "yp": yp})
            runs.append(measure("pandas eval", cross_entropy_pandas, frame))
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


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--rows", type=positive_int, default=10_000_000, help="predictions")
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument("--threads", type=positive_int, help="NumExpr threads (default: NumExpr's choice)")
    parser.add_argument("--no-pandas", action="store_true", help="skip DataFrame.eval")
    args = parser.parse_args(argv)
    compare_engines(args.rows, args.seed, args.threads, not args.no_pandas)


if __name__ == "__main__":
    main()
