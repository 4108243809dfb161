"""Glyph slots: ○ 〇 △ □ written where a value belongs, as other templates write X
(category ``placeholder``).

RL114 glyph-slot (error)
    A run of one of ○ 〇 ◯ △ □ standing where a value belongs: ``○○市``, ``增长○.○%``,
    ``〇〇乡〇〇小学``, ``△.△△亿元``, ``□□县``, ``第○○届``, a table cell ``| △△ |``.
    One finding per run; ``match`` is the run.

    Decision procedure, in order (the first that applies decides):

    1. The document explains the glyph as a symbol: it quotes the glyph alone (``以“□”标示
       缺字``, ``“△”表示增减量``) in a sentence that does not ask for it to be filled in.
       No run of that glyph is a slot anywhere in the document (an inscription's missing
       characters ``明故□□府君``, a table's legend).
    2. 〇 next to a Chinese numeral (``二〇二四年``, ``一〇〇``): a digit of a number.
    3. More than five glyphs (``□□□□□□`` boxes for a code to be written in by hand), a
       line of glyphs only (a separator), or a run touching another symbol (``●●●●○`` a
       rating, ``○●`` a legend): not a slot.
    4. A single glyph is a slot only between a Chinese character and a unit, counter or
       percent sign (``实验室○家``, ``教学班〇个``): a bullet (``○ 实施…``), a check box
       (``□是　□否``) or a table column's sign (``| △ |``) is not.
    5. Otherwise a run of two or more glyphs (or with a decimal point) is a slot.

    The message names what belongs there, as for X slots.

    PASS: 二〇二四年一月十二日 | ○ 实施高新技术企业倍增计划 | 是否同意：□同意　□不同意 | 评级为●●●●○（四星）
    FAIL: 全市研发投入达到○○亿元，同比增长○.○% | 〇〇乡〇〇小学现有教学班〇个 | □□县应急管理局
    PASS::

        释文按惯例以“□”标示缺字。
        志盖题“明故□□府君墓志铭”。
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Document
from reportlint.tokens import Token

from ._slots import candidates, examples, expectation, is_han, value_slot

CATEGORY = "placeholder"
MAX_RUN = 5  # glyphs, not counting a decimal point

# Chinese numerals: 〇 among them is a digit (二〇二四, 一〇〇).
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")
# Symbols of ratings, legends and check lists that a glyph run may touch.
_SYMBOLS = frozenset("○〇◯△□●◎◉★☆◆◇■▲▼▽▷◁◀▶☐☑☒√✓✔×")
_SEPARATOR_CHARS = " \t\u3000-—=*·.．○〇◯△□"
# A glyph quoted on its own: “□”, "△", 「○」.
_QUOTED = lazy_pattern.compile(r"[“\"‘「『]([○〇◯△□])[”\"’」』]")
# Words of a sentence that asks for the quoted glyph to be replaced (“○○”处填写实际数字).
_FILL_WORDS = ("填", "替换", "补充", "改为", "修改", "换成")
_UNIT_KINDS = ("amount", "percent", "count", "date")


def _symbol_glyphs(doc: Document) -> frozenset[str]:
    """Glyphs the document explains as symbols (rule 1)."""
    found = set()
    for block in doc.blocks:
        if any(g in block.text for g in "○〇◯△□"):
            for m in _QUOTED.finditer(block.text):
                sentence = _sentence(block.text, m.start())
                if not any(w in sentence for w in _FILL_WORDS):
                    found.add(m.group(1))
    return frozenset(found)


def _sentence(text: str, index: int) -> str:
    start = max(text.rfind(mark, 0, index) for mark in "。；！？\n") + 1
    ends = [e for e in (text.find(mark, index) for mark in "。；！？\n") if e >= 0]
    return text[start : min(ends, default=len(text))]


def is_glyph_slot(text: str, tok: Token, symbols: frozenset[str] = frozenset()) -> bool:
    """The decision procedure of RL114 (see the module docstring)."""
    glyph = tok.text[0]
    before = text[tok.start - 1] if tok.start > 0 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    if glyph in symbols:
        return False
    if glyph == "〇" and (before in _NUMERALS or after in _NUMERALS):
        return False
    if len(tok.text.replace(".", "").replace("．", "")) > MAX_RUN or before in _SYMBOLS or after in _SYMBOLS:
        return False
    if not text.strip(_SEPARATOR_CHARS):
        return False  # a line of glyphs: a separator
    if len(tok.text) == 1:
        expects = expectation(text, tok.end)
        return is_han(before) and expects is not None and expects.kind in _UNIT_KINDS
    return True


def _glyph_slots(doc: Document, config) -> Iterator[Diagnostic]:
    found = candidates(doc, "glyph", config=config)
    if not found:
        return
    symbols = _symbol_glyphs(doc)
    for block, tok in found:
        if is_glyph_slot(block.text, tok, symbols):
            yield value_slot(GLYPH_SLOT, block, tok)


GLYPH_SLOT = Rule(
    "RL114", "glyph-slot", CATEGORY, "error", "Run of ○/〇/△/□ left where a value belongs", _glyph_slots,
    examples(
        ["二〇二四年一月十二日", "○ 实施高新技术企业倍增计划", "是否同意：□同意　□不同意", "评级为●●●●○（四星）"],
        [("全市研发投入达到○○亿元，同比增长○.○%", ("○○", "○.○")),
         ("〇〇乡〇〇小学现有教学班〇个", ("〇〇", "〇〇", "〇")), ("□□县应急管理局", ("□□",))],
    ) + (Example("释文按惯例以“□”标示缺字。\n志盖题“明故□□府君墓志铭”。", False),),
)

RULES = (GLYPH_SLOT,)
