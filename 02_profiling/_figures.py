"""The chapter's figures that code can draw (``hpp figures``).

Figure 2-4 (a System Monitor screenshot in the book) is drawn from
``psutil`` samples of each core's load. Not drawn: 2-5 (SnakeViz in a
browser: ``snakeviz profile.stats``), 2-9 (Scalene's browser view), 2-10 and
2-11 (py-spy's terminal and its SVG flame chart: ``py-spy record -o
profile.svg``), 2-12 (VizTracer's viewer) and 2-13 (Specialist's HTML). They
are screenshots of interactive tools; the README gives the command for each.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="2-1",
        slug="julia-false-greyscale",
        script="julia1.py",
        args=["--width", "500"],
        output="julia_false_greyscale.png",
        caption="Julia set plot with a false gray scale to highlight detail",
    ),
    Figure(
        number="2-2",
        slug="nonconvergence",
        script="nonconvergence.py",
        output="julia_nonconvergence.png",
        caption="Two coordinate examples evolving for the Julia set (0+0j stays bounded, -0.82+0j escapes)",
    ),
    Figure(
        number="2-3",
        slug="julia-greyscale",
        script="julia1.py",
        args=["--width", "500"],
        output="julia_greyscale.png",
        caption="Julia plot example using a pure gray scale",
    ),
    Figure(
        number="2-4",
        slug="cpu-load-while-timing",
        script="cpu_load_while_timing.py",
        args=["--width", "300", "--interval-ms", "100"],
        output="cpu_load_while_timing.png",
        caption="Variation in CPU usage while we time our function: each core's load "
        "(psutil.cpu_percent(percpu=True), sampled in a thread), one busy with the Julia loop",
    ),
    Figure(
        number="2-6",
        slug="mprof",
        script="mprof_plot.py",
        args=["--script", "julia1_memoryprofiler.py", "--width", "300"],
        output="julia1_memoryprofiler.png",
        caption="memory_profiler report using mprof",
    ),
    Figure(
        number="2-7",
        slug="mprof-labels",
        script="julia1_memoryprofiler_with_labels.py",
        args=["--width", "300", "--mprof-plot"],
        output="julia1_memoryprofiler_with_labels.png",
        caption="memory_profiler report using mprof with labels",
    ),
    Figure(
        number="2-8",
        slug="mprof-no-lists",
        script="mprof_plot.py",
        args=["--script", "julia1_memoryprofiler2.py", "--width", "300"],
        output="julia1_memoryprofiler2.png",
        caption="memory_profiler after removing two large lists",
    ),
]
