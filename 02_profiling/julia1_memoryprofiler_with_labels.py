"""Labelled blocks on an mprof memory plot (Example 2-11).

Under ``mprof run``, ``profile.timestamp("name")`` marks when a block starts and
ends, and ``mprof plot`` draws each block as a labelled bracket over the
memory curve. Here ``create_output_list`` brackets the allocation of
``output`` and ``calculate_output`` the loop, with a one-second sleep between
them so the two are easy to tell apart (the book's plot shows
``create_output_list`` at about 1.5 s).

``label(name)`` is ``profile.timestamp(name)`` when mprof provides it and does
nothing otherwise, so the script also runs under plain Python (the official
one raises ``NameError`` there).

With ``--mprof-plot`` the script does both steps for you: it runs itself under
``mprof run`` and saves ``mprof plot``'s figure as a PNG.

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    mprof run 02_profiling/julia1_memoryprofiler_with_labels.py --width 300
    mprof plot --output julia_mprof_labels.png
    python 02_profiling/julia1_memoryprofiler_with_labels.py --width 300 --mprof-plot
"""

import builtins
import contextlib
import os
import shutil
import subprocess
import sys
import time

from hpp import profile
from hpp.julia import add_julia_arguments, calc_julia
from hpp.script import example_parser, fail, non_negative_int, output_dir

SMOKE_ARGS = ["--width", "50", "--sleep", "0"]
SLEEP_SECONDS = 1


def label(name):
    """``profile.timestamp(name)`` under ``mprof run``, else a context that does nothing."""
    timestamper = getattr(getattr(builtins, "profile", None), "timestamp", None)
    return timestamper(name) if timestamper is not None else contextlib.nullcontext()


@profile
def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    with label("create_output_list"):
        output = [0] * len(zs)
    time.sleep(SLEEP_SECONDS)
    with label("calculate_output"):
        for i in range(len(zs)):
            n = 0
            z = zs[i]
            c = cs[i]
            while n < maxiter and abs(z) < 2:
                z = z * z + c
                n += 1
            output[i] = n
    return output


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else "(no message)"


def mprof_plot(argv, folder):
    """Run this script under ``mprof run``, then save ``mprof plot`` as a PNG; returns its path."""
    mprof = shutil.which("mprof") or os.path.join(os.path.dirname(sys.executable), "mprof")
    if not os.path.exists(mprof):
        fail("mprof is not installed: pip install memory_profiler")
    data = folder / "julia1_memoryprofiler_with_labels.dat"
    png = folder / "julia1_memoryprofiler_with_labels.png"
    data.unlink(missing_ok=True)
    script_args = [a for a in argv if a != "--mprof-plot"]
    run = [mprof, "run", "--exit-code", "--output", str(data), os.path.abspath(__file__), *script_args]
    env = dict(os.environ, MPLBACKEND="Agg")
    completed = subprocess.run(run, env=env, text=True, capture_output=True, timeout=3600)
    if completed.returncode != 0:
        fail(f"mprof run failed: {last_line(completed.stderr)}")
    print(completed.stdout, end="")
    plot = [mprof, "plot", "--output", str(png), "--title", "Julia set, labelled blocks", str(data)]
    completed = subprocess.run(plot, env=env, text=True, capture_output=True, timeout=300)
    if completed.returncode != 0 or not png.exists():
        fail(f"mprof plot failed: {last_line(completed.stderr)}")
    return data, png


def main(argv=None):
    global SLEEP_SECONDS
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--sleep", type=non_negative_int, default=SLEEP_SECONDS,
                        help="seconds to sleep between the two labelled blocks")
    parser.add_argument("--mprof-plot", action="store_true",
                        help="run under mprof and save the labelled memory plot as a PNG")
    parser.add_argument("--output-dir", help="where --mprof-plot saves (default: results/02_profiling)")
    args = parser.parse_args(argv)
    if args.mprof_plot:
        argv = sys.argv[1:] if argv is None else list(argv)
        data, png = mprof_plot(argv, output_dir("02_profiling", args.output_dir))
        print(f"mprof data saved to {data}")
        print(f"plot saved to {png}")
        return
    SLEEP_SECONDS = args.sleep
    calc_julia(calculate_z_serial_purepython, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
