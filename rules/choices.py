"""Choice rules: either/or alternatives the writer was meant to resolve (category ``placeholder``).

RL110 unresolved-choice (error)
    A template offers alternatives and the writer kept both: ``县（区）长``,
    ``本局（委、办）``, ``他（她）``, ``先生/女士``.  The parenthesis holds
    alternatives of the same kind as the word before it (administrative units or
    bodies: 县 市 区 州 镇 乡 局 委 办 厅 …).  ``match`` is the word plus the
    parenthesis, without a determiner (``县（区）``, ``局（委、办）``).

    Not a finding: plural enumerations that address several units at once
    (``各县（市、区）``, ``全市8个县（区）``, ``有关乡（镇）``), and parentheses holding
    something other than alternatives (``通沥青（水泥）路``).

    PASS: 各县（市、区）人民政府 | 全市8个县（区）全部完成 | 实现通沥青（水泥）路
    FAIL: 县（区）长2020年度述职述廉述效报告 | 本局（委、办）认真落实 | 他（她）热爱本职工作
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Document

from ._data import load_toml

CATEGORY = "placeholder"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_toml("choices.toml")


def _alternatives(inner: str) -> list[str]:
    for sep in "，,/":
        inner = inner.replace(sep, "、")
    return [p for p in inner.split("、") if p]


def is_unresolved_unit(text: str, start: int, end: int) -> bool:
    vocab = _vocab()
    units = set(vocab["units"])
    base = text[start]
    alternatives = _alternatives(text[start + 2 : end - 1])
    if base not in units or not all(a in units for a in alternatives):
        return False
    head = text[max(0, start - 4) : start]
    if any(head.endswith(w) for w in vocab["plural_before"]):
        return False
    prev = head[-1:] if head else ""
    if prev and (prev.isdigit() or prev in "一二三四五六七八九十两几"):
        return False
    return True


def _choices(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in doc.find("unit", "pronoun"):
        if tok.shape == "unit" and not is_unresolved_unit(block.text, tok.start, tok.end):
            continue
        yield UNRESOLVED_CHOICE.diagnostic(
            block, tok.start, tok.end, f"unresolved choice '{tok.text}': keep one alternative"
        )


UNRESOLVED_CHOICE = Rule(
    "RL110", "unresolved-choice", CATEGORY, "error", "Either/or alternatives left unresolved", _choices,
    tuple(Example(t, False) for t in ["各县（市、区）人民政府", "全市8个县（区）全部完成", "实现通沥青（水泥）路"])
    + (
        Example("县（区）长2020年度述职述廉述效报告", True, ("县（区）",)),
        Example("本局（委、办）认真落实", True, ("局（委、办）",)),
        Example("他（她）热爱本职工作", True, ("他（她）",)),
    ),
)

RULES = (UNRESOLVED_CHOICE,)
