"""``reportlint slots``: the slots of a template still to fill, as a table or CSV."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import SEED, requires_shared
from docx_builder import content_control, field, heading, paragraph, table, title, write_docx


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@requires_shared(SEED)
def test_seed_lists_every_placeholder_finding_as_a_slot(run_cli):
    result = run_cli("slots", "--format", "csv", SEED)
    assert result.code == 1
    rows = csv_rows(result.out)
    assert len(rows) == 73
    assert {r["code"] for r in rows} == {"RL101", "RL110"}


@requires_shared(SEED)
def test_seed_slots_say_what_value_belongs_there(run_cli):
    rows = csv_rows(run_cli("slots", "--format", "csv", SEED).out)
    by_place = {(int(r["line"]), int(r["column"])): r for r in rows}
    choice = by_place[(4, 1)]
    assert (choice["slot"], choice["kind"], choice["unit"]) == ("县（区）", "choice", "县/区")
    # 全县完成生产总值X亿元、增长X%
    amount, percent = by_place[(9, 112)], by_place[(9, 118)]
    assert (amount["slot"], amount["kind"], amount["unit"]) == ("X", "amount", "亿元")
    assert "〖X〗亿元" in amount["context"]
    assert percent["kind"] == "percent"
    assert amount["message"] == "unfilled template slot 'X': expected an amount in 亿元"
    kinds = {r["kind"] for r in rows}
    assert {"amount", "percent", "count", "place", "name", "choice"} <= kinds


@requires_shared(SEED)
def test_seed_table_lists_locations_and_expectations(run_cli):
    result = run_cli("slots", SEED)
    assert result.code == 1
    assert f"{SEED}:9:112" in result.out
    assert "amount (亿元)" in result.out


def test_json_output_carries_the_expectation(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全县完成生产总值X亿元，增长X%。\n", encoding="utf-8")
    diags = run_cli("--format", "json", str(path)).diagnostics()
    assert [d["expects"] for d in diags] == [{"kind": "amount", "unit": "亿元"}, {"kind": "percent"}]


def test_output_file_is_csv_with_a_byte_order_mark_for_excel(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("（填写完成时间）前完成XX村道路硬化。\n", encoding="utf-8")
    out = tmp_path / "slots.csv"
    result = run_cli("slots", "--format", "csv", "--output", str(out), str(path))
    assert result.code == 1
    assert result.out == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(raw.decode("utf-8-sig"))
    assert [(r["slot"], r["kind"], r["unit"]) for r in rows] == [("（填写完成时间）", "date", ""), ("XX", "place", "村")]


def test_docx_slots_name_part_paragraph_cell_and_heading(run_cli, tmp_path):
    path = str(tmp_path / "t.docx")
    write_docx(path, [
        title("XX县2024年工作总结"),
        heading("一、主要指标"),
        paragraph("全年完成投资X亿元。"),
        table([["指标", "数值"], ["新建道路", "X公里"]]),
        paragraph("联系人：", content_control("单击此处输入文字。", placeholder=True)),
        paragraph("致", field("MERGEFIELD 单位名称", "«单位名称»")),
    ])
    result = run_cli("slots", "--format", "csv", path)
    assert result.code == 1
    rows = csv_rows(result.out)
    amount = next(r for r in rows if r["kind"] == "amount")
    assert (amount["slot"], amount["unit"], amount["heading"]) == ("X", "亿元", "一、主要指标")
    cell = next(r for r in rows if r["cell"])
    assert (cell["slot"], cell["kind"], cell["unit"]) == ("X", "count", "公里")
    assert cell["paragraph"]
    assert {"RL109", "RL111"} <= {r["code"] for r in rows}


def test_a_filled_report_has_no_slots(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全县完成生产总值12.3亿元，增长5%。\n", encoding="utf-8")
    result = run_cli("slots", str(path))
    assert result.code == 0
    assert "no slots" in result.out


@pytest.mark.parametrize("args", [["missing.txt"], ["--format", "xml", "x.txt"]])
def test_bad_input_exits_2(run_cli, args):
    assert run_cli("slots", *args).code == 2


def test_date_slots_name_the_part_of_the_date(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("本方案自20XX年X月起施行。\n", encoding="utf-8")
    rows = csv_rows(run_cli("slots", "--format", "csv", str(path)).out)
    assert [(r["slot"], r["kind"], r["unit"], r["expects"]) for r in rows] == [
        ("20XX", "date", "年", "year"), ("X", "date", "月", "month"),
    ]


def test_output_that_cannot_be_written_exits_2(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("完成投资X亿元。\n", encoding="utf-8")
    result = run_cli("slots", "--output", str(tmp_path / "missing-folder" / "slots.csv"), str(path))
    assert result.code == 2
    assert "slots.csv" in result.err and "Traceback" not in result.err
