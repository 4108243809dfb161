"""Output formats: the registry, SARIF, GitHub annotations, JUnit XML, JSON Lines, --output."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from conftest import EXAMPLES, ROOT, SHARED
from kitchen_sink import build
from reportlint.api import FileResult, LintResult
from reportlint.diagnostics import Diagnostic
from reportlint.formatters import FORMATS, choose_format, get_formatter

SARIF_SCHEMA = os.path.join(SHARED, "schemas", "sarif-schema-2.1.0.json")
WORD_EXAMPLE = "县政府工作报告（含Word修订）.docx"

TEMPLATE = "述职人：某某\n全年完成投资X亿元，增长X%。\n"
CLEAN = "全年完成投资12.5亿元，同比增长6.1%。\n"


@pytest.fixture
def reports(tmp_path, monkeypatch):
    """A folder of reports, made the current folder so that paths are relative to it."""
    (tmp_path / "述职报告.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    shutil.copy(os.path.join(EXAMPLES, WORD_EXAMPLE), tmp_path / WORD_EXAMPLE)
    build(str(tmp_path / "kitchen-sink.docx"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def json_diagnostics(run_cli, *paths: str) -> dict[str, list[dict]]:
    return {f["path"]: f["diagnostics"] for f in run_cli("--format", "json", *paths).json()["files"]}


def sarif(run_cli, *args: str) -> dict:
    result = run_cli("--format", "sarif", *args)
    return json.loads(result.out)


# The registry


def test_every_registered_format_is_a_cli_choice(run_cli, reports):
    for name in (*FORMATS, "auto"):
        result = run_cli("--format", name, "述职报告.txt")
        assert result.code == 1, name
        assert result.out, name


def test_unknown_format_is_a_usage_error(run_cli, reports):
    result = run_cli("--format", "checkstyle", "述职报告.txt")
    assert result.code == 2
    assert "checkstyle" in result.err


def test_auto_is_github_inside_github_actions_and_text_elsewhere():
    assert choose_format("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert choose_format("auto", {}) == "text"
    assert choose_format("auto", {"GITHUB_ACTIONS": "false"}) == "text"
    assert choose_format("json", {"GITHUB_ACTIONS": "true"}) == "json"


def test_auto_format_from_the_cli(run_cli, reports, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run_cli("--format", "auto", "述职报告.txt").out.startswith("::error file=述职报告.txt,line=1,")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run_cli("--format", "auto", "述职报告.txt").out.startswith("述职报告.txt:1:")


# SARIF


@pytest.mark.skipif(not os.path.exists(SARIF_SCHEMA), reason=f"{SARIF_SCHEMA} not present")
def test_sarif_validates_against_the_schema(run_cli, reports):
    jsonschema = pytest.importorskip("jsonschema")
    with open(SARIF_SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    data = sarif(run_cli, ".")
    validator.validate(data)
    assert data["runs"][0]["results"]
    validator.validate(sarif(run_cli, "clean.txt"))


def test_sarif_results_match_the_json_diagnostics(run_cli, reports):
    expected = json_diagnostics(run_cli, "述职报告.txt")["述职报告.txt"]
    run = sarif(run_cli, "述职报告.txt")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    got = []
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]
        assert unquote(loc["artifactLocation"]["uri"]) == "述职报告.txt"
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = loc["region"]
        got.append((r["ruleId"], r["level"], region["startLine"], region["startColumn"], region["endLine"],
                    region["endColumn"], region["snippet"]["text"], r["message"]["text"]))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert got == [(d["code"], levels[d["severity"]], d["line"], d["column"], d["end_line"], d["end_column"],
                    d["match"], d["message"]) for d in expected]
    assert ("RL101", "error", 2, 7, 2, 8, "X", "unfilled template slot 'X': expected an amount in 亿元") in got


def test_sarif_rules_describe_the_rules_that_fired(run_cli, reports):
    driver = sarif(run_cli, "述职报告.txt")["runs"][0]["tool"]["driver"]
    assert driver["name"] == "reportlint" and driver["version"]
    assert "informationUri" not in driver
    x_slot = next(r for r in driver["rules"] if r["id"] == "RL101")
    assert x_slot["name"] == "x-slot"
    assert x_slot["defaultConfiguration"] == {"level": "error"}
    assert x_slot["properties"]["category"] == "placeholder"
    assert x_slot["shortDescription"]["text"] and "X亿元" in x_slot["help"]["text"]
    assert [r["id"] for r in driver["rules"]] == sorted({"RL101", "RL102"})


def test_sarif_word_findings_have_logical_locations(run_cli, reports):
    results = sarif(run_cli, WORD_EXAMPLE)["runs"][0]["results"]
    in_cell = [r for r in results if r["locations"][0]["logicalLocations"][0]["properties"].get("cell")]
    assert in_cell
    logical = in_cell[0]["locations"][0]["logicalLocations"][0]
    assert logical["name"] == "table 1 r2c2"
    assert logical["fullyQualifiedName"] == "body > paragraph 10 > table 1 r2c2"
    assert logical["properties"]["heading"] == "一、2023年工作回顾"
    assert in_cell[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 10


def test_sarif_package_findings_have_no_region(run_cli, reports):
    results = sarif(run_cli, "kitchen-sink.docx")["runs"][0]["results"]
    macros = next(r for r in results if r["ruleId"] == "RL308")
    assert "region" not in macros["locations"][0]["physicalLocation"]
    assert macros["locations"][0]["logicalLocations"][0]["properties"]["part"] == "package"
    header = next(r for r in results if r["ruleId"] == "RL305")
    logical = header["locations"][0]["logicalLocations"][0]
    assert logical["properties"]["part"] == "header" and logical["properties"]["story"]
    assert all("region" in r["locations"][0]["physicalLocation"] for r in results if r["ruleId"] == "RL101")


def test_sarif_unreadable_file_is_a_tool_execution_notification(run_cli, reports):
    data = sarif(run_cli, "broken.docx", "述职报告.txt")
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "damaged or truncated zip package"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.docx"
    assert data["runs"][0]["results"]
    assert sarif(run_cli, "clean.txt")["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def fingerprints(run_cli) -> list[tuple[str, str]]:
    results = sarif(run_cli, "述职报告.txt")["runs"][0]["results"]
    return [(r["ruleId"], r["partialFingerprints"]["reportlintMatch/v1"]) for r in results]


def test_sarif_fingerprints_survive_edits_elsewhere(run_cli, reports):
    before = fingerprints(run_cli)
    (reports / "述职报告.txt").write_text("本人认真履行岗位职责。\n\n" + TEMPLATE.replace("全年", "全年累计"), encoding="utf-8")
    after = fingerprints(run_cli)
    assert sorted(before) == sorted(after)


def test_sarif_fingerprints_tell_repeated_findings_apart(run_cli, reports):
    prints = fingerprints(run_cli)
    x_slots = [p for code, p in prints if code == "RL101"]
    assert len(x_slots) == 2 and len(set(x_slots)) == 2


def test_sarif_file_outside_the_current_folder_gets_a_file_uri(run_cli, reports, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "报告.txt"
    elsewhere.write_text(TEMPLATE, encoding="utf-8")
    location = sarif(run_cli, str(elsewhere))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == elsewhere.as_uri()
    assert "uriBaseId" not in location["artifactLocation"]


# GitHub Actions


def test_github_annotations(run_cli, reports):
    lines = run_cli("--format", "github", "述职报告.txt").out.splitlines()
    assert "::error file=述职报告.txt,line=2,col=7,endLine=2,endColumn=8,title=RL101 x-slot::" \
           "unfilled template slot 'X': expected an amount in 亿元" in lines
    assert all(line.startswith("::error ") for line in lines)


def test_github_word_findings_say_where_in_word(run_cli, reports):
    out = run_cli("--format", "github", WORD_EXAMPLE, "kitchen-sink.docx").out
    assert f"::error file={WORD_EXAMPLE},line=10,col=1,endLine=10,endColumn=2,title=RL101 x-slot::" in out
    assert "[body ¶10 table 1 r2c2]" in out
    macros = next(line for line in out.splitlines() if "title=RL308" in line)
    assert macros.startswith("::warning file=kitchen-sink.docx,title=RL308 macros::")
    assert any(line.startswith("::notice ") for line in out.splitlines())


def test_github_unreadable_file(run_cli, reports):
    result = run_cli("--format", "github", "broken.docx")
    assert result.code == 2
    assert result.out == "::error file=broken.docx,title=unreadable file::damaged or truncated zip package\n"


def test_github_escaping():
    from reportlint.formatters.github import command

    line = command("warning", "100% done\r\nnext", file="a,b:c%.txt", title="RL1 x")
    assert line == "::warning file=a%2Cb%3Ac%25.txt,title=RL1 x::100%25 done%0D%0Anext"


# JUnit XML


def test_junit_is_well_formed_with_a_suite_per_file(run_cli, reports):
    result = run_cli("--format", "junit", "述职报告.txt", "clean.txt", "broken.docx")
    assert result.code == 2
    root = ET.fromstring(result.out.encode("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["述职报告.txt", "clean.txt", "broken.docx"]
    findings = suites["述职报告.txt"]
    failures = [c.find("failure") for c in findings.iter("testcase")]
    assert findings.get("failures") == findings.get("tests") == str(len(failures)) == "3"
    assert failures[1].get("message") == "unfilled template slot 'X': expected an amount in 亿元"
    assert "述职报告.txt:2:7: RL101" in failures[1].text
    (passing,) = suites["clean.txt"].iter("testcase")
    assert list(passing) == []
    (unread,) = suites["broken.docx"].iter("testcase")
    assert unread.find("error").get("message") == "damaged or truncated zip package"
    assert root.get("tests") == "5" and root.get("failures") == "3" and root.get("errors") == "1"


def test_junit_drops_characters_xml_cannot_carry():
    d = Diagnostic("RL101", "x-slot", "placeholder", "error", "slot 'X\x0b'", "X\x0b", 1, 1, 1, 3)
    result = LintResult([FileResult("a\x01.txt", "txt", [d])])
    root = ET.fromstring(get_formatter("junit")(result).encode("utf-8"))
    assert root.find("testsuite").get("name") == "a\ufffd.txt"


# JSON Lines


def test_jsonl_is_the_json_diagnostics_one_per_line(run_cli, reports):
    paths = ("述职报告.txt", "clean.txt", WORD_EXAMPLE)
    expected = [{"path": path, "format": path.rsplit(".", 1)[1], **d}
                for path, ds in json_diagnostics(run_cli, *paths).items() for d in ds]
    result = run_cli("--format", "jsonl", *paths)
    assert result.code == 1
    assert [json.loads(line) for line in result.out.splitlines()] == expected
    assert run_cli("--format", "jsonl", "clean.txt").out == ""


# --output


def test_output_writes_the_report_to_a_file(run_cli, reports):
    result = run_cli("--format", "json", "--output", "out/report.json", "述职报告.txt")
    assert result.code == 2 and "out/report.json" in result.err and "Traceback" not in result.err
    (reports / "out").mkdir()
    result = run_cli("--format", "json", "--output", "out/report.json", "述职报告.txt")
    assert result.code == 1
    assert result.out == "" and result.err == ""
    report = json.loads((reports / "out" / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in report["files"][0]["diagnostics"]] == ["RL102", "RL101", "RL101"]
    assert os.listdir(reports / "out") == ["report.json"]


def test_output_replaces_an_old_report_and_keeps_errors_on_stderr(run_cli, reports):
    (reports / "report.txt.out").write_text("old", encoding="utf-8")
    result = run_cli("--output", "report.txt.out", "--color", "always", "clean.txt", "broken.docx")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == "reportlint: broken.docx: damaged or truncated zip package"
    assert (reports / "report.txt.out").read_text(encoding="utf-8") == "Found 0 problems in 2 files (1 could not be read).\n"
    assert run_cli("--output", "report.txt.out", "--statistics", "clean.txt").code == 0
    assert "count" in (reports / "report.txt.out").read_text(encoding="utf-8")


# The example workflow


def test_example_workflow_runs_and_annotates(run_cli, monkeypatch):
    yaml = pytest.importorskip("yaml")
    with open(os.path.join(ROOT, ".github", "workflows", "reportlint.yml"), encoding="utf-8") as fh:
        workflow = yaml.safe_load(fh)
    steps = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    assert "python -m pip install ." in steps
    (command,) = [s for s in steps if s.startswith("reportlint ")]
    monkeypatch.chdir(ROOT)
    result = run_cli(*shlex.split(command)[1:])
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines and all(line.startswith(("::error file=fixtures/examples/", "::warning file=fixtures/examples/",
                                          "::notice file=fixtures/examples/")) for line in lines)


def test_readme_documents_every_format():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        row = next(line for line in fh if line.startswith("| `--format FORMAT` |"))
    for name in (*FORMATS, "auto"):
        assert f"`{name}`" in row, name


def test_a_rule_s_diagnostic_fills_each_field_by_name():
    """Rule.diagnostic builds the tuple by position: each value must land in its field."""
    from reportlint.diagnostics import Expectation
    from reportlint.document import Block, Cell
    from reportlint.registry import all_rules

    rule = all_rules()[0]
    block = Block(text="合计\tX亿元", line=7, column=3, part="header", paragraph=2, heading="一、概况",
                  cell=Cell(table=1, row=2, column=3), story="first", section=2)
    d = rule.diagnostic(block, 3, 4, "m", severity="info", fix="F", expects=Expectation("amount", "亿元"))
    assert d._asdict() == {
        "code": rule.code, "name": rule.name, "category": rule.category, "severity": "info", "message": "m",
        "match": "X", "line": 7, "column": 6, "end_line": 7, "end_column": 7, "part": "header", "paragraph": 2,
        "heading": "一、概况", "cell": "table 1 r2c3", "story": "first", "section": 2, "snippet": "X亿元",
        "source": "合计\tX亿元", "source_column": 3, "fix": "F", "expects": Expectation("amount", "亿元"),
    }


# Formats written file by file


@pytest.mark.parametrize("fmt", ["text", "jsonl", "github"])
@pytest.mark.parametrize("extra", [(), ("--quiet",), ("--lang", "zh"), ("--jobs", "2")])
def test_a_streamed_format_writes_what_it_writes_whole(run_cli, reports, fmt, extra):
    paths = ("述职报告.txt", "clean.txt", "broken.docx", WORD_EXAMPLE, "kitchen-sink.docx")
    streamed = run_cli("--format", fmt, *extra, *paths)
    assert run_cli("--format", fmt, *extra, "--output", "whole.out", *paths).code == streamed.code == 2
    assert streamed.out == (reports / "whole.out").read_text(encoding="utf-8")
    assert streamed.err.strip() == "reportlint: broken.docx: damaged or truncated zip package"


def test_findings_go_out_while_later_files_are_still_linted(run_cli, reports, monkeypatch):
    from reportlint import api, run

    events = []
    real_lint, real_echo = api.lint_path, run.echo
    monkeypatch.setattr(api, "lint_path", lambda path, config: (events.append(("lint", path)), real_lint(path, config))[1])
    monkeypatch.setattr(run, "echo", lambda text, **kw: (events.append(("out", text[:20])), real_echo(text, **kw))[1])
    for i in range(3):
        (reports / f"r{i}.txt").write_text(TEMPLATE, encoding="utf-8")
    assert run_cli("--jobs", "1", "r0.txt", "r1.txt", "r2.txt").code == 1
    kinds = [kind for kind, _ in events]
    assert kinds == ["lint", "out", "lint", "out", "lint", "out", "out"]  # (the last: the summary)
    assert events[1][1].startswith("r0.txt:1:5: RL102")


def test_json_sarif_and_junit_are_written_whole(run_cli, reports, monkeypatch):
    from reportlint.formatters import STREAMS, get_stream

    assert get_stream("json") is get_stream("sarif") is get_stream("junit") is None
    assert set(STREAMS) <= set(FORMATS)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert get_stream("auto").__name__ == "GithubStream"
