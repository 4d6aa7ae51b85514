"""The chapter's figures that code can draw (``hpp figures``)."""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="3-2",
        slug="list-overallocation",
        script="list_overallocation.py",
        args=["--appends", "20000", "--plot-length", "2000"],
        output="list_overallocation.png",
        caption="How many extra elements are allocated to a list of a given size as it grows "
        "by appends (measured with sys.getsizeof; the book's formula gives the same)",
    ),
]
