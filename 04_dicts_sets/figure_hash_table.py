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

# taught: the table Figure 4-1 draws, built with the book's probe sequence
from dict_probing import index_sequence


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


# taught: end


def main(argv=None):
    from _dicts_sets_family import figure_hash_table

    figure_hash_table(build_table, __doc__, argv)


if __name__ == "__main__":
    main()
