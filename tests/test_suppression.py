"""Suppressing findings: Markdown directives, Word comments, per-file-ignores, allow entries, RL001/RL002."""

from __future__ import annotations

import pytest
from docx_builder import paragraph, story_xml, write_docx
from reportlint import lint_text
from reportlint.config import Config, load_config
from reportlint.errors import ConfigError
from reportlint.readers import read_text

REPORT = """# 镇（乡）长2023年度述职报告

<!-- reportlint-disable RL110 -->
镇（乡）长述职报告正文。
他（她）热爱本职工作。
<!-- reportlint-enable -->

全年实现地区生产总值X.X亿元，同比增长X%。

<!-- reportlint-disable-next-line RL101 -->
完成固定资产投资XX亿元。
引进XX等X个产业项目落户。
"""


def found(text: str, **settings) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.match) for d in lint_text(text, format="md", config=Config(**settings))
            if d.category in ("placeholder", "suppression")]


def test_the_reader_records_directives_with_their_places():
    doc = read_text("r.md", REPORT, "md")
    assert [(s.kind, s.selectors, s.line, s.column) for s in doc.suppressions] == [
        ("disable", ("RL110",), 3, 1), ("enable", (), 6, 1), ("disable-next-line", ("RL101",), 10, 1),
    ]


def test_disable_enable_and_next_line_suppress_what_they_cover():
    assert found(REPORT) == [
        ("RL110", 1, "镇（乡）"),
        ("RL101", 8, "X.X"), ("RL101", 8, "X"),
        ("RL101", 12, "XX"), ("RL101", 12, "X"),
    ]


def test_directives_in_a_plain_text_file_are_text():
    text = "<!-- reportlint-disable -->\n全年实现地区生产总值X.X亿元。\n"
    assert [d.code for d in lint_text(text, format="txt")] == ["RL101"]


def test_bare_disable_covers_every_rule_until_the_end():
    text = "正文。\n\n<!-- reportlint-disable -->\n\n县（区）长述职，增长X%。\n"
    assert found(text) == []


def test_disable_file_with_codes_covers_only_those_rules():
    text = "全年增长X%。\n\n县（区）长述职。\n\n<!-- reportlint-disable-file x-slot -->\n"
    assert [d.code for d in lint_text(text, format="md")] == ["RL110"]


@pytest.mark.parametrize("codes", ["RL101,RL110", "RL101, RL110", "RL101 RL110", "x-slot unresolved-choice", "RL1"])
def test_selectors_are_codes_prefixes_or_names_comma_or_space_separated(codes):
    text = f"<!-- reportlint-disable-next-line {codes} -->\n县（区）长述职，增长X%。\n"
    assert found(text) == []


def test_narrow_enable_lets_one_rule_through_a_wider_disable():
    text = ("<!-- reportlint-disable placeholder -->\n县（区）长述职，增长X%。\n<!-- reportlint-enable RL101 -->\n"
            "县（区）长述职，增长X%。\n")
    assert found(text) == [("RL101", 4, "X")]


def test_next_line_skips_blank_lines_and_covers_one_line_only():
    text = "<!-- reportlint-disable-next-line -->\n\n\n增长X%。\n增长X%。\n"
    assert found(text) == [("RL101", 5, "X")]


def test_a_directive_inside_a_code_block_is_not_a_directive():
    text = "```\n<!-- reportlint-disable -->\n```\n\n增长X%。\n"
    assert found(text) == [("RL101", 5, "X")]


def test_multi_line_directive_comment():
    text = "<!--\nreportlint-disable-next-line\nRL101\n-->\n增长X%。\n"
    assert found(text) == []


def test_unused_directive_is_reported_where_it_is():
    text = "前言。\n\n<!-- reportlint-disable-next-line RL101 -->\n全年增长5.6%。\n"
    diags = [d for d in lint_text(text, format="md") if d.code == "RL001"]
    assert [(d.line, d.column, d.end_column, d.match, d.severity) for d in diags] == [
        (3, 1, 44, "<!-- reportlint-disable-next-line RL101 -->", "info")
    ]


def test_unused_selector_of_a_used_directive_is_named():
    text = "<!-- reportlint-disable-next-line RL101, RL110 -->\n增长X%。\n"
    diags = [d for d in lint_text(text, format="md") if d.code == "RL001"]
    assert len(diags) == 1 and "RL110" in diags[0].message and "RL101" not in diags[0].message


def test_enable_is_never_unused_and_selectors_of_rules_not_run_are_not_unused():
    text = "<!-- reportlint-disable-next-line watermark -->\n增长X%。\n<!-- reportlint-enable -->\n"
    assert found(text, select=("placeholder", "suppression")) == [("RL101", 2, "X")]


def test_unused_suppression_can_be_ignored_like_any_rule():
    text = "<!-- reportlint-disable-next-line -->\n全年增长5.6%。\n"
    assert found(text, ignore=("RL001",)) == []


@pytest.mark.parametrize("directive,problem", [
    ("<!-- reportlint-disable RL999 -->", "RL999"),
    ("<!-- reportlint-disabel RL101 -->", "reportlint-disabel"),
    ("<!-- reportlint-ignore RL101 -->", "reportlint-ignore"),
    ("<!-- reportlint-disable-next-line RL101,nonsense -->", "nonsense"),
])
def test_unreadable_directive_is_a_finding_not_a_crash(directive, problem):
    diags = lint_text(f"{directive}\n增长X%。\n", format="md")
    invalid = [d for d in diags if d.code == "RL002"]
    assert [(d.line, d.match) for d in invalid] == [(1, directive)] and problem in invalid[0].message
    assert not any(d.code == "RL001" for d in diags)


def test_valid_part_of_a_directive_with_an_unknown_selector_still_works():
    diags = lint_text("<!-- reportlint-disable-next-line RL101,nonsense -->\n增长X%。\n", format="md")
    assert [d.code for d in diags] == ["RL002"]


def test_cli_json_reports_suppression_category(run_cli, tmp_path):
    path = tmp_path / "报告.md"
    path.write_text("<!-- reportlint-disable-file RL101 -->\n全年增长5.6%。\n", encoding="utf-8")
    result = run_cli("--format", "json", str(path))
    assert [(d["code"], d["category"]) for d in result.diagnostics()] == [("RL001", "suppression")]
    assert result.code == 0  # info does not fail by default


# -- Word comments ----------------------------------------------------------------------------

def _commented(text: str, comment_id: int) -> list[str]:
    return [f'<w:commentRangeStart w:id="{comment_id}"/>', text,
            f'<w:commentRangeEnd w:id="{comment_id}"/><w:r><w:commentReference w:id="{comment_id}"/></w:r>']


def _word(path, body: list[str], comments: list[tuple[int, str]]) -> str:
    xml = story_xml("comments", [f'<w:comment w:id="{i}" w:author="张三">{paragraph(text)}</w:comment>'
                                 for i, text in comments])
    write_docx(str(path), body, parts={"word/comments.xml": xml}, rels=[("rIdCm", "comments", "comments.xml")])
    return str(path)


def test_word_ignore_comment_covers_its_anchored_text_only(run_cli, tmp_path):
    path = _word(tmp_path / "述职报告.docx", [
        paragraph("全县完成生产总值X亿元。"),
        paragraph(*_commented("新增XX个项目", 0), "，县（区）长带头。"),
        paragraph(*_commented("增长X%", 1)),
    ], [(0, "reportlint: ignore RL101"), (1, "这个数据需要核实")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"], d["match"]) for d in diags] == [
        ("RL101", 1, "X"), ("RL110", 2, "县（区）"), ("RL101", 3, "X"), ("RL301", 5, "这个数据需要核实"),
    ]


def test_word_ignore_comment_for_all_rules_across_paragraphs(run_cli, tmp_path):
    path = _word(tmp_path / "报告.docx", [
        paragraph('<w:commentRangeStart w:id="3"/>', "县（区）长述职。"),
        paragraph("增长X%。", '<w:commentRangeEnd w:id="3"/>'),
        paragraph("新增XX个项目。"),
    ], [(3, "reportlint：ignore")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"], d["match"]) for d in diags] == [("RL101", 3, "XX")]


def test_word_directive_comment_that_suppresses_nothing_is_reported_at_the_comment(run_cli, tmp_path):
    path = _word(tmp_path / "报告.docx", [paragraph(*_commented("全年同比增长5.6%。", 0))],
                 [(0, "reportlint: ignore RL101, RL110")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"], d["part"], d["story"]) for d in diags] == [
        ("RL001", 2, "comment", "comment 1 by 张三")
    ]


def test_word_directive_with_unknown_code(run_cli, tmp_path):
    path = _word(tmp_path / "报告.docx", [paragraph(*_commented("增长X%。", 0))], [(0, "reportlint: ignore RL9999")])
    codes = [d["code"] for d in run_cli("--format", "json", path).diagnostics()]
    assert codes == ["RL101", "RL002"]


# -- config: per-file-ignores and allow --------------------------------------------------------

def _project(tmp_path, config: str):
    (tmp_path / ".reportlint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2023年述职报告.txt").write_text(
        "县（区）长2023年度述职报告\n全年实现地区生产总值X.X亿元。\n本资料由青禾文库收集整理 仅供学习交流\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "模板.txt").write_text("全年实现地区生产总值X.X亿元。\n", encoding="utf-8")
    return tmp_path


def _codes(run_cli, root, *args) -> list[tuple[str, str]]:
    result = run_cli("--format", "json", "--config", str(root / ".reportlint.toml"), *args, str(root))
    return [(f["path"].replace("\\", "/").rsplit("/", 1)[-1], d["code"]) for f in result.json()["files"]
            for d in f["diagnostics"] if d["category"] != "structure"]


def test_per_file_ignores_by_glob_relative_to_the_config(run_cli, tmp_path):
    root = _project(tmp_path, '[per-file-ignores]\n"drafts/*" = ["placeholder"]\n"*.txt" = ["RL201"]\n')
    assert _codes(run_cli, root) == [("2023年述职报告.txt", "RL110"), ("2023年述职报告.txt", "RL101")]


def test_allow_entries_by_exact_match_pattern_path_and_codes(run_cli, tmp_path):
    root = _project(tmp_path, """
[[allow]]
match = "县（区）"
reason = "the title names both on purpose"

[[allow]]
pattern = "青禾文库"
codes = ["watermark"]
reason = "quoted in a report about pirated templates"

[[allow]]
match = "X.X"
path = "drafts/*"
reason = "the draft is a template"
""")
    assert _codes(run_cli, root) == [("2023年述职报告.txt", "RL101")]


def test_allow_in_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.reportlint.allow]]\nmatch = "X"\nreason = "why"\n', encoding="utf-8")
    cfg = load_config(start=str(tmp_path))
    assert [(a.match, a.reason) for a in cfg.allow] == [("X", "why")]


@pytest.mark.parametrize("toml,message", [
    ('[[allow]]\nmatch = "X"\n', "needs a reason"),
    ('[[allow]]\nmatch = "X"\nreason = ""\n', "needs a reason"),
    ('[[allow]]\nreason = "r"\n', "exactly one of match"),
    ('[[allow]]\nmatch = "X"\npattern = "X"\nreason = "r"\n', "exactly one of match"),
    ('[[allow]]\nmatch = "X"\nreason = "r"\nfile = "a"\n', "unknown key 'file'"),
    ('[[allow]]\npattern = "X("\nreason = "r"\n', "invalid pattern"),
    ('[[allow]]\nmatch = "X"\nreason = "r"\ncodes = ["RL999"]\n', "unknown rule selector"),
    ('[[allow]]\nmatch = "X"\nreason = "r"\npath = "/abs/*.txt"\n', "relative"),
    ('allow = "X"\n', "array of tables"),
    ('[per-file-ignores]\n"drafts/*" = ["RL999"]\n', "unknown rule selector"),
    ('[per-file-ignores]\n"drafts/[a" = ["RL101"]\n', "unclosed"),
    ('per-file-ignores = ["drafts/*"]\n', "table of glob"),
])
def test_bad_suppression_config_is_a_clear_error(tmp_path, run_cli, toml, message):
    config = tmp_path / ".reportlint.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(str(config))
    report = tmp_path / "a.txt"
    report.write_text("正文。\n", encoding="utf-8")
    result = run_cli("--config", str(config), str(report))
    assert result.code == 2 and str(config) in result.err and "Traceback" not in result.err


def test_word_ignore_comment_over_a_whole_paragraph_covers_its_hidden_text(run_cli, tmp_path):
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>本资料由墨香文库收集整理</w:t></w:r>'
    path = _word(tmp_path / "报告.docx", [
        paragraph(*_commented("全面完成年度目标任务。", 0)[:2], hidden, _commented("", 0)[2]),
        paragraph("安全形势总体平稳。", hidden),
    ], [(0, "reportlint: ignore hidden, watermark")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"]) for d in diags] == [("RL201", 4), ("RL303", 4)]


def test_word_range_marks_between_paragraphs(run_cli, tmp_path):
    path = _word(tmp_path / "报告.docx", [
        paragraph("新增XX个项目。"),
        '<w:commentRangeStart w:id="0"/>', paragraph("增长X%。"), '<w:commentRangeEnd w:id="0"/>',
        paragraph("新增XX个项目。"),
    ], [(0, "reportlint: ignore")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"]) for d in diags] == [("RL101", 1), ("RL101", 3)]


def test_unused_disable_region_is_reported_and_its_enable_is_not():
    text = "<!-- reportlint-disable RL110 -->\n全年同比增长5.6%。\n<!-- reportlint-enable RL110 -->\n"
    assert found(text) == [("RL001", 1, "<!-- reportlint-disable RL110 -->")]


def test_a_finding_after_enable_is_not_covered():
    text = "<!-- reportlint-disable RL101 -->\n<!-- reportlint-enable RL101 -->\n增长X%。\n"
    assert found(text) == [("RL001", 1, "<!-- reportlint-disable RL101 -->"), ("RL101", 3, "X")]


@pytest.mark.parametrize("pattern,path,expected", [
    ("drafts/*", "drafts/a.txt", True),
    ("drafts/*", "reports/drafts/a.txt", False),
    ("*.txt", "reports/2023/a.txt", True),
    ("reports/**/*.docx", "reports/a.docx", True),
    ("reports/**/*.docx", "reports/2023/q1/a.docx", True),
    ("reports/**/*.docx", "other/a.docx", False),
])
def test_config_globs_are_relative_to_the_config_folder(tmp_path, pattern, path, expected):
    from reportlint.suppression import glob_matches

    assert glob_matches(pattern, str(tmp_path / path), str(tmp_path)) is expected


def test_word_directive_comment_without_a_range_suppresses_nothing(run_cli, tmp_path):
    path = _word(tmp_path / "报告.docx", [paragraph("增长X%。", '<w:r><w:commentReference w:id="0"/></w:r>')],
                 [(0, "reportlint: ignore RL101")])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["line"]) for d in diags] == [("RL101", 1), ("RL001", 2)]


def test_unused_suppression_findings_can_be_suppressed_too():
    text = "<!-- reportlint-disable-file RL001 -->\n<!-- reportlint-disable-next-line RL101 -->\n全年同比增长5.6%。\n"
    assert found(text) == []


def test_disable_line_covers_its_own_line():
    text = "县（区）长述职。<!-- reportlint-disable-line RL110 -->\n县（区）长述职。\n"
    assert found(text) == [("RL110", 2, "县（区）")]
