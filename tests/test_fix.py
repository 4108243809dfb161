"""`reportlint fix` and `--fix`: vendor residue goes, placeholders and everything else stay."""

from __future__ import annotations

import codecs
import os
import stat
import zipfile

import pytest
from conftest import DOCX_CORPUS, requires_shared
from docx_builder import paragraph, story_xml, table, title, write_docx
from reportlint.readers import read_path
from residue_report import BOX_REPORT, BOX_VENDOR, build

REPORT = (
    "关于2023年度乡村振兴工作的报告\n"
    "下面是小编为大家整理的述职报告范文，供大家参考。\n"
    "一、主要工作\n"
    "全年完成投资XX亿元，同比增长X%。\n"
    "由（单位名称）牵头，继续推进道路硬化。\n"
    "墨香文库整理，咨询QQ206157060\n"
)
FIXED = (
    "关于2023年度乡村振兴工作的报告\n"
    "一、主要工作\n"
    "全年完成投资XX亿元，同比增长X%。\n"
    "由（单位名称）牵头，继续推进道路硬化。\n"
)


def codes(path) -> list[tuple[str, str]]:
    from reportlint.api import lint_paths

    return [(d.code, d.match) for d in lint_paths([str(path)]).diagnostics]


def members(path) -> dict[str, tuple[bytes, int, bytes]]:
    """name -> (content, compression, raw central-directory fields that must not move)."""
    with zipfile.ZipFile(path) as z:
        return {i.filename: (z.read(i), i.compress_type, i.date_time) for i in z.infolist()}


def raw_member(path, name: str) -> bytes:
    """A member's compressed bytes as stored in the file."""
    with open(path, "rb") as fh:
        data = fh.read()
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    offset = info.header_offset
    name_len = int.from_bytes(data[offset + 26 : offset + 28], "little")
    extra_len = int.from_bytes(data[offset + 28 : offset + 30], "little")
    start = offset + 30 + name_len + extra_len
    return data[start : start + info.compress_size]


# -- text files ---------------------------------------------------------------------------


def test_fix_removes_vendor_lines_and_keeps_placeholders(run_cli, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run_cli("fix", str(path))
    assert result.code == 1  # the slots are still there
    assert f"fixed: {path} (2 lines removed)" in result.out
    assert path.read_text(encoding="utf-8") == FIXED
    assert {code for code, _ in codes(path)} == {"RL101", "RL106"}


def test_second_fix_changes_nothing(run_cli, tmp_path):
    path = tmp_path / "报告.md"
    path.write_text(REPORT, encoding="utf-8")
    run_cli("fix", str(path))
    before = path.read_bytes()
    result = run_cli("fix", str(path))
    assert "fixed:" not in result.out
    assert path.read_bytes() == before


def test_clean_file_exits_0_and_is_not_written(run_cli, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("全年完成投资12亿元。\n", encoding="utf-8")
    mtime = os.stat(path).st_mtime_ns
    result = run_cli("fix", str(path))
    assert result.code == 0
    assert result.out == ""
    assert os.stat(path).st_mtime_ns == mtime


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("utf-8", b"", "\n"),
        ("utf-8", codecs.BOM_UTF8, "\r\n"),
        ("gb18030", b"", "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-8", b"", "\r"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(run_cli, tmp_path, encoding, bom, newline):
    path = tmp_path / "report.txt"
    path.write_bytes(bom + REPORT.replace("\n", newline).encode(encoding))
    run_cli("fix", str(path))
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode(encoding)


def test_mixed_line_endings_stay_as_they_were(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    lines = REPORT.splitlines()
    path.write_bytes("\r\n".join(lines[:3]).encode() + b"\n" + "\r\n".join(lines[3:]).encode() + b"\r\n")
    run_cli("fix", str(path))
    assert path.read_bytes() == (
        "关于2023年度乡村振兴工作的报告\r\n一、主要工作\n全年完成投资XX亿元，同比增长X%。\r\n"
        "由（单位名称）牵头，继续推进道路硬化。\r\n"
    ).encode()


def test_diff_shows_the_change_and_writes_nothing(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run_cli("fix", "--diff", str(path))
    assert "-下面是小编为大家整理的述职报告范文，供大家参考。" in result.out
    assert "-墨香文库整理，咨询QQ206157060" in result.out
    assert result.out.startswith(f"--- {path}\n+++ {path} (fixed)\n")
    assert path.read_text(encoding="utf-8") == REPORT


def test_backup_keeps_the_original_and_never_overwrites_one(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    (tmp_path / "report.txt.bak").write_text("an older backup", encoding="utf-8")
    result = run_cli("fix", "--backup", str(path))
    assert (tmp_path / "report.txt.bak2").read_text(encoding="utf-8") == REPORT
    assert (tmp_path / "report.txt.bak").read_text(encoding="utf-8") == "an older backup"
    assert "report.txt.bak2" in result.out


def test_fix_keeps_file_mode_and_leaves_no_temporary_file(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    os.chmod(path, 0o640)
    run_cli("fix", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["report.txt"]


def test_lint_with_fix_option_fixes_then_reports_what_is_left(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run_cli("--fix", "--format", "json", str(path))
    assert result.code == 1
    assert {d["code"] for d in result.diagnostics()} == {"RL101", "RL106"}
    assert "fixed:" in result.err
    assert path.read_text(encoding="utf-8") == FIXED


def test_unreadable_file_is_an_error_and_untouched(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"PK\x03\x04 not text")
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert str(path) in result.err and len(result.err.strip().splitlines()) == 1
    assert path.read_bytes() == b"PK\x03\x04 not text"


def test_missing_file_is_an_error(run_cli, tmp_path):
    assert run_cli("fix", str(tmp_path / "nothing.txt")).code == 2


# -- Word files ---------------------------------------------------------------------------


@pytest.fixture
def report(tmp_path):
    return build(str(tmp_path / "报告.docx"))


def test_docx_fix_removes_vendor_residue_everywhere(run_cli, report):
    result = run_cli("fix", report)
    assert result.code == 1
    assert result.out.startswith(f"fixed: {report} (6 paragraphs removed, 1 hidden text removed, "
                                 "1 watermark removed, 2 property values removed)")
    left = codes(report)
    assert not [c for c, _ in left if c.startswith("RL2")]
    assert ("RL101", "XX") in left and ("RL101", "X") in left and ("RL106", "（单位名称）") in left
    assert ("RL307", "李四") in left  # a person's name is not vendor residue


def test_docx_fix_keeps_report_text(report):
    from reportlint.fix import fix_path

    before = [b.text for b in read_path(report).blocks if b.part != "properties"]
    fix_path(report)
    after = [b.text for b in read_path(report).blocks if b.part != "properties"]
    assert after == [
        t for t in before
        if t not in ("下面是小编为大家整理的述职报告范文，供大家参考。", "本资料由墨香文库收集整理", "上传人：文库达人",
                     "更多资料请咨询QQ：3456789012", "墨香文库整理，咨询QQ206157060", BOX_VENDOR,
                     "更多精品资料请加微信 moxiang_2020 领取", "墨香文库 仅供学习")
    ]
    assert BOX_REPORT in after


def test_docx_fix_keeps_untouched_members_byte_identical(report, tmp_path):
    from reportlint.fix import fix_path

    original = str(tmp_path / "original.docx")
    with open(report, "rb") as src, open(original, "wb") as dst:
        dst.write(src.read())
    fix_path(report)
    before, after = members(original), members(report)
    assert list(before) == list(after)  # same members, same order
    changed = {name for name in before if before[name][0] != after[name][0]}
    assert changed == {"word/document.xml", "word/header1.xml", "docProps/core.xml", "docProps/app.xml"}
    for name in set(before) - changed:
        assert before[name] == after[name]
        assert raw_member(original, name) == raw_member(report, name)
    for name in changed:
        assert after[name][1:] == before[name][1:]  # compression and time kept


def test_docx_fix_result_opens_in_python_docx(report):
    docx = pytest.importorskip("docx")
    from reportlint.fix import fix_path

    fix_path(report)
    document = docx.Document(report)
    texts = [p.text for p in document.paragraphs]
    assert "全年完成投资XX亿元，同比增长X%。" in texts
    assert not any("小编" in t or "墨香文库" in t for t in texts)
    assert document.core_properties.author == ""
    assert len(document.sections) == 2  # the section break survived its vendor text
    assert document.tables[0].cell(1, 1).text == ""  # the cell keeps an empty paragraph


def test_docx_fix_takes_the_text_box_copy_for_older_readers_too(report):
    from reportlint.fix import fix_path

    fix_path(report)
    with zipfile.ZipFile(report) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert BOX_VENDOR not in body
    assert body.count(BOX_REPORT) == 2  # DrawingML box and its VML fallback


def test_docx_second_fix_changes_nothing(run_cli, report):
    run_cli("fix", report)
    with open(report, "rb") as fh:
        before = fh.read()
    result = run_cli("fix", report)
    assert "fixed:" not in result.out
    with open(report, "rb") as fh:
        assert fh.read() == before


def test_docx_diff_lists_removals_per_part_and_writes_nothing(run_cli, report):
    with open(report, "rb") as fh:
        before = fh.read()
    result = run_cli("fix", "--diff", report)
    assert f"--- {report} word/header1.xml\n- paragraph: 更多精品资料请加微信 moxiang_2020 领取\n" in result.out
    assert "- property value: 墨香文库 QQ206157060" in result.out
    with open(report, "rb") as fh:
        assert fh.read() == before


def test_docx_backup_is_the_original(run_cli, report):
    with open(report, "rb") as fh:
        before = fh.read()
    run_cli("fix", "--backup", report)
    with open(report + ".bak", "rb") as fh:
        assert fh.read() == before


def test_vendor_paragraph_alone_in_a_header_leaves_an_empty_paragraph(tmp_path):
    from reportlint.fix import fix_path

    path = str(tmp_path / "h.docx")
    write_docx(
        path, [title("关于2023年度工作的报告"), paragraph("全年完成投资12亿元。")],
        parts={"word/header1.xml": story_xml("hdr", [paragraph("墨香文库整理，咨询QQ206157060")])},
        rels=[("rIdH1", "header", "header1.xml")], sect='<w:headerReference w:type="default" r:id="rIdH1"/>',
        content_types={"word/header1.xml": "header"},
    )
    assert fix_path(path).remaining == []
    with zipfile.ZipFile(path) as z:
        assert b"<w:p/></w:hdr>" in z.read("word/header1.xml")


def test_comments_and_processing_instructions_in_a_changed_part_survive(tmp_path):
    from reportlint.fix import fix_path

    path = str(tmp_path / "c.docx")
    write_docx(path, ["<!-- kept -->", title("关于2023年度工作的报告"), paragraph("下面是小编为大家整理的范文。"),
                      table([["项目", "12"]])])
    fix_path(path)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert "<!-- kept -->" in body and "小编" not in body and "项目" in body


def test_signed_docx_is_never_written(run_cli, tmp_path):
    path = str(tmp_path / "signed.docx")
    write_docx(path, [paragraph("下面是小编为大家整理的范文。")],
               parts={"_xmlsignatures/sig1.xml": "<Signature/>"})
    with open(path, "rb") as fh:
        before = fh.read()
    result = run_cli("fix", path)
    assert result.code == 2
    assert "signed" in result.err
    with open(path, "rb") as fh:
        assert fh.read() == before


def test_encrypted_docx_is_never_written(run_cli, tmp_path):
    path = tmp_path / "encrypted.docx"
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
    path.write_bytes(content)
    result = run_cli("fix", str(path))
    assert result.code == 2
    assert "encrypted" in result.err
    assert path.read_bytes() == content


def test_vendor_credit_after_a_report_sentence_is_left_for_the_author(run_cli, tmp_path):
    line = "同志们，安全生产责任重于泰山。让我们以对人民群众高度负责的态度，扎实做好各项工作，确保全县安全生产形势持续稳定向好！（来源：清风范文网）"
    path = tmp_path / "speech.txt"
    path.write_text(REPORT + line + "\n", encoding="utf-8")
    result = run_cli("fix", str(path))
    assert f"{path}:5: RL201" in result.out  # its line in the fixed file
    assert path.read_text(encoding="utf-8") == FIXED + line + "\n"
    assert result.code == 1


def test_bookmarks_in_a_removed_paragraph_move_to_the_next_one(tmp_path):
    from reportlint.fix import fix_path

    path = str(tmp_path / "b.docx")
    write_docx(path, [
        title("关于2023年度工作的报告"),
        paragraph('<w:bookmarkStart w:id="7" w:name="top"/>', "下面是小编为大家整理的范文，供大家参考。"),
        paragraph("全年完成投资12亿元。", '<w:bookmarkEnd w:id="7"/>'),
    ])
    fix_path(path)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert "小编" not in body
    assert body.index('<w:bookmarkStart w:id="7" w:name="top"/>') < body.index("全年完成投资") < body.index(
        '<w:bookmarkEnd w:id="7"/>')


def test_fix_through_a_symbolic_link_changes_the_file_it_points_to(run_cli, tmp_path):
    target = tmp_path / "report.txt"
    target.write_text(REPORT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli("fix", str(link))
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


def test_read_only_file_is_not_fixed(run_cli, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    os.chmod(path, 0o444)
    result = run_cli("fix", str(path))
    assert result.code == 2 and "read-only" in result.err
    assert path.read_text(encoding="utf-8") == REPORT


def test_hidden_vendor_text_in_a_run_with_a_field_mark_is_not_removed(tmp_path):
    from reportlint.fix import fix_path

    path = str(tmp_path / "f.docx")
    hidden_with_field = (
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>本资料由墨香文库收集整理</w:t><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    write_docx(path, [title("关于2023年度工作的报告"), paragraph("全年完成投资12亿元。", hidden_with_field)])
    result = fix_path(path)
    assert not result.changed
    assert ("RL201", "本资料由墨香文库收集整理") in codes(path)


@requires_shared(os.path.join(DOCX_CORPUS, "tika__testWORD_signed.docx"))
def test_real_signed_file_is_refused(run_cli, tmp_path):
    path = tmp_path / "signed.docx"
    with open(os.path.join(DOCX_CORPUS, "tika__testWORD_signed.docx"), "rb") as fh:
        path.write_bytes(fh.read())
    result = run_cli("fix", str(path))
    assert result.code == 2 and "signed" in result.err
