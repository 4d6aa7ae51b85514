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

import importlib.util

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import text_example

from hpp.script import comma_choices, example_parser, fail, output_dir, positive_int, writable_dir
from hpp.words import add_word_arguments, word_flags

SMOKE_ARGS = ["--generated", "3000", "--lookups", "1000", "--only", "set,marisa_trie_load_only"]

# (script suffix, label, module it needs, lookups relative to --lookups)
STRUCTURES = [
    ("list", "list", None, 0.01),
    ("list_bisect", "sorted list + bisect", None, 1),
    ("set", "set", None, 1),
    ("dict", "dict", None, 1),
    ("marisa_trie", "MARISA trie (built)", "marisa_trie", 1),
    ("marisa_trie_load_only", "MARISA trie (loaded)", "marisa_trie", 1),
    ("dawg", "DAWG", "dawg", 1),
    ("lexpy", "lexpy DAWG (3rd edition)", "lexpy", 1),
    ("pygtrie", "pygtrie", "pygtrie", 1),
    ("datrie", "datrie", "datrie", 1),
]


def compare_structures(names, flags, lookups, folder):
    """Run each structure's script (``names``, or all) in a fresh process; print and plot its figures."""
    chosen = [s for s in STRUCTURES if s[0] in names] if names else STRUCTURES
    rows = []
    print(f"{'structure':<24} {'RAM MiB':>9} {'build s':>8} {'s per 100k lookups':>19}")
    for suffix, label, module, lookup_share in chosen:
        if module and importlib.util.find_spec(module) is None:
            print(f"{label:<24} skipped: pip install {module}")
            continue
        extra = ["--trie", folder / "words_trie.saved"] if suffix == "marisa_trie_load_only" else []
        if suffix == "marisa_trie":
            extra = ["--save", folder / "words_trie.saved"]
        share = max(1, int(lookups * lookup_share))
        try:
            figures = text_example.measure_in_subprocess(
                f"text_example_{suffix}.py", [*flags, "--lookups", share, *extra]
            )
        except (RuntimeError, OSError) as error:
            fail(str(error))
        per_100k = figures["lookup_s"] * 100_000 / figures["lookups"]
        rows.append((label, figures["ram_mib"], figures["build_s"], per_100k))
        print(f"{label:<24} {figures['ram_mib']:>9.2f} {figures['build_s']:>8.3f} {per_100k:>19.4f}")
    plot_ram_against_build_time(rows, folder / "compressing_text.png")
    return rows


# book: 2nd ed. code, "plot_example.py" (RAM against build time)
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
    parser = example_parser(__doc__)
    add_word_arguments(parser)
    parser.add_argument("--lookups", type=positive_int, default=text_example.NUMBER_LOOKUPS)
    names = [s[0] for s in STRUCTURES]
    parser.add_argument("--only", type=comma_choices(*names), help=f"comma-separated: {', '.join(names)}")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for compressing_text.png")
    args = parser.parse_args(argv)
    compare_structures(args.only, word_flags(args), args.lookups, output_dir("11_less_ram", args.output_dir))


if __name__ == "__main__":
    main()
