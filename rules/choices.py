"""Choice rules: either/or alternatives the writer was meant to resolve (category ``placeholder``).

RL110 unresolved-choice (error)
    A template offers alternatives and the writer kept both: ``县（区）长``,
    ``本局（委、办）``, ``他（她）``, ``先生/女士``.  The parenthesis holds
    alternatives of the same kind as the word before it (administrative units or
    bodies: 县 市 区 州 镇 乡 局 委 办 厅 …).  ``match`` is the word plus the
    parenthesis, without a determiner (``县（区）``, ``局（委、办）``).

    Also alternatives offered in brackets: ``（接受/不接受）``, ``（较强/一般/较弱）``
    (``match`` is the whole bracket).

    Not a finding: plural enumerations that address several units at once
    (``各县（市、区）``, ``全市8个县（区）``, ``有关乡（镇）``, ``分县（市、区）数据``), the
    standard tiers official text names with their alternative (``村（社区）``, ``乡镇（街道）``;
    after 本/我/该 or as one office they are a choice: ``本街道（镇）``, ``镇（乡）长``), and parentheses holding
    something other than alternatives (``通沥青（水泥）路``), and categories listed
    side by side (``实现乡镇（街道）、村（社区）全覆盖``).

    PASS: 各县（市、区）人民政府 | 全市8个县（区）全部完成 | 实现通沥青（水泥）路
    PASS: 实现乡镇（街道）、村（社区）全覆盖
    FAIL: 县（区）长2020年度述职述廉述效报告 | 本局（委、办）认真落实 | 他（她）热爱本职工作
    FAIL: 在我公司（集团）党委领导下 | 偿债能力（较强/一般/较弱）
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reportlint.diagnostics import Diagnostic, Example, Expectation, Rule
from reportlint.document import Document
from reportlint.i18n import msg

from ._data import load_toml

CATEGORY = "placeholder"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_toml("choices.toml")


def _alternatives(inner: str) -> list[str]:
    for sep in "，,/":
        inner = inner.replace(sep, "、")
    return [p for p in inner.split("、") if p]


def unresolved_unit(text: str, start: int, end: int) -> int | None:
    """Where the unresolved choice starts (dropping a determiner), or None if the
    parenthesis is not a choice between units."""
    vocab = _vocab()
    units = set(vocab["units"])
    open_at = text.index("（", start)
    alternatives = _alternatives(text[open_at + 1 : end - 1])
    if not all(a in units for a in alternatives):
        return None
    if text[start:open_at] in units:
        base_start = start
    elif text[open_at - 1] in units:
        base_start = open_at - 1
    else:
        return None
    head = text[max(0, base_start - 4) : base_start]
    if any(head.endswith(w) for w in vocab["plural_before"]):
        return None
    if text[base_start:end] in vocab["tiers"] and not head.endswith(tuple(vocab["determiners"])) \
            and not text.startswith(tuple(vocab["offices"]), end):
        return None  # 村（社区）: the name of a tier, not a choice (but 镇（乡）长 is one office)
    prev = head[-1:] if head else ""
    if prev and (prev.isdigit() or prev in "一二三四五六七八九十两几"):
        return None
    # 乡镇（街道）、村（社区）: categories listed side by side, not a choice
    if text[end : end + 1] == "、" or (prev == "、" and "（" in text[max(0, base_start - 12) : base_start]):
        return None
    return base_start


def _options(inner: str) -> bool:
    """（接受/不接受）: short alternatives, not a fraction (1/2), a path or a ratio with its
    value (（性别比男/女＝1.42））."""
    parts = [p.strip() for p in inner.replace("／", "/").split("/")]
    return all(p and not p.isascii() and not any(c.isdigit() or c in "=＝:：" for c in p) for p in parts)


def _ratio(text: str, end: int) -> bool:
    """男/女＝1.42, 男/女比例: a ratio of the two, not a choice between them."""
    after = text[end : end + 2].lstrip(" ")
    return after[:1] in ("=", "＝") or after[:1].isdigit() or after.startswith(("比", "之比"))


def _choices(doc: Document, config) -> Iterator[Diagnostic]:
    reported: dict[int, list[tuple[int, int]]] = {}
    for block, tok in doc.find("options", "unit", "pronoun", "polar"):
        if not block.on_page:
            continue
        spans = reported.setdefault(id(block), [])
        if any(s <= tok.start and tok.end <= e for s, e in spans):
            continue  # 接受/不接受 inside （接受/不接受）, reported whole
        start = tok.start
        if tok.shape == "unit":
            start = unresolved_unit(block.text, tok.start, tok.end)
            if start is None:
                continue
        elif tok.shape == "options" and not _options(tok.text[1:-1]):
            continue
        elif tok.shape in ("pronoun", "polar") and _ratio(block.text, tok.end):
            continue
        match = block.text[start : tok.end]
        spans.append((start, tok.end))
        yield UNRESOLVED_CHOICE.diagnostic(
            block, start, tok.end, msg("unresolved choice '{match}': keep one alternative", match=match),
            expects=Expectation("choice", options=choice_options(match)),
        )


def choice_options(match: str) -> tuple[str, ...]:
    """The alternatives of a choice: 县（区） -> 县, 区; （较强/一般/较弱） -> 较强, 一般, 较弱;
    同意/不同意 -> 同意, 不同意."""
    if "（" not in match:
        return tuple(p for p in re.split("[/／]", match) if p)
    base, _, inner = match.partition("（")
    inner = inner.rstrip("）")
    parts = [p.strip() for p in re.split("[、/／,，]", inner) if p.strip()]
    return tuple(([base] if base else []) + parts)


UNRESOLVED_CHOICE = Rule(
    "RL110", "unresolved-choice", CATEGORY, "error", "Either/or alternatives left unresolved", _choices,
    tuple(
        Example(t, False)
        for t in [
            "各县（市、区）人民政府",
            "全市8个县（区）全部完成",
            "实现通沥青（水泥）路",
            "实现乡镇（街道）、村（社区）全覆盖",
        ]
    )
    + (
        Example("县（区）长2020年度述职述廉述效报告", True, ("县（区）",)),
        Example("本局（委、办）认真落实", True, ("局（委、办）",)),
        Example("他（她）热爱本职工作", True, ("他（她）",)),
        Example("在我公司（集团）党委领导下", True, ("公司（集团）",)),
        Example("偿债能力（较强/一般/较弱）", True, ("（较强/一般/较弱）",)),
    ),
)

RULES = (UNRESOLVED_CHOICE,)
