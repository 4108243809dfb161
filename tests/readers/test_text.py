"""Plain text reader: encodings, line endings, locations."""

from __future__ import annotations

import codecs

import pytest
from reportlint.errors import ReadError
from reportlint.readers import read_document

REPORT = "关于2024年工作的报告\n全年完成生产总值X亿元，增长5.2%。\n"


def read(data: bytes, name: str = "r.txt"):
    return read_document(name, data)


@pytest.mark.parametrize(
    "data",
    [
        REPORT.encode("utf-8"),
        codecs.BOM_UTF8 + REPORT.encode("utf-8"),
        codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"),
        REPORT.encode("gb18030"),
        REPORT.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk"],
)
def test_encodings_give_the_same_blocks(data):
    doc = read(data)
    assert [(b.line, b.text) for b in doc.blocks] == [
        (1, "关于2024年工作的报告"),
        (2, "全年完成生产总值X亿元，增长5.2%。"),
    ]


def test_gbk_text_with_rare_characters_decodes():
    text = "镕基同志在赟县调研，强调要把X项工作抓实抓细。\n" * 3
    assert read(text.encode("gb18030")).blocks[0].text.startswith("镕基")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_keep_line_numbers(newline):
    doc = read(newline.join(["标题", "", "第三行X个"]).encode())
    assert [(b.line, b.text) for b in doc.blocks] == [(1, "标题"), (3, "第三行X个")]


def test_form_feed_and_unicode_separators_do_not_split_lines():
    doc = read("甲\x0c乙\u2028丙\n丁".encode())
    assert [b.line for b in doc.blocks] == [1, 2]


def test_leading_spaces_keep_columns(lint):
    diags = lint("　　全年增长X%。")
    assert [(d.line, d.column, d.match) for d in diags] == [(1, 7, "X")]


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"PK\x03\x04" + b"\x00" * 30, "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy .doc"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x00\x01\x02\xff\xfe\x00binary", "binary"),
    ],
)
def test_non_text_is_a_clear_error(data, reason):
    with pytest.raises(ReadError, match=reason):
        read(data)


def test_empty_text_file_is_clean():
    assert read(b"").blocks == []


def test_latin1_text_is_decoded_by_detection():
    doc = read("Résumé du rapport annuel, état des lieux et prochaines étapes.\n".encode("cp1252"))
    assert "sum" in doc.blocks[0].text


def test_a_document_works_out_what_rules_share_once():
    from reportlint.readers import read_text

    doc = read_text("t.txt", "关于2024年度工作情况的报告\n", "txt")
    calls = []
    assert doc.memo("_answer", lambda: calls.append(1) or 0) == 0
    assert doc.memo("_answer", lambda: calls.append(1) or 1) == 0  # (a falsy answer is kept too)
    assert calls == [1]


def test_a_text_line_is_the_block_its_keywords_make():
    from reportlint.document import Block, text_line

    assert text_line("全年完成地区生产总值286.4亿元。", 7, 3) == Block(text="全年完成地区生产总值286.4亿元。", line=7, paragraph=3)
    assert type(text_line("a", 1, 1)) is Block
