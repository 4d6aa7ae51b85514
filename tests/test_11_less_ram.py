"""Chapter 11: probabilistic counters, word-list structures, the benchmark cases."""

import importlib
import math
import random
import re
import statistics
import sys

import pytest

from hpp import memory
from hpp import words as word_lists
from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "11_less_ram"
PROB = CHAPTER / "probabilistic_datastructures"
TEXT = CHAPTER / "compressing_text"

llregister = load_example(PROB / "llregister.py")
ll = load_example(PROB / "ll.py")
superll = load_example(PROB / "superll.py")
hyperloglog = load_example(PROB / "hyperloglog.py")
bloomfilter = load_example(PROB / "bloomfilter.py")
scaling = load_example(PROB / "scalingbloomfilter.py")
kminvalues = load_example(PROB / "kminvalues.py")
morriscounter = load_example(PROB / "morriscounter.py")
prob_family = load_example(PROB / "_probabilistic_family.py")
morris_array = load_example(CHAPTER / "morris_counter_example" / "morris_counter.py")
text_example = load_example(TEXT / "text_example.py")
text_family = load_example(TEXT / "_text_family.py")


def filled(counter, items, prefix=""):
    for i in range(items):
        counter.add(f"{prefix}{i}")
    return counter


# ---------------------------------------------------------------- LogLog family


def test_trailing_zeros_doctests():
    import doctest

    assert doctest.testmod(llregister).failed == 0
    assert llregister.trailing_zeros(0) == 32
    assert llregister.trailing_zeros(0b1000) == 3  # the book's version says 4: it counts the 1
    assert llregister.trailing_zeros(0b10000000) == 7
    assert llregister.trailing_zeros(1) == 0
    assert all(llregister.trailing_zeros(1 << k) == k for k in range(32))


def test_the_book_hyperloglog_overestimates_by_1_44_and_the_fixed_one_does_not():
    fixed, book = hyperloglog.HyperLogLog(16), hyperloglog.HyperLogLogBookLog2(16)
    for i in range(100_000):
        item_hash = llregister.hash32(i)
        fixed._add(item_hash)
        book._add(item_hash)
    assert round(book.estimate()) == 144_465  # the official code's figure (mmh3 is deterministic)
    assert abs(fixed.estimate() - 100_000) <= 3 * fixed.standard_error() * 100_000
    assert book.estimate() / fixed.estimate() == pytest.approx(1 / 0.6931471805599453, rel=1e-9)


@pytest.mark.parametrize("p", [10, 14])
def test_hyperloglog_within_3_standard_errors_on_100000(p):
    counter = filled(hyperloglog.HyperLogLog(p), 100_000, "hll-")
    bound = 3 * 1.04 / (2**p) ** 0.5
    assert abs(counter.estimate() - 100_000) / 100_000 <= bound


@pytest.mark.parametrize("p", [10, 14])
@pytest.mark.parametrize("items", [1000, 20_000, 100_000])
def test_hyperloglog_plusplus_and_ours_both_within_their_error_on_the_same_items(p, items):
    pytest.importorskip("datasketch", reason="needs datasketch: pip install -e '.[less_ram]'")
    plusplus = load_example(PROB / "hyperloglog_plusplus.py")
    ours, theirs = plusplus.count_both(items, p)
    bound = 3 * 1.04 / (2**p) ** 0.5  # three standard errors of 2**p registers
    assert abs(ours - items) / items <= bound, ours
    assert abs(theirs - items) / items <= bound, theirs
    assert ours != theirs  # two different counters (hashes, corrections), not one twice


@pytest.mark.parametrize("items", [100, 1000])
def test_hyperloglog_is_right_on_small_cardinalities(items):
    for p in (10, 14):
        counter = filled(hyperloglog.HyperLogLog(p), items, "small-")
        bound = 3 * 1.04 / (2**p) ** 0.5
        assert abs(counter.estimate() - items) / items <= max(bound, 0.05), (p, counter.estimate())


def test_duplicates_do_not_change_the_loglog_counters():
    for counter in (ll.LL(8), superll.SuperLL(8), hyperloglog.HyperLogLog(8), llregister.LLRegister()):
        filled(counter, 5000)
        state = bytes(counter.registers) if hasattr(counter, "registers") else counter.counter
        filled(counter, 5000)
        assert state == (bytes(counter.registers) if hasattr(counter, "registers") else counter.counter)


def test_loglog_and_superloglog_within_3_standard_errors():
    for cls, factor in ((ll.LL, 1.30), (superll.SuperLL, 1.05)):
        counter = filled(cls(10), 100_000, "ll-")
        assert abs(counter.estimate() - 100_000) / 100_000 <= 3 * factor / 32, cls.__name__


def test_bad_register_counts_are_refused():
    with pytest.raises(ValueError):
        ll.LL(2)
    with pytest.raises(ValueError):
        kminvalues.KMinValues(2)


# ---------------------------------------------------------------- Bloom filters


def test_bloom_sizing_matches_the_book():
    assert bloomfilter.bloom_size(1000, 0.005) == (11_028, 8)
    assert bloomfilter.bloom_size(1_048_576, 0.005) == (11_563_438, 8)
    assert bloomfilter.bloom_size(1_000_000, 0.01) == (9_585_059, 7)


def test_bloom_has_no_false_negatives_and_a_false_positive_rate_near_its_design():
    bloom = bloomfilter.BloomFilter(5000, 0.01)
    filled(bloom, 5000, "present-")
    assert all(f"present-{i}" in bloom for i in range(5000))
    rate = prob_family.false_positive_rate(bloom, 50_000)
    assert 0.01 / 2 <= rate <= 0.01 * 2
    assert abs(len(bloom) - 5000) <= 0.05 * 5000


@pytest.mark.parametrize(("capacity", "error"), [(1000, 0.005), (20_000, 0.01), (1_048_576, 0.005)])
def test_bloom_memory_in_bytes_is_the_formulas_bits_over_8(capacity, error):
    # m = -n ln p / (ln 2)^2 bits, stored 8 to a byte: the filter's whole memory, whatever the keys
    m = -capacity * math.log(error) / math.log(2) ** 2
    bloom = bloomfilter.BloomFilter(capacity, error)
    assert bloom.data.nbytes == math.ceil((int(m) + 1) / 8)
    assert abs(bloom.data.nbytes - m / 8) <= 1


def test_bloom_timings_come_beside_its_memory_and_a_sets(run_example):
    bloom = bloomfilter.BloomFilter(2000, 0.01)
    keys = [f"present-{i}" for i in range(2000)]
    measured = prob_family.time_beside_memory(bloom, keys, 5000)
    assert all(key in bloom for key in keys)  # the timed adds filled it
    assert measured["bloom"][0] == bloom.data.nbytes == 2397  # m = 19,171 bits
    # the set keeps every key: tens of times the filter's bytes (each string alone is over 50 bytes)
    assert measured["set"][0] > 2000 * 50 > 40 * measured["bloom"][0]
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/bloomfilter.py", "--capacity", "1000", "--probes", "1000"
    )
    assert re.search(
        r"^bloom: memory = 1379 bytes \(11\.0 bits per item\), add = [\d.]+ us", completed.stdout, re.M
    )
    assert re.search(r"^set: memory = \d+ bytes .* lookup = [\d.]+ us per item$", completed.stdout, re.M)


def test_bloom_union_holds_both():
    first, second = bloomfilter.BloomFilter(1000), bloomfilter.BloomFilter(1000)
    filled(first, 300, "a")
    filled(second, 300, "b")
    merged = first.union(second)
    assert all(f"a{i}" in merged and f"b{i}" in merged for i in range(300))
    with pytest.raises(ValueError):
        first.union(bloomfilter.BloomFilter(2000))


def test_scaling_bloom_grows_and_keeps_its_error_bound():
    bloom = scaling.ScalingBloomFilter(2000, 0.01)
    filled(bloom, 10_000, "present-")
    assert len(bloom.filters) > 1
    assert all(f"present-{i}" in bloom for i in range(10_000))
    rate = prob_family.false_positive_rate(bloom, 20_000)
    assert rate <= bloom.error_bound() < 2 * 0.01
    assert abs(len(bloom) - 10_000) <= 0.05 * 10_000
    assert bloom.add("present-5") is True


# ---------------------------------------------------------------- KMV and Morris


def test_kmv_is_idempotent_and_within_3_standard_errors():
    kmv = filled(kminvalues.KMinValues(1024), 100_000)
    state = kmv.hashes()
    assert len(state) == 1024
    filled(kmv, 100_000)
    assert kmv.hashes() == state
    assert abs(kmv.estimate() - 100_000) / 100_000 <= 3 * kmv.standard_error()
    assert kminvalues.KMinValues(100).union(kmv).estimate() == pytest.approx(
        kminvalues.KMinValues(100).union(filled(kminvalues.KMinValues(100), 100_000)).estimate()
    )


def test_kmv_is_exact_below_k():
    assert len(filled(kminvalues.KMinValues(64), 50)) == 50


def test_morris_mean_of_200_counters_within_10_percent():
    estimates = prob_family.mean_of_counters(morriscounter.MorrisCounter, 10_000, 200, seed=3)
    assert abs(statistics.fmean(estimates) - 10_000) <= 0.10 * 10_000
    assert max(estimates).bit_length() < 256


def test_morris_array_counters_are_one_byte_each():
    counters = morris_array.MorrisCounter(nbr_counters=200, seed=5)
    assert len(counters) == 200
    counters.add_counter()
    assert len(counters) == 201 and counters.get(200) == 0
    for index in range(200):
        for _ in range(5000):
            counters.add(index)
    assert counters.exponents.itemsize == 1 and counters.exponents.typecode == "B"
    values = [counters.get(i) for i in range(200)]
    assert abs(statistics.fmean(values) - 5000) <= 0.10 * 5000


# ---------------------------------------------------------------- word lists


def test_generated_words_are_distinct_and_seeded():
    words = list(word_lists.generated_words(50_000))
    assert len(set(words)) == 50_000
    assert words == list(word_lists.generated_words(50_000))
    assert words != list(word_lists.generated_words(50_000, seed=1))


STRUCTURES = [
    ("text_example_set.py", None),
    ("text_example_dict.py", None),
    ("text_example_list.py", None),
    ("text_example_list_bisect.py", None),
    ("text_example_marisa_trie.py", "marisa_trie"),
    ("text_example_dawg.py", "dawg"),
    ("text_example_pygtrie.py", "pygtrie"),
    ("text_example_datrie.py", "datrie"),
    ("text_example_lexpy.py", "lexpy"),
]


@pytest.mark.parametrize("script,module", STRUCTURES, ids=[s[0] for s in STRUCTURES])
def test_every_structure_agrees_with_the_set_for_every_word(script, module):
    if module:
        importlib.import_module(module)
    example = load_example(TEXT / script)
    path = word_lists.default_word_file()
    words = list(word_lists.read_words(path)) if path else list(word_lists.generated_words(20_000))
    if script in ("text_example_list.py", "text_example_lexpy.py"):
        words = words[:3000]  # a linear search, and a pure-Python graph
    reference = set(words)
    structure = example.build(iter(words))
    assert all(example.contains(structure, word) for word in reference)
    for absent in ("Zwiebel-is-not-a-word", "qqqqqqqqqq", words[0] + "zz"):
        assert example.contains(structure, absent) is (absent in reference)


def test_lexpy_dawg_counts_the_words_and_its_ram_is_measured(run_example):
    importlib.import_module("lexpy")
    example = load_example(TEXT / "text_example_lexpy.py")
    words = list(word_lists.generated_words(4000))
    words_dawg = example.build(iter(words))
    assert words_dawg.get_word_count() == len(set(words)) == 4000
    ram = {}
    for name in ("lexpy", "set"):
        completed = run_example(
            f"11_less_ram/compressing_text/text_example_{name}.py",
            "--generated",
            "20000",
            "--lookups",
            "500",
            check=True,
        )
        figures = text_family.parse_report(completed.stdout)
        assert figures["found"] == 500 and figures["absent_found"] is False
        ram[name] = figures["ram_mib"]
        if name == "lexpy":
            assert "The DAWG contains 20000 words" in completed.stdout
    # as the README says: lexpy's DAWG is pure Python (a node object and a dict per letter), so it
    # takes more RAM than the set of the same 20,000 words (about 30 MiB against 3 here), not less
    assert ram["lexpy"] > 3 * ram["set"] > 0, ram


def test_the_book_word_list_names_and_read_words(tmp_path):
    assert text_example.NUMBER_LOOKUPS == 100_000
    assert text_example.MARISA_TRIE_FILENAME == "words_trie.saved"
    assert text_example.WE_EXPECT_TO_SEE_2 == "Zweibel"
    path = tmp_path / "words.txt"
    path.write_text("and Zweibel\n\ncat  dog\n")
    words = text_example.read_words(path)
    assert iter(words) is words  # a generator, as the book's
    assert list(words) == ["and", "Zweibel", "cat", "dog"]


def test_scale_book_means_eleven_million_generated_words_and_input_wins(tmp_path):
    import argparse
    import itertools

    parser = argparse.ArgumentParser()
    word_lists.add_word_arguments(parser)
    description, factory = word_lists.words_source(parser.parse_args(["--scale", "book"]))
    assert description == "11000000 generated words"
    assert list(itertools.islice(factory(), 1000)) == list(word_lists.generated_words(1000))
    path = tmp_path / "w.txt"
    path.write_text("a\nb\n")
    description, factory = word_lists.words_source(
        parser.parse_args(["--scale", "book", "--input", str(path)])
    )
    assert description == str(path) and list(factory()) == ["a", "b"]
    assert word_lists.word_flags(parser.parse_args(["--scale", "book"])) == ["--scale", "book"]


def test_generated_words_stay_unique_far_past_the_first_block():
    """The generator is a bijection on 7-letter words: no repeats at any N below 26**7."""
    import itertools

    start = 2_000_000
    block = list(itertools.islice(word_lists.generated_words(start + 20_000), start, None))
    assert len(set(block)) == 20_000 and all(len(w) == 7 and w.isalpha() for w in block)
    assert set(block).isdisjoint(word_lists.generated_words(20_000))


def test_clean_list_writes_each_word_of_the_moby_style_files_once(run_example, tmp_path):
    """Several cp1252 files with CRLF and repeats -> one sorted UTF-8 file of distinct words."""
    moby = tmp_path / "mword10"
    moby.mkdir()
    (moby / "SINGLE.TXT").write_bytes("Zwiebel\r\ncafé\r\nabacus\r\n".encode("cp1252"))
    (moby / "COMMON.TXT").write_bytes("abacus\r\nnaïve\r\nhot dog\r\ncafé\r\n".encode("cp1252"))
    completed = run_example(
        "11_less_ram/compressing_text/text_example_clean_list.py",
        "--input",
        moby,
        "--output-dir",
        tmp_path / "out",
        check=True,
    )
    out = completed.stdout
    assert "(2 files, cp1252)" in out
    assert "words read = 8" in out and "unique words = 6" in out
    written = (tmp_path / "out" / "all_unique_words.txt").read_text(encoding="utf-8")
    assert written.splitlines() == sorted(["Zwiebel", "café", "abacus", "naïve", "hot", "dog"])
    # the file is a word list the structures load
    set_run = run_example(
        "11_less_ram/compressing_text/text_example_set.py",
        "--input",
        tmp_path / "out" / "all_unique_words.txt",
        "--lookups",
        "6",
        check=True,
    )
    assert "found = 6 of 6" in set_run.stdout


def test_clean_list_default_is_the_shipped_trivial_list_when_nothing_else(tmp_path, monkeypatch):
    clean = load_example(TEXT / "text_example_clean_list.py")
    monkeypatch.setattr(text_family, "MOBY_FOLDER", tmp_path / "absent")
    monkeypatch.setattr(text_family, "default_word_file", lambda: None)
    assert text_family.default_input() == TEXT / "trivial_words.txt"
    words, read = clean.clean_list(text_family.word_files(text_family.default_input()), "cp1252")
    assert (read, len(words)) == (11, 9) and {"café", "naïve", "Zwiebel"} <= words


@pytest.mark.parametrize("args", [["--input", "/no/such/folder"], ["--codec", "klingon"]])
def test_clean_list_bad_input(args, run_example, assert_bad_input):
    line = assert_bad_input(run_example("11_less_ram/compressing_text/text_example_clean_list.py", *args))
    assert args[0] in line


def test_marisa_trie_loaded_from_disk_matches_the_words(tmp_path):
    importlib.import_module("marisa_trie")
    built = load_example(TEXT / "text_example_marisa_trie.py")
    loader = load_example(TEXT / "text_example_marisa_trie_load_only.py")
    words = list(word_lists.generated_words(5000))
    built.build(iter(words)).save(str(tmp_path / "w.trie"))
    trie = loader.load(tmp_path / "w.trie")
    assert len(trie) == 5000
    assert all(word in trie for word in words)


def test_load_only_script_ram_is_far_below_the_set(run_example, tmp_path):
    importlib.import_module("marisa_trie")
    flags = [] if word_lists.default_word_file() else ["--generated", "100000"]
    set_run = run_example(
        "11_less_ram/compressing_text/text_example_set.py", *flags, "--lookups", "100", check=True
    )
    trie_run = run_example(
        "11_less_ram/compressing_text/text_example_marisa_trie_load_only.py",
        *flags,
        "--lookups",
        "100",
        "--trie",
        tmp_path / "words.trie",
        check=True,
    )
    set_mib = text_family.parse_report(set_run.stdout)["ram_mib"]
    trie = text_family.parse_report(trie_run.stdout)
    assert trie["found"] == 100 and trie["absent_found"] is False
    assert set_mib >= 10 * max(trie["ram_mib"], 0.01), (set_mib, trie["ram_mib"])


@pytest.mark.parametrize(
    "args", [["--generated", "0"], ["--input", "/no/such/file"], ["--lookups", "-1"], ["--bogus"]]
)
def test_word_scripts_bad_input(args, run_example, assert_bad_input):
    line = assert_bad_input(run_example("11_less_ram/compressing_text/text_example_set.py", *args))
    assert "text_example_set.py" in line


def test_an_empty_word_file_is_one_clear_line(run_example, assert_bad_input, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    line = assert_bad_input(run_example("11_less_ram/compressing_text/text_example_set.py", "--input", empty))
    assert "empty" in line


def test_plot_example_measures_and_plots(run_example, tmp_path):
    completed = run_example(
        "11_less_ram/compressing_text/plot_example.py",
        "--generated",
        "20000",
        "--lookups",
        "500",
        "--only",
        "set,list_bisect",
        "--output-dir",
        tmp_path / "plots",
        check=True,
    )
    rows = {
        match[0].strip(): (float(match[1]), float(match[2]))
        for match in re.findall(r"^(set|sorted list \+ bisect)\s+([\d.]+)\s+([\d.]+)", completed.stdout, re.M)
    }
    assert set(rows) == {"set", "sorted list + bisect"}
    # the lesson: the same 20,000 words take less RAM in a sorted list than in a set
    # (the hash table's spare slots; the book: 840 MB against 1,251 MB for 11 million words)
    assert 0 < rows["sorted list + bisect"][0] < rows["set"][0]
    assert (tmp_path / "plots" / "compressing_text.png").stat().st_size > 1000


# ---------------------------------------------------------------- scripts


def test_the_books_utils_trailing_zeros_doctests():
    utils = load_example(PROB / "utils.py")
    assert [utils.trailing_zeros(n) for n in (0, 0b1000, 0b10000000)] == [32, 4, 8]
    for number in range(1, 5000):  # the rank = the true count of trailing zeros + 1
        assert utils.trailing_zeros(number) == llregister.trailing_zeros(number) + 1


def test_prob_ds_figure_counts_and_plots(run_example, tmp_path):
    figure = load_example(PROB / "prob_ds_figure.py")
    samples = figure.run_experiment("unique", range(5000), figure.methods, 1000)
    finals = {name: points[-1][1] for name, points in samples.items()}
    assert finals["Exact Solution"] == 5000 and samples["Exact Solution"][-1][0] == 4999
    assert abs(finals["ScalingBloom"] - 5000) < 0.05 * 5000
    assert abs(finals["KMinValues"] - 5000) < 3 / (32 - 2) ** 0.5 * 5000  # 3 standard errors
    assert finals["Log Log Register"] & (finals["Log Log Register"] - 1) == 0  # a power of two
    keys = list(figure.generate_keys(3000, 3, seed=1))
    assert keys == list(figure.generate_keys(3000, 3, seed=1))
    dup = figure.run_experiment("dup", keys, figure.methods, 1000)
    assert dup["Exact Solution"][-1][1] == len(set(keys)) < 3000
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/prob_ds_figure.py",
        "--unique",
        "3000",
        "--duplicates",
        "2000",
        "--sample-every",
        "500",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert "\tExact Solution          : 3000" in completed.stdout
    for name in ("prob_ds_unique.png", "prob_ds_dup.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_single_register_and_kmv_figures(run_example, tmp_path):
    single = load_example(PROB / "hll_single_reg.py")
    points = single.register_trajectory(5000, run=0)
    estimates = [estimate for _, estimate in points]
    assert estimates == sorted(estimates)  # a register only grows
    assert all(e & (e - 1) == 0 for e in estimates)  # powers of two: a staircase
    kmv = load_example(PROB / "kmv.py")
    items = [f"item-{i}" for i in range(2000)]
    hashes, kept, estimate = kmv.kmv_estimate(items + items, 64)
    assert len(hashes) == 2000 and kept == hashes[:64]  # duplicates change nothing
    assert abs(estimate - 2000) < 3 / (64 - 2) ** 0.5 * 2000
    run_example(
        "11_less_ram/probabilistic_datastructures/hll_single_reg.py",
        "--items",
        "3000",
        "--trials",
        "2",
        "--output-dir",
        tmp_path,
        check=True,
    )
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/kmv.py", "--output-dir", tmp_path, check=True
    )
    assert re.search(r"^estimate = \d+\.\d$", completed.stdout, re.M)
    for name in ("hll_single_reg.png", "kmv.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_hyperloglog_script_prints_both_versions(run_example):
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/hyperloglog.py", "--p", "16", check=True
    )
    assert "book (log base 2): estimate = 144465" in completed.stdout


@pytest.mark.parametrize("args", [["--p", "30"], ["--items", "0"], ["--p", "x"]])
def test_hyperloglog_bad_input(args, run_example, assert_bad_input):
    assert "hyperloglog.py" in assert_bad_input(
        run_example("11_less_ram/probabilistic_datastructures/hyperloglog.py", *args)
    )


def test_bloom_script_prints_the_books_sizes(run_example):
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/bloomfilter.py", "--probes", "20000", check=True
    )
    assert "bits = 11028, hashes = 8" in completed.stdout
    assert "false negatives = 0" in completed.stdout


def test_bloom_script_rejects_an_error_of_one(run_example, assert_bad_input):
    assert_bad_input(run_example("11_less_ram/probabilistic_datastructures/bloomfilter.py", "--error", "1.5"))


def test_token_benchmark_on_a_text_file(run_example, tmp_path):
    text = tmp_path / "text.txt"
    rng = random.Random(0)
    text.write_text(" ".join(f"word{rng.randrange(3000)}" for _ in range(20_000)))
    completed = run_example(
        "11_less_ram/probabilistic_datastructures/token_benchmark.py",
        "--input",
        text,
        "--p",
        "8",
        "--k",
        "128",
        check=True,
    )
    distinct = len(set(text.read_text().split()))
    assert f"tokens = 20000, distinct = {distinct}" in completed.stdout
    assert any(
        line.startswith("set (exact)") and f" {distinct} " in line for line in completed.stdout.splitlines()
    )


def test_show_morris_counter_saves_its_plot(run_example, tmp_path):
    run_example(
        "11_less_ram/morris_counter_example/show_morris_counter.py",
        "--max-count",
        "3000",
        "--output-dir",
        tmp_path / "plots",
        check=True,
    )
    assert (tmp_path / "plots" / "morris_counter.png").stat().st_size > 1000


def test_hpp_memory_and_words_doctests():
    import doctest

    assert doctest.testmod(memory).attempted >= 1 and doctest.testmod(memory).failed == 0
    assert doctest.testmod(word_lists).attempted >= 1 and doctest.testmod(word_lists).failed == 0


def test_rss_bytes_grows_by_a_touched_allocation():
    before = memory.rss_bytes()
    block = bytearray(64 * 2**20)  # zero-filled pages: touched by calloc's memset or the kernel
    block[::4096] = b"x" * len(block[::4096])  # touch every page
    assert memory.rss_bytes() - before >= 0.9 * len(block)


def test_traced_peak_counts_numpy_temporaries():
    import numpy as np

    a = np.ones(1_000_000)
    result, peak = memory.traced_peak(lambda x: (x * 2 + 1).sum(), a)
    assert result == 3_000_000
    assert a.nbytes <= peak <= 2.5 * a.nbytes  # one or two input-sized temporaries


def test_generated_tokens_have_exactly_the_vocabulary_distinct():
    tokens = word_lists.generated_tokens(30_000, 20_000, seed=1)
    assert len(tokens) == 30_000
    assert len(set(tokens)) == 20_000
    assert tokens == word_lists.generated_tokens(30_000, 20_000, seed=1)
    assert len(set(word_lists.generated_tokens(500, 20_000))) == 500


def test_no_example_edits_sys_path_or_loads_examples_by_path():
    edits = re.compile(r"sys\.path\.(insert|append|extend)\(|sys\.path\s*[+]?=|load_example\(")
    offenders = [
        str(path.relative_to(CHAPTER))
        for path in CHAPTER.rglob("*.py")
        if path.name != "_benchmark.py"  # the harness's cases, not an example
        and edits.search(path.read_text())
    ]
    assert offenders == []


def test_deep_sizeof_counts_the_contents():
    table = {f"key{i}": [i] for i in range(100)}  # str keys: the GC does not list them
    assert memory.deep_sizeof(table) == (
        sys.getsizeof(table)
        + sum(map(sys.getsizeof, table))
        + 100 * sys.getsizeof([0])
        + sys.getsizeof(0)
        + sum(sys.getsizeof(i) for i in range(1, 100))
    )
    words = [str(i) * 10 for i in range(100)]
    assert memory.deep_sizeof(words) > sys.getsizeof(words) + sum(map(sys.getsizeof, words)) - 1
    assert memory.deep_sizeof(words) == sys.getsizeof(words) + sum(map(sys.getsizeof, words))


# ---------------------------------------------------------------- hashing trick and sparse


def test_feature_hasher_collides_there_and_is_with_10_features():
    importlib.import_module("sklearn")
    import numpy as np

    example = load_example(CHAPTER / "sklearn_hashing_trick" / "feature_hashing_explanation.py")
    counts = example.word_counts(example.SENTENCES)
    vectoriser, exact = example.dict_vectorise(counts)
    assert vectoriser.vocabulary_ == {"a": 0, "and": 1, "cat": 2, "dog": 3, "is": 4, "there": 5}
    assert exact.toarray().tolist() == [[1, 0, 1, 0, 1, 1], [2, 1, 1, 1, 1, 1]]
    assert vectoriser.inverse_transform(exact)[1] == {w: c for w, c in counts[1].items()}
    hashed = example.hash_vectorise(counts, 10).toarray()
    assert hashed.tolist() == [[1, 0, 0, 0, 0, 0, 0, 2, 0, 1], [2, 0, 0, 1, 0, 1, 0, 2, 0, 1]]
    collision = example.hash_vectorise([{"there": 1, "is": 1}], 10).toarray()[0]
    assert np.flatnonzero(collision).tolist() == [7] and collision[7] == 2
    assert example.hash_vectorise(counts, 2**20).shape == (2, 2**20)


def test_csr_product_equals_dense_and_nbytes_formula():
    importlib.import_module("scipy")
    import numpy as np

    example = load_example(CHAPTER / "sparse_matrices" / "benchmark_sparse.py")
    a, b = example.random_sparse(300, 0.02, 1), example.random_sparse(300, 0.02, 2)
    assert np.allclose((a @ b).toarray(), a.toarray() @ b.toarray())
    assert example.csr_nbytes(a) == (a.nnz * (a.data.itemsize + a.indices.itemsize) + 301 * a.indptr.itemsize)
    assert a.nnz == round(0.02 * 300 * 300)
    assert not isinstance(a, np.matrix)


def test_sparse_script_saves_its_plots(run_example, tmp_path):
    completed = run_example(
        "11_less_ram/sparse_matrices/benchmark_sparse.py",
        "--size",
        "128",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path / "p",
        check=True,
    )
    table = [
        [float(x) for x in line.split()]
        for line in completed.stdout.splitlines()
        if re.match(r"^\s*0\.\d{3}\s", line)
    ]
    example = load_example(CHAPTER / "sparse_matrices" / "benchmark_sparse.py")
    assert [row[0] for row in table] == list(example.DENSITIES)
    for density, _sparse_s, _dense_s, csr_mb, dense_mb in table:
        assert dense_mb == round(128 * 128 * 8 / 1e6, 2)  # a dense float64 matrix: 8 bytes a cell
        csr = example.random_sparse(128, density, 1)
        assert csr_mb == round(example.csr_nbytes(csr) / 1e6, 2)
    assert table[-1][3] < table[-1][4]  # at 20% density CSR is still smaller
    assert (tmp_path / "p" / "sparse_footprint.png").stat().st_size > 1000


# ---------------------------------------------------------------- objects vs arrays

OBJECTS = CHAPTER / "objects_vs_arrays"


def test_a_list_of_ints_costs_far_more_per_item_than_array_and_numpy():
    example = load_example(OBJECTS / "list_array_numpy.py")
    size = 1_000_000
    figures = {kind: example.measure(kind, size) for kind in example.MAKERS}
    itemsize = __import__("array").array("l").itemsize
    listed, arrayed, numpyed = figures["list"], figures["array"], figures["numpy"]
    # getsizeof of a list counts only its pointers; the deep size adds each int object.
    assert 8 <= listed["getsizeof"] < 8.01
    assert 30 <= listed["deep"] <= 40
    assert listed["deep"] >= 3.5 * listed["getsizeof"]
    # array and numpy hold raw machine integers: deep size == getsizeof.
    assert arrayed["deep"] == arrayed["getsizeof"]
    assert itemsize <= arrayed["getsizeof"] <= 1.15 * itemsize
    assert numpyed["deep"] == numpyed["getsizeof"]
    assert 8 <= numpyed["getsizeof"] < 8.01
    # RSS growth in a fresh process: the list's int objects are really there.
    assert 30 <= listed["rss"] <= 64, listed
    assert 7 <= numpyed["rss"] <= 10, numpyed
    assert 7 <= arrayed["rss"] <= 1.3 * itemsize, arrayed
    assert listed["rss"] >= 3 * max(numpyed["rss"], arrayed["rss"])


def test_list_array_numpy_script_prints_each_kind(run_example):
    completed = run_example(
        "11_less_ram/objects_vs_arrays/list_array_numpy.py",
        "--size",
        "50000",
        "--kinds",
        "list,numpy",
        check=True,
    )
    lines = completed.stdout.splitlines()
    assert "items = 50000" in lines
    assert any(line.startswith("list: getsizeof = 8.00 bytes/item, deep = ") for line in lines)
    assert any(
        line.startswith("numpy: getsizeof = 8.00 bytes/item, deep = 8.00 bytes/item") for line in lines
    )
    assert not any(line.startswith("array:") for line in lines)


@pytest.mark.parametrize("args", [["--size", "0"], ["--kinds", "list,tuple"], ["--kinds", ","]])
def test_list_array_numpy_bad_input(args, run_example, assert_bad_input):
    assert "list_array_numpy.py" in assert_bad_input(
        run_example("11_less_ram/objects_vs_arrays/list_array_numpy.py", *args)
    )


def test_getsizeof_misses_what_containers_hold():
    example = load_example(OBJECTS / "getsizeof_vs_deep.py")
    found = dict(example.containers(2000))
    for name, obj in found.items():
        shallow, deep = example.sizes(obj)
        assert deep >= shallow, name
    assert example.sizes(found["[]"]) == (sys.getsizeof([]),) * 2
    assert example.sizes(found["[1]"])[1] == sys.getsizeof([1]) + sys.getsizeof(1)
    words = found["list of 2000 distinct str"]
    assert example.sizes(words)[1] == sys.getsizeof(words) + sum(map(sys.getsizeof, words))
    same = found["list of 2000 references to one str"]
    assert example.sizes(same)[1] == sys.getsizeof(same) + sys.getsizeof(same[0])  # counted once
    nested = example.sizes(found["list of 2000 lists of 3 floats"])
    assert nested[1] >= 10 * nested[0]
    table = found["dict of 2000 str -> int"]
    assert example.sizes(table)[1] == (
        sys.getsizeof(table) + sum(map(sys.getsizeof, table)) + sum(map(sys.getsizeof, table.values()))
    )


def test_getsizeof_vs_deep_script(run_example):
    completed = run_example(
        "11_less_ram/objects_vs_arrays/getsizeof_vs_deep.py", "--items", "500", check=True
    )
    assert f"[]: getsizeof = {sys.getsizeof([])} bytes, deep = {sys.getsizeof([])} bytes" in completed.stdout
    assert "list of 500 distinct str" in completed.stdout


def test_str_stores_1_2_or_4_bytes_per_char_and_utf8_1_to_4():
    example = load_example(OBJECTS / "bytes_vs_str.py")
    expected = {"a": (1, 1), "é": (1, 2), "€": (2, 3), "🐍": (4, 4)}
    for char, (in_memory, utf8) in expected.items():
        text = char * 5000
        assert example.str_bytes_per_char(text) == in_memory, char
        assert example.utf8_bytes_per_char(text) == utf8, char
    plain, widened = example.widest_char_effect(100_000)
    assert 1 <= plain < 1.01 and 1.99 <= widened / plain <= 2.01
    str_size, bytes_size, count = example.word_list_sizes(word_lists.generated_words(5000))
    assert count == 5000
    assert bytes_size < str_size  # a bytes header is smaller than a str header
    assert bytes_size == sum(
        sys.getsizeof(w.encode()) for w in word_lists.generated_words(5000)
    ) + sys.getsizeof(list(word_lists.generated_words(5000)))


def test_bytes_vs_str_script(run_example):
    completed = run_example(
        "11_less_ram/objects_vs_arrays/bytes_vs_str.py", "--chars", "2000", "--generated", "1000", check=True
    )
    assert "BMP '€': str = 2.00 bytes/char, utf-8 = 3.00 bytes/char" in completed.stdout
    assert "2000 ASCII chars: 1.0" in completed.stdout
    assert "words = 1000 generated words (1000)" in completed.stdout


# ---------------------------------------------------------------- NumExpr cross-entropy

NUMEXPR = CHAPTER / "numexpr_pandas"


def test_numexpr_cross_entropy_equals_numpy_and_makes_no_temporaries():
    importlib.import_module("numexpr")
    import numpy as np

    example = load_example(NUMEXPR / "cross_entropy_numexpr.py")
    yt, yp = load_example(NUMEXPR / "_numexpr_family.py").make_data(500_000, seed=4)
    assert set(np.unique(yt)) == {0.0, 1.0} and yp.min() > 0 and yp.max() < 1
    by_numpy, numpy_peak = memory.traced_peak(example.cross_entropy_numpy, yt, yp)
    by_numexpr, numexpr_peak = memory.traced_peak(example.cross_entropy_numexpr, yt, yp)
    assert np.allclose(by_numpy, by_numexpr)
    expected = -np.mean(yt * np.log(yp) + (1 - yt) * np.log1p(-yp))
    assert by_numexpr.mean() == pytest.approx(expected, rel=1e-9)
    # NumExpr's only full-size allocation is its result; NumPy holds temporaries at its peak.
    assert yp.nbytes <= numexpr_peak <= 1.5 * yp.nbytes
    assert numpy_peak >= 3 * yp.nbytes
    assert numpy_peak >= 2.5 * numexpr_peak


def test_pandas_eval_gives_the_same_cross_entropy():
    pandas = importlib.import_module("pandas")
    importlib.import_module("numexpr")
    import numpy as np

    example = load_example(NUMEXPR / "cross_entropy_numexpr.py")
    yt, yp = load_example(NUMEXPR / "_numexpr_family.py").make_data(10_000, seed=1)
    frame = pandas.DataFrame({"yt": yt, "yp": yp})
    assert np.allclose(example.cross_entropy_pandas(frame), example.cross_entropy_numpy(yt, yp))


def test_peak_rss_growth_sees_a_large_allocation():
    import numpy as np

    array, growth = memory.peak_rss_growth(np.ones, 6_000_000)  # 48 MB: its own mmap
    assert 0.9 * array.nbytes <= growth <= 1.5 * array.nbytes


def test_cross_entropy_script(run_example):
    importlib.import_module("numexpr")
    completed = run_example(
        "11_less_ram/numexpr_pandas/cross_entropy_numexpr.py",
        "--rows",
        "300000",
        "--threads",
        "2",
        check=True,
    )
    assert "numpy == numexpr (allclose) = True" in completed.stdout
    assert "rows = 300000, one input array = 2.4 MB" in completed.stdout
    import re

    arrays = {
        name: float(count)
        for name, count in re.findall(
            r"^(\w[\w ]*): peak traced = [\d.]+ MB \(([\d.]+) arrays\)", completed.stdout, re.MULTILINE
        )
    }
    assert 1.0 <= arrays["numexpr"] <= 1.2 and arrays["numpy"] >= 3, arrays


def test_cross_entropy_picture(run_example, tmp_path):
    completed = run_example(
        "11_less_ram/numexpr_pandas/make_cross_entropy_picture.py", "--output-dir", tmp_path / "p", check=True
    )
    assert "points = 99" in completed.stdout
    assert "cost at yp = 0.5 = 0.6931" in completed.stdout
    assert "max cost = 4.6052" in completed.stdout  # -log(0.01)
    assert (tmp_path / "p" / "cross_entropy.png").stat().st_size > 1000


# ---------------------------------------------------------------- hashing trick on a corpus

HASHING = CHAPTER / "sklearn_hashing_trick" / "feature_hashing_explanation2.py"
HASHING_FAMILY = CHAPTER / "sklearn_hashing_trick" / "_hashing_family.py"


def test_token_freqs():
    importlib.import_module("sklearn")
    example = load_example(HASHING)
    assert example.token_freqs("The cat, the cat!", 2) == {"the": 2, "cat": 2, "the cat": 2, "cat the": 1}
    assert example.token_freqs("a b c", 3) == {}  # single letters are not tokens
    assert example.token_freqs("one two three", 3)["one two three"] == 1


def test_generated_corpus_is_seeded_and_balanced():
    importlib.import_module("sklearn")
    example = load_example(HASHING_FAMILY)
    texts, labels = example.generated_corpus(400, 4, seed=2)
    assert (texts, labels) == example.generated_corpus(400, 4, seed=2)
    assert texts != load_example(HASHING_FAMILY).generated_corpus(400, 4, seed=3)[0]
    assert {labels.count(label) for label in set(labels)} == {100}


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_hasher_and_vectoriser_agree_on_accuracy_and_differ_in_memory():
    importlib.import_module("sklearn")
    example = load_example(HASHING)
    texts, labels = load_example(HASHING_FAMILY).generated_corpus(1600, 4, seed=0)
    exact, hashed = example.compare(texts, labels, ngram_max=2, n_features=2**18, trace=True)
    chance = 1 / 4
    assert exact["accuracy"] >= chance + 0.4 and hashed["accuracy"] >= chance + 0.4
    assert abs(exact["accuracy"] - hashed["accuracy"]) <= 0.05
    assert hashed["features"] == 2**18 and hashed["train_shape"] == (1200, 2**18)
    assert exact["train_shape"][0] == 1200 and exact["features"] < 2**18
    assert exact["transformer_bytes"] > 100 * hashed["transformer_bytes"]
    assert exact["peak_bytes"] > hashed["peak_bytes"]


def test_no_newsgroups_cache_means_none(monkeypatch, tmp_path):
    importlib.import_module("sklearn")
    monkeypatch.setenv("SCIKIT_LEARN_DATA", str(tmp_path / "empty"))
    assert load_example(HASHING_FAMILY).newsgroups_corpus() is None


def test_hashing_script_on_a_labelled_file_and_folder(run_example, tmp_path):
    importlib.import_module("sklearn")
    example = load_example(HASHING_FAMILY)
    texts, labels = example.generated_corpus(300, 3, seed=5)
    lines = tmp_path / "corpus.tsv"
    lines.write_text("".join(f"{label}\t{text}\n" for label, text in zip(labels, texts)))
    folder = tmp_path / "corpus"
    for index, (label, text) in enumerate(zip(labels, texts)):
        (folder / label).mkdir(parents=True, exist_ok=True)
        (folder / label / f"{index}.txt").write_text(text)
    assert load_example(HASHING_FAMILY).corpus_from_path(lines) == (texts, labels)
    assert sorted(zip(*load_example(HASHING_FAMILY).corpus_from_path(folder))) == sorted(zip(texts, labels))
    completed = run_example(
        HASHING.relative_to(REPO_ROOT),
        "--input",
        lines,
        "--ngram-max",
        "1",
        "--n-features",
        "4096",
        check=True,
    )
    assert "corpus = " in completed.stdout and "300 documents, 3 labels" in completed.stdout
    assert "FeatureHasher(4096): features = 4096" in completed.stdout
    assert completed.stdout.count(" accuracy = ") == 2


@pytest.mark.parametrize(
    "content,args",
    [
        (None, ["--input", "/no/such/corpus"]),
        ("just text without a label\n", []),
        ("only\tone label\nonly\tstill one\n", []),
        (None, ["--docs", "0"]),
    ],
)
def test_hashing_script_bad_input(content, args, run_example, assert_bad_input, tmp_path):
    importlib.import_module("sklearn")
    if content is not None:
        path = tmp_path / "bad.tsv"
        path.write_text(content)
        args = ["--input", path]
    assert_bad_input(run_example(HASHING.relative_to(REPO_ROOT), *args))


# ---------------------------------------------------------------- the book's names, imported by plain name


def test_clean_list_read_words_reads_the_moby_codec(import_plain, tmp_path):
    clean = import_plain("11_less_ram/compressing_text", "text_example_clean_list")
    path = tmp_path / "words.txt"
    path.write_bytes("caf\xe9 na\xefve\r\nZweibel\r\n".encode("cp1252"))
    assert list(clean.read_words(str(path))) == ["café", "naïve", "Zweibel"]  # cp1252 by default
    words, nbr_read = clean.clean_list([path, path], "cp1252")
    assert nbr_read == 6 and words == {"café", "naïve", "Zweibel"}


def test_list_bisect_index(import_plain):
    example = import_plain("11_less_ram/compressing_text", "text_example_list_bisect")
    words = sorted(["pear", "apple", "fig", "kiwi"])
    assert [example.index(words, w) for w in words] == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="banana"):
        example.index(words, "banana")
    assert example.contains(words, "fig") and not example.contains(words, "zzz")


def test_feature_hashing_tokens_and_freqs(import_plain):
    example = import_plain("11_less_ram/sklearn_hashing_trick", "feature_hashing_explanation2")
    doc = "And drawing attention to\nthe drawing"
    assert example.tokens_ngram(doc, 2) == [
        "and drawing",
        "drawing attention",
        "attention to",
        "to the",
        "the drawing",
    ]
    assert example.tokens_ngram(doc, 6) == ["and drawing attention to the drawing"]
    assert example.tokens_ngram(doc, 7) == []  # whole n-grams only: none longer than the document
    assert len(example.tokens_ngram_upto(doc, 3)) == 6 + 5 + 4
    freqs = example.token_freqs(doc)  # the book's 1- to 3-grams
    assert freqs["drawing"] == 2 and freqs["and drawing attention"] == 1 and sum(freqs.values()) == 15


def test_benchmark_sparse_benchmark_and_matrix_size(import_plain, tmp_path):
    import numpy as np

    example = import_plain("11_less_ram/sparse_matrices", "benchmark_sparse")
    rows = example.matrix_size(100, tmp_path)
    assert [round(row[0], 6) for row in rows] == [round(p, 6) for p in np.linspace(0, 100, 10)]
    assert all(dense == 100 * 100 * 8 / 1e6 for _, _, dense in rows)
    assert rows[0][1] == 101 * 4 / 1e6  # empty: the row pointers alone (int32)
    assert rows[-1][1] == (100 * 100 * (8 + 4) + 101 * 4) / 1e6  # full: a value and an index per cell
    timed = example.benchmark(64, 1, tmp_path)
    assert [row[0] for row in timed] == list(example.DENSITIES)
    assert all(row[1] > 0 and row[2] > 0 for row in timed)
    assert (tmp_path / "sparse_footprint.png").is_file() and (tmp_path / "sparse_runtime.png").is_file()


# ------------------------------------------------------------------ 1st edition, lessons from the field


def test_aho_corasick_prefilter_finds_the_same_matches_with_far_fewer_regexes():
    pytest.importorskip("ahocorasick", reason="needs pyahocorasick: pip install -e '.[less_ram]'")
    prefilter = load_example(TEXT / "aho_corasick_prefilter.py")
    rules = text_family.make_rules(200, seed=1)
    lines = text_family.make_lines(5000, 200, seed=1)
    naive, naive_evaluations = prefilter.match_all(lines, rules)
    filtered, filtered_evaluations = prefilter.match_prefiltered(
        lines, rules, prefilter.build_automaton(rules)
    )
    assert naive == filtered and len(naive) > 10  # the same (line, rule) pairs both ways
    assert naive_evaluations == 5000 * 200
    alert_lines = sum("alert" in line for line in lines)
    assert filtered_evaluations == alert_lines  # one regex per line that names a keyword, none for the rest
    assert filtered_evaluations * 100 < naive_evaluations
