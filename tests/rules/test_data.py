"""The rule data files themselves: well-formed, sorted where it matters, examples hold."""

from __future__ import annotations

import re

from reportlint.rules._data import load_lines, load_toml
from reportlint.rules.watermarks import fold
from reportlint.tokens import tokenize


def _no_duplicates(items):
    seen = set()
    dups = [x for x in items if x in seen or seen.add(x)]
    assert dups == [], f"duplicates: {dups}"


def test_x_allowlist_is_sorted_unique_and_each_entry_has_an_x_run():
    entries = [e for e, _ in load_lines("x_allow.txt")]
    assert entries == sorted(entries)
    _no_duplicates(entries)
    for entry in entries:
        assert any(t.shape == "x" for t in tokenize(entry)), entry


def test_x_allowlist_entries_are_not_findings(lint):
    for entry, _ in load_lines("x_allow.txt"):
        if entry.isascii():
            continue
        assert [d for d in lint(f"检查结果：{entry}。") if d.code == "RL101"] == [], entry


def test_vendor_phrases_unique_across_tiers_and_regexes_match_their_examples():
    data = load_toml("vendor_phrases.toml")
    literals = [fold(w) for tier in data.values() for w in tier["literal"]]
    _no_duplicates(literals)
    assert all(len(w) >= 2 for w in literals)
    for tier in data.values():
        for entry in tier["regex"]:
            pattern = re.compile(entry["pattern"], re.MULTILINE)
            example = fold(entry["example"])
            assert pattern.search(example), entry
            assert any(fold(n) in example for n in entry["need"]), entry


def test_high_tier_phrases_are_findings_anywhere(lint):
    data = load_toml("vendor_phrases.toml")
    body = ["一、工作开展情况。"] * 10
    for phrase in data["high"]["literal"][:40]:
        text = "\n".join(body + [f"全县各项工作稳步推进{phrase}，成效明显。"] + body)
        assert any(d.code == "RL201" for d in lint(text)), phrase


def test_context_lists_have_no_duplicates():
    for name in ("placeholder_context.toml", "vendor_context.toml", "choices.toml"):
        data = load_toml(name)
        for value in data.values():
            if isinstance(value, dict):
                for items in value.values():
                    _no_duplicates(items)
            else:
                _no_duplicates(value)


def test_choice_units_and_plural_words_are_sorted():
    data = load_toml("choices.toml")
    assert data["units"] == sorted(data["units"])
    assert data["plural_before"] == sorted(data["plural_before"])
