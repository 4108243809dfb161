"""Word's automatic numbering: the "一、", "（一）", "1." Word draws from numbering.xml.

The number is not in the text runs; Word computes it from the paragraph's
``w:numPr`` (directly or through its style), the level's ``w:lvlText`` and
``w:numFmt``, and counters that run through the document.  The reader puts the
rendered number in front of the paragraph text so outline rules see what a
reader of the page sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .ooxml import attr as _attr
from .ooxml import child as _child
from .ooxml import local as _local

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"





def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 105 -> 一百零五 (GB/T 15835 style)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + chinese_number(rest)
        else:
            tail = _CN_DIGITS[rest // 10] + "十" + (_CN_DIGITS[rest % 10] if rest % 10 else "")
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Numbering definitions and the running counters of one document."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # startOverride
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    abstract_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, root) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract: dict[str, dict[int, Level]] = {}
        for el in root:
            if _local(el.tag) == "abstractNum":
                levels = {}
                for lvl in el:
                    if _local(lvl.tag) != "lvl":
                        continue
                    ilvl = int(_attr(lvl, "ilvl") or 0)
                    start = _child(lvl, "start")
                    fmt = _child(lvl, "numFmt")
                    text = _child(lvl, "lvlText")
                    levels[ilvl] = Level(
                        start=int(_attr(start, "val") or 1) if start is not None else 1,
                        fmt=(_attr(fmt, "val") or "decimal") if fmt is not None else "decimal",
                        text=(_attr(text, "val") or "") if text is not None else "",
                    )
                abstract[_attr(el, "abstractNumId") or ""] = levels
        for el in root:
            if _local(el.tag) != "num":
                continue
            num_id = _attr(el, "numId") or ""
            ref = _child(el, "abstractNumId")
            abstract_id = _attr(ref, "val") if ref is not None else None
            numbering.levels[num_id] = abstract.get(abstract_id or "", {})
            numbering.abstract_of[num_id] = abstract_id or num_id
            for override in el:
                if _local(override.tag) == "lvlOverride":
                    so = _child(override, "startOverride")
                    if so is not None:
                        numbering.starts[(num_id, int(_attr(override, "ilvl") or 0))] = int(_attr(so, "val") or 1)
        return numbering

    def render(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the label Word shows."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        if levels[ilvl].fmt in ("bullet", "none"):
            return ""  # bullets and unnumbered levels are not outline numbers
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.starts.get((num_id, ilvl), levels[ilvl].start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        label = levels[ilvl].text
        for level in range(9):
            token = f"%{level + 1}"
            if token in label:
                lvl = levels.get(level, Level())
                value = counters.get(level, self.starts.get((num_id, level), lvl.start))
                label = label.replace(token, format_number(value, lvl.fmt))
        return label
