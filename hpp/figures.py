"""The book's figures that code can draw, as each chapter's ``_figures.py`` lists them.

A chapter lists its figures as ``FIGURES = [Figure(...), ...]``; ``hpp figures``
runs each figure's script from the chapter folder with ``--output-dir`` and
collects the PNG as ``results/figures/fig-CC-NN-SLUG.png``.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One figure of the book and the script that draws it on this machine."""

    number: str  # the book's number, "2-6"
    slug: str  # a short name for the file, "mprof"
    script: str  # relative to the chapter folder
    output: str  # the PNG the script writes, relative to its --output-dir
    caption: str  # the book's caption, in short
    args: list[str] = field(default_factory=list)  # sizes that run in well under a minute

    @property
    def file_name(self):
        """``fig-02-06-mprof.png`` for figure 2-6."""
        chapter, _, index = self.number.partition("-")
        return f"fig-{int(chapter):02d}-{index.zfill(2)}-{self.slug}.png"
