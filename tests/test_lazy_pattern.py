"""Patterns compiled on first use behave as re.compile's."""

from __future__ import annotations

import re

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
