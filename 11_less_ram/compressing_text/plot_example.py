"""Compare every word-list structure: RAM, build time and lookups, with a plot.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (the figure of RAM against
build time). The book's ``plot_example.py`` plots numbers typed in from earlier
runs; this one measures them: each structure's script runs in a fresh Python
process (RAM measured in a process that did nothing else), and the lookup
times are scaled to 100,000 lookups.

Run:
    python 11_less_ram/compressing_text/plot_example.py               # /usr/share/dict/words
    python 11_less_ram/compressing_text/plot_example.py --input my_words.txt
    (writes compressing_text.png under results/11_less_ram, or --output-dir)
"""

# book: 2nd ed. code, "plot_example.py" (RAM against build time)
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402 (after the Agg backend is chosen)


def plot_ram_against_build_time(rows, path):
    """Scatter each structure's RAM against its build time, labelled, to ``path``."""
    figure, axes = plt.subplots(figsize=(8, 5))
    for label, ram, build_s, _ in rows:
        axes.scatter(build_s, ram)
        axes.annotate(label, (build_s, ram), textcoords="offset points", xytext=(5, 5))
    axes.set_xlabel("build time (s)")
    axes.set_ylabel("RAM used (MiB, RSS growth in a fresh process)")
    axes.set_title("Storing a word list: RAM against build time")
    figure.savefig(path, dpi=90)
    plt.close(figure)
    print(f"saved {path}")


# book: end


def main(argv=None):
    from _text_family import compare_structures

    compare_structures(plot_ram_against_build_time, __doc__, argv)


if __name__ == "__main__":
    main()
