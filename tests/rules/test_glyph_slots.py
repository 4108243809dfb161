"""RL114 glyph-slot on real-looking text, in both directions."""

from __future__ import annotations

from conftest import matches

TEMPLATE = (
    "○○市科技局二〇XX年度工作总结\n"
    "　　全市全社会研发投入达到○○亿元，同比增长○.○%，研发投入强度为○.○○%；新认定高新技术企业○○家。\n"
    "　　新建省级重点实验室○家、工程技术研究中心○○家。\n"
    "　　○ 实施高新技术企业倍增计划，力争净增○○家；\n"
    "　　　　　　　　　　　　　　　　　　　　○○市科技局\n"
)


def glyphs(lint, text, fmt="txt"):
    return matches(lint(text, format=fmt), "RL114")


def test_a_template_written_with_circles(lint):
    assert glyphs(lint, TEMPLATE) == ["○○", "○○", "○.○", "○.○○", "○○", "○", "○○", "○○", "○○"]


def test_ideographic_zero_as_slot_and_as_digit(lint):
    text = "〇〇乡〇〇小学现有教学班〇个，在校学生〇〇〇人。\n二〇二四年六月\n完成率一〇〇%"
    assert glyphs(lint, text) == ["〇〇", "〇〇", "〇", "〇〇〇"]


def test_triangles_in_a_table_under_a_change_column(lint):
    text = "| 指标 | 本年度 | 上年度 | △ |\n|---|---|---|---|\n| 国家自然科学基金立项（项） | △△ | 41 | △△ |\n"
    assert glyphs(lint, text, "md") == ["△△", "△△"]


def test_boxes_to_tick_and_boxes_for_missing_characters(lint):
    form = "1．本年度是否召开会员（代表）大会：□是　□否\n是否同意：□同意　□不同意\n邮政编码：□□□□□□"
    assert glyphs(lint, form) == []
    inscription = "释文按惯例以“□”标示缺字，一个□代表一字。\n志盖题“明故□□府君墓志铭”，落款“大清□□□年”。"
    assert glyphs(lint, inscription) == []
    assert glyphs(lint, "□□县应急管理局关于2023年度安全生产工作情况的汇报") == ["□□"]


def test_ratings_legends_and_separators(lint):
    text = "科室报告书写质量获评●●●●○（四星）。\n“○”表示已完成年度节能目标，“●”表示未完成。\n○○○○○○○○\n"
    assert glyphs(lint, text) == []


def test_a_legend_that_asks_to_fill_the_glyph_in_keeps_it_a_slot(lint):
    text = "注：文中“○○”处请填写实际数字。\n全年接待游客○○万人次。"
    assert glyphs(lint, text) == ["○○", "○○"]
