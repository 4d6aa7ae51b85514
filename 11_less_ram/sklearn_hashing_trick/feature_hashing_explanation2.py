"""The hashing trick on a corpus: ``DictVectorizer`` against ``FeatureHasher``, then a classifier.

Chapter 11, "Using the Hashing Trick" (2nd edition, ``feature_hashing_explanation2.py``).
Each document becomes a dict of its 1- to 3-gram counts. ``DictVectorizer``
learns a vocabulary of every n-gram it has seen (one Python str and dict entry
each: megabytes, growing with the corpus); ``FeatureHasher`` hashes each n-gram
to one of ``n_features`` columns (2**20 by default) and stores nothing. Both
matrices feed the same linear classifier (``SGDClassifier``, seeded); their
accuracies are close because collisions are rare at 2**20 columns. Memory shown:
the fitted vectoriser's deep size, the sparse matrices' bytes, the classifier's
coefficients, and with ``--trace-peak`` the tracemalloc peak while vectorising.

Corpus: 20 Newsgroups (all 18,846 posts) when scikit-learn's local cache holds
it (``sklearn.datasets.fetch_20newsgroups``; this script never downloads it);
otherwise a seeded generated corpus of labelled documents (``--generated``
forces it); or ``--input`` a folder with one sub-folder per label holding one
document per file, or a file of ``label<TAB>text`` lines.

Run:
    python 11_less_ram/sklearn_hashing_trick/feature_hashing_explanation2.py
    python 11_less_ram/sklearn_hashing_trick/feature_hashing_explanation2.py --generated --docs 2000
"""

import random
import re
import time
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer, FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

from hpp.memory import deep_sizeof, traced_peak
from hpp.script import example_parser, fail, non_negative_int, positive_int
from hpp.words import generated_words

REQUIRES = ("sklearn",)
SMOKE_ARGS = ["--generated", "--docs", "600", "--ngram-max", "2", "--n-features", "65536"]
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
MB = 1e6


# ---------------------------------------------------------------- corpora


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


# ---------------------------------------------------------------- the two pipelines


# book: 2nd ed. code, "feature_hashing_explanation2.py"
def tokens_ngram(doc, ngrams=2):
    """The ``ngrams``-grams of ``doc``: runs of ``ngrams`` lower-cased tokens, joined by spaces.

    Tokens are scikit-learn's (words of two or more letters or digits; the book split on
    spaces, punctuation and all). Only whole n-grams: the book's loop also emitted the
    shorter runs at the end of the document, counting its last words twice.
    """
    words_list = TOKEN.findall(doc.lower())
    return [" ".join(words_list[num : num + ngrams]) for num in range(len(words_list) - ngrams + 1)]


def tokens_ngram_upto(doc, ngrams=2):
    """The 1-grams, then the 2-grams, ... up to the ``ngrams``-grams of ``doc``."""
    all_ngrams_list = []
    for ngram in range(1, ngrams + 1):
        all_ngrams_list += tokens_ngram(doc, ngram)
    return all_ngrams_list


def token_freqs(doc, ngrams=3):
    """{n-gram: count} for the 1- to ``ngrams``-grams of ``doc`` (the book fixes ``ngrams`` at 3)."""
    return dict(Counter(tokens_ngram_upto(doc, ngrams)))


# book: end


# book: 2nd ed. code, "feature_hashing_explanation2.py" (continued)
def vectorise_dict(train, test):
    vectoriser = DictVectorizer()
    return vectoriser, vectoriser.fit_transform(train), vectoriser.transform(test)


def with_int32_indices(matrix):
    """``matrix`` with 32-bit indices when they fit (``DictVectorizer`` builds 64-bit ones,
    which scikit-learn's SGD refuses); half the index bytes, too."""
    import numpy as np

    limit = np.iinfo(np.int32).max
    if matrix.indices.dtype != np.int32 and max(matrix.nnz, matrix.shape[1]) < limit:
        matrix.indices = matrix.indices.astype(np.int32)
        matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def vectorise_hash(train, test, n_features=2**20):
    hasher = FeatureHasher(n_features=n_features)
    return hasher, hasher.transform(train), hasher.transform(test)


def matrix_nbytes(matrix):
    return matrix.data.nbytes + matrix.indices.nbytes + matrix.indptr.nbytes


def classify(x_train, y_train, x_test, y_test, seed=0):
    """(fitted classifier, accuracy on the test split)."""
    classifier = SGDClassifier(random_state=seed)
    classifier.fit(x_train, y_train)
    return classifier, classifier.score(x_test, y_test)


def run_pipeline(name, vectorise, train, test, y_train, y_test, seed=0, trace=False):
    """Vectorise, classify; returns a dict of figures.

    With ``trace``, vectorise a second time under tracemalloc for its peak
    (tracemalloc slows every Python allocation, so the timed pass is untraced).
    """
    start = time.perf_counter()
    transformer, x_train, x_test = vectorise(train, test)
    vectorise_s = time.perf_counter() - start
    x_train, x_test = with_int32_indices(x_train), with_int32_indices(x_test)
    start = time.perf_counter()
    classifier, accuracy = classify(x_train, y_train, x_test, y_test, seed)
    figures = {
        "name": name,
        "features": x_train.shape[1],
        "train_shape": x_train.shape,
        "nnz": x_train.nnz + x_test.nnz,
        "transformer_bytes": deep_sizeof(transformer),
        "matrix_bytes": matrix_nbytes(x_train) + matrix_nbytes(x_test),
        "model_bytes": classifier.coef_.nbytes,
        "peak_bytes": None,
        "vectorise_s": vectorise_s,
        "fit_s": time.perf_counter() - start,
        "accuracy": accuracy,
    }
    if trace:
        del transformer, x_train, x_test
        figures["peak_bytes"] = traced_peak(vectorise, train, test)[1]
    return figures


def compare(texts, targets, ngram_max=3, n_features=2**20, seed=0, test_size=0.25, trace=False):
    """Both pipelines on one train/test split: (dict figures, hash figures)."""
    counts = [token_freqs(text, ngram_max) for text in texts]
    train, test, y_train, y_test = train_test_split(
        counts, targets, test_size=test_size, random_state=seed, stratify=targets
    )
    exact = run_pipeline("DictVectorizer", vectorise_dict, train, test, y_train, y_test, seed, trace)
    hashed = run_pipeline(
        f"FeatureHasher({n_features})",
        lambda a, b: vectorise_hash(a, b, n_features),
        train,
        test,
        y_train,
        y_test,
        seed,
        trace,
    )
    return exact, hashed


# book: end


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


def report_comparison(texts, targets, description, ngram_max=3, n_features=2**20, seed=0, trace=False):
    """Run both pipelines on the corpus; print each one's memory, times and accuracy."""
    labels = Counter(targets)
    if len(labels) < 2 or min(labels.values()) < 2:
        fail(
            f"the corpus needs at least 2 labels with 2 documents each "
            f"(found {len(texts)} documents, {len(labels)} labels)"
        )
    print(f"corpus = {description}: {len(texts)} documents, {len(labels)} labels")
    print(f"n-grams = 1..{ngram_max}")
    results = compare(texts, targets, ngram_max, n_features, seed, trace=trace)
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


def main(argv=None):
    parser = example_parser(__doc__)
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
    report_comparison(*corpus, args.ngram_max, args.n_features, args.seed, args.trace_peak)


if __name__ == "__main__":
    main()
