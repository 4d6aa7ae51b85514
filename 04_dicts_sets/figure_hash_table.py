"""Figure 4-1: the hash table after inserting with collisions (book chapter 4, "Inserting and Retrieving").

The book's figure inserts four cities into a table of 8 buckets with the
first-letter hash of Example 4-5 (``City``): Rome, San Francisco and New York
take their first bucket (``hash & 0b111``: 2, 3, 6); Barcelona wants bucket 2
too, finds Rome there, and probes on (Example 4-4's ``index_sequence``) to
bucket 5. This script builds that table with the chapter's own probing model,
prints each bucket and the probes each key made, and draws it as
``hash_table_collisions.png``.

Run:
    python 04_dicts_sets/figure_hash_table.py
    python 04_dicts_sets/figure_hash_table.py --output-dir /tmp/figures
"""

from custom_hash_function import City, data
from dict_probing import index_sequence

SMOKE_ARGS = []


# taught: the table Figure 4-1 draws, built with the book's probe sequence
def build_table(keys, mask=0b111):
    """``(table, probes)``: the key in each bucket, and the buckets each key tried, in order."""
    table = [None] * (mask + 1)
    probes = {}
    for key in keys:
        tried = []
        for i in index_sequence(key, mask):
            tried.append(i)
            if table[i] is None:
                table[i] = key
                break
        probes[key] = tried
    return table, probes


def show_table(table, probes):
    """Print each bucket of ``table`` and the probes that filled it."""
    for bucket, key in enumerate(table):
        if key is None:
            print(f"bucket {bucket}: empty")
        else:
            print(f"bucket {bucket}: {key} (hash {hash(key)}, probes {probes[key]})")


def draw_table(table, probes, path):
    """Draw the buckets as a column of boxes, the collision as an arrow from the first bucket tried."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 0.55 * len(table) + 1))
    for bucket, key in enumerate(table):
        y = len(table) - 1 - bucket
        collided = key is not None and len(probes[key]) > 1
        color = "#f4c7a1" if collided else ("#cfe2f3" if key is not None else "white")
        ax.add_patch(plt.Rectangle((1, y), 4, 0.9, facecolor=color, edgecolor="black"))
        ax.text(0.8, y + 0.45, f"{bucket} ({bucket:03b})", ha="right", va="center", family="monospace")
        label = "" if key is None else f"{key}: hash {hash(key)}"
        ax.text(3, y + 0.45, label, ha="center", va="center")
    for key, tried in probes.items():
        for start, stop in zip(tried, tried[1:]):
            y0, y1 = len(table) - 1 - start + 0.45, len(table) - 1 - stop + 0.45
            ax.annotate(
                "",
                xy=(5.1, y1),
                xytext=(5.1, y0),
                arrowprops={"arrowstyle": "->", "connectionstyle": "arc3,rad=-0.5"},
            )
            ax.text(5.9, (y0 + y1) / 2, f"{key} collides", va="center", fontsize=8)
    ax.set_xlim(-1.2, 8)
    ax.set_ylim(-0.2, len(table))
    ax.axis("off")
    ax.set_title(f"Inserting with collisions: hash = ord(first letter), mask = 0b{len(table) - 1:b}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def figure_hash_table(folder):
    """Build, print and draw the table of the book's four cities."""
    table, probes = build_table(City(name) for name in data)
    show_table(table, probes)
    print(f"figure saved to {draw_table(table, probes, folder / 'hash_table_collisions.png')}")


# taught: end


def main(argv=None):
    from hpp.script import add_output_dir_argument, example_parser, output_dir

    parser = add_output_dir_argument(example_parser(__doc__), "04_dicts_sets", "the figure")
    args = parser.parse_args(argv)
    figure_hash_table(output_dir("04_dicts_sets", args.output_dir))


if __name__ == "__main__":
    main()
