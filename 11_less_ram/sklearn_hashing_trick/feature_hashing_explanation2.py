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

# book: 2nd ed. code, "feature_hashing_explanation2.py"
import re
import time
from collections import Counter

from sklearn.feature_extraction import DictVectorizer, FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split

from hpp.memory import deep_sizeof, traced_peak

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern (the book: split on spaces)


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


def main(argv=None):
    import sys

    from _hashing_family import compare_on_corpus

    compare_on_corpus(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
