"""The chapter's figures that code can draw (``hpp figures``)."""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="4-1",
        slug="hash-table-collisions",
        script="figure_hash_table.py",
        output="hash_table_collisions.png",
        caption="The resulting hash table from inserting with collisions: Rome, San Francisco, "
        "New York and Barcelona hashed by their first letter into 8 buckets, Barcelona probing "
        "from Rome's bucket 2 to bucket 5",
    ),
    Figure(
        number="4-2",
        slug="dict-set-allocation",
        script="dict_resizing.py",
        args=["--items", "10000", "--plot-items", "100000"],
        output="dict_set_allocation.png",
        caption="How many buckets a dict and a set allocate as items are added: always at "
        "least 1/3 empty (2/5 for sets), a power of two; sets grow x4, x2 past "
        "50,000 items (measured with sys.getsizeof)",
    ),
]
