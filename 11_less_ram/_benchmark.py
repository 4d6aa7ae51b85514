"""Chapter 11 benchmark cases: a word list in eight structures; counting distinct tokens.

Word list: each case's RAM and build time are measured by running the
structure's script in a fresh Python process (in-process RSS would count what
earlier cases left behind); the timed call is the lookups, in this process.
The metrics columns: ``MB`` (RSS growth), ``build s``, ``x smaller than set``.

Distinct tokens: each case feeds the same token stream to a fresh structure;
the metrics give its estimate, its error and its deep size in bytes, beside the
exact set's.
"""

import sys
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example

HERE = Path(__file__).parent
TEXT = HERE / "compressing_text"
PROB = HERE / "probabilistic_datastructures"
MIB = 2 ** 20
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
        driver = load_example(TEXT / "text_example.py")
        _set_ram[key] = driver.measure_in_subprocess(
            "text_example_set.py", [*word_flags(params), "--lookups", 1])["ram_mib"]
    return _set_ram[key]


def word_case(name, script, module=None, extra=lambda folder: []):
    def requires(params):
        import importlib.util

        if module and importlib.util.find_spec(module) is None:
            return f"needs the Python package {module!r} (pip install it)"
        return None

    def setup(params):
        import tempfile

        driver = load_example(TEXT / "text_example.py")
        example = load_example(TEXT / script)
        folder = Path(tempfile.mkdtemp(prefix="hpp11-"))
        figures = driver.measure_in_subprocess(
            script, [*word_flags(params), "--lookups", 1, *extra(folder)])
        words = words_for(params)
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
    def check_with_figures(found, params, _state={}):
        check(found, params)
        return _state.get("figures", {})

    def setup_with_figures(params, _state=check_with_figures.__defaults__[0]):
        state = setup(params)
        figures, set_mib = state[3], state[4]
        _state["figures"] = {"MB": round(figures["ram_mib"] * MIB / 1e6, 2),
                             "build s": round(figures["build_s"], 3),
                             "x smaller than set": round(set_mib / max(figures["ram_mib"], 1e-3), 1)}
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
        return {"estimate": round(estimate), "error %": round(100 * error, 2),
                "bytes": common().deep_sizeof(structure)}

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


P, K = 12, 1024

WORKLOADS = [
    Workload(
        name="word list lookups",
        description="RAM (RSS growth in a fresh process), build time, and lookups of the words "
                    "of /usr/share/dict/words (wamerican) or 100,000 generated words",
        baseline="set",
        sizes={"quick": [{"lookups": 10_000}], "book": [{"lookups": 100_000}]},
        repeat=3, budget_seconds=1.0,
        cases=[
            word_case("set", "text_example_set.py"),
            word_case("dict", "text_example_dict.py"),
            word_case("sorted list + bisect", "text_example_list_bisect.py"),
            word_case("MARISA trie (built)", "text_example_marisa_trie.py", "marisa_trie",
                      marisa_save),
            word_case("MARISA trie (loaded)", "text_example_marisa_trie_load_only.py",
                      "marisa_trie", marisa_load),
            word_case("DAWG", "text_example_dawg.py", "dawg"),
            word_case("pygtrie", "text_example_pygtrie.py", "pygtrie"),
            word_case("datrie", "text_example_datrie.py", "datrie"),
        ],
    ),
    Workload(
        name="count distinct tokens",
        description=f"a seeded Zipf-like token stream; LogLogs with 2**{P} registers, KMV k={K}; "
                    "bytes = deep size",
        baseline="set (exact)",
        sizes={"quick": [{"tokens": 100_000, "vocabulary": 20_000}],
               "book": [{"tokens": 2_000_000, "vocabulary": 500_000}]},
        repeat=3, budget_seconds=1.0,
        cases=[
            token_case("set (exact)", exact_set, tolerance=0),
            token_case("Morris counter", morris, truth="tokens"),
            token_case("LogLog register", prob("llregister", "LLRegister")()),
            token_case(f"LogLog (p={P})", prob("ll", "LL")(P), tolerance=4 * 1.30 / 2 ** (P / 2)),
            token_case(f"SuperLogLog (p={P})", prob("superll", "SuperLL")(P),
                       tolerance=4 * 1.05 / 2 ** (P / 2)),
            token_case(f"HyperLogLog (p={P})", prob("hyperloglog", "HyperLogLog")(P),
                       tolerance=3 * 1.04 / 2 ** (P / 2)),
            token_case(f"K-minimum values (k={K})", prob("kminvalues", "KMinValues")(K),
                       tolerance=3 / (K - 2) ** 0.5),
            token_case("scaling Bloom (capacity 10000)",
                       prob("scalingbloomfilter", "ScalingBloomFilter")(10_000), tolerance=0.05),
        ],
    ),
]
