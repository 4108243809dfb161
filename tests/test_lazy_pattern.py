"""Patterns compiled on first use behave as re.compile's."""

from __future__ import annotations

import re

import pytest
from reportlint import lazy_pattern

SOURCE = r"(\d+(?:\.\d+)?)\s*(亿元|%)"
TEXT = "全县完成生产总值286.4亿元，增长6.5%。"


def test_matching_methods_answer_as_re_does():
    lazy, eager = lazy_pattern.compile(SOURCE), re.compile(SOURCE)
    assert lazy.search(TEXT).group() == eager.search(TEXT).group()
    assert lazy.match(TEXT) is None and eager.match(TEXT) is None
    assert lazy.fullmatch("6.5%").groups() == eager.fullmatch("6.5%").groups()
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in eager.finditer(TEXT)]
    assert lazy.findall(TEXT) == eager.findall(TEXT)
    assert lazy.sub("X", TEXT) == eager.sub("X", TEXT)
    assert lazy.subn("X", TEXT) == eager.subn("X", TEXT)
    assert lazy.split(TEXT) == eager.split(TEXT)


def test_nothing_is_compiled_before_first_use():
    lazy = lazy_pattern.compile(r"[\u4e00-\u9fff]+X", re.IGNORECASE)
    assert lazy._compiled is None
    assert lazy.pattern == r"[\u4e00-\u9fff]+X" and lazy.flags == re.IGNORECASE
    assert lazy.search("生产总值x亿元").group() == "生产总值x"
    assert lazy.compiled().flags & re.IGNORECASE


def test_after_first_use_the_compiled_methods_are_called_directly():
    lazy = lazy_pattern.compile(SOURCE)
    lazy.search(TEXT)
    compiled = lazy.compiled()
    assert lazy.finditer == compiled.finditer
    assert lazy.groupindex == compiled.groupindex


def _fresh(monkeypatch, tmp_path):
    """The program cache as a new run finds it, kept in ``tmp_path``."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(lazy_pattern, "_programs", None)


def test_a_cached_program_matches_as_re_compile_does(monkeypatch, tmp_path):
    sources = [(SOURCE, 0), (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0), (r"^qq[:：]\s*\d{5,11}$", re.I | re.M),
               (r"(?:本文|文档)(?:由|为)?[\u4e00-\u9fff]{2,8}(?:整理|提供)", 0)]
    _fresh(monkeypatch, tmp_path)
    first = [lazy_pattern.program(s, f) for s, f in sources]
    lazy_pattern.save()
    _fresh(monkeypatch, tmp_path)
    assert len(lazy_pattern._load()) == len(sources)  # read back from the file
    again = [lazy_pattern.program(s, f) for s, f in sources]
    texts = [TEXT, "2024年12月20日", "QQ：12345678\nqq: 1234", "本文由墨香文库整理提供，仅供参考。"]
    for (source, flags), a, b in zip(sources, first, again, strict=True):
        eager = re.compile(source, flags)
        assert (b.pattern, b.flags, b.groups, b.groupindex) == (eager.pattern, eager.flags, eager.groups,
                                                                  eager.groupindex)
        for text in texts:
            expected = [(m.span(), m.groups()) for m in eager.finditer(text)]
            assert [(m.span(), m.groups()) for m in b.finditer(text)] == expected
            assert [(m.span(), m.groups()) for m in a.finditer(text)] == expected


def test_a_damaged_or_foreign_cache_is_passed_over(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    lazy_pattern.program(SOURCE)
    lazy_pattern.save()
    [path] = list(tmp_path.rglob("patterns"))
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # one flipped byte: the checksum no longer matches
    path.write_bytes(bytes(raw))
    _fresh(monkeypatch, tmp_path)
    assert lazy_pattern._load() == {}
    assert lazy_pattern.program(SOURCE).search(TEXT).group() == "286.4亿元"
    monkeypatch.setattr(lazy_pattern, "_stamp", lambda: "another Python")
    monkeypatch.setattr(lazy_pattern, "_programs", None)
    assert lazy_pattern._load() == {}  # written by another Python build


def test_a_program_the_engine_refuses_is_compiled_afresh(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    lazy_pattern._load()[(SOURCE, 0)] = (0, [99999, 1, 2], 2, {}, (None, None, None))
    assert lazy_pattern.program(SOURCE).search(TEXT).groups() == ("286.4", "亿元")


def test_nothing_is_written_when_caching_is_off(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert lazy_pattern.program(r"\d+万元").search("投入300万元").group() == "300万元"
    lazy_pattern.save()
    assert not list(tmp_path.rglob("patterns"))


def test_a_bad_pattern_raises_as_re_compile_does(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    with pytest.raises(re.error):
        lazy_pattern.program(r"(unclosed")


def _plain_code(pattern: str, flags: int = 0) -> list[int]:
    import sys

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover
        import sre_compile as _compiler
        import sre_parse as _parser
    return [int(op) for op in _compiler._code(_parser.parse(pattern, flags), flags)]


_EVERY_BUILD = """
import glob, json, os, sys
from reportlint import lazy_pattern
from reportlint.api import lint_paths
built = []
real = lazy_pattern._build
lazy_pattern._build = lambda p, f: (built.append((p, f)), real(p, f))[1]
lint_paths(sorted(glob.glob(os.path.join(sys.argv[1], "fixtures", "*", "*.*")))[:80], jobs=1)
print(json.dumps([built, len(lazy_pattern._CHARSETS)]))
"""


def test_remembered_classes_give_the_programs_the_compiler_gives():
    # every pattern a lint of the fixtures builds in a fresh process, each class worked out
    # once per process, compiled as the compiler compiles it on its own
    import json
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "REPORTLINT_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", _EVERY_BUILD, ROOT], capture_output=True, text=True, env=env,
                         check=True).stdout
    built, remembered = json.loads(out)
    assert len(built) > 40 and remembered > 10
    for pattern, flags in built:
        assert list(lazy_pattern._build(pattern, flags)[1]) == _plain_code(pattern, flags), pattern


@pytest.mark.parametrize("pattern, flags", [
    (r"[㐀-䶿一-鿿豈-﫿]{1,2}（[㐀-䶿一-鿿豈-﫿]{1,4}）", 0),
    (r"[^㐀-䶿一-鿿]x[㐀-䶿一-鿿]", 0),
    (r"[a-zà-ÿ一-鿿]+", re.IGNORECASE),  # (case folding: not remembered)
    (r"[\w一-鿿]|[\d\s]|[^\W\d]", 0),
])
def test_a_class_met_again_is_compiled_as_the_first_time(pattern, flags):
    first = lazy_pattern._build(pattern, flags)
    assert lazy_pattern._build(pattern, flags) == first
    assert list(first[1]) == _plain_code(pattern, flags)
    assert lazy_pattern.program(pattern, flags).findall("县（区）长x一ÀÉ ab1") == \
        re.compile(pattern, flags).findall("县（区）长x一ÀÉ ab1")
