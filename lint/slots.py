"""``reportlint slots``: the slots of a template still to fill, one row each.

A slot is a finding of the ``placeholder`` category (X-slots, 某某, blanks, bracketed
prompts, choices, Word placeholder controls, unmerged fields).  Each row says where the
slot is, what it reads, the text around it and what kind of value belongs there, taken
from the diagnostic's :class:`~reportlint.diagnostics.Expectation` (never from its
message).  Output is a table for people or CSV for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .config import Config
from .diagnostics import Diagnostic, Expectation
from .i18n import localize

SLOT_CATEGORY = "placeholder"
# Characters of surrounding text shown either side of a slot.
CONTEXT_CHARS = 12
CSV_COLUMNS = (
    "path", "line", "column", "part", "paragraph", "cell", "heading",
    "code", "slot", "context", "kind", "unit", "expects", "message",
)

# What a kind asks for, said in each language: (with a unit, without one).
_KIND_LABELS = {
    "en": {
        "amount": ("amount ({unit})", "amount"),
        "percent": ("percentage", "percentage"),
        "count": ("count ({unit})", "count"),
        "date": ("date ({unit})", "date"),
        "place": ("place name ({unit})", "place name"),
        "name": ("name ({unit})", "name"),
        "person": ("person's name", "person's name"),
        "choice": ("one of: {options}", "one of: {options}"),
        "text": ("free text", "free text"),
    },
    "zh": {
        "amount": ("金额（{unit}）", "金额"),
        "percent": ("百分比", "百分比"),
        "count": ("数量（{unit}）", "数量"),
        "date": ("日期（{unit}）", "日期"),
        "place": ("地名（{unit}）", "地名"),
        "name": ("名称（{unit}）", "名称"),
        "person": ("人名", "人名"),
        "choice": ("选其一：{options}", "选其一：{options}"),
        "text": ("内容", "内容"),
    },
}
_HEADERS = {
    "en": ("location", "heading", "slot", "context", "expects"),
    "zh": ("位置", "所在标题", "占位符", "上下文", "应填写"),
}
_NONE = {"en": "(no slots to fill)", "zh": "（没有待填写的占位符）"}


@dataclass(frozen=True)
class Slot:
    path: str
    diagnostic: Diagnostic
    context: str

    @property
    def expects(self) -> Expectation:
        return self.diagnostic.expects or Expectation("text")


# A date slot before 年, 月 or 日 asks for that part of the date only.
_DATE_PARTS = {
    "en": {"年": "year", "年度": "year", "月": "month", "月份": "month", "日": "day", "号": "day"},
    "zh": {"年": "年份", "年度": "年度", "月": "月份", "月份": "月份", "日": "日", "号": "日"},
}


def describe(expects: Expectation, lang: str = "en") -> str:
    """The kind of value in words: ``amount (亿元)`` / ``金额（亿元）``."""
    labels = _KIND_LABELS.get(lang, _KIND_LABELS["en"])
    if expects.kind == "date" and expects.unit:
        part = _DATE_PARTS.get(lang, _DATE_PARTS["en"]).get(expects.unit)
        if part:
            return part
    with_unit, bare = labels.get(expects.kind, labels["text"])
    sep = " / " if lang == "en" else "、"
    template = with_unit if expects.unit else bare
    return template.format(unit=expects.unit or "", options=sep.join(expects.options))


def surrounding(d: Diagnostic, width: int = CONTEXT_CHARS) -> str:
    """The slot, marked 〖X〗 (the line may hold several alike), with ``width`` characters
    of its paragraph either side, on one line."""
    if not d.source:
        return d.snippet or d.match
    start = max(0, d.column - d.source_column)
    end = start + len(d.match)
    lo, hi = max(0, start - width), min(len(d.source), end + width)
    marked = d.source[lo:start] + "〖" + d.source[start:end] + "〗" + d.source[end:hi]
    window = ("…" if lo else "") + marked + ("…" if hi < len(d.source) else "")
    return " ".join(window.split())


def collect_slots(result) -> list[Slot]:
    """The placeholder findings of a lint result, in file and reading order."""
    return [
        Slot(f.path, d, surrounding(d))
        for f in result.files
        for d in f.diagnostics
        if d.category == SLOT_CATEGORY
    ]


def slots_config(config: Config) -> Config:
    """Only the placeholder rules need to run, unless the user chose rules themselves."""
    return config if config.select else config.with_options(select=[SLOT_CATEGORY])


def _location(slot: Slot) -> str:
    d = slot.diagnostic
    where = f"{slot.path}:{d.line}:{d.column}"
    extra = []
    if d.part != "body":
        extra.append(d.part)
    if d.paragraph and (d.part != "body" or d.cell):
        extra.append(f"¶{d.paragraph}")
    if d.cell:
        extra.append(d.cell)
    return f"{where} [{' '.join(extra)}]" if extra else where


def slots_table(slots: list[Slot], lang: str = "en") -> str:
    from tabulate import tabulate

    if not slots:
        return _NONE.get(lang, _NONE["en"]) + "\n"
    rows = [
        [_location(s), s.diagnostic.heading or "", s.diagnostic.match, s.context, describe(s.expects, lang)]
        for s in slots
    ]
    return tabulate(rows, headers=_HEADERS.get(lang, _HEADERS["en"])) + "\n"


def slots_csv(slots: list[Slot], lang: str = "en") -> str:
    """CSV with a header row (column names are fixed ids; ``expects`` and ``message`` are
    in ``lang``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in slots:
        d, e = s.diagnostic, s.expects
        writer.writerow([
            s.path, d.line, d.column, d.part, d.paragraph or "", d.cell or "", d.heading or "",
            d.code, d.match, s.context, e.kind, e.unit or "/".join(e.options), describe(e, lang),
            localize(d, lang),
        ])
    return out.getvalue()


def format_slots(slots: list[Slot], fmt: str = "table", lang: str = "en") -> str:
    return slots_csv(slots, lang) if fmt == "csv" else slots_table(slots, lang)


def write_output(path: str, text: str, fmt: str) -> None:
    """Write to a file.  CSV gets a UTF-8 byte order mark: without it Excel reads the
    file in the system's legacy code page and the Chinese comes out garbled."""
    from .atomic import write_atomically

    write_atomically(path, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"))
