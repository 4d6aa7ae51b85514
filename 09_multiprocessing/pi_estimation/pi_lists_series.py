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

import time

import pi_lists_parallel

SMOKE_ARGS = ["--nbr_samples_in_total", "200000", "--seed", "0"]


# book: 2nd ed. code, "pi_lists_series.py"
def estimate_pi(nbr_samples_in_total, seed=None):
    """Throw the darts in this one process, timed, and print the estimate."""
    from _pi_common import report

    t1 = time.time()
    nbr_in_circle = pi_lists_parallel.estimate_nbr_points_in_quarter_circle(nbr_samples_in_total, seed)
    print(f"Took {time.time() - t1:2f}s")
    report(nbr_in_circle, nbr_samples_in_total)


# book: end


def main(argv=None):
    from _pi_common import pi_parser

    args = pi_parser(__doc__, "darts to throw (the book: 1e8)").parse_args(argv)
    estimate_pi(args.samples, args.seed)


if __name__ == "__main__":
    main()
