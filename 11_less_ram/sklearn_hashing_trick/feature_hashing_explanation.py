"""The hashing trick: ``DictVectorizer`` against ``FeatureHasher`` on two sentences.

Chapter 11, "Using the Hashing Trick" (2nd edition, the notebook's toy example).
``DictVectorizer`` learns a vocabulary (word -> column) and can map a row back
to its words; its width grows with the vocabulary. ``FeatureHasher`` hashes
each word straight to one of ``n_features`` columns: fixed width, no vocabulary
to store, no way back, and words may collide. With 10 features, 'there' and
'is' land in the same column (7).

Run:
    python 11_less_ram/sklearn_hashing_trick/feature_hashing_explanation.py
"""

# book: 2nd ed. code, "feature_hashing_explanation_nb.ipynb"
from collections import Counter

from sklearn.feature_extraction import DictVectorizer, FeatureHasher

SENTENCES = ["there is a cat", "there is a cat and a dog"]


def word_counts(sentences):
    return [dict(Counter(sentence.split())) for sentence in sentences]


def dict_vectorise(counts):
    vectoriser = DictVectorizer()
    return vectoriser, vectoriser.fit_transform(counts)


def hash_vectorise(counts, n_features=10):
    hasher = FeatureHasher(n_features=n_features, alternate_sign=False)
    return hasher.transform(counts)


def compare_vectorisers(n_features=10):
    """Vectorise the two sentences exactly and hashed into ``n_features`` columns; print both."""
    counts = word_counts(SENTENCES)
    vectoriser, exact = dict_vectorise(counts)
    hashed = hash_vectorise(counts, n_features)
    print(f"vocabulary = {dict(sorted(vectoriser.vocabulary_.items()))}")
    print(f"DictVectorizer = {exact.toarray().astype(int).tolist()}")
    back = {word: int(count) for word, count in vectoriser.inverse_transform(exact)[0].items()}
    print(f"back to words = {back}")
    print(f"FeatureHasher({n_features}) = {hashed.toarray().astype(int).tolist()}")
    collision = hash_vectorise([{"there": 1, "is": 1}], n_features).toarray()[0]
    print(f"'there' and 'is' alone = {collision.astype(int).tolist()}")


# book: end


def main(argv=None):
    from _hashing_family import show_vectorisers

    show_vectorisers(compare_vectorisers, __doc__, argv)


if __name__ == "__main__":
    main()
