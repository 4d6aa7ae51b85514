"""Chapter 11 benchmark cases: a word list in eight structures; counting distinct tokens;
ints as objects or arrays; the cross-entropy with NumPy or NumExpr; the hashing trick.

Word list: each case's RAM and build time are measured by running the
structure's script in a fresh Python process (in-process RSS would count what
earlier cases left behind); the timed call is the lookups, in this process.
The metrics columns: ``MB`` (RSS growth), ``build s``, ``x smaller than set``.

Distinct tokens: each case feeds the same token stream to a fresh structure;
the metrics give its estimate, its error and its deep size in bytes, beside the
exact set's.

Bytes per item: the timed call builds the container; the metrics give its
``getsizeof``, deep size and RSS growth (a fresh process) per item.
Cross-entropy: the metric is tracemalloc's peak, also in input-sized arrays.
Hashing trick: vectorise and fit on a generated corpus; accuracy and the
vectoriser's deep size.
"""

import sys
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent
TEXT = HERE / "compressing_text"
PROB = HERE / "probabilistic_datastructures"
MIB = 2**20
_set_ram = {}


def common():
    return load_example(HERE / "_less_ram.py")


def word_flags(params):
    return ["--generated", params["generated"]] if params.get("generated") else []


def words_for(params):
    lib = common()
    if params.get("generated"):
        return list(lib.generated_words(params["generated"]))
    path = lib.default_word_file()
    return list(lib.read_words(path)) if path else list(lib.generated_words())


def set_ram(params):
    key = params.get("generated")
    if key not in _set_ram:
        driver = load_example(TEXT / "_text_family.py")
        _set_ram[key] = driver.measure_in_subprocess(
            "text_example_set.py", [*word_flags(params), "--lookups", 1]
        )["ram_mib"]
    return _set_ram[key]


def word_case(name, script, module=None, extra=lambda folder: []):
    def requires(params):
        import importlib.util

        if module and importlib.util.find_spec(module) is None:
            return f"needs the Python package {module!r} (pip install it)"
        return None

    def setup(params):
        import tempfile

        driver = load_example(TEXT / "_text_family.py")
        example = load_example(TEXT / script)
        words = words_for(params)
        # The saved trie lives only as long as it is needed: nothing is left in the temp dir.
        with tempfile.TemporaryDirectory(prefix="hpp11-") as tmp:
            folder = Path(tmp)
            figures = driver.measure_in_subprocess(
                script, [*word_flags(params), "--lookups", 1, *extra(folder)]
            )
            if script.endswith("load_only.py"):
                structure = example.load(folder / "words.trie")
            else:
                structure = example.build(iter(words))
        queries = [words[(i * 7919) % len(words)] for i in range(params["lookups"])]
        return example.contains, structure, queries, figures, set_ram(params)

    def run(state):
        contains, structure, queries, _, _ = state
        return sum(1 for word in queries if contains(structure, word))

    def check(found, params):
        assert found == params["lookups"], f"{found} of {params['lookups']} words found"
        return None

    case = Case(name, run=run, setup=setup, check=check, requires=requires)

    # The figures measured in setup travel to the table through the check's closure.
    def check_with_figures(found, params, _state={}):  # noqa: B006 (the dict is the shared state, on purpose)
        check(found, params)
        assert _state["figures"]["MB"] > 0, "no RAM growth measured for the structure"
        return _state["figures"]

    def setup_with_figures(params, _state=check_with_figures.__defaults__[0]):
        state = setup(params)
        figures, set_mib = state[3], state[4]
        _state["figures"] = {
            "MB": round(figures["ram_mib"] * MIB / 1e6, 2),
            "build s": round(figures["build_s"], 3),
            "x smaller than set": round(set_mib / max(figures["ram_mib"], 1e-3), 1),
        }
        return state

    case.setup, case.check = setup_with_figures, check_with_figures
    return case


def marisa_save(folder):
    return ["--save", folder / "words.trie"]


def marisa_load(folder):
    return ["--trie", folder / "words.trie"]


# ---------------------------------------------------------------- tokens


def token_case(name, factory, truth="distinct", tolerance=None):
    def setup(params):
        sys.path.insert(0, str(PROB))
        tokens = common().generated_tokens(params["tokens"], params["vocabulary"], seed=1)
        return tokens

    def run(tokens):
        bench = load_example(PROB / "token_benchmark.py")
        structure = factory()
        bench.feed(structure, tokens)
        return structure

    def check(structure, params):
        bench = load_example(PROB / "token_benchmark.py")
        estimate = bench.estimate_of(structure)
        exact = params["tokens"] if truth == "tokens" else min(params["tokens"], params["vocabulary"])
        error = (estimate - exact) / exact
        if tolerance is not None:
            assert abs(error) <= tolerance, f"estimate {estimate:.0f} for {exact}"
        return {
            "estimate": round(estimate),
            "error %": round(100 * error, 2),
            "bytes": common().deep_sizeof(structure),
        }

    return Case(name, run=run, setup=setup, check=check)


def prob(module, cls):
    def factory_of(*args):
        def factory():
            sys.path.insert(0, str(PROB))
            return getattr(load_example(PROB / f"{module}.py"), cls)(*args)

        return factory

    return factory_of


def exact_set():
    return load_example(PROB / "token_benchmark.py").ExactSet()


def morris():
    import random

    return prob("morriscounter", "MorrisCounter")(random.Random(0))()


# ---------------------------------------------------------------- objects vs arrays

OBJECTS = HERE / "objects_vs_arrays"
NUMEXPR = HERE / "numexpr_pandas"
HASHING = HERE / "sklearn_hashing_trick" / "feature_hashing_explanation2.py"


def container_case(kind):
    def run(params):
        return load_example(OBJECTS / "list_array_numpy.py").MAKERS[kind](params["size"])

    def check(numbers, params):
        size = params["size"]
        assert len(numbers) == size and numbers[-1] == size - 1
        deep = common().deep_sizeof(numbers) / size
        rss = load_example(OBJECTS / "_objects_family.py").rss_growth(kind, size) / size
        assert rss > 0 and deep >= sys.getsizeof(numbers) / size, (rss, deep)
        return {
            "getsizeof B/item": round(sys.getsizeof(numbers) / size, 2),
            "deep B/item": round(deep, 2),
            "RSS B/item": round(rss, 2),
        }

    return Case(kind, run=run, check=check)


def cross_entropy_case(name, function_name, frame=False):
    def requires(params):
        import importlib.util

        for module in ("numexpr", "pandas") if frame else ("numexpr",):
            if importlib.util.find_spec(module) is None:
                return f"needs {module} (pip install {module})"
        return None

    def setup(params):
        example = load_example(NUMEXPR / "cross_entropy_numexpr.py")
        yt, yp = load_example(NUMEXPR / "_numexpr_family.py").make_data(params["rows"])
        function = getattr(example, function_name)
        if frame:
            import pandas

            return function, (pandas.DataFrame({"yt": yt, "yp": yp}),)
        return function, (yt, yp)

    def run(state):
        function, args = state
        return function(*args)

    def check(result, params):
        import numpy as np

        example = load_example(NUMEXPR / "cross_entropy_numexpr.py")
        yt, yp = load_example(NUMEXPR / "_numexpr_family.py").make_data(params["rows"])
        assert np.allclose(result, example.cross_entropy_numpy(yt, yp))
        function, args = setup(params)
        peak = common().traced_peak(function, *args)[1]
        return {"peak MB": round(peak / 1e6, 1), "arrays": round(peak / yp.nbytes, 2)}

    return Case(name, run=run, setup=setup, check=check, requires=requires)


def hashing_case(name, hashed):
    def requires(params):
        import importlib.util

        return None if importlib.util.find_spec("sklearn") else "needs scikit-learn"

    def setup(params):
        from sklearn.model_selection import train_test_split

        example = load_example(HASHING)
        texts, labels = load_example(HASHING.with_name("_hashing_family.py")).generated_corpus(
            params["docs"], 4, seed=0
        )
        counts = [example.token_freqs(text, params["ngram_max"]) for text in texts]
        split = train_test_split(counts, labels, test_size=0.25, random_state=0, stratify=labels)
        return example, split

    def run(state):
        example, (train, test, y_train, y_test) = state
        if hashed:
            transformer, x_train, x_test = example.vectorise_hash(train, test, 2**20)
        else:
            transformer, x_train, x_test = example.vectorise_dict(train, test)
        x_train, x_test = example.with_int32_indices(x_train), example.with_int32_indices(x_test)
        _, accuracy = example.classify(x_train, y_train, x_test, y_test)
        return transformer, x_train, x_test, accuracy

    def check(result, params):
        transformer, x_train, x_test, accuracy = result
        assert accuracy >= 0.6, f"accuracy {accuracy:.3f} (chance 0.25)"
        if hashed:
            assert x_train.shape[1] == 2**20
        example = load_example(HASHING)
        return {
            "accuracy": round(accuracy, 3),
            "vectoriser bytes": common().deep_sizeof(transformer),
            "matrices MB": round((example.matrix_nbytes(x_train) + example.matrix_nbytes(x_test)) / 1e6, 2),
        }

    return Case(name, run=run, setup=setup, check=check, requires=requires)


P, K = 12, 1024

WORKLOADS = [
    Workload(
        name="word list lookups",
        description="RAM (RSS growth in a fresh process), build time, and lookups of the words "
        "of /usr/share/dict/words (wamerican) or 100,000 generated words",
        baseline="set",
        sizes={
            "test": [{"lookups": 200, "generated": 5_000}],
            "quick": [{"lookups": 10_000}],
            "book": [{"lookups": 100_000}],
        },
        repeat=3,
        budget_seconds=1.0,
        cases=[
            word_case("set", "text_example_set.py"),
            word_case("dict", "text_example_dict.py"),
            word_case("sorted list + bisect", "text_example_list_bisect.py"),
            word_case("MARISA trie (built)", "text_example_marisa_trie.py", "marisa_trie", marisa_save),
            word_case(
                "MARISA trie (loaded)", "text_example_marisa_trie_load_only.py", "marisa_trie", marisa_load
            ),
            word_case("DAWG", "text_example_dawg.py", "dawg"),
            word_case("lexpy DAWG", "text_example_lexpy.py", "lexpy"),
            word_case("pygtrie", "text_example_pygtrie.py", "pygtrie"),
            word_case("datrie", "text_example_datrie.py", "datrie"),
        ],
    ),
    Workload(
        name="count distinct tokens",
        description=f"a seeded Zipf-like token stream; LogLogs with 2**{P} registers, KMV k={K}; "
        "bytes = deep size",
        baseline="set (exact)",
        sizes={
            "test": [{"tokens": 30_000, "vocabulary": 20_000}],
            "quick": [{"tokens": 100_000, "vocabulary": 20_000}],
            "book": [{"tokens": 2_000_000, "vocabulary": 500_000}],
        },
        repeat=3,
        budget_seconds=1.0,
        cases=[
            token_case("set (exact)", exact_set, tolerance=0),
            token_case("Morris counter", morris, truth="tokens"),
            token_case("LogLog register", prob("llregister", "LLRegister")()),
            token_case(f"LogLog (p={P})", prob("ll", "LL")(P), tolerance=4 * 1.30 / 2 ** (P / 2)),
            token_case(
                f"SuperLogLog (p={P})", prob("superll", "SuperLL")(P), tolerance=4 * 1.05 / 2 ** (P / 2)
            ),
            token_case(
                f"HyperLogLog (p={P})",
                prob("hyperloglog", "HyperLogLog")(P),
                tolerance=3 * 1.04 / 2 ** (P / 2),
            ),
            token_case(
                f"K-minimum values (k={K})", prob("kminvalues", "KMinValues")(K), tolerance=3 / (K - 2) ** 0.5
            ),
            token_case(
                "scaling Bloom (capacity 10000)",
                prob("scalingbloomfilter", "ScalingBloomFilter")(10_000),
                tolerance=0.05,
            ),
        ],
    ),
    Workload(
        name="ints as objects or arrays",
        description="list(range(n)) vs array('l', range(n)) vs np.arange(n): build time; "
        "bytes per item by getsizeof, deep size and RSS growth in a fresh process",
        baseline="list",
        sizes={"test": [{"size": 200_000}], "quick": [{"size": 1_000_000}], "book": [{"size": 10_000_000}]},
        repeat=3,
        budget_seconds=1.0,
        cases=[container_case("list"), container_case("array"), container_case("numpy")],
    ),
    Workload(
        name="cross-entropy",
        description="-(yt*log(yp) + (1-yt)*log(1-yp)): NumPy temporaries vs numexpr.evaluate; "
        "peak = tracemalloc peak, arrays = peak / one input array",
        baseline="numpy",
        sizes={"test": [{"rows": 100_000}], "quick": [{"rows": 1_000_000}], "book": [{"rows": 10_000_000}]},
        repeat=5,
        budget_seconds=1.0,
        cases=[
            cross_entropy_case("numpy", "cross_entropy_numpy"),
            cross_entropy_case("numexpr", "cross_entropy_numexpr"),
            cross_entropy_case("pandas eval", "cross_entropy_pandas", frame=True),
        ],
    ),
    Workload(
        name="hashing trick",
        description="generated corpus, 4 labels: n-gram dicts -> DictVectorizer or "
        "FeatureHasher(2**20) -> SGDClassifier; vectorise + fit timed",
        baseline="DictVectorizer",
        sizes={
            "test": [{"docs": 400, "ngram_max": 2}],
            "quick": [{"docs": 1000, "ngram_max": 2}],
            "book": [{"docs": 4000, "ngram_max": 3}],
        },
        repeat=3,
        budget_seconds=2.0,
        cases=[hashing_case("DictVectorizer", False), hashing_case("FeatureHasher", True)],
    ),
]
