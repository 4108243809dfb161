"""The rule data files themselves: well-formed, sorted where it matters, examples hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

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


def test_each_toml_data_file_has_a_fresh_pre_parsed_copy():
    from reportlint.rules import _data

    def fresh(path: str) -> bool:
        copy = Path(path + _data.PARSED)
        return copy.exists() and copy.read_text(encoding="utf-8") == _data.parsed_copy(path)

    stale = [os.path.relpath(path, _data.DATA_DIR) for path in _data.toml_files() if not fresh(path)]
    assert not stale, (
        f"pre-parsed copies out of date: {stale}; make them again from a source checkout with "
        "python -c 'from reportlint.rules._data import write_parsed_copies; write_parsed_copies()'"
    )


def test_a_pre_parsed_copy_is_used_only_for_the_toml_it_was_made_from(tmp_path):
    from reportlint.rules import _data

    toml = tmp_path / "lists.toml"
    toml.write_text('words = ["甲", "乙"]\n', encoding="utf-8")
    (tmp_path / ("lists.toml" + _data.PARSED)).write_text(_data.parsed_copy(str(toml)).replace("乙", "丙"), encoding="utf-8")
    assert _data._parsed(str(toml), toml.read_bytes()) == {"words": ["甲", "丙"]}  # (the copy, as it says)
    toml.write_text('words = ["甲", "乙", "丁"]\n', encoding="utf-8")  # edited since the copy was made
    assert _data._parsed(str(toml), toml.read_bytes()) == {"words": ["甲", "乙", "丁"]}
    (tmp_path / ("lists.toml" + _data.PARSED)).write_text("{not json", encoding="utf-8")
    assert _data._parsed(str(toml), toml.read_bytes()) == {"words": ["甲", "乙", "丁"]}


def test_a_run_with_nothing_cached_parses_no_toml(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "报告.txt"
    path.write_text("关于2024年度工作情况的报告\n全县完成生产总值X亿元，增长6.5%。\n", encoding="utf-8")
    code = ("import sys\nfrom reportlint.run import main\nmain(['-q', sys.argv[1]])\n"
            "print(any(m in sys.modules for m in ('tomllib', 'tomli')))")
    env = {**os.environ, "REPORTLINT_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120)  # (a folder without a config file to read)
    assert out.stdout.split()[-1] == "False", out.stderr
