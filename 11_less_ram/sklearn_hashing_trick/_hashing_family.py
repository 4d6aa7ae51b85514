"""The driver of ``feature_hashing_explanation2.py``: the corpus it reads, its flags and its report.

The script keeps the book's two pipelines (n-gram counts, ``DictVectorizer``
against ``FeatureHasher``, then a classifier); this module finds the corpus
(20 Newsgroups from scikit-learn's cache, ``--input``, or seeded generated
documents) and prints each pipeline's memory, times and accuracy.
"""

import random
from collections import Counter
from pathlib import Path

from hpp.script import example_parser, fail, non_negative_int, positive_int
from hpp.words import generated_words

MB = 1e6


def generated_corpus(docs=4000, labels=4, words_per_doc=80, seed=0):
    """(documents, labels): seeded texts drawn from common words plus a few topic words per label.

    Every document mixes Zipf-distributed common words (shared by all labels)
    with about 8% words from its label's own topic list (also Zipf), so a
    classifier must find the rare telling words among the noise.
    """
    rng = random.Random(seed)
    pool = list(generated_words(5000 + 300 * labels, seed=seed))
    common, topics = pool[:5000], [pool[5000 + 300 * k : 5000 + 300 * (k + 1)] for k in range(labels)]
    common_weights = zipf_cumulative(len(common))
    topic_weights = zipf_cumulative(300)
    texts, targets = [], []
    for index in range(docs):
        label = index % labels
        length = rng.randint(words_per_doc // 2, words_per_doc * 3 // 2)
        topical = sum(rng.random() < 0.08 for _ in range(length))
        words = rng.choices(common, cum_weights=common_weights, k=length - topical)
        words += rng.choices(topics[label], cum_weights=topic_weights, k=topical)
        rng.shuffle(words)
        texts.append(" ".join(words))
        targets.append(f"topic{label}")
    return texts, targets


def zipf_cumulative(count):
    """Cumulative weights 1/1, 1/1 + 1/2, ... for ``count`` ranks (Zipf's law), for ``random.choices``."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank
        cumulative.append(total)
    return cumulative


def newsgroups_corpus():
    """(documents, labels) of the cached 20 Newsgroups, or None when there is no cache."""
    from sklearn.datasets import fetch_20newsgroups

    try:
        bunch = fetch_20newsgroups(subset="all", download_if_missing=False)
    except OSError:
        return None
    return list(bunch.data), [bunch.target_names[t] for t in bunch.target]


def corpus_from_path(path):
    """(documents, labels) from a folder of label sub-folders, or a file of label<TAB>text lines."""
    texts, targets = [], []
    if path.is_dir():
        for folder in sorted(p for p in path.iterdir() if p.is_dir()):
            for document in sorted(p for p in folder.iterdir() if p.is_file()):
                texts.append(document.read_text(encoding="utf-8", errors="replace"))
                targets.append(folder.name)
    else:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                label, tab, text = line.rstrip("\n").partition("\t")
                if not tab:
                    fail(f"{path}:{number}: expected 'label<TAB>text'")
                texts.append(text)
                targets.append(label)
    return texts, targets


def existing_path(text):
    import argparse

    path = Path(text)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {text}")
    return path


def load_corpus(path=None, generated=False, docs=4000, labels=4, seed=0):
    """(texts, targets, description): ``path``'s corpus, else the cached 20 Newsgroups, else generated."""
    if path:
        texts, targets = corpus_from_path(path)
        return texts, targets, str(path)
    found = None if generated else newsgroups_corpus()
    if found:
        return *found, "20 Newsgroups (scikit-learn's cache)"
    texts, targets = generated_corpus(docs, labels, seed=seed)
    description = (
        f"generated, seed {seed}" if generated else f"generated, seed {seed} (no 20 Newsgroups cache)"
    )
    return texts, targets, description


def report_comparison(
    example, texts, targets, description, ngram_max=3, n_features=2**20, seed=0, trace=False
):
    """Run both pipelines on the corpus; print each one's memory, times and accuracy."""
    labels = Counter(targets)
    if len(labels) < 2 or min(labels.values()) < 2:
        fail(
            f"the corpus needs at least 2 labels with 2 documents each "
            f"(found {len(texts)} documents, {len(labels)} labels)"
        )
    print(f"corpus = {description}: {len(texts)} documents, {len(labels)} labels")
    print(f"n-grams = 1..{ngram_max}")
    results = example.compare(texts, targets, ngram_max, n_features, seed, trace=trace)
    for figures in results:
        peak = figures["peak_bytes"]
        traced = "" if peak is None else f"peak while vectorising = {peak / MB:.1f} MB, "
        print(
            f"{figures['name']}: features = {figures['features']}, nnz = {figures['nnz']}, "
            f"vectoriser = {figures['transformer_bytes']} bytes, "
            f"matrices = {figures['matrix_bytes'] / MB:.1f} MB, {traced}"
            f"coefficients = {figures['model_bytes'] / MB:.1f} MB, "
            f"times = {figures['vectorise_s']:.2f} s + {figures['fit_s']:.2f} s"
        )
    for figures in results:
        print(f"{figures['name']} accuracy = {figures['accuracy']:.3f}")
    exact, hashed = results
    print(
        f"vectoriser memory / hasher memory = {exact['transformer_bytes'] / hashed['transformer_bytes']:.0f}"
    )
    return results


def compare_on_corpus(example, argv=None):
    """Parse the flags, load the corpus, run both pipelines of ``example`` and print the figures."""
    parser = example_parser(example.__doc__)
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--input", type=existing_path, help="a folder of label sub-folders, or a label<TAB>text file"
    )
    source.add_argument(
        "--generated", action="store_true", help="the generated corpus, even with 20 Newsgroups cached"
    )
    parser.add_argument("--docs", type=positive_int, default=4000, help="documents in the generated corpus")
    parser.add_argument("--labels", type=positive_int, default=4, help="labels in the generated corpus")
    parser.add_argument("--ngram-max", type=positive_int, default=3)
    parser.add_argument("--n-features", type=positive_int, default=2**20)
    parser.add_argument("--seed", type=non_negative_int, default=0)
    parser.add_argument(
        "--trace-peak", action="store_true", help="also show the vectorising peak (tracemalloc, slow)"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus(args.input, args.generated, args.docs, args.labels, args.seed)
    report_comparison(example, *corpus, args.ngram_max, args.n_features, args.seed, args.trace_peak)


# ---------------------------------------------------------------- feature_hashing_explanation.py


def show_vectorisers(compare_vectorisers, doc, argv=None):
    """``feature_hashing_explanation.py``: ``--n-features`` columns for the hasher, then the comparison."""
    parser = example_parser(doc)
    parser.add_argument("--n-features", type=positive_int, default=10)
    compare_vectorisers(parser.parse_args(argv).n_features)
