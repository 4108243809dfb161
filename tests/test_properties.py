"""Property tests: any input gives findings or a clean error, never a crash."""

from __future__ import annotations

import io
import zipfile

from docx_builder import content_control, inserted, paragraph, table, write_docx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reportlint.config import Config
from reportlint.errors import ReadError
from reportlint.readers import read_document, read_text
from reportlint.tokens import tokenize

PIECES = list("XxＸ×╳*_某年月日（）()【】[]<>{}«»$%％。，、 \t0123456789.县区市局村镇他她先生女士@") + [
    "亿元", "万元", "增长", "同比", "X射线", "X光", "Windows XP", "会员", "整理", "咨询", "QQ", "微信", ".com",
    "\n", "\r\n",
]
REPORTISH = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), REPORTISH)


@given(ANY_TEXT)
@settings(max_examples=300, deadline=None)
def test_tokens_are_exact_slices(text):
    for tok in tokenize(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert text[tok.start : tok.end] == tok.text


CONTACT_PIECES = [*"0123456789 -.:/wWQq@", "www.", "http://", "https://", ".com", ".cn", "QQ", "400", "138", "010-", "12",
                  "x", ".ſite", ".ınfo", ".İo", "K"]


@given(st.one_of(ANY_TEXT, st.lists(st.sampled_from(CONTACT_PIECES), max_size=40).map("".join)))
@example("监督电话：12388，咨询138 1234 5678或400-123-4567，见http://localhost与WWW.1.CN")
@example("下载地址 fanwen.ſite/doc/123，本文来源：wenku.ınfo")
@example("生产总值亿元，增长%，较上年增长％。增长5.6%。")
@settings(max_examples=400, deadline=None)
def test_what_a_shape_needs_is_in_each_of_its_matches(text):
    """A shape's pattern is not run on a text without its trigger characters or its needed
    pattern: each must be a necessary condition of every match."""
    import re

    from reportlint import tokens

    for shape in tokens.SHAPES:
        need = tokens._NEEDS.get(shape)
        for m in re.finditer(tokens._PATTERNS[shape], text, re.MULTILINE):
            if not m.group():
                continue
            assert not tokens._TRIGGER_SETS[shape].isdisjoint(m.group()), (shape, m.group())
            if isinstance(need, str):
                assert re.search(need, m.group()), (shape, m.group())
            elif need:  # (one of several, with the text around the match to look at)
                assert any(re.compile(n).search(text, m.start(), m.end() + 1) for n in need), (shape, m.group())


@given(ANY_TEXT, st.sampled_from(["txt", "md"]))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_match_is_the_text_at_its_location(text, fmt):
    from reportlint.api import lint_document

    doc = read_text("t", text, fmt)
    by_line = {b.line: b for b in doc.blocks}
    for d in lint_document(doc, Config()):
        block = by_line[d.line]
        start = d.column - block.column
        assert block.text[start : start + len(d.match)] == d.match
        assert d.end_column - d.column == len(d.match)


@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.docx"]))
@settings(max_examples=300, deadline=None)
def test_any_bytes_read_or_fail_cleanly(data, name):
    try:
        read_document(name, data)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)


def _valid_docx() -> bytes:
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "v.docx")
        write_docx(
            path,
            [paragraph("全年完成X亿元", content_control("XX"), inserted("X%")), table([["甲", "X个"]])],
        )
        with open(path, "rb") as fh:
            return fh.read()


VALID = _valid_docx()


@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_mutated_docx_gives_findings_or_a_clean_error(mutations):
    from reportlint.api import lint_document

    data = bytearray(VALID)
    for pos, value in mutations:
        data[pos] = value
    try:
        doc = read_document("m.docx", bytes(data))
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    lint_document(doc, Config())


@given(st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_any_text_inside_a_docx_paragraph(text):
    buf = io.BytesIO()
    from xml.sax.saxutils import escape

    clean = "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff" and not "\ud800" <= ch <= "\udfff"))
    import docx_builder

    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", docx_builder.CONTENT_TYPES.format(main="word/document.xml"))
        z.writestr("_rels/.rels", docx_builder.PACKAGE_RELS.format(main="word/document.xml"))
        z.writestr("word/document.xml", docx_builder.document_xml([f"<w:p><w:r><w:t>{escape(clean)}</w:t></w:r></w:p>"]))
    doc = read_document("p.docx", buf.getvalue())
    expected = clean.replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ")
    assert "".join(b.text for b in doc.blocks) == (expected if expected.strip() else "")


LINE_PIECES = [*"蘙齉灪鸜麤驫厵龘靐王喆的一是k7Q2d+m9[3：:，。、 \u3000\t", "乡镇换届五年", "政府工作报告", "X", "12", "ab"]


@given(st.lists(st.one_of(st.lists(st.sampled_from(LINE_PIECES), max_size=40).map("".join),
                          st.text(max_size=60)), min_size=1, max_size=12))
@example(["关于2024年度工作情况的报告", "  蘙齉灪鸜麤驫厵龘  ", "k7 Q2 d+ m9 [3", "全年完成地区生产总值286.4亿元。",
          "热词：乡镇换届五年政府工作报告乡镇换届五年政府工作报告乡镇换届五年政府工作报告",
          "1.乡镇换届五年政府工作报告乡镇换届五年政府工作报告乡镇换届五年政府工作报告",
          "政府工作报告 政府工作报告 政府工作报告政府工作报告政府工作报告",
          "2024年10月28各位0月28 各位0月28各位0月28各位0月28各位代表、同志们：日"])
@settings(max_examples=400, deadline=None)
def test_the_document_scan_finds_every_noise_and_stuffing_line(lines):
    """The vendor rules look for noise and keyword stuffing only on lines one scan of the
    document picks out: every line either check would report must be among them."""
    from reportlint.rules import watermarks
    from reportlint.rules._noise import noise_line

    doc = read_text("t", "\n".join(lines), "txt")
    indexes = [i for i, b in enumerate(doc.blocks) if b.text.strip()]
    noisy, stuffed = watermarks._odd_lines([doc.blocks[i] for i in indexes], doc)
    for k, i in enumerate(indexes):
        text = doc.blocks[i].text
        if noise_line(text) or watermarks._rare_noise(text):
            assert k in noisy, text
        if watermarks._stuffed(text):
            assert k in stuffed, text
    if lines[0] == "关于2024年度工作情况的报告":  # the explicit example: each kind is there
        assert len(noisy) >= 2 and len(stuffed) >= 4


@given(st.text(alphabet="ab\t 某X。", max_size=40), st.data())
@settings(max_examples=300, deadline=None)
def test_a_snippet_is_the_match_and_its_neighbours_up_to_a_tab(text, data):
    from reportlint.diagnostics import SNIPPET_CONTEXT, find_snippet

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo = max(0, start - SNIPPET_CONTEXT)
    hi = min(len(text), max(end, start + 1) + SNIPPET_CONTEXT)
    left, right = text[lo:start].split("\t")[-1], text[end:hi].split("\t")[0]
    assert find_snippet(text, start, end) == (left + text[start:end] + right).strip()


@given(st.lists(st.lists(st.sampled_from(CONTACT_PIECES + ["微信", "：", "加V", "扣 扣", "联系", "a b c d e"]), max_size=12)
                .map("".join), max_size=8))
@example(["QQ12345678", "www.abc.com", "", "13812345678", "w w w . a b c . c n", "微信：abc12345"])
@example(["联系QQ", "12345678", "138", "1234 5678", "微信", "abc12345"])
@settings(max_examples=300, deadline=None)
def test_contacts_of_lines_scanned_together_are_those_of_each_line(lines):
    from reportlint.rules import watermarks

    together = watermarks._contacts_of_lines(lines)
    alone = [watermarks._contacts_of_lines([line])[0] for line in lines]
    assert together == alone


@given(REPORTISH, st.sampled_from(["增长", "X", "[0-9]+%", "会员|微信", "首先|其次"]))
@settings(max_examples=200, deadline=None)
def test_blocks_with_a_pattern_are_those_a_search_of_each_finds(text, source):
    import re

    doc = read_text("t", text)
    pattern = re.compile(source)
    assert doc.blocks_with(pattern) == [b for b in doc.blocks if pattern.search(b.text)]
    # a pattern that opens with the newline before a line finds the lines it opens
    opening = re.compile(f"\n(?:{source})")
    assert doc.blocks_with(opening, newline_led=True) == [b for b in doc.blocks if pattern.match(b.text)]


@given(st.one_of(ANY_TEXT, st.lists(st.sampled_from([*"Xx×Ｘ0123456789.． \u3000亿元年", "２０", "XX"]), max_size=30)
                 .map("".join)))
@example("20XX年X月、3X.5亿元、X.X%、X X X、1X%、X5万元、××市")
@settings(max_examples=400, deadline=None)
def test_the_x_run_pattern_finds_what_its_plain_form_finds(text):
    """The X-run pattern opens with one character class for speed; its plain form is two
    alternatives (X X X spaced out, or a run of X with digits)."""
    import re

    from reportlint import tokens

    s, d = re.escape(tokens.SLOT_CHARS), tokens.DIGITS
    plain = re.compile(
        rf"[{s}](?:[ \u3000][{s}](?![{s}])){{2,}}|(?:[{d}]+(?:[.．][{d}]+)?[.．]?)?[{s}]+(?:[.．]?[{d}]+|[.．]?[{s}]+)*",
        re.MULTILINE,
    )
    assert [m.span() for m in tokens._pattern("x").finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(["全县", "ＸＸ", "ｶﾀｶﾅ", "한국어", "é", "\u0301", "🙂"])),
                max_size=8).map("".join))
@example("全年完成投资X亿元，增长X%")
@settings(max_examples=300, deadline=None)
def test_display_width_counts_wide_and_full_width_characters_twice(text):
    import unicodedata

    from reportlint.formatters.text import display_width

    assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
