"""The chapter's figures that code can draw (``hpp figures``).

The book's figure numbers for this chapter are not in our reference texts, so each
figure is listed by chapter alone (``fig-CC-SLUG.png``); the slugs are the stable names.
The chapter prints no scaling chart of its own (its numbers are in the text: 10^8 darts
on 4 IPython Parallel engines in 20.7-24.5 s); this one measures that lesson here, with the
book's numbers drawn beside ours.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="10",
        slug="cluster-scaling",
        script="cluster_scaling.py",
        args=["--samples", "2000000", "--workers", "2", "--repeat", "2"],
        output="cluster_scaling.png",
        caption="Pure-Python pi on 1 and 2 workers of a multiprocessing Pool, a Dask "
        "LocalCluster and IPython Parallel: darts per second and speed-up, beside "
        "the book's 10^8 darts on 4 IPython Parallel engines",
    ),
]
