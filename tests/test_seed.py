"""Acceptance: the seed template, as text and rebuilt as a Word document."""

from __future__ import annotations

import re

import pytest
from conftest import SEED, requires_shared

pytestmark = requires_shared(SEED)

VENDOR_LINES = [1, 2, 3, 6, 14, 15, 16, 17, 18, 19, 20, 21]


def seed_x_runs() -> list[tuple[int, str]]:
    with open(SEED, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    return [(n, m.group()) for n, line in enumerate(lines, 1) for m in re.finditer("X+", line)]


def test_seed_reports_every_x_run_once(run_cli):
    result = run_cli("--format", "json", SEED)
    assert result.code == 1
    xs = [(d["line"], d["match"]) for d in result.diagnostics() if d["code"] == "RL101"]
    assert xs == seed_x_runs()
    assert len(xs) == 72


def test_seed_reports_the_choice_in_the_title(run_cli):
    diags = run_cli("--format", "json", SEED).diagnostics()
    choices = [(d["line"], d["column"], d["match"]) for d in diags if d["code"] == "RL110"]
    assert choices == [(4, 1, "县（区）")]


def test_seed_has_no_other_placeholder_findings(run_cli):
    diags = run_cli("--format", "json", SEED).diagnostics()
    assert [d for d in diags if d["category"] == "placeholder" and d["code"] not in ("RL101", "RL110")] == []
    assert sum(d["category"] == "placeholder" for d in diags) == 73


def test_seed_reports_each_vendor_line_and_nothing_else(run_cli):
    diags = run_cli("--format", "json", SEED).diagnostics()
    vendor = [d for d in diags if d["category"] == "watermark"]
    assert [d["line"] for d in vendor] == VENDOR_LINES
    with open(SEED, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for d in vendor:
        assert d["match"] == lines[d["line"] - 1].strip()
        assert d["column"] == 1


def test_seed_columns_point_at_the_match(run_cli):
    with open(SEED, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for d in run_cli("--format", "json", SEED).diagnostics():
        line = lines[d["line"] - 1]
        assert line[d["column"] - 1 : d["end_column"] - 1] == d["match"]


@pytest.fixture
def seed_docx(tmp_path):
    """The seed as Word: title as a heading, body paragraphs, and Word-only places."""
    from docx_builder import content_control, deleted, inserted, paragraph, table, title, write_docx

    with open(SEED, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    body = []
    for n, line in enumerate(lines, 1):
        body.append(title(line) if n == 4 else paragraph(line))
        if n == 8:  # after the 一、 section, in the middle of the body
            body.append(table([["指标", "数值"], ["生产总值", "X亿元"]]))
            body.append(paragraph("新增规上企业", content_control("XX"), "家，税收增长", inserted("X%"), "。"))
            body.append(paragraph("引进项目", deleted("XX"), "5个。"))
    path = tmp_path / "seed.docx"
    write_docx(str(path), body)
    return str(path)


def test_seed_docx_gives_the_same_findings_in_word_terms(run_cli, seed_docx):
    txt = run_cli("--format", "json", SEED).diagnostics()
    docx = [
        d for d in run_cli("--format", "json", seed_docx).diagnostics() if d["category"] in ("placeholder", "watermark")
    ]
    extra = [d for d in docx if d["part"] == "body" and d["match"] in ("X", "XX") and d["paragraph"] in range(9, 15)]
    assert sorted((d["match"], d.get("cell", "")) for d in extra) == [
        ("X", ""),
        ("X", "table 1 r2c2"),
        ("XX", ""),
    ]
    core = [d for d in docx if d not in extra]
    key = lambda d: (d["code"], d["match"])  # noqa: E731
    assert [key(d) for d in core] == [key(d) for d in txt]


def test_seed_docx_title_is_a_heading_and_locations_are_word_terms(run_cli, seed_docx):
    docx = run_cli("--format", "json", seed_docx).diagnostics()
    choice = next(d for d in docx if d["code"] == "RL110")
    assert choice["part"] == "body" and choice["paragraph"] == 4
    body_x = [d for d in docx if d["code"] == "RL101" and d["paragraph"] > 15]
    assert all(d["heading"] == "县（区）长2020年度述职述廉述效报告" for d in body_x)


def test_seed_docx_deleted_text_is_not_reported(run_cli, seed_docx):
    dump = run_cli("--dump-text", seed_docx).out
    assert "引进项目5个。" in dump
    docx = run_cli("--format", "json", seed_docx).diagnostics()
    assert not any("引进项目" in d["match"] for d in docx)
