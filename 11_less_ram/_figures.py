"""The chapter's figures that code can draw (``hpp figures``).

The book's figure numbers for this chapter are not in our reference texts, so each
figure is listed by chapter alone (``fig-CC-SLUG.png``); the slugs are the stable names.
"""

from hpp.figures import Figure

FIGURES = [
    Figure(
        number="11",
        slug="cross-entropy",
        script="numexpr_pandas/make_cross_entropy_picture.py",
        output="cross_entropy.png",
        caption="Binary cross-entropy against the predicted probability (the NumExpr example's "
        "cost function)",
    ),
    Figure(
        number="11",
        slug="tries-dawg-ram",
        script="compressing_text/plot_example.py",
        args=[
            "--generated",
            "20000",
            "--lookups",
            "2000",
            "--only",
            "list_bisect,set,marisa_trie_load_only,dawg,lexpy",
        ],
        output="compressing_text.png",
        caption="RAM against build time for a word list in a sorted list, a set, a MARISA "
        "trie and DAWGs (measured; the book: 11 million words)",
    ),
    Figure(
        number="11",
        slug="sparse-runtime",
        script="sparse_matrices/benchmark_sparse.py",
        args=["--size", "512", "--repeat", "1"],
        output="sparse_runtime.png",
        caption="Sparse (CSR) against dense matrix multiplication as the density grows",
    ),
    Figure(
        number="11",
        slug="sparse-footprint",
        script="sparse_matrices/benchmark_sparse.py",
        args=["--size", "512", "--repeat", "1"],
        output="sparse_footprint.png",
        caption="Memory of a CSR and a dense matrix as the density grows",
    ),
    Figure(
        number="11",
        slug="morris-counter",
        script="morris_counter_example/show_morris_counter.py",
        args=["--max-count", "100000", "--trials", "3"],
        output="morris_counter.png",
        caption="Three Morris counters (one byte each) against the exact count",
    ),
    Figure(
        number="11",
        slug="hll-single-register",
        script="probabilistic_datastructures/hll_single_reg.py",
        args=["--items", "100000", "--trials", "5"],
        output="hll_single_reg.png",
        caption="A single LogLog register as unique items are added: powers of two",
    ),
    Figure(
        number="11",
        slug="kmv",
        script="probabilistic_datastructures/kmv.py",
        output="kmv.png",
        caption="K-minimum values: the k smallest hashes on the unit interval and the estimate (k-1)/h_k",
    ),
    Figure(
        number="11",
        slug="prob-ds-unique",
        script="probabilistic_datastructures/prob_ds_figure.py",
        args=["--unique", "100000", "--duplicates", "60000"],
        output="prob_ds_unique.png",
        caption="The probabilistic counters inserting 100,000 unique items",
    ),
    Figure(
        number="11",
        slug="prob-ds-dup",
        script="probabilistic_datastructures/prob_ds_figure.py",
        args=["--unique", "100000", "--duplicates", "60000"],
        output="prob_ds_dup.png",
        caption="The probabilistic counters inserting 60,000 3-letter keys with duplicates",
    ),
]
