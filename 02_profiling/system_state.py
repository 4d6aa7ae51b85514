"""Is this machine steady enough to time code? ``pyperf system show``, and what ``tune`` would change.

The book's "Strategies to Profile Your Code Successfully" turns off Turbo
Boost and SpeedStep in the BIOS, runs on AC power and stops background jobs,
because a CPU whose clock changes gives timings that change (its example: the
Julia set in 3.3 s with Turbo Boost on a cold CPU, 5.6 s without). pyperf, the
benchmark toolkit behind pyperformance, checks the same things from Python:
``python -m pyperf system show`` reports CPU frequency scaling, Turbo Boost,
the CPU governor, isolated CPUs, ASLR and more, with advice for each, and
``python -m pyperf system tune`` (as root) applies the advice;
``python -m pyperf system reset`` undoes it.

This script runs ``system show`` (it changes nothing), prints its report and
then the changes ``tune`` would make, one line each. It ends with
``stable for benchmarks: yes`` or a warning when pyperf has advice.

Run (section "Strategies to Profile Your Code Successfully"):
    python 02_profiling/system_state.py
    python -m pyperf system show
    sudo python -m pyperf system tune        # applies the advice; `system reset` undoes it
"""

# taught: a stable machine for benchmarks (the book's checklist: Turbo Boost, SpeedStep...), by pyperf
import subprocess
import sys


def system_show():
    """The report ``python -m pyperf system show`` prints (its stderr holds the system tools' chatter)."""
    completed = subprocess.run(
        [sys.executable, "-m", "pyperf", "system", "show"], capture_output=True, text=True, timeout=120
    )
    return completed.stdout


# taught: end


def main(argv=None):
    from _profiling_tools import run_system_state

    run_system_state(__doc__, system_show, argv)


if __name__ == "__main__":
    main()
