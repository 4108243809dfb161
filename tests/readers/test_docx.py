"""Word reader: what counts as text, where it is, and robustness on real files."""

from __future__ import annotations

import os
import time

import pytest
from conftest import DOCX_CORPUS, requires_shared
from docx_builder import (
    content_control,
    deleted,
    field,
    heading,
    inserted,
    paragraph,
    run,
    table,
    title,
    write_docx,
)
from reportlint.document import HEADING
from reportlint.errors import ReadError
from reportlint.readers import read_path


def build(tmp_path, body, name="r.docx", **kw) -> str:
    path = str(tmp_path / name)
    write_docx(path, body, **kw)
    return path


def texts(doc):
    return [b.text for b in doc.blocks]


def test_final_view_keeps_insertions_and_drops_deletions(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("增长", inserted("X%"), deleted("XX"), "。")]))
    assert texts(doc) == ["增长X%。"]
    assert "inserted" in doc.blocks[0].flags


def test_content_control_text_is_live_text(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("报告日期：", content_control("XXXX年XX月XX日"))]))
    assert texts(doc) == ["报告日期：XXXX年XX月XX日"]
    assert "content-control" in doc.blocks[0].flags


def test_block_level_content_control_paragraphs_are_read(tmp_path):
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{paragraph('XX公司')}{paragraph('第二段')}</w:sdtContent></w:sdt>"
    assert texts(read_path(build(tmp_path, [sdt]))) == ["XX公司", "第二段"]


def test_field_codes_are_not_text_but_results_are(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("联系人：", field("MERGEFIELD 联系人", "«联系人»"))]))
    assert texts(doc) == ["联系人：«联系人»"]


def test_headings_by_style_name_not_id(tmp_path):
    doc = read_path(build(tmp_path, [title("年度报告"), heading("一、概况"), paragraph("正文X个")]))
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [(HEADING, 0), (HEADING, 1), ("paragraph", 0)]
    assert doc.blocks[2].heading == "一、概况"


def test_table_cells_have_row_and_grid_column(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("前言"), table([["指标", "数值"], ["收入", "X亿元"]])]))
    cell = doc.blocks[-1]
    assert (cell.text, cell.cell.table, cell.cell.row, cell.cell.column) == ("X亿元", 1, 2, 2)
    assert cell.paragraph == 5  # 前言 + four cell paragraphs


def test_nested_tables_record_their_parents(tmp_path):
    inner = table([["内X"]])
    outer = table([["外", inner + paragraph("")]])
    doc = read_path(build(tmp_path, [outer]))
    block = next(b for b in doc.blocks if b.text == "内X")
    assert block.cell.label() == "table 1 r1c2 > table 1 r1c1"


def test_hidden_runs_become_hidden_blocks(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("正文", run("本资料由某文库整理", hidden=True))]))
    assert [(b.text, "hidden" in b.flags) for b in doc.blocks] == [("正文", False), ("本资料由某文库整理", True)]


def test_main_part_found_through_relationships(tmp_path):
    doc = read_path(build(tmp_path, [paragraph("XX村")], main="word/main.xml"))
    assert texts(doc) == ["XX村"]


def test_empty_paragraphs_count_but_make_no_block(tmp_path):
    doc = read_path(build(tmp_path, [paragraph(""), paragraph("第二段X个")]))
    assert [(b.paragraph, b.line) for b in doc.blocks] == [(2, 1)]


@pytest.mark.parametrize(
    "data,message",
    [
        (b"", "empty file"),
        (b"hello, not a zip at all", "not a Word document"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"<html><body>hi</body></html>", "web page"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "web archive"),
        (b'<?xml version="1.0"?><pkg:package xmlns:pkg="x"/>', "Flat OPC"),
        (b"PK\x03\x04truncated", "damaged or truncated"),
    ],
)
def test_not_a_docx_is_a_clear_error(tmp_path, data, message):
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=message):
        read_path(str(path))


def test_odt_named_docx_is_recognised(tmp_path):
    import zipfile

    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(ReadError, match="OpenDocument"):
        read_path(str(path))


def test_dtd_in_a_part_is_rejected(tmp_path):
    import zipfile

    path = build(tmp_path, [paragraph("x")])
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>', 1)
            dst.writestr(info, data)
    with pytest.raises(ReadError, match="DTD"):
        read_path(str(evil))


CORPUS = sorted(
    os.path.join(DOCX_CORPUS, n) for n in (os.listdir(DOCX_CORPUS) if os.path.isdir(DOCX_CORPUS) else [])
    if n.lower().endswith((".docx", ".docm", ".dotx", ".dotm"))
)


@requires_shared(DOCX_CORPUS)
def test_every_real_file_lints_or_fails_cleanly(capsys):
    from reportlint.api import lint_path
    from reportlint.config import Config

    timings = []
    for path in CORPUS:
        start = time.perf_counter()
        result = lint_path(path, Config())
        timings.append((time.perf_counter() - start, os.path.basename(path)))
        if result.error is not None:
            assert "\n" not in result.error and result.error.strip()
    timings.sort(reverse=True)
    with capsys.disabled():
        print(f"\nslowest real .docx files: {', '.join(f'{n} {t * 1000:.0f} ms' for t, n in timings[:3])}")


EXPECTED_ERRORS = {
    "poi__bug53475-password-is-pass.docx": "encrypted",
    "poi__protected_agile.docx": "encrypted",
    "tika__protected_upper_case.docx": "encrypted",
    "tika__testWORD_protected_passtika.docx": "encrypted",
    "poi__cpansearch.perl.org_src_tobyink_acme-run...o_world.docm": "legacy Word 97-2003",
    "poi__truncated62886.docx": "damaged",
    "tika__testWORD_truncated.docx": "damaged",
    "poi__ExternalEntityInText.docx": "DTD",
}


@requires_shared(DOCX_CORPUS)
@pytest.mark.parametrize("name,reason", sorted(EXPECTED_ERRORS.items()))
def test_known_bad_real_files_give_their_specific_message(name, reason):
    with pytest.raises(ReadError, match=reason):
        read_path(os.path.join(DOCX_CORPUS, name))


@requires_shared(DOCX_CORPUS)
@pytest.mark.parametrize(
    "name,expected",
    [
        ("pandoc__alternate_document_path.docx", None),
        ("mammoth__strict-format.docx", None),
        ("mammoth__utf8-bom.docx", None),
        ("docx4j__header-no-rels.docx", None),
        ("poi__test.dotx", None),
        ("tika__testWORD_macros.docm", None),
    ],
)
def test_odd_but_valid_packages_read(name, expected):
    doc = read_path(os.path.join(DOCX_CORPUS, name))
    assert doc.format == "docx"
    assert any(b.text.strip() for b in doc.blocks)


@requires_shared(DOCX_CORPUS)
def test_text_box_text_is_read_once():
    doc = read_path(os.path.join(DOCX_CORPUS, "docx4j__textbox_alternates_contrived.docx"))
    box = [b.text for b in doc.blocks if b.part == "textbox"]
    assert box and len(box) == len(set(box))


@requires_shared(DOCX_CORPUS)
def test_block_level_content_controls_in_real_file():
    doc = read_path(os.path.join(DOCX_CORPUS, "pandoc__nested_sdt.docx"))
    assert len(doc.blocks) > 0


def test_body_paragraphs_know_their_section(tmp_path):
    end_of_section = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr><w:r><w:t>第一节末</w:t></w:r></w:p>'
    doc = read_path(build(tmp_path, [paragraph("第一节"), end_of_section, paragraph("第二节XX")]))
    assert [(b.text, b.section) for b in doc.blocks] == [("第一节", 1), ("第一节末", 1), ("第二节XX", 2)]
    assert "§2" in doc.blocks[-1].location_label()
