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

# taught: rules (a keyword and a regex that needs it), matched by a regex loop and behind the pre-filter
import ahocorasick


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


# taught: end


def main(argv=None):
    import sys

    from _text_family import compare_prefilter

    compare_prefilter(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
