"""`reportlint annotate`: a copy with a Word comment on every finding, anchored on its match."""

from __future__ import annotations

import os
import zipfile

import pytest
from conftest import DOCX_CORPUS, requires_shared
from docx_builder import W_NS, heading, paragraph, run, title, write_docx
from kitchen_sink import build as build_kitchen_sink
from reportlint.api import lint_paths
from reportlint.readers import read_path
from residue_report import build

W = "{" + W_NS + "}"


def lint(path: str):
    return lint_paths([path]).diagnostics


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _id(el) -> str:
    return next(v for k, v in el.attrib.items() if k.rsplit("}", 1)[-1] == "id")


def comments(path: str) -> dict[str, tuple[str, str]]:
    """comment id -> (author, text) from the copy's comments part (Transitional or Strict)."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        name = next((n for n in z.namelist() if n.startswith("word/comments")
                     and etree.fromstring(z.read(n)).tag.endswith("}comments")), None)
        if name is None:
            return {}
        root = etree.fromstring(z.read(name))
    out = {}
    for c in root.iter():
        if _local(c) == "comment":
            author = next((v for k, v in c.attrib.items() if k.endswith("}author")), "")
            out[_id(c)] = (author, "".join(t.text or "" for t in c.iter() if _local(t) == "t"))
    return out


comments_any = comments


def anchored_text(path: str) -> dict[str, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd in the body."""
    from lxml import etree

    main = read_path(path).meta["main_part"]
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(main))
    open_ids: list[str] = []
    text: dict[str, str] = {}
    for el in root.iter():
        name = _local(el)
        if name == "commentRangeStart":
            open_ids.append(_id(el))
            text[_id(el)] = ""
        elif name == "commentRangeEnd" and _id(el) in open_ids:
            open_ids.remove(_id(el))
        elif name in ("t", "tab", "br") and _local(el.getparent()) == "r":
            piece = {"t": el.text or "", "tab": "\t", "br": " "}[name]
            for cid in open_ids:
                text[cid] += piece
    return text


def highlighted_runs(path: str) -> list[str]:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [
        "".join(t.text or "" for t in r.iter(W + "t"))
        for r in root.iter(W + "r")
        if r.find(f"{W}rPr/{W}highlight[@{W}val='yellow']") is not None
    ]


@pytest.fixture
def report(tmp_path):
    return build(str(tmp_path / "报告.docx"))


def test_annotate_writes_a_copy_beside_the_original(run_cli, report):
    with open(report, "rb") as fh:
        before = fh.read()
    result = run_cli("annotate", report)
    copy = report[: -len(".docx")] + ".reportlint.docx"
    assert result.code == 0
    assert result.out.startswith(f"annotated: {copy} (")
    assert os.path.exists(copy)
    with open(report, "rb") as fh:
        assert fh.read() == before  # the original is never touched


def test_every_finding_has_one_comment_and_anchored_ones_cover_the_match(report):
    from reportlint.annotate import annotate_path

    diagnostics = lint(report)
    done = annotate_path(report, lang="en")
    notes = comments(done.output)
    ranges = anchored_text(done.output)
    assert len(notes) == len(diagnostics) == done.anchored + done.noted
    anchored = 0
    unused = dict(notes)
    for d in diagnostics:
        head = f"{d.code} {d.message}"
        cid = next(c for c, (_a, text) in unused.items() if text == head or text.startswith(head + " (in "))
        author, text = unused.pop(cid)
        assert author == "reportlint"
        if text == head:
            assert ranges[cid] == d.match, d
            anchored += 1
        else:
            assert ranges[cid] == ""  # a note on the first paragraph
    assert anchored == done.anchored >= 9


def test_slot_split_across_runs_is_anchored_and_highlighted_keeping_run_properties(report):
    from reportlint.annotate import annotate_path

    done = annotate_path(report)
    assert "XX" in anchored_text(done.output).values()
    with zipfile.ZipFile(done.output) as z:
        body = z.read("word/document.xml").decode()
    assert '<w:rPr><w:b/><w:sz w:val="28"/><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">X</w:t>' in body
    assert highlighted_runs(done.output)[:3] == ["下面是小编为大家整理的述职报告范文，供大家参考。", "X", "X"]
    # the text around the match is unchanged
    assert [b.text for b in read_path(done.output).blocks if b.part == "body"][:4] == [
        b.text for b in read_path(report).blocks if b.part == "body"
    ][:4]


def test_findings_outside_the_body_are_noted_on_the_first_paragraph_with_their_place(report):
    from reportlint.annotate import annotate_path

    done = annotate_path(report, lang="en")
    texts = [text for _a, text in comments(done.output).values()]
    assert any(t.startswith("RL202 ") and '(in section 2 header (header1.xml), ¶1: "更多精品资料' in t for t in texts)
    assert any(t.startswith("RL307 ") and "(in document property lastModifiedBy" in t for t in texts)


def test_chinese_report_gets_chinese_notes(report):
    from reportlint.annotate import annotate_path, document_language

    assert document_language(read_path(report)) == "zh"
    done = annotate_path(report)
    assert any("（位置：" in text for _a, text in comments(done.output).values())


def test_the_copy_reads_back_in_our_reader_and_python_docx(report):
    docx = pytest.importorskip("docx")
    from reportlint.annotate import annotate_path

    done = annotate_path(report)
    document = docx.Document(done.output)
    assert len(list(document.comments)) == len(done.diagnostics)
    assert {c.author for c in document.comments} == {"reportlint"}
    stories = [b.story for b in read_path(done.output).blocks if b.part == "comment"]
    assert len(stories) == len(done.diagnostics)
    assert all(s.endswith("by reportlint") for s in stories)


def test_untouched_members_are_copied_byte_for_byte(report):
    from reportlint.annotate import annotate_path

    done = annotate_path(report)
    with zipfile.ZipFile(report) as a, zipfile.ZipFile(done.output) as b:
        names = [i.filename for i in b.infolist()]
        assert names == [i.filename for i in a.infolist()] + ["word/comments.xml"]
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
    assert changed == {"[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"}


def test_existing_comments_are_kept_and_new_ids_are_unique(tmp_path):
    from reportlint.annotate import annotate_path

    sink = build_kitchen_sink(str(tmp_path / "sink.docx"))
    done = annotate_path(sink, output=str(tmp_path / "out.docx"))
    notes = comments(done.output)
    assert notes["0"] == ("张三", "这个数据需要核实")
    assert len(notes) == 1 + len(done.diagnostics)
    ranges = anchored_text(done.output)
    assert ranges["0"] == "事故起数下降X%。"  # the reviewer's own range is untouched
    with zipfile.ZipFile(done.output) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert rels.count("relationships/comments") == 1


def test_hidden_vendor_text_is_anchored_on_its_runs(report):
    from reportlint.annotate import annotate_path

    done = annotate_path(report, lang="en")
    by_text = {text: cid for cid, (_a, text) in comments(done.output).items()}
    ranges = anchored_text(done.output)
    hidden = next(cid for text, cid in by_text.items() if text.startswith("RL303 "))
    assert ranges[hidden] == "本资料由墨香文库收集整理"


def test_match_inside_one_run_splits_it_in_three(tmp_path):
    from reportlint.annotate import annotate_path

    path = str(tmp_path / "r.docx")
    write_docx(path, [title("关于2023年度工作的报告"), heading("一、主要工作"),
                      paragraph('<w:r><w:rPr><w:i/></w:rPr><w:t>全年完成投资XX亿元，增长较快。</w:t></w:r>')])
    done = annotate_path(path)
    assert list(anchored_text(done.output).values()) == ["XX"]
    with zipfile.ZipFile(done.output) as z:
        body = z.read("word/document.xml").decode()
    assert body.count("<w:i/>") == 3
    assert [b.text for b in read_path(done.output).blocks][:3] == [b.text for b in read_path(path).blocks][:3]


def test_clean_report_gets_an_identical_copy(run_cli, tmp_path):
    path = str(tmp_path / "clean.docx")
    write_docx(path, [title("关于2023年度工作的报告"), paragraph("全年完成投资12亿元。", run("同比增长5%。"))])
    result = run_cli("annotate", "-o", str(tmp_path / "copy.docx"), path)
    assert result.code == 0 and "(0 comments" in result.out
    with open(path, "rb") as a, open(tmp_path / "copy.docx", "rb") as b:
        assert a.read() == b.read()


def test_text_files_are_refused(run_cli, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text("全年完成投资XX亿元。\n", encoding="utf-8")
    result = run_cli("annotate", str(path))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and ".docx" in result.err
    assert not os.path.exists(tmp_path / "报告.reportlint.txt")


def test_output_over_the_original_is_refused(run_cli, report):
    result = run_cli("annotate", "-o", report, report)
    assert result.code == 2
    assert "original" in result.err


def test_unreadable_docx_is_an_error(run_cli, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    assert run_cli("annotate", str(path)).code == 2


def test_linting_a_folder_skips_annotated_copies(run_cli, report, tmp_path):
    run_cli("annotate", report)
    linted = {f["path"] for f in run_cli("--format", "json", str(tmp_path)).json()["files"]}
    assert linted == {report}


@requires_shared(DOCX_CORPUS)
def test_real_files_annotate_with_every_anchor_on_its_match(tmp_path):
    """Word files from public test suites (Strict, WPS, tracked changes, fields …)."""
    from reportlint.annotate import annotate_path

    checked = 0
    for name in sorted(os.listdir(DOCX_CORPUS)):
        path = os.path.join(DOCX_CORPUS, name)
        if not name.endswith(".docx") or os.path.getsize(path) > 300_000:
            continue
        done = annotate_path(path, str(tmp_path / name), lang="en")
        if done.error or not done.diagnostics:
            continue
        read_path(done.output)  # reads back
        ours = {cid: text for cid, (author, text) in comments_any(done.output).items() if author == "reportlint"}
        assert len(ours) == len(done.diagnostics), name
        ranges = anchored_text(done.output)
        for d in done.diagnostics:
            head = f"{d.code} {d.message}"
            cid = next(c for c, text in ours.items() if text == head or text.startswith(head + " (in "))
            if ours.pop(cid) == head:
                assert ranges[cid] == d.match, (name, d)
        checked += 1
    assert checked >= 10
