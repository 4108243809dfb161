"""Baseline: write today's findings, then report only new ones."""

from __future__ import annotations

import json

import pytest

REPORT = """镇（乡）长2023年度述职报告
本资料由青禾文库收集整理   仅供学习交流
一、抓经济发展，综合实力稳步提升。全年实现地区生产总值X.X亿元，同比增长X%。
二、抓民生保障。新增就业XX人。
"""


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "述职报告.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "reports" / "总结.md").write_text("# 2023年工作总结\n\n全年完成投资XX亿元。\n", encoding="utf-8")
    return tmp_path


def lint(run_cli, repo, *args):
    return run_cli("--isolated", "--format", "json", "--baseline", str(repo / "baseline.json"), *args,
                   str(repo / "reports"))


def write(run_cli, repo):
    result = run_cli("baseline", "write", "--isolated", str(repo / "baseline.json"), str(repo / "reports"))
    assert result.code == 0, result.err
    return json.loads((repo / "baseline.json").read_text(encoding="utf-8"))


def test_written_baseline_is_sorted_relative_and_counted(run_cli, repo):
    data = write(run_cli, repo)
    assert data["version"] == 1
    entries = [(e["path"], e["code"], e["match"], e["count"]) for e in data["findings"]]
    assert entries == sorted(entries)
    assert ("reports/总结.md", "RL101", "XX", 1) in entries
    assert ("reports/述职报告.txt", "RL201", "本资料由青禾文库收集整理 仅供学习交流", 1) in entries  # white space collapsed


def test_writing_twice_gives_the_same_bytes(run_cli, repo):
    write(run_cli, repo)
    first = (repo / "baseline.json").read_bytes()
    write(run_cli, repo)
    assert (repo / "baseline.json").read_bytes() == first and first.endswith(b"\n")


def test_write_says_how_the_baseline_changed(run_cli, repo):
    args = ("baseline", "write", "--isolated", "--select", "RL101", str(repo / "baseline.json"), str(repo / "reports"))
    assert run_cli(*args).code == 0
    path = repo / "reports" / "述职报告.txt"
    path.write_text(REPORT.replace("X.X亿元", "286.4亿元") + "三、新增就业XX人。\n", encoding="utf-8")
    assert "(1 added, 1 dropped)" in run_cli(*args).err


def test_nothing_new_means_clean(run_cli, repo):
    write(run_cli, repo)
    result = lint(run_cli, repo)
    assert (result.code, result.diagnostics()) == (0, [])


def test_edits_elsewhere_do_not_invalidate_it(run_cli, repo):
    write(run_cli, repo)
    path = repo / "reports" / "述职报告.txt"
    text = path.read_text(encoding="utf-8").replace("二、", "（补充一段新的文字。）\n二、")
    path.write_text("报告说明：正文如下。\n" + text.replace("仅供学习交流", "  仅供学习交流"), encoding="utf-8")
    result = lint(run_cli, repo)
    assert (result.code, result.diagnostics()) == (0, [])


def test_a_further_occurrence_of_a_known_finding_reports_the_later_one(run_cli, repo):
    write(run_cli, repo)
    path = repo / "reports" / "述职报告.txt"
    path.write_text(REPORT + "三、抓项目建设。新增就业XX人。\n", encoding="utf-8")
    result = lint(run_cli, repo)
    assert [(d["code"], d["line"], d["match"]) for d in result.diagnostics()] == [("RL101", 5, "XX")]
    assert result.code == 1


def test_new_finding_in_another_file_is_reported(run_cli, repo):
    write(run_cli, repo)
    (repo / "reports" / "新报告.txt").write_text("县（区）长述职。\n", encoding="utf-8")
    result = lint(run_cli, repo, "--select", "RL110")
    assert [(f["path"].endswith("新报告.txt"), len(f["diagnostics"])) for f in result.json()["files"]
            if f["diagnostics"]] == [(True, 1)]


def test_fixed_findings_just_leave_stale_entries(run_cli, repo):
    write(run_cli, repo)
    (repo / "reports" / "总结.md").write_text("# 2023年工作总结\n\n全年完成投资12亿元。\n", encoding="utf-8")
    assert lint(run_cli, repo).code == 0


def test_baseline_in_another_folder_keys_paths_from_its_own_folder(run_cli, repo):
    (repo / "ci").mkdir()
    result = run_cli("baseline", "write", "--isolated", str(repo / "ci" / "baseline.json"), str(repo / "reports"))
    assert result.code == 0
    data = json.loads((repo / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"../reports/总结.md", "../reports/述职报告.txt"}
    again = run_cli("--isolated", "--baseline", str(repo / "ci" / "baseline.json"), str(repo / "reports"))
    assert again.code == 0


def test_text_output_with_baseline(run_cli, repo):
    write(run_cli, repo)
    result = run_cli("--isolated", "--baseline", str(repo / "baseline.json"), str(repo / "reports"))
    assert result.code == 0 and "Found 0 problems" in result.out


@pytest.mark.parametrize("content,message", [
    ("{not json", "not valid JSON"),
    ("[]", "not a reportlint baseline"),
    ('{"version": 2, "findings": []}', "version 2"),
    ('{"version": 1, "findings": {}}', "must be a list"),
    ('{"version": 1, "findings": [{"path": "a.txt", "code": "RL101"}]}', "finding 1 needs"),
    ('{"version": 1, "findings": [{"path": "a.txt", "code": "RL101", "match": "X", "count": 0}]}', "count"),
    ('{"version": 1, "findings": [{"path": 1, "code": "RL101", "match": "X", "count": 1}]}', "strings"),
])
def test_malformed_baseline_is_exit_2_with_a_clear_message(run_cli, repo, content, message):
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    result = lint(run_cli, repo)
    assert result.code == 2 and message in result.err and "baseline.json" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_missing_baseline_is_exit_2(run_cli, repo):
    result = lint(run_cli, repo)
    assert result.code == 2 and "baseline file not found" in result.err


def test_baseline_that_is_not_utf8_is_exit_2(run_cli, repo):
    (repo / "baseline.json").write_bytes(b"\xff\xfe\x00garbage")
    assert lint(run_cli, repo).code == 2


def test_write_records_readable_files_and_exits_2_for_unreadable_ones(run_cli, repo):
    (repo / "reports" / "旧报告.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = run_cli("baseline", "write", "--isolated", str(repo / "baseline.json"), str(repo / "reports"))
    assert result.code == 2 and "旧报告.docx" in result.err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert any(e["path"] == "reports/总结.md" for e in data["findings"])


def test_write_into_a_missing_folder_is_exit_2(run_cli, repo):
    result = run_cli("baseline", "write", "--isolated", str(repo / "nope" / "baseline.json"), str(repo / "reports"))
    assert result.code == 2 and "cannot write" in result.err


def test_write_needs_paths(run_cli, repo):
    assert run_cli("baseline", "write", str(repo / "baseline.json")).code == 2


def test_api_apply_baseline(repo):
    from reportlint import lint_paths
    from reportlint.baseline import apply_baseline, counts
    from reportlint.config import Config

    result = lint_paths([str(repo / "reports")], Config())
    known = counts(result, str(repo / "baseline.json"))
    assert apply_baseline(result, known, str(repo / "baseline.json")).diagnostics == []
