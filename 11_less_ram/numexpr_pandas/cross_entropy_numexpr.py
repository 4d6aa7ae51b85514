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

# taught: 2nd ed., "Using less RAM in NumPy with NumExpr": one pass, no full-size temporaries
import numexpr
import numpy as np

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op

EXPRESSION = "-(yt * log(yp) + (1 - yt) * log(1 - yp))"


@profile
def cross_entropy_numpy(yt, yp):
    return -(yt * np.log(yp) + (1 - yt) * np.log(1 - yp))


@profile
def cross_entropy_numexpr(yt, yp):
    return numexpr.evaluate(EXPRESSION, local_dict={"yt": yt, "yp": yp})


def cross_entropy_pandas(frame):
    return frame.eval(EXPRESSION, engine="numexpr").to_numpy()


# taught: end


def main(argv=None):
    import sys

    from _numexpr_family import compare_engines

    compare_engines(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
