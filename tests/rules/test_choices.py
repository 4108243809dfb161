"""RL110 unresolved-choice on real-looking text."""

from __future__ import annotations

from conftest import matches


def test_choices_left_in(lint):
    text = (
        "县（区）长2020年度述职述廉述效报告\n本局（委、办）认真落实“一岗双责”。\n"
        "他（她）热爱本职工作。\n尊敬的先生/女士：\n全县（区）共有中小学48所。\n"
    )
    assert matches(lint(text), "RL110") == ["县（区）", "局（委、办）", "他（她）", "先生/女士", "县（区）"]


def test_plural_enumerations_are_not_choices(lint):
    text = (
        "各县（市、区）人民政府，市政府各部门：\n全市8个县（区）全部完成任务。\n"
        "有关乡（镇）要加强督导。\n实现通沥青（水泥）路。\n"
    )
    assert matches(lint(text), "RL110") == []
