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

# taught: mprof run samples the memory over time, mprof plot draws it (Figure 2-6)
import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def main(argv=None):
    from _profiling_tools import run_mprof_plot

    run_mprof_plot(__doc__, SCRIPTS, argv)


if __name__ == "__main__":
    main()
