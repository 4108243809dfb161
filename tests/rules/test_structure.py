"""Structure rules: numbering (RL401–RL404) and required sections (RL405)."""

from __future__ import annotations

import pytest
from conftest import SEED, requires_shared


def structure(lint, text, **settings):
    return [(d.code, d.line, d.match) for d in lint(text, **settings) if d.category == "structure"]


@pytest.fixture
def seed_lines():
    with open(SEED, encoding="utf-8") as fh:
        return fh.read().split("\n")


@requires_shared(SEED)
def test_seed_as_is_has_no_structure_finding(lint, seed_lines):
    assert structure(lint, "\n".join(seed_lines)) == []


@requires_shared(SEED)
def test_seed_without_section_three_has_a_gap_at_four(lint, seed_lines):
    text = "\n".join(line for line in seed_lines if not line.startswith("三、"))
    assert structure(lint, text) == [("RL401", 10, "四、")]


@requires_shared(SEED)
def test_seed_without_the_clean_section_misses_shulian(lint, seed_lines):
    text = "\n".join(line for line in seed_lines if not line.startswith("四、"))
    found = [d for d in lint(text) if d.code == "RL405"]
    assert len(found) == 1
    assert found[0].message.startswith("述职述廉述效报告 has no 述廉（廉洁自律） part: expected a section about 廉洁")
    assert "inferred" in found[0].message


def test_numbering_in_a_real_looking_report(lint):
    text = "\n".join([
        "关于2024年上半年工作情况的报告",
        "一、主要工作",
        "（一）抓经济发展。全年完成生产总值12亿元。",
        "1.工业。规上工业增加值增长6%。",
        "2.农业。粮食总产量稳定。",
        "（二）抓民生保障。",
        "二、存在问题",
        "（一）产业结构不优。",
        "三、下一步打算",
        "全市一、二班学生参加活动，增长1.5倍。",
        "附件：1.重点项目清单",
        "2.责任分工表",
    ])
    assert structure(lint, text) == []


def test_numbering_faults(lint):
    text = "一、成绩\n（一）经济\n（一）民生\n（三）社会\n二、问题\n（二）短板\n四、打算\n3、措施\n"
    assert [f for f in structure(lint, text, profile="none") if f[0] != "RL407"] == [
        ("RL402", 3, "（一）"),
        ("RL401", 4, "（三）"),
        ("RL404", 6, "（二）"),
        ("RL401", 7, "四、"),
        ("RL403", 8, "3、"),
        ("RL404", 8, "3、"),
        ("RL415", 8, "3、"),
    ]


def test_table_of_contents_is_skipped(lint):
    text = "目录\n一、总体情况……1\n二、主要做法……3\n一、总体情况\n情况良好。\n二、主要做法\n做法有效。\n"
    assert structure(lint, text, profile="none") == []


def test_profile_option(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一、履职情况\n全年完成各项工作。\n二、存在的不足\n三、今后打算\n", encoding="utf-8")
    assert [d["code"] for d in run_cli("--format", "json", "--select", "RL405", str(path)).diagnostics()] == []
    forced = run_cli("--format", "json", "--select", "RL405", "--profile", "述职述廉报告", str(path)).diagnostics()
    assert [d["code"] for d in forced] == ["RL405"]
    assert run_cli("--profile", "不存在的报告", str(path)).code == 2


def test_enumerations_across_paragraphs(lint):
    text = "（一）加强领导\n一是健全机制。\n二是压实责任。\n四是强化督查。\n（二）完善制度\n一是建立台账。\n（三）强化保障\n统一是前提，唯一是标准。"
    assert structure(lint, text, profile="none") == [("RL406", 4, "四是"), ("RL406", 6, "一是")]


@requires_shared(SEED)
def test_outline_command_shows_headings_and_profile(run_cli, tmp_path, seed_lines):
    path = tmp_path / "no4.txt"
    path.write_text("\n".join(line for line in seed_lines if not line.startswith("四、")), encoding="utf-8")
    result = run_cli("--outline", str(path))
    assert result.code == 0
    assert "勤学善思，担当本领得到新加强" in result.out
    assert "profile: 述职述廉述效报告 (inferred from the name)" in result.out
    missing = [line for line in result.out.splitlines() if "MISSING" in line]
    assert len(missing) == 1 and "述廉" in missing[0]


def test_empty_sections(lint):
    text = "一、主要成绩\n全年完成各项任务。\n二、存在问题\n三、下一步打算\n（一）加强学习\n（二）改进作风。坚持问题导向。\n"
    assert structure(lint, text, profile="none") == [("RL407", 3, "二、存在问题")]


def test_nesting_style_depth_and_ordinal_sets(lint):
    text = "\n".join([
        "一、主要工作",
        "1.抓学习",
        "（一）抓落实",
        "（二）抓作风",
        "(三)抓廉政",
        "1.建章立制",
        "（1）制度一",
        "①细则",
        "首先，统一思想。第二，完善制度。",
    ])
    found = [f for f in structure(lint, text, profile="none") if f[0] in ("RL408", "RL409", "RL410", "RL411")]
    assert found == [
        ("RL408", 3, "（一）"),
        ("RL409", 5, "(三)"),
        ("RL410", 8, "①"),
        ("RL411", 9, "第二"),
    ]


def test_ordinal_lists_with_di(lint):
    text = "第一，统一思想。第二，完善制度。第四，狠抓落实。\n二、其他\n第一，只有一项。\n"
    found = [f for f in structure(lint, text, profile="none") if f[0] == "RL406"]
    assert found == [("RL406", 1, "第四"), ("RL406", 3, "第一")]


def test_skipped_level_only_where_the_document_uses_the_level_between(lint):
    three_level = "\n".join([
        "2024年度工作总结",
        "一、主要成绩",
        "（一）经济运行稳中向好",
        "1.工业生产",
        "全年规模以上工业增加值增长6.1%。",
        "二、重点工作",
        "1.项目建设",
        "2.招商引资",
        "三、存在问题",
        "1.产业结构较为单一，龙头企业带动力不强；",
        "2.（列示其他问题）",
    ])
    assert [f for f in structure(lint, three_level, profile="none") if f[0] == "RL415"] == [("RL415", 7, "1.")]
    two_level = "一、主要成绩\n1.工业生产\n2.农业生产\n二、重点工作\n1.项目建设\n"
    assert [f for f in structure(lint, two_level, profile="none") if f[0] == "RL415"] == []


def test_markdown_headings_rank_above_the_lists_under_them(lint):
    text = (
        "# Q1 Operations\n\n## 3. Volumes\n\nVolumes rose.\n\n## 4. Incidents\n\n"
        "1. 14 Feb: conveyor fault.\n2. 22 Mar: scanner bug.\n\n## 5. Appendix\n\nSee below.\n"
    )
    assert structure(lint, text, format="md") == []


def test_a_section_holding_only_a_code_block_is_not_empty(lint):
    text = "# 运维月报\n\n## 一、总体情况\n\n运行平稳。\n\n## 二、日志摘录\n\n```text\n09:12 ERROR status=502\n```\n\n## 三、下步计划\n\n扩容。\n"
    assert structure(lint, text, format="md") == []
    assert [c for c, _, _ in structure(lint, text.replace("```text\n09:12 ERROR status=502\n```\n\n", ""), format="md")] \
        == ["RL407"]


def test_lettered_sub_items_fill_the_number(lint):
    text = "1. Unpack the unit.\n2a. Fit the bracket.\n2b. Tighten the bolts.\n3. Connect the unit.\n"
    assert [c for c, _, _ in structure(lint, text)] == []


def test_an_enumeration_after_ascii_punctuation(lint):
    text = "包括两方面内容:一是任职介绍,简要交代述职的范围;二是任职评价,扼要介绍履职情况。\n"
    assert [c for c, _, _ in structure(lint, text) if c == "RL406"] == []


def test_marker_punctuation_follows_mainland_practice_only(lint):
    assert [d.code for d in lint("一、總體情況\n1、加強學習，提升認識\n2、完善制度\n") if d.code == "RL403"] == []
    assert [d.code for d in lint("一、总体情况\n1、加强学习\n2、完善制度\n") if d.code == "RL403"] == ["RL403", "RL403"]
