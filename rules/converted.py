"""Converted copies: text taken from a page that rewrote it (category ``watermark``).

RL205 converted-copy (warning, opt-in: ``--select RL205``)
    Characters annotated with their pinyin in brackets, as content farms publish converted
    copies of reports to defeat search engines' duplicate checks: ``總結(jié)``,
    ``經(jīng)濟(jì)``.  A report pasted from such a page carries them throughout, so the
    finding is made once, at the first annotation, with the number found; the fix is to
    take the text from a clean source.  ``match`` is the first annotated character with
    its annotation.

    An annotation counts only straight after a Chinese character and with a tone mark
    (``(jié)``), or, without tone marks (``文(wen)章(zhang)``), when it is a pinyin syllable and
    the text has at least five such: a reading note in a textbook (``拼音：jié``) or an English
    word in brackets is not one.  A document with one or two such notes is a language lesson,
    not a copy: the finding needs at least three.  Opt-in: the rest of such a copy is often the report
    the writer wanted, and the vendor rules already report the site's own lines.

    PASS: 本报告中“结（jié）”字的读音为第二声。 | 全县完成生产总值221.2亿元。
    FAIL: 工作總結(jié)是開展部門考核評(píng)價(jià)的參考內(nèi)容。
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Document
from reportlint.i18n import msg

CATEGORY = "watermark"
MIN_ANNOTATIONS = 3

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A Chinese character, then its pinyin in ASCII brackets with at least one tone mark.
_ANNOTATED = lazy_pattern.compile(rf"[\u4e00-\u9fff]\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
# A pinyin syllable without tone marks in brackets after a character: 文(wen)章(zhang).
_TONELESS = lazy_pattern.compile(
    r"[\u4e00-\u9fff]\((?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|ve|a|o|e|i|u|v)\)"
)
MIN_TONELESS = 5


def _converted(doc: Document, config) -> Iterator[Diagnostic]:
    if not any("(" in b.text for b in doc.blocks):
        return
    found = [(b, m) for b in doc.blocks if b.on_page and "(" in b.text for m in _ANNOTATED.finditer(b.text)]
    if len(found) < MIN_ANNOTATIONS:
        toneless = [(b, m) for b in doc.blocks if b.on_page and "(" in b.text for m in _TONELESS.finditer(b.text)]
        if len(toneless) < MIN_TONELESS or len({m.group()[2:] for _b, m in toneless}) < 3:
            return
        found = toneless
    block, m = found[0]
    count = len(found)
    yield CONVERTED_COPY.diagnostic(
        block, m.start(), m.end(),
        msg("copied from a converted page: {count} characters carry their pinyin, such as '{match}'; "
            "take the text from a clean source", count=count, match=m.group()),
    )


CONVERTED_COPY = Rule(
    "RL205", "converted-copy", CATEGORY, "warning",
    "Text copied from a page that annotates characters with pinyin (opt-in)", _converted,
    opt_in=True,
    examples=(
        Example("本报告中“结（jié）”字的读音为第二声。", False),
        Example("全县完成生产总值221.2亿元。", False),
        Example("工作總結(jié)是開展部門考核評(píng)價(jià)的參考內(nèi)容。", True, ("結(jié)",)),
    ),
)

RULES = (CONVERTED_COPY,)
