"""Choice rules: either/or alternatives the writer was meant to resolve (category ``placeholder``).

RL110 unresolved-choice (error)
    A template offers alternatives and the writer kept both: ``县（区）长``,
    ``本局（委、办）``, ``他（她）``, ``先生/女士``.  The parenthesis holds
    alternatives of the same kind as the word before it (administrative units or
    bodies: 县 市 区 州 镇 乡 局 委 办 厅 …).  ``match`` is the word plus the
    parenthesis, without a determiner (``县（区）``, ``局（委、办）``).

    Also alternatives offered in brackets: ``（接受/不接受）``, ``（较强/一般/较弱）``,
    ``【符合/基本符合/不符合】`` (``match`` is the whole bracket), unless the sentence describes
    the levels of a variable in a study (``因素A为钝化剂（施用/不施用）``); for and against joined by a slash
    (``同意/不同意``, ``全部采纳/部分采纳``, ``已完成/未完成``); and opposite directions with a
    value after them (``较上季度上升/下降X.X个百分点``; ``表示上升/下降`` is a legend).  English
    pairs (``his/her``, ``He/She``) only on a line with another slot of the template
    (``[Student Name]``): elsewhere they are house style.  Units that official text also
    pairs as one name (团体（单位）, 社（集团）) are a choice only after 本/我/该.

    Nothing on a line of vendor text is a slot (``全套材料（述职/总结/讲话）打包价``): the
    watermark rules report the line whole.  The same holds for the other placeholder rules.

    Not a finding: plural enumerations that address several units at once
    (``各县（市、区）``, ``全市8个县（区）``, ``有关乡（镇）``, ``分县（市、区）数据``, and the
    same pair elsewhere in a document that enumerates with it: ``由属地县（市、区）汇总``), the
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
from collections.abc import Callable, Iterator
from functools import lru_cache

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Expectation, Rule
from reportlint.document import Document
from reportlint.i18n import msg
from reportlint.tokens import SLOT_CHARS

from ._data import load_toml
from ._script import simplified_view
from ._slots import in_sample, vendor_blocks

CATEGORY = "placeholder"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_toml("choices.toml")


def _alternatives(inner: str) -> list[str]:
    for sep in "，,/":
        inner = inner.replace(sep, "、")
    return [p for p in inner.split("、") if p]


def _unit_base(text: str, start: int, end: int) -> int | None:
    """Where the unit before a parenthesis of units starts (县 in 全县（区）), or None if the
    parenthesis does not hold alternative units."""
    units = set(_vocab()["units"])
    open_at = text.index("（", start)
    alternatives = _alternatives(text[open_at + 1 : end - 1])
    if not all(a in units for a in alternatives):
        return None
    if text[start:open_at] in units:
        return start
    if text[open_at - 1] in units:
        return open_at - 1
    return None


def _determined(text: str, base_start: int, end: int) -> bool:
    """本局（委）, 我镇（街道）, XX镇（街道）, 镇（乡）长: one body, the writer's own or one office."""
    vocab = _vocab()
    head = text[max(0, base_start - 4) : base_start]
    if head[-1:] and head[-1] in SLOT_CHARS:
        return True  # 本人自任XX镇（街道）党委副书记: the template's own unit, its name a slot
    return head.endswith(tuple(vocab["determiners"])) or text.startswith(tuple(vocab["offices"]), end)


_OWN_ORGANS = lazy_pattern.compile(r"）(?:党委|纪委|人大|政协|政府|委)$")


def _generic(text: str, base_start: int, end: int) -> bool:
    """A plural enumeration or a tier's name, not a choice: 各县（市、区）, 8个县（区）, 村（社区）,
    乡镇（街道）、村（社区）."""
    vocab = _vocab()
    head = text[max(0, base_start - 4) : base_start]
    if any(head.endswith(w) for w in vocab["plural_before"]):
        return True
    if text[base_start:end] in vocab["tiers"] and not _determined(text, base_start, end):
        return True
    open_at = text.index("（", base_start)
    words = {text[base_start:open_at], *_alternatives(text[open_at + 1 : end - 1])}
    if not words.isdisjoint(vocab["determined_only"]) and not _determined(text, base_start, end):
        return True
    prev = head[-1:] if head else ""
    if prev and (prev.isdigit() or prev in "一二三四五六七八九十两几"):
        return True
    if prev == "、" and "、" not in text[base_start:end] and _OWN_ORGANS.search(text, 0, base_start - 1) and \
            text[: base_start - 1].rstrip("委政府人大协党纪").endswith(text[base_start:end]):
        return False  # 县（区）委、县（区）政府: one county's organs, the choice made twice
    return text[end : end + 1] == "、" or (prev == "、" and "（" in text[max(0, base_start - 12) : base_start])


def unresolved_unit(text: str, start: int, end: int) -> int | None:
    """Where the unresolved choice starts (dropping a determiner), or None if the
    parenthesis is not a choice between units."""
    base_start = _unit_base(text, start, end)
    if base_start is None or _generic(text, base_start, end):
        return None
    return base_start


def _generic_units(doc: Document, view: Callable[[str], str]) -> set[str]:
    """Unit pairs the document uses as plural enumerations somewhere (各县（市、区）): then it
    uses them so elsewhere too (由属地县（市、区）汇总), unless with a determiner.  (Each
    text as ``view`` gives it.)"""
    found = set()
    for block, tok in doc.find("unit"):
        text = view(block.text)
        base_start = _unit_base(text, tok.start, tok.end)
        if base_start is not None and _generic(text, base_start, tok.end):
            found.add(text[base_start : tok.end])
    return found


def _options(bracket: str) -> bool:
    """（接受/不接受）, [Green / Amber / Red]: short alternatives, not a fraction (1/2), a path,
    a ratio with its value (（性别比男/女＝1.42）） or a unit per unit (（万元/人））."""
    parts = [p.strip() for p in bracket[1:-1].replace("／", "/").split("/")]
    if all(p in _vocab()["per_units"] for p in parts):
        return False
    if bracket[0] == "[":  # English options: words, each capitalised (a Markdown link is not;
        # [MISSION/FOCUS] in capitals is one stand-in, a prompt), or any parts set off by
        # spaced slashes ([1 / 2 / 3 / 4 / 5], [well / satisfactorily / poorly])
        if " / " in bracket and all(p and len(p.split()) <= 5 for p in parts):
            return True
        return all(p[:1].isupper() and p.replace(" ", "").isalpha() and not p.isupper() for p in parts)
    return all(p and not p.isascii() and not any(c.isdigit() or c in "=＝:：" for c in p) for p in parts)


def _ratio(text: str, end: int) -> bool:
    """男/女＝1.42, 男/女比例: a ratio of the two, not a choice between them."""
    after = text[end : end + 2].lstrip(" ")
    return after[:1] in ("=", "＝") or after[:1].isdigit() or after.startswith(("比", "之比"))


def _opposite(text: str, tok) -> tuple[int, int] | None:
    """The span of 上升/下降 inside a slash token when a value follows it (a digit or an X)."""
    slash = tok.text.replace("／", "/")
    for pair in _vocab()["opposites"]:
        at = slash.find(pair)
        if at < 0:
            continue
        start, end = tok.start + at, tok.start + at + len(pair)
        after = text[end : end + 3].lstrip(" ")
        if after[:1].isdigit() or after[:1] in SLOT_CHARS:
            return start, end
    return None


def _levels(text: str, start: int) -> bool:
    """因素A为钝化剂（施用/不施用）: alternatives naming the levels of a variable in a study."""
    sentence = text[: start].rsplit("。", 1)[-1].rsplit("；", 1)[-1]
    return any(w in sentence for w in _vocab()["levels_context"])


# A template's other slots in English text: [Student Name], <Class>, {{name}}, ${name}, «Name».
_ENGLISH_SLOT = lazy_pattern.compile(
    r"\[[A-Z][A-Za-z .'/-]{1,40}\](?![(:\[])|<[A-Z][A-Za-z ./-]{1,30}>|\{\{[^{}\n]+\}\}|\$\{\w+\}|«\w+»"
)


def _english_template(doc: Document) -> bool:
    """Has the text other slots of an English template ([Student Name], <Class>, {{name}})?"""
    return doc.memo("_english_template", lambda: _ENGLISH_SLOT.search(doc.joined()[0]) is not None)


def _choices(doc: Document, config) -> Iterator[Diagnostic]:
    reported: dict[int, list[tuple[int, int]]] = {}
    generic: set[str] | None = None
    found = doc.find("options", "unit", "pronoun", "polar", "slash")
    vendor = vendor_blocks(doc, config) if found else frozenset()
    view = simplified_view(doc)
    for block, tok in found:
        if not block.on_page or id(block) in vendor or in_sample(doc, block, tok):
            continue
        spans = reported.setdefault(id(block), [])
        if any(s < tok.end and tok.start < e for s, e in spans):
            continue  # 接受/不接受 inside （接受/不接受）, reported whole
        text = view(block.text)  # (縣（區） is weighed as 县（区）; reported as written)
        tok = tok._replace(text=text[tok.start : tok.end])
        start, end = tok.start, tok.end
        if tok.shape == "slash":
            span = _opposite(text, tok)
            if span is None:
                continue
            start, end = span
        elif tok.shape == "unit":
            start = unresolved_unit(text, tok.start, tok.end)
            if start is None:
                continue
            if generic is None:
                generic = _generic_units(doc, view)
            if text[start : tok.end] in generic and not _determined(text, start, tok.end):
                continue
        elif tok.shape == "options" and (not _options(tok.text) or _levels(text, tok.start)):
            continue
        elif tok.shape in ("pronoun", "polar") and _ratio(text, tok.end):
            continue
        elif tok.shape == "pronoun" and tok.text.isascii() and not _english_template(doc):
            continue  # his/her in a policy is house style; beside [Student Name] it is a template's
        if tok.shape == "polar" and _levels(text, tok.start):
            continue
        match = block.text[start:end]
        spans.append((start, end))
        yield UNRESOLVED_CHOICE.diagnostic(
            block, start, end, msg("unresolved choice '{match}': keep one alternative", match=match),
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
