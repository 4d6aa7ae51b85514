"""Chapter 04: phone books, unique names, probing, custom hashes, resizing, namespaces."""

import random
import re

import pytest

from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "04_dicts_sets"
phonebook = load_example(CHAPTER / "phonebook.py")
unique = load_example(CHAPTER / "unique_lookup.py")
probing = load_example(CHAPTER / "dict_probing.py")
cities = load_example(CHAPTER / "custom_hash_function.py")
points = load_example(CHAPTER / "custom_vs_default_hash.py")
hashing = load_example(CHAPTER / "timing_hash_function.py")
resizing = load_example(CHAPTER / "dict_resizing.py")
namespace = load_example(CHAPTER / "namespace.py")
deletion = load_example(CHAPTER / "dict_deletion.py")
family = load_example(CHAPTER / "_dicts_sets_family.py")


def test_phonebook_list_dict_and_bisect_agree():
    assert phonebook.find_phonenumber(phonebook.BOOK_PHONEBOOK, "Ada Lovelace") == "555-555-5555"
    assert phonebook.find_phonenumber(phonebook.BOOK_PHONEBOOK, "Grace Hopper") is None
    book = family.random_phonebook(500, seed=2)
    assert len({name for name, _ in book}) == 500
    as_dict = dict(book)
    ordered = sorted(book)
    names, numbers = [n for n, _ in ordered], [p for _, p in ordered]
    for name, number in book[::7]:
        assert phonebook.find_phonenumber(book, name) == as_dict[name] == number
        assert phonebook.find_phonenumber_bisect(names, numbers, name) == number
    assert phonebook.find_phonenumber_bisect(names, numbers, "nobody") is None


def test_phonebook_script(run_example):
    completed = run_example("04_dicts_sets/phonebook.py", "--sizes", "50", "200", "--number", "5", check=True)
    lines = completed.stdout.splitlines()
    # Examples 4-1 (the list) and 4-2 (the dict) print the same line
    assert lines[:2] == ["Ada Lovelace's phone number is 555-555-5555"] * 2
    rows = [
        re.fullmatch(r"\s*(\d+) entries: list\s+[\d.]+ µs  bisect\s+[\d.]+ µs  dict\s+[\d.]+ µs", line)
        for line in lines[2:]
    ]
    assert [int(row.group(1)) for row in rows] == [50, 200]


def test_unique_names_on_the_books_phonebook():
    assert unique.list_unique_first_names(unique.phonebook) == 5
    assert unique.set_unique_first_names(unique.phonebook) == 5
    # the official code's names are the same functions
    assert unique.list_unique_names is unique.list_unique_first_names
    assert unique.set_unique_names is unique.set_unique_first_names
    assert unique.phonebook[2] == ("Grace Hopper", "647-555-5555")
    assert " " in unique.random_name()  # the book's call, no argument


def test_unique_lookup_script_prints_the_books_lines(run_example):
    completed = run_example("04_dicts_sets/unique_lookup.py", "--size", "300", "--repeat", "1", check=True)
    lines = completed.stdout.splitlines()
    assert lines[:3] == [
        "Number of unique names from set method: 5",
        "Number of unique names from list method: 5",
        "300 random entries: unique first names = 300 (set), 300 (list)",
    ]


def test_the_list_method_compares_quadratically_and_the_set_method_never():
    """Example 4-3's O(n^2) against O(n), counted as first-name comparisons."""

    class Name(str):
        comparisons = 0

        def __eq__(self, other):
            Name.comparisons += 1
            return str.__eq__(self, other)

        __hash__ = str.__hash__

        def split(self, *args):
            return [Name(part) for part in str.split(self, *args)]

    book = [(Name(name), number) for name, number in unique.random_phonebook(200, seed=1)]
    Name.comparisons = 0
    assert unique.list_unique_first_names(book) == 200
    assert Name.comparisons == 200 * 199 // 2  # each new name against every earlier one
    Name.comparisons = 0
    assert unique.set_unique_first_names(book) == 200
    assert Name.comparisons == 0  # all first names differ: hashes differ, nothing to compare


def test_unique_names_agree_on_seeded_books_with_repeats():
    rng = random.Random(4)
    for _ in range(20):
        firsts = rng.choices(["Ada", "Grace", "Emmy", "Guido", "Sophie", "Alan"], k=rng.randrange(30))
        book = [(f"{first} {rng.choice('XYZ')}", "555") for first in firsts]
        assert unique.list_unique_first_names(book) == unique.set_unique_first_names(book) == len(set(firsts))
    big = unique.random_phonebook(2000, seed=0)
    assert unique.list_unique_first_names(big) == unique.set_unique_first_names(big) == 2000
    assert big == unique.random_phonebook(2000, seed=0)


def test_masks():
    assert 28975 & 0b111 == 7
    assert 28975 & 0b111111111 == 303  # 512 buckets: nine ones (the book prints eight)
    assert (66 & 0b111, 82 & 0b111) == (2, 2)
    assert 5 & 0b111 == 501 & 0b111 == 5


@pytest.mark.parametrize(
    "force_hash,expected",
    [
        (0b00000111, [7, 4, 5, 2, 3, 0, 1, 6, 7, 4]),
        (0b11100111, [7, 3, 0, 1, 6, 7, 4, 5, 2, 3]),
        (0b01110111, [7, 7, 4, 5, 2, 3, 0, 1, 6, 7]),
        (0b01110001, [1, 1, 6, 7, 4, 5, 2, 3, 0, 1]),
        (0b01110000, [0, 4, 5, 2, 3, 0, 1, 6, 7, 4]),
        (28975, [7, 5, 6, 7, 4, 5, 2, 3, 0, 1]),
    ],
)
def test_probe_sequences(force_hash, expected):
    assert probing.sample_probe(force_hash) == expected


def test_probing_visits_every_bucket_once_perturb_is_spent():
    for force_hash in (0, 7, 66, 12345, 2**40 + 3):
        probes = probing.sample_probe(force_hash, num_samples=60)
        assert set(probes[-8:]) == set(range(8))


def test_dict_probing_script(run_example, assert_bad_input):
    completed = run_example("04_dicts_sets/dict_probing.py", check=True)
    assert "First 10 samples for hash 0b111: [7, 4, 5, 2, 3, 0, 1, 6, 7, 4]" in completed.stdout
    assert "mask" in assert_bad_input(run_example("04_dicts_sets/dict_probing.py", "--mask", "6"))


def test_rome_and_barcelona_collide_and_the_dict_still_works():
    data = cities.data
    assert [hash(c) for c in data] == [82, 83, 78, 66]
    assert cities.colliding_pairs(data) == [("Rome", "Barcelona")]
    placed = {str(city): bucket for city, bucket in cities.simulate_insertion(data).items()}
    assert placed == {"Rome": 2, "San Francisco": 3, "New York": 6, "Barcelona": 5}
    assert len(data) == 4 and data[cities.City("Barcelona")] == "Spain"
    assert list(data) == ["Rome", "San Francisco", "New York", "Barcelona"]


def test_the_city_exercise_collisions():
    assert cities.collisions(cities.random_cities(500)) == (474, pytest.approx(500 / 26))
    count, per_hash = cities.collisions(cities.random_cities(1000))
    assert count == 974 and int(per_hash * 10) / 10 == 38.4


def test_the_custom_hash_script_names_the_right_pair(run_example):
    completed = run_example("04_dicts_sets/custom_hash_function.py", check=True)
    assert "Rome and Barcelona collide at bucket 2" in completed.stdout
    assert "New York and Barcelona" not in completed.stdout


def test_points():
    size, found, _ = points.demonstrate(points.Point)
    assert (size, found) == (2, False)
    assert points.demonstrate(points.PointHash) == (1, True, True)


def test_twoletter_hash_is_perfect():
    keys = hashing.two_letter_keys()
    hashes = [hashing.twoletter_hash(k) for k in keys]
    assert sorted(hashes) == list(range(676))
    assert hashes == [hash(hashing.GoodHash(k)) for k in keys]
    assert hashing.buckets_used(hashes, 2047) == hashing.buckets_used(hashes, 1023) == 676
    assert hashing.buckets_used(hashes, 511) == 512
    assert {hash(hashing.BadHash(k)) for k in keys} == {42}


def test_every_container_holds_the_676_keys():
    for name, (container, lookup) in hashing.build_containers().items():
        assert len(container) == 676, name
        assert lookup in container
        assert type(lookup)("ab") in container
        assert type(lookup)("a!") not in container


def test_the_books_module_level_containers():
    assert len(hashing.bad_dict) == len(hashing.good_dict) == len(hashing.list_control) == 676
    assert hashing.list_control[-1] == "zz" and hashing.BadHash("zz") in hashing.bad_dict


def test_bad_hash_list_good_hash_ordering_in_comparisons():
    """Example 4-8's ordering bad > list > good, as == comparisons made by CPython itself."""
    bad, listed, good = (hashing.equality_checks(name) for name in ("bad_dict", "list_control", "good_dict"))
    assert listed == 676  # 'zz' is the last of 676 keys
    assert good == 1
    assert bad > listed > good  # the bad set walks its one chain and revisits buckets


def toy_probes(cls, size=2048):
    table = deletion.ToyHashTable(size)
    for key in hashing.two_letter_keys():
        table.insert(cls(key), None)
    _, probes, comparisons = deletion.counted(table, table.find, cls("zz"))
    return probes, comparisons


def test_bad_hash_probes_every_key_in_the_toy_table_and_good_hash_one():
    # every key shares hash 42, so the lookup walks the whole chain, comparing with each key;
    # the sequence passes bucket 42 ('aa') a second time on its 532nd probe: 677 probes
    assert toy_probes(hashing.BadHash) == (677, 677)
    assert toy_probes(hashing.GoodHash) == (1, 1)
    # bad: probes + comparisons > the list's 676 comparisons > good's single probe
    assert sum(toy_probes(hashing.BadHash)) > 676 > sum(toy_probes(hashing.GoodHash))


def test_timing_hash_function_script(run_example):
    completed = run_example(
        "04_dicts_sets/timing_hash_function.py", "--number", "200", "--repeat", "1", check=True
    )
    lines = completed.stdout.splitlines()
    assert lines[:4] == [
        "twoletter_hash: 676 distinct values from 0 to 675",
        "  buckets used with mask 2047: 676 of 676 keys",  # the set's table of 2048 slots
        "  buckets used with mask 1023: 676 of 676 keys",
        "  buckets used with mask 511: 512 of 676 keys",  # a smaller mask folds the values together
    ]
    counts = dict(
        re.fullmatch(r"== comparisons for 'zz' in (\w+): (\d+)", line).groups()
        for line in lines
        if line.startswith("==")
    )
    # every key hashes to 42: 'zz' meets the whole collision chain, and the probe sequence
    # (linear probes, then the perturbed jumps) passes some keys twice: 807 (CPython 3.11 to 3.13)
    assert counts == {"bad_dict": "807", "list_control": "676", "good_dict": "1"}
    times = dict(
        re.fullmatch(r"Min lookup time for (\w+): ([\d.e-]+)", line).groups()
        for line in lines
        if line.startswith("Min lookup time")
    )
    assert set(times) == {"bad_dict", "good_dict", "list_control", "str_set"}  # timings: the benchmark's


# ------------------------------------------------------------------ deletion (the dummy)


def test_deleting_rome_leaves_a_dummy_and_barcelona_is_still_found():
    City = cities.City
    table = deletion.cities_table()
    assert table.layout() == [None, None, "Rome", "San Francisco", None, "Barcelona", "New York", None]
    assert deletion.counted(table, table.find, City("Barcelona"))[:2] == (5, 2)
    assert table.delete(City("Rome")) == 2 and table.slots[2] is deletion.DUMMY
    # the lookup probes past the dummy in bucket 2 and finds Barcelona in bucket 5
    assert deletion.counted(table, table.find, City("Barcelona"))[:2] == (5, 2)
    assert table[City("Barcelona")] == "Spain"
    # Rome is gone: buckets 2 (dummy), 5, 2, 3, then the empty 0
    assert deletion.counted(table, table.find, City("Rome"))[:2] == (-1, 5)
    # an insert on the same chain reuses the dummy
    assert table.insert(City("Rio"), "Brazil") == 2


def test_without_the_dummy_barcelona_is_lost():
    layout, found, probes = deletion.after_deleting_rome(use_dummy=False)
    assert layout[5] == "Barcelona"  # still in its bucket ...
    assert (found, probes) == (False, 1)  # ... but the lookup stops at the emptied bucket 2
    assert deletion.after_deleting_rome(use_dummy=True)[1:] == (True, 2)


def test_johannesburg_exercise_probes():
    table = deletion.cities_table()
    assert deletion.counted(table, table.find, cities.City("Johannesburg"))[:2] == (-1, 5)
    assert probing.sample_probe(ord("J"), 5) == [2, 5, 2, 3, 0]


def test_the_toy_table_matches_a_dict_under_random_inserts_and_deletes():
    rng = random.Random(7)
    table, reference = deletion.ToyHashTable(64), {}
    for _ in range(2000):
        key = rng.randrange(40)
        if key in reference and rng.random() < 0.5:
            table.delete(key)
            del reference[key]
        elif len(reference) < 40 or key in reference:
            table.insert(key, -key)
            reference[key] = -key
        for probe in range(40):
            assert (probe in table) == (probe in reference)
    with pytest.raises(KeyError):
        table.delete(1000)


def test_dict_deletion_script(run_example):
    completed = run_example("04_dicts_sets/dict_deletion.py", check=True)
    lines = completed.stdout.splitlines()
    assert "  lookup Barcelona: found = True after 2 probes" in lines
    assert "  lookup Barcelona: found = False after 1 probes" in lines
    assert lines[-1] == (
        "insert Rio (same first letter as Rome) after the delete: bucket 2 (the dummy is reused)"
    )


def test_figure_4_2_is_drawn_from_cpython(run_example, tmp_path):
    completed = run_example(
        "04_dicts_sets/dict_resizing.py",
        "--items",
        "6000",
        "--plot-items",
        "3000",
        "--output-dir",
        tmp_path / "fig",
        check=True,
    )
    assert "dict model matches CPython after the first insert: True" in completed.stdout.splitlines()
    png = tmp_path / "fig" / "dict_set_allocation.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    curves = family.allocation_curves(resizing, 3000)
    xs, _, set_buckets = curves["set"]
    assert set_buckets[0] == 8 and set_buckets[xs.index(5)] == 32 and set_buckets[-1] == 8192
    _, _, dict_buckets = curves["dict"]
    assert dict_buckets[4] == 8 and dict_buckets[5] == 16 and dict_buckets[10] == 32
    # a dict is never more than 2/3 full, a set never 3/5
    assert all(3 * n <= 2 * b for n, b in zip(xs, dict_buckets))
    assert all(5 * n <= 3 * b for n, b in zip(xs, set_buckets))


def test_the_books_table_size_model():
    assert resizing.min_table_size(1039) == 2048
    assert resizing.min_table_size(5000) == 16384
    assert resizing.min_table_size(1) == 8
    model = resizing.model_dict_resizes(100)
    assert model[:2] == [(6, 16), (11, 32)]  # "the 6th insert resizes to 16, the 11th to 32"


def test_cpython_dict_resizes_where_the_model_says():
    observed = resizing.observed_dict_jumps(20_000)
    model = [n for n, _ in resizing.model_dict_resizes(20_000)]
    assert observed[0] == 1  # 3.11+: an empty dict has no table until the first insert
    assert observed[1:] == model
    assert model[:6] == [6, 11, 22, 43, 86, 171]
    # 5,000 incremental inserts stay in 8,192 buckets (the book's N * 5/3 model says 16,384)
    assert resizing.model_dict_resizes(5000)[-1] == (2731, 8192)
    assert resizing.dict_usable(8192) == 5461


@pytest.mark.parametrize(
    ("items", "table", "book_rule"),
    [(3, 8, 8), (100, 256, 256), (5000, 8192, 16384), (6000, 16384, 16384)],
)
def test_the_printed_lines_follow_items(items, table, book_rule, capsys):
    family.print_resizes(resizing, items)
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        f"{items:,} ints inserted one by one: table of {table} buckets "
        f"(the book's N * 5/3 rule says {book_rule})"
    )
    jumps = next(line for line in lines if line.startswith("dict sys.getsizeof jumps"))
    assert max(int(n) for n in re.findall(r"\d+", jumps.split(":", 1)[1])) <= items
    if items != 5000:
        assert not any("5,000" in line for line in lines)


def test_cpython_set_resizes_where_the_model_says():
    assert resizing.observed_set_jumps(100_000) == [n for n, _ in resizing.model_set_resizes(100_000)]
    sizes = resizing.model_set_resizes(100_000)
    assert [n for n, _ in sizes][:4] == [5, 19, 77, 307]
    assert sizes[-1] == (78643, 262144)  # x2 past 50,000 items


def test_namespace_functions_agree_and_compile_to_the_three_lookups():
    assert namespace.test1(123_456) == namespace.test2(123_456) == namespace.test3(123_456)
    ops1 = dict((name, op) for op, name in namespace.lookups(namespace.test1))
    ops2 = dict((name, op) for op, name in namespace.lookups(namespace.test2))
    ops3 = dict((name, op) for op, name in namespace.lookups(namespace.test3))
    assert ops1 == {"math": "LOAD_GLOBAL", "sin": "LOAD_ATTR"}
    assert ops2 == {"sin": "LOAD_GLOBAL"}
    assert ops3["sin"].startswith("LOAD_FAST")  # LOAD_FAST_LOAD_FAST on 3.13


@pytest.mark.parametrize(
    "script,args",
    [
        ("unique_lookup.py", ["--size", "0"]),
        ("phonebook.py", ["--sizes", "x"]),
        ("timing_hash_function.py", ["--number", "-2"]),
        ("dict_resizing.py", ["--items", "0"]),
        ("namespace.py", ["--bogus"]),
        ("custom_hash_function.py", ["--cities", "0"]),
        ("custom_hash_function.py", ["--seed", "-1"]),
        ("unique_lookup.py", ["--seed", "abc"]),
        ("phonebook.py", ["--seed", "-1"]),
        ("dict_probing.py", ["--hash", "-1"]),
        ("namespace.py", ["--x", "1e400"]),
        ("dict_resizing.py", ["--output-dir", "/proc/forbidden"]),
    ],
)
def test_bad_input(script, args, run_example, assert_bad_input):
    assert_bad_input(run_example(f"04_dicts_sets/{script}", *args))


# ------------------------------------------------ entropy, SipHash, namespace_loop, Figure 4-1


def test_hash_entropy_is_near_the_ideal_for_a_good_hash_and_far_below_for_bad_ones():
    import math
    import string

    entropy = load_example(CHAPTER / "hash_entropy.py")
    keys = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
    good = entropy.hash_entropy(keys, entropy.twoletter_hash, 511)
    first_letter = entropy.hash_entropy(keys, entropy.first_letter_hash, 511)
    constant = entropy.hash_entropy(keys, entropy.constant_hash, 511)
    assert math.log2(512) - 0.1 < good <= math.log2(512)  # 8.92 bits of 9
    assert first_letter == pytest.approx(math.log2(26))  # 26 equally full buckets: 4.70 bits
    assert constant == 0
    assert entropy.hash_entropy(keys, entropy.twoletter_hash, 1023) == pytest.approx(math.log2(676))
    assert entropy.hash_entropy(range(8), hash, 0b111) == pytest.approx(3)  # ints: ideal when they fit


def test_string_hash_is_siphash_salted_per_process():
    import sys

    randomization = load_example(CHAPTER / "hash_randomization.py")
    assert sys.hash_info.algorithm.startswith("siphash")
    one, two, one_again = (randomization.hash_in_process("text", s) for s in (1, 2, 1))
    assert one[0] != two[0]  # another seed, another key: another hash
    assert one == one_again  # the same seed, the same hash
    assert one[1] == two[1] == 42  # an int hashes to itself, salt or no salt


def test_namespace_loop_does_two_lookups_per_pass_and_its_local_alias_none():
    loop = load_example(CHAPTER / "namespace_loop.py")
    assert loop.tight_loop_slow(1000) == loop.tight_loop_fast(1000)
    assert loop.count_lookups(loop.tight_loop_slow)["in the loop"] == 2  # LOAD_GLOBAL math, LOAD_ATTR sin
    assert loop.count_lookups(loop.tight_loop_fast)["in the loop"] == 0  # LOAD_FAST local_sin
    slow = loop.lookups_executed(loop.tight_loop_slow, 10_000_000)
    fast = loop.lookups_executed(loop.tight_loop_fast, 10_000_000)
    assert slow > 20_000_000 and fast < 5


def test_figure_4_1_table_puts_barcelona_past_rome(tmp_path):
    figure = load_example(CHAPTER / "figure_hash_table.py")
    table, probes = figure.build_table(cities.City(name) for name in cities.data)
    assert table == [None, None, "Rome", "San Francisco", None, "Barcelona", "New York", None]
    assert {str(k): v for k, v in probes.items()} == {
        "Rome": [2],
        "San Francisco": [3],
        "New York": [6],
        "Barcelona": [2, 5],
    }
    assert {str(k): v[-1] for k, v in probes.items()} == {
        str(k): v for k, v in cities.simulate_insertion(cities.data).items()
    }
    family.draw_figure_4_1(figure.build_table, tmp_path)
    assert (tmp_path / "hash_table_collisions.png").stat().st_size > 10_000
