"""Word auto-numbering rendered into the text the outline rules see."""

from __future__ import annotations

import pytest
from docx_builder import write_docx
from reportlint.readers import read_path
from reportlint.readers.numbering import chinese_number, format_number

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def numbered(text: str, ilvl: int, num: int = 1) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_outline_numbers_are_rendered(tmp_path):
    path = str(tmp_path / "n.docx")
    body = [
        numbered("主要工作", 0), numbered("经济运行", 1), numbered("工业", 2), numbered("农业", 2),
        numbered("社会事业", 1), numbered("存在问题", 0), numbered("要点", 0, num=2),
    ]
    write_docx(path, body, parts={"word/numbering.xml": NUMBERING}, rels=[("rIdN", "numbering", "numbering.xml")])
    doc = read_path(path)
    assert [b.text for b in doc.blocks] == [
        "一、主要工作", "（一）经济运行", "1.工业", "2.农业", "（二）社会事业", "二、存在问题", "要点",
    ]
    assert "numbered" in doc.blocks[0].flags and "numbered" not in doc.blocks[-1].flags


@pytest.mark.parametrize("n,text", [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_other_formats():
    assert [format_number(3, f) for f in ("decimal", "ideographTraditional", "decimalEnclosedCircle", "upperLetter", "lowerRoman")] == [
        "3", "丙", "③", "C", "iii",
    ]
