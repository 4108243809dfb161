"""The outline of a report: its numbered headings, as a reader of the page sees them.

GB/T 9704-2012 §7.3.3 orders the markers 一、 → （一） → 1. → （1）, and GB/T
15834-2011 adds ① as a fifth level.  A marker is recognised at the start of a
block (a paragraph or a line), whatever punctuation follows it, so rules can
also check that punctuation.  Not markers: decimals (``1.5倍``), dates
(``2024.1``), abbreviated lists (``一、二班``), table cells, and the lines of a
table of contents or an attachment list.
"""

from __future__ import annotations

import re

from . import lazy_pattern
from .document import CELL, Block, Document
from .records import NamedTuple

_CN = "一二三四五六七八九十百零〇两"
_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# kind -> (level, pattern); the pattern's group 1 is the number, group 2 what follows it.
_KINDS = (
    ("bracket-cn", 2, lazy_pattern.compile(rf"^[ \t\u3000]*[（(]([{_CN}]{{1,4}})[）)]([、.．，,:：]?)")),
    ("bracket-arabic", 4, lazy_pattern.compile(r"^[ \t\u3000]*[（(](\d{1,3})[）)]([、.．，,:：]?)")),
    ("cn", 1, lazy_pattern.compile(rf"^[ \t\u3000]*([{_CN}]{{1,4}})([、.．，,:：])(?![{_CN}][、班年月级])")),
    ("arabic", 3, lazy_pattern.compile(r"^[ \t\u3000]*(\d{1,3})([.．、，,:：])(?![\d.．])")),
    ("circled", 5, lazy_pattern.compile(rf"^[ \t\u3000]*([{_CIRCLED}])([、.．，,:：]?)")),
)
# The punctuation each kind takes (GB/T 15834-2011 4.5.3.3 and practice; see the reference).
CORRECT = {"cn": ("、",), "bracket-cn": ("",), "arabic": (".", "．"), "bracket-arabic": ("",), "circled": ("",)}
# (a line without 录 or 件 is neither: a cheap test before these two, tried on every line)
_TOC = lazy_pattern.compile(r"^[ \t\u3000]*目\s*录\s*$")
_ATTACHMENTS = lazy_pattern.compile(r"^[ \t\u3000]*附\s*件[:：]?")


def chinese_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十一 -> 21, 一百零五 -> 105."""
    if not text or any(ch not in _CN for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_VALUE[ch]
    return total + current


class Marker(NamedTuple):
    block: Block
    kind: str
    level: int
    value: int
    start: int  # offset of the marker in the block text
    end: int  # offset after the marker and its punctuation
    text: str  # the marker as written, with its punctuation
    punctuation: str

    @property
    def title(self) -> str:
        """The heading text after the marker, up to the first full stop."""
        rest = self.block.text[self.end :]
        return re.split(r"[。！？]", rest, maxsplit=1)[0].strip()


_MARKER_START = frozenset(_CN + _CIRCLED + "0123456789（(")


def find_marker(block: Block) -> Marker | None:
    text = block.text
    if text[:1] not in _MARKER_START and text.lstrip(" \t\u3000")[:1] not in _MARKER_START:
        return None
    for kind, level, pattern in _KINDS:
        m = pattern.match(text)
        if m is None:
            continue
        raw = m.group(1)
        value = chinese_value(raw) if kind in ("cn", "bracket-cn") else (
            _CIRCLED.index(raw) + 1 if kind == "circled" else int(raw)
        )
        if not value:
            continue
        if kind == "arabic" and m.group(2) in (".", "．") and text[m.end() : m.end() + 1].isdigit():
            continue
        return Marker(block, kind, level, value, m.start(1) - (1 if kind.startswith("bracket") else 0),
                      m.end(), m.group(0).strip(), m.group(2))
    return None


def outline(doc: Document) -> list[Marker]:
    """Markers of the body's numbered headings, in order (cached per document)."""
    return doc.memo("_outline", lambda: _markers(doc))


def _markers(doc: Document) -> list[Marker]:
    markers: list[Marker] = []
    skipping = False
    for block in doc.blocks:
        if block.part != "body" or block.kind == CELL or "hidden" in block.flags:
            continue
        if ("录" in block.text or "件" in block.text) and (_TOC.match(block.text) or _ATTACHMENTS.match(block.text)):
            skipping = True  # a contents list or an attachment list runs to the next level-1 heading
            continue
        text = block.text
        if text[:1] not in _MARKER_START and text.lstrip(" \t\u3000")[:1] not in _MARKER_START:
            continue  # (find_marker's own first test, here to spare a call for most lines)
        marker = find_marker(block)
        if marker is None:
            continue
        if skipping and (_is_toc_entry(block.text) or not (marker.kind == "cn" and len(block.text) > 4)):
            continue
        skipping = False
        markers.append(marker)
    return markers


def _is_toc_entry(text: str) -> bool:
    return bool(re.search(r"(?:[.·]{3,}|…+|\t+| {2,})\s*\d+\s*$", text))
