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


def test_for_or_against_left_in(lint):
    text = "支行负责人审批意见：同意/不同意上报。\n提案所提建议已全部采纳/部分采纳。\n整改事项已完成/未完成。\n"
    assert matches(lint(text), "RL110") == ["同意/不同意", "全部采纳/部分采纳", "已完成/未完成"]


def test_options_in_brackets_are_reported_once(lint):
    assert matches(lint("投标人对本项目的付款方式（接受/不接受）。\n"), "RL110") == ["（接受/不接受）"]


def test_tiers_and_ratios_are_not_choices(lint):
    text = (
        "分县（市、区）数据说明（略）。\n（此件发至村（社区））\n推动乡镇（街道）应急管理机构规范化运行。\n"
        "男童发病率高于女童（性别比男/女＝1.42）。\n城镇/农村居民人均可支配收入分别增长5.1%和6.8%。\n"
    )
    assert matches(lint(text), "RL1") == []


def test_a_tier_after_a_determiner_is_a_choice(lint):
    assert matches(lint("三是本街道（镇）干部队伍年龄结构偏大。\n"), "RL110") == ["街道（镇）"]
    assert matches(lint("镇（乡）长2023年度述职述廉报告\n"), "RL110") == ["镇（乡）"]


def test_opposite_directions_before_a_value(lint):
    text = "医院感染发病率较上季度上升/下降X.X个百分点。\n经费较上年增加/减少3.2万元。\n表中↑/↓分别表示上升/下降。\n"
    assert matches(lint(text), "RL110") == ["上升/下降", "增加/减少"]


def test_levels_of_a_variable_in_a_study_are_not_choices(lint):
    text = "试验采用2×2析因设计，因素A为钝化剂（施用/不施用），因素B为品种（低积累品种/常规品种）。\n"
    assert matches(lint(text), "RL110") == []
    assert matches(lint("考核结果为（优秀/合格/不合格）。\n"), "RL110") == ["（优秀/合格/不合格）"]


def test_a_document_that_enumerates_a_pair_uses_it_generically(lint):
    text = "各县（市、区）要逐项梳理整改进展。\n涉及乡镇的事项，由属地县（市、区）统一汇总报送。\n牵头县（市、区）负责协调。\n"
    assert matches(lint(text), "RL110") == []
    assert matches(lint("各县（区）要加强督导。\n本县（区）全年完成投资8亿元。\n"), "RL110") == ["县（区）"]


def test_a_tier_after_an_x_slot_is_the_template_s_own_unit(lint):
    assert matches(lint("本人自任XX镇（街道）党委副书记以来，认真履职。\n"), "RL110") == ["镇（街道）"]


def test_options_in_lenticular_brackets(lint):
    text = "| 客户适当性管理 | 【符合/基本符合/不符合】 | X |\n"
    assert [d.match for d in lint(text, format="md") if d.code == "RL110"] == ["【符合/基本符合/不符合】"]


def test_english_pronoun_pairs_beside_other_slots(lint):
    template = "[Student Name] has made steady progress in his/her reading. He/She now chooses longer books."
    assert [d.match for d in lint(template) if d.code == "RL110"] == ["his/her", "He/She"]
    policy = "Each employee shall submit his/her timesheet to the line manager by Friday."
    assert [d for d in lint(policy) if d.code == "RL110"] == []


def test_own_unit_with_an_alternative_after_a_determiner(lint):
    text = "本年度，本团体（单位）共开展各类活动12次。下一步，本社（集团）将加大投入。"
    assert [d.match for d in lint(text) if d.code == "RL110"] == ["团体（单位）", "社（集团）"]
    assert [d for d in lint("协会发展团体（单位）会员12家，出版社（集团）年产值增长。") if d.code == "RL110"] == []


def test_english_options_in_square_brackets_and_rates_per_unit(lint):
    assert [d.match for d in lint("Overall status: [Green / Amber / Red].", format="md") if d.code == "RL110"] == [
        "[Green / Amber / Red]"
    ]
    assert [d for d in lint("| 全员劳动生产率（万元/人） | 41.3 |", format="md") if d.code == "RL110"] == []
    assert [d for d in lint("See [Docs/API](https://example.org) and [a/b].", format="md") if d.code == "RL110"] == []


def test_own_township_with_its_alternative(lint):
    text = "本街道（乡镇）将继续做好防汛防台工作，各乡镇（街道）要加强值守。"
    assert [d.match for d in lint(text) if d.code == "RL110"] == ["街道（乡镇）"]
