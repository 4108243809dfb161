"""Property tests for fix and annotate: whatever the report, only flagged lines go, a second
fix changes nothing, and every comment the annotator anchors covers exactly its match."""

from __future__ import annotations

import os
import tempfile

from docx_builder import heading, paragraph, run, table, title, write_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlint.api import lint_paths
from reportlint.readers import read_path
from residue_report import text_box
from test_annotate import anchored_text, comments

REPORT_LINES = [
    "全年完成地区生产总值XX亿元，同比增长X%。",
    "由（单位名称）牵头，继续推进道路硬化。",
    "新建改建农村公路120公里，完成危房改造85户。",
    "一、主要工作",
    "监督电话：12388",
    "",
    "同志们，安全生产责任重于泰山。让我们以高度负责的态度做好各项工作，确保形势稳定向好！（来源：清风范文网）",
]
VENDOR_LINES = [
    "下面是小编为大家整理的述职报告范文，供大家参考。",
    "墨香文库整理，咨询QQ206157060",
    "上传人：文库达人",
    "更多资料请咨询QQ：3456789012",
    "—— END ——",
]
LINES = st.lists(st.sampled_from(REPORT_LINES + VENDOR_LINES), min_size=1, max_size=14)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(LINES, st.sampled_from(["\n", "\r\n"]))
@SETTINGS
def test_text_fix_removes_only_flagged_lines_and_is_idempotent(lines, newline):
    from reportlint.fix import fix_path

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "报告.txt")
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("关于2023年度工作的报告" + newline + newline.join(lines) + newline)
        with open(path, encoding="utf-8", newline="") as fh:
            before = fh.read().split(newline)
        result = fix_path(path)
        with open(path, encoding="utf-8", newline="") as fh:
            after = fh.read().split(newline)
        kept = iter(before)
        assert all(line in kept for line in after)  # what is left is the original, in order, minus lines
        assert len(before) - len(after) == len(result.removed)
        assert not [d for d in lint_paths([path]).diagnostics if d.fix == "delete-line"]
        assert not fix_path(path).removed


def _cut_into_runs(text: str, cuts: list[int], hidden: bool) -> str:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    pieces = [text[a:b] for a, b in zip(points, points[1:], strict=False) if b > a]
    return paragraph(*[run(p) for p in pieces], *([run("本资料由墨香文库收集整理", hidden=True)] if hidden else []))


PARAGRAPH = st.tuples(st.sampled_from(REPORT_LINES[:3] + VENDOR_LINES), st.lists(st.integers(0, 60), max_size=4),
                      st.booleans()).map(lambda args: _cut_into_runs(*args))
BOX_OR_CELL = st.tuples(st.sampled_from(["box", "cell"]), st.lists(st.sampled_from(REPORT_LINES[:3] + VENDOR_LINES),
                                                                   min_size=1, max_size=3))
BODY = st.lists(st.one_of(PARAGRAPH, BOX_OR_CELL.map(lambda kind_texts: _container(*kind_texts))), min_size=1, max_size=8)


def _container(kind: str, texts: list[str]) -> str:
    if kind == "box":
        return text_box(*texts)
    return table([[paragraph(t) for t in texts]])


@given(BODY)
@SETTINGS
def test_word_annotate_anchors_exactly_and_fix_is_idempotent(body):
    from reportlint.annotate import annotate_path
    from reportlint.fix import fix_path
    from reportlint.i18n import localize

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "报告.docx")
        write_docx(path, [title("关于2023年度工作的报告"), heading("一、主要工作"), *body])
        done = annotate_path(path)
        assert not done.error
        ranges = anchored_text(done.output)
        notes = dict(comments(done.output))
        for d in done.diagnostics:
            head = f"{d.code} {localize(d, 'zh')}"  # a Chinese document gets Chinese comments
            found = [c for c, (_a, text) in notes.items() if text == head or text.startswith(head + "（位置：")]
            cid = next((c for c in found if ranges.get(c) == d.match), found[0])  # two findings may say the same
            if notes.pop(cid)[1] == head:
                assert ranges[cid] == d.match
        assert [b.text for b in read_path(done.output).blocks if b.part == "body"] == [
            b.text for b in read_path(path).blocks if b.part == "body"
        ]
        before = read_path(path)
        result = fix_path(path)
        with open(path, "rb") as fh:
            fixed = fh.read()
        # nothing but the removed lines is gone: the report text is all still there
        gone = [text for _what, _where, text in result.removed]
        left = [b.text for b in read_path(path).blocks]
        for b in before.blocks:
            if b.text in gone:
                gone.remove(b.text)
            else:
                assert b.text in left, b
                left.remove(b.text)
        assert not fix_path(path).removed
        with open(path, "rb") as fh:
            assert fh.read() == fixed
        assert not [d for d in lint_paths([path]).diagnostics if d.fix == "delete-line"]
