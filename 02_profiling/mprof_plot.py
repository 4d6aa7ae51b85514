"""Memory over time with mprof: Figures 2-6, 2-7 and 2-8, drawn for you.

``mprof run SCRIPT`` samples the process's memory every 0.1 s (it barely
slows the run) and brackets each ``@profile`` function, and each
``profile.timestamp`` block, in time; ``mprof plot`` draws the samples. The
book's figures:

- Figure 2-6, ``julia1_memoryprofiler.py``: the driver, then the escape loop
  (memory grows steadily inside it: the small ``int`` and ``float`` objects);
- Figure 2-7, ``julia1_memoryprofiler_with_labels.py``: the same, with the
  ``create_output_list`` and ``calculate_output`` labels;
- Figure 2-8, ``julia1_memoryprofiler2.py``: no ``zs`` and ``cs`` lists, so the
  envelope drops (the book: "from 140 MB to 60 MB").

This script runs both steps (``mprof run`` then ``mprof plot --output``) for
one of them and saves the ``.dat`` samples and the PNG.

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    cd 02_profiling
    python mprof_plot.py --script julia1_memoryprofiler.py --width 300
    mprof run julia1_memoryprofiler.py && mprof plot       # the book's two commands
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

SMOKE_ARGS = ["--width", "30"]
HERE = Path(__file__).resolve().parent
SCRIPTS = ("julia1_memoryprofiler.py", "julia1_memoryprofiler_with_labels.py", "julia1_memoryprofiler2.py")


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else "(no message)"


def run_and_plot(script, script_args, folder, title=None):
    """``mprof run`` the chapter's ``script`` with ``script_args``, then ``mprof plot`` it to a PNG.

    Returns ``(data file, png, the script's output)``; raises RuntimeError with mprof's last line.
    """
    mprof = shutil.which("mprof") or os.path.join(os.path.dirname(sys.executable), "mprof")
    if not os.path.exists(mprof):
        raise RuntimeError("mprof is not installed: pip install memory_profiler (the profiling extra)")
    # taught: mprof run samples the memory over time, mprof plot draws it (Figure 2-6)
    stem = Path(script).stem
    data, png = Path(folder) / f"{stem}.dat", Path(folder) / f"{stem}.png"
    data.unlink(missing_ok=True)
    env = dict(os.environ, MPLBACKEND="Agg")
    run = [mprof, "run", "--exit-code", "--output", str(data), str(HERE / script), *map(str, script_args)]
    completed = subprocess.run(run, env=env, text=True, capture_output=True, timeout=3600)
    if completed.returncode != 0:
        raise RuntimeError(f"mprof run failed: {last_line(completed.stderr)}")
    output = completed.stdout
    plot = [mprof, "plot", "--output", str(png), "--title", title or f"mprof: {script}", str(data)]
    completed = subprocess.run(plot, env=env, text=True, capture_output=True, timeout=300)
    if completed.returncode != 0 or not png.exists():
        raise RuntimeError(f"mprof plot failed: {last_line(completed.stderr)}")
    return data, png, output


# taught: end


def plot_memory(script, script_args, folder, title=None):
    """``run_and_plot``, then print the script's output and where the samples and the plot are."""
    data, png, output = run_and_plot(script, script_args, folder, title)
    print(output, end="")
    print(f"mprof data saved to {data}")
    print(f"plot saved to {png}")
    return data, png


def record_variant(script, width, folder):
    """Record one of the chapter's variants at ``width`` (the labelled one with its 1 s pause) and plot it."""
    script_args = ["--width", width]
    if script == "julia1_memoryprofiler_with_labels.py":
        script_args += ["--sleep", "1"]
    return plot_memory(script, script_args, folder)


def main(argv=None):
    from hpp.script import add_output_dir_argument, example_parser, fail, output_dir, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--script", choices=SCRIPTS, default=SCRIPTS[0], help="the variant to record")
    parser.add_argument("--width", type=positive_int, default=300, help="the Julia grid's width")
    args = add_output_dir_argument(parser, "02_profiling", "the samples and the plot").parse_args(argv)
    try:
        record_variant(args.script, args.width, output_dir("02_profiling", args.output_dir))
    except RuntimeError as error:
        fail(str(error))


if __name__ == "__main__":
    main()
