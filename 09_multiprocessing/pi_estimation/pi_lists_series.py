"""Estimate pi with pure-Python darts in one process: the baseline of the chapter.

Chapter 9, "Estimating Pi Using the Monte Carlo Method": throw darts at the
unit square and count those that land inside the quarter circle; 4 * inside /
total tends to pi. The dart thrower is ``pi_lists_parallel``'s (the book's
series script imports it from there too). The book throws 1e8 darts (4e8 in
the 3rd edition), about 71 s in one process.

Run:
    python pi_lists_series.py                    # 1e8 darts
    python pi_lists_series.py --nbr_samples_in_total 1e6 --seed 0
"""

# book: 2nd ed. code, "pi_lists_series.py"
import pi_lists_parallel


def estimate_pi(nbr_samples_in_total, seed=None):
    """The darts inside the quarter circle, all thrown in this one process."""
    return pi_lists_parallel.estimate_nbr_points_in_quarter_circle(nbr_samples_in_total, seed)


# book: end


def main(argv=None):
    from _pi_common import run_series

    run_series(__doc__, estimate_pi, argv)


if __name__ == "__main__":
    main()
