"""An Aho-Corasick pre-filter in front of a loop of regular expressions (1st ed., "Lessons from the Field").

Smesh's lesson in the 1st edition's last chapter: matching every incoming
line against a long list of regular expressions was the bottleneck, and
putting the Aho-Corasick algorithm in front as a pre-filter gave "a 10-100x
performance gain". Each regex needs some literal text to match at all (a
keyword); an Aho-Corasick automaton (a trie of all the keywords with failure
links, ``pyahocorasick``) finds every keyword in a line in one pass, so only
the regexes whose keyword is present are run. The matches are the same; the
regex evaluations fall from lines x patterns to the few the filter lets through.

The script generates ``--lines`` log lines (seeded) and ``--patterns`` rules,
matches them both ways, and prints the regex evaluations each made, the
matches each found and the time each took.

Run:
    python 11_less_ram/compressing_text/aho_corasick_prefilter.py
    python 11_less_ram/compressing_text/aho_corasick_prefilter.py --lines 100000 --patterns 500
"""

import random
import re
import time

import ahocorasick

SMOKE_ARGS = ["--lines", "2000", "--patterns", "100"]
REQUIRES = ("ahocorasick",)

WORDS = ("user", "login", "ok", "page", "served", "in", "ms", "from", "cache", "request", "GET", "POST")


# taught: rules (a keyword and a regex that needs it), matched by a regex loop and behind the pre-filter
def make_rules(patterns, seed=0):
    """``[(keyword, compiled regex)]``: each regex needs its keyword (``alertNNN``) and a number after it."""
    rng = random.Random(seed)
    rules = []
    for number in range(patterns):
        keyword = f"alert{number:04d}"
        rules.append((keyword, re.compile(rf"{keyword} code=(\d+){' level=' + str(rng.randrange(5))}")))
    return rules


def make_lines(lines, patterns, seed=0, alert_share=0.02):
    """Log lines; a share ``alert_share`` of them names one rule's keyword (half of those match it)."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        text = " ".join(rng.choices(WORDS, k=8))
        if rng.random() < alert_share:
            keyword = f"alert{rng.randrange(patterns):04d}"
            text += f" {keyword} code={rng.randrange(1000)} level={rng.randrange(5)}"
        out.append(text)
    return out


def match_all(lines, rules):
    """Every rule's regex on every line: ``(matches, regex evaluations)``."""
    matches, evaluations = [], 0
    for index, line in enumerate(lines):
        for number, (_, regex) in enumerate(rules):
            evaluations += 1
            if regex.search(line):
                matches.append((index, number))
    return matches, evaluations


def build_automaton(rules):
    """An Aho-Corasick automaton over the rules' keywords; each keyword's value is its rule's number."""
    automaton = ahocorasick.Automaton()
    for number, (keyword, _) in enumerate(rules):
        automaton.add_word(keyword, number)
    automaton.make_automaton()
    return automaton


def match_prefiltered(lines, rules, automaton):
    """Only the rules whose keyword the automaton finds in a line: ``(matches, regex evaluations)``."""
    matches, evaluations = [], 0
    for index, line in enumerate(lines):
        for number in sorted({number for _, number in automaton.iter(line)}):
            evaluations += 1
            if rules[number][1].search(line):
                matches.append((index, number))
    return matches, evaluations


def compare_prefilter(lines, patterns, seed=0):
    """Match the lines both ways; print the regex evaluations, the matches and the time of each."""
    rules, text = make_rules(patterns, seed), make_lines(lines, patterns, seed)
    start = time.perf_counter()
    naive, naive_evaluations = match_all(text, rules)
    naive_seconds = time.perf_counter() - start
    start = time.perf_counter()
    automaton = build_automaton(rules)
    filtered, filtered_evaluations = match_prefiltered(text, rules, automaton)
    filtered_seconds = time.perf_counter() - start
    print(f"{lines:,} lines, {patterns:,} regular expressions")
    print(
        f"regex loop: {naive_evaluations:,} regex evaluations, {len(naive):,} matches, {naive_seconds:.3f} s"
    )
    print(
        f"Aho-Corasick pre-filter: {filtered_evaluations:,} regex evaluations, {len(filtered):,} matches, "
        f"{filtered_seconds:.3f} s"
    )
    print(
        f"same matches: {naive == filtered}; "
        f"regex evaluations saved: {naive_evaluations - filtered_evaluations:,}"
    )


# taught: end


def main(argv=None):
    from hpp.script import example_parser, positive_int, seed

    parser = example_parser(__doc__)
    parser.add_argument("--lines", type=positive_int, default=20_000, help="log lines to match")
    parser.add_argument("--patterns", type=positive_int, default=300, help="regular expressions (rules)")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the rules and the lines")
    args = parser.parse_args(argv)
    compare_prefilter(args.lines, args.patterns, args.seed)


if __name__ == "__main__":
    main()
