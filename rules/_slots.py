"""What the placeholder families share: where slots are looked for, and what kind of
value the words around a slot ask for (``X亿元``: an amount in 亿元; ``（填写完成时间）``:
a date), from ``data/placeholder_context.toml``.  Not a rule family."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Expectation, Rule
from reportlint.document import Block, Document
from reportlint.i18n import N_, Message, msg

from ._data import load_toml

LATIN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
DIGITS = frozenset("0123456789０１２３４５６７８９")

_EXPECT_LABELS = {
    "percentage": N_("a percentage"),
    "year": N_("a year"),
    "month": N_("a month"),
    "day": N_("a day"),
    "count": N_("a count of {unit}"),
    "place": N_("a place name ({unit})"),
    "organisation": N_("an organisation name ({unit})"),
    "person": N_("a person's name"),
    "project": N_("a project or item name"),
}


def candidates(doc: Document, *shapes: str, config=None):
    """Tokens of these shapes that can be slots: on the page, and not inside a sample the
    text shows (写作格式如下：××公司关于召开×××会议的通知…: a teaching text's example).
    With ``config``, not on a line of vendor text either: that line is reported whole
    (全套材料（述职/总结/讲话）打包价 is an advert, not a choice left open)."""
    found = []
    vendor = None
    for block, tok in doc.find(*shapes):
        if block.on_page and not in_sample(doc, block, tok):
            if config is not None:
                if vendor is None:
                    vendor = vendor_blocks(doc, config)
                if id(block) in vendor:
                    continue
            found.append((block, tok))
    return found


def in_sample(doc: Document, block: Block, tok) -> bool:
    """Is the token part of a sample the text shows rather than a slot left open?

    - after a cue in its paragraph (写作格式如下：××公司关于…);
    - in a paragraph under a line that ends with a cue and a colon (格式：, 例如：) and in the
      list items or quoted lines that go on from it (``> 兹证明我单位员工XXX…``);
    - in a writing guide (a text about 格式, 写法, 撰写 …), inside quotation marks after 如,
      例如, 书写, 写上 …: ``如“XX单位”“XX先生/女士”``, ``书写“申请人×××”``.
    """
    cued, blocks, guide = doc.memo("_samples", _samples, doc)
    if cued and tok.start > _sample_start(block.text):
        return True
    if id(block) in blocks:
        return True
    return guide and _quoted_specimen(block.text, tok.start)


def _samples(doc: Document) -> tuple[bool, frozenset[int], bool]:
    """What :func:`in_sample` asks of the whole document, worked out once: does a sample
    cue occur in it at all (most documents have none: then no paragraph need be searched
    for one), the blocks of samples under a cue line, and is it a writing guide."""
    text = doc.joined()[0]
    cued = any(cue in text for cue in context()["samples"]["cues"])
    return cued, _sample_blocks(doc), _count_guide_words(text) >= 2


def _sample_blocks(doc: Document) -> frozenset[int]:
    cues = tuple(context()["samples"]["line_cues"])
    found: set[int] = set()
    cue_line, in_sample = -10, False
    for block in doc.blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.kind == "heading":
            in_sample = False  # a heading ends a sample (and a code block the cue was for)
        elif block.line - cue_line <= 2:
            found.add(id(block))
            in_sample = True
        elif in_sample and text.startswith((">", "-", "*", "•", "·")):
            found.add(id(block))  # the sample's list items or quoted lines go on
        else:
            in_sample = False
        if text.endswith(("：", ":")) and text.rstrip("：:").endswith(cues):
            cue_line = block.line
    return frozenset(found)


def _count_guide_words(text: str) -> int:
    return sum(w in text for w in context()["samples"]["guide_words"])


def _quoted_specimen(text: str, index: int) -> bool:
    opening = _opening_quote(text, index)
    if opening < 0:
        return False
    # “XX单位”“XX先生/女士”, "张三"、"某某公司": walk back over the list of quoted examples
    while True:
        before = text[:opening].rstrip("、，, ")
        if not before.endswith(("”", '"')):
            break
        previous = _opening_quote(text, len(before) - 1)
        if previous < 0:
            break
        opening = previous
    return text[max(0, opening - 4) : opening].endswith(tuple(context()["samples"]["quote_cues"]))


def _opening_quote(text: str, index: int) -> int:
    """Where the quotation that ``index`` is inside opens (“…” or "…"), or -1."""
    curly = text.rfind("“", 0, index)
    if curly >= 0 and "”" not in text[curly:index]:
        return curly
    straight = text.rfind('"', 0, index)
    if straight >= 0 and text.count('"', 0, index) % 2 == 1:
        return straight
    return -1


def vendor_blocks(doc: Document, config) -> frozenset[int]:
    """The blocks (by id) the watermark rules take for vendor text."""
    from .watermarks import RULES, classify, glued

    if not any(config.enabled(rule) for rule in RULES):
        return frozenset()  # nobody reports the line: its slots are reported as slots
    # (a long paragraph with a pasted page counter is still a paragraph of the report, and
    # so are sentences of the report with a site's credit glued after them)
    return doc.memo("_vendor_block_ids", lambda: frozenset(
        id(v.block) for v in classify(doc, config) if v.code and len(v.block.text) <= 120 and not glued(v)
    ))


@lru_cache(maxsize=4096)
def _sample_start(text: str) -> int:
    """Where a sample begins in a paragraph (after 格式如下：), or past its end."""
    positions = [text.find(cue) for cue in context()["samples"]["cues"]]
    return min((p for p in positions if p >= 0), default=len(text) + 1)


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=1)
def context() -> dict:
    return load_toml("placeholder_context.toml")


@lru_cache(maxsize=1)
def _expect_pattern() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {word: kind for kind, words in context()["expects"].items() for word in words}
    words = sorted(kinds, key=len, reverse=True)
    return lazy_pattern.program("|".join(map(re.escape, words))), kinds


# The context kinds of data/placeholder_context.toml as the stable kinds of Expectation.
_KIND_IDS = {
    "amount": "amount", "percentage": "percent", "year": "date", "month": "date", "day": "date",
    "count": "count", "place": "place", "organisation": "name", "person": "person", "project": "name",
}


@lru_cache(maxsize=4096)  # (a slot's context is asked for by several checks, then its finding)
def _context_word(text: str, end: int) -> tuple[str, str] | None:
    """(context kind, word) of the words after ``end``; ("quote", "") before a closing quote."""
    rest = text[end : end + 6].lstrip(" \u3000")
    if rest and rest[0] in "”\"’」』":
        return "quote", ""
    pattern, kinds = _expect_pattern()
    m = pattern.match(rest)
    if m is None:
        return None
    return kinds[m.group()], m.group()


def expectation(text: str, end: int) -> Expectation | None:
    """What kind of value the words after ``end`` ask for, as structured data, or None."""
    found = _context_word(text, end)
    return None if found is None else _expectation(*found)


@cache  # (a few dozen context words: one record each, shared by their slots)
def _expectation(kind: str, word: str) -> Expectation:
    if kind == "quote":
        return Expectation("name")
    # Units say how to write the value (亿元, 个, 年) and suffixes what it names (村, 公司);
    # for a percentage or a person the kind says it all.
    unit = word if kind in ("amount", "count", "year", "month", "day", "place", "organisation") else None
    return Expectation(_KIND_IDS[kind], unit)


def expected_value(text: str, end: int) -> Message | None:
    """What kind of value the words after ``end`` ask for, as a phrase, or None."""
    found = _context_word(text, end)
    return None if found is None else _expected_phrase(*found)


@cache
def _expected_phrase(kind: str, word: str) -> Message:
    if kind == "quote":
        return msg("a name or slogan")
    if kind == "amount":
        return msg("an amount in {unit}", unit=word) if word.endswith("元") else msg("an amount")
    return Message(_EXPECT_LABELS[kind], unit=word)


def value_slot(rule: Rule, block: Block, tok) -> Diagnostic:
    """The finding for a run that stands where a value belongs (X亿元, ○○家): what value,
    from the words after it."""
    message, expects = _slot_message(tok.text, _context_word(block.text, tok.end))
    return rule.diagnostic(block, tok.start, tok.end, message, expects=expects)


@lru_cache(maxsize=4096)
def _slot_message(slot: str, context_word: tuple[str, str] | None) -> tuple[Message, Expectation]:
    """The message and expectation of a value slot (one pair for each slot text and context
    word: a template's hundreds of X亿元 share them, and they travel between processes once)."""
    if context_word is None:
        return msg("unfilled template slot '{slot}': expected {expects}", slot=slot, expects=msg("a value")), \
            Expectation("text")
    return (
        msg("unfilled template slot '{slot}': expected {expects}", slot=slot, expects=_expected_phrase(*context_word)),
        _expectation(*context_word),
    )


def prompt_expectation(prompt: str) -> Expectation:
    """The kind of value a bracketed prompt asks for (（填写完成时间）: a date), from the
    words it is written with; free text when none says."""
    for kind, words in context()["prompt_kinds"].items():
        if any(w in prompt.lower() for w in words):
            return Expectation(kind)
    return Expectation("text")


def examples(passing: Iterable[str], failing: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True, m) for t, m in failing)


