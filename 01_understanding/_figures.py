"""The chapter's figures that code can draw (``hpp figures``).

Figures 1-1 (CPU clock speeds from CPU DB) and 1-3 (interface bit rates) are
charts of published data with no code behind them. Figure 1-2 (memory tiers)
is drawn from measurements of this machine. Amdahl's law has no figure in the
book: its plot of the section's formula is listed by chapter alone.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="1",
        slug="amdahl",
        script="amdahl.py",
        args=["--max-cores", "64"],
        output="amdahl.png",
        caption="Amdahl's law: speedup against cores for several parallel fractions "
        "(section 'Computing Units'; not a numbered figure in the book)",
    ),
    Figure(
        number="1-2",
        slug="memory-tiers",
        script="memory_tiers.py",
        args=["--max-mib", "128", "--read-mib", "128"],
        output="memory_tiers.png",
        caption="Characteristic values for different types of memory units, measured on this machine: "
        "sequential read bandwidth and random-read time against working-set size (L1, L2, L3, RAM)",
    ),
]
