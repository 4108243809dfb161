"""Placeholder rules on real-looking report text, in both directions."""

from __future__ import annotations

import pytest
from conftest import matches


def found(lint, text, prefix="RL1", fmt="txt"):
    return matches(lint(text, format=fmt), prefix)


# --- RL102 mou-slot ----------------------------------------------------------------------------


def test_mou_in_signature_and_title(lint):
    text = "某某同志2023年度述职报告\n一、工作情况\n全年完成各项任务。\n述职人：某某\n对照检查人：某某"
    assert found(lint, text, "RL102") == ["某某", "某某", "某某"]


def test_mou_self_reference(lint):
    assert found(lint, "我是某某单位的一名普通党员干部。", "RL102") == ["某某"]


def test_anonymised_case_report_is_quiet(lint):
    text = (
        "关于3起违反中央八项规定精神典型问题的通报\n"
        "一、某某公司原党支部书记王某违规收受礼品礼金问题。2023年春节期间，王某收受管理服务对象礼品。\n"
        "二、某某县卫健局职工李某某违规发放津补贴问题。李某某受到党内警告处分。\n"
    )
    assert found(lint, text, "RL102") == []


# --- RL103 star-slot ---------------------------------------------------------------------------


def test_star_slots_and_masks(lint):
    text = "实施**村、**村饮水工程。\n中共***镇委员会\n联系人：陈**，电话138****1234，车牌京A·8***6。"
    assert found(lint, text, "RL103") == ["**", "**", "***"]


def test_markdown_bold_is_not_a_star_slot(lint):
    assert found(lint, "要把**安全生产**摆在首位。", "RL103", fmt="md") == []


# --- RL104 blank-slot, RL105 empty-date ------------------------------------------------------------


def test_blanks(lint):
    text = "20__年__月__日（星期__）上午__：__召开会议。\n完成率需达____%。\n承诺人（签名）：__________\n____________"
    assert found(lint, text, "RL104") == ["20__", "__", "__", "__", "__", "__", "____"]


def test_empty_dates(lint):
    text = "本报告于2024年  月  日经局党组会议审议通过。\n承诺人（签字）：\n        年    月    日"
    assert found(lint, text, "RL105") == ["年  月  日"]


# --- RL106 bracket-prompt -------------------------------------------------------------------------


def test_bracket_prompts(lint):
    text = (
        "（单位名称）关于开展安全生产大检查的报告\n"
        "现任（职务），【请填写项目名称】进展顺利，（此处填写具体时间）完成验收。\n"
        "【待补：全年教育经费数据】\n"
        "Dear [Client Name], the kickoff is on <start date>. [Insert chart here]\n"
    )
    assert found(lint, text, "RL106") == [
        "（单位名称）", "（职务）", "【请填写项目名称】", "（此处填写具体时间）", "【待补：全年教育经费数据】",
        "[Client Name]", "<start date>", "[Insert chart here]",
    ]


def test_notes_in_brackets_are_not_prompts(lint):
    text = (
        "表1 主要指标（单位：万元）\n收入1.2亿元（含税），其他情况（略）。\n【典型案例】\n"
        "各部门（单位）要高度重视。联系电话：0571-86235120（工作时间）\n见[附件1](附件1.docx)。\n"
    )
    assert found(lint, text, "RL106") == []


# --- RL107, RL108 --------------------------------------------------------------------------------


def test_template_variables(lint):
    text = "尊敬的{{客户名称}}：\n致${name}先生，«ClientName» 您好，合同编号{contract_no}。"
    assert found(lint, text, "RL107") == ["{{客户名称}}", "${name}", "«ClientName»", "{contract_no}"]


def test_quotation_marks_are_not_variables(lint):
    assert found(lint, "Спектакль «Горе от ума» и «Турандот».", "RL107") == []


def test_fillers(lint):
    text = "Budget: TBD\nOwner: TODO\nLorem ipsum dolor sit amet.\nWe use a todo-list and FIXMEs are tracked."
    assert found(lint, text, "RL108") == ["TBD", "TODO", "Lorem ipsum"]


def test_form_fields_after_a_form_heading_are_not_slots(lint):
    text = (
        "关于召开家长会的通知\n请各位家长准时参加，会期20__年__月__日。\n家长会回执\n"
        "学生姓名：__________    班级：__________\n家长签名：__________\n2024年  月  日\n"
    )
    assert found(lint, text, "RL10") == ["20__", "__", "__"]


def test_english_instruction_brackets(lint):
    text = "[One or two sentences on the main driver of growth.]\n[Insert chart: revenue by month]\nOwner: [Owner]\nSee [1]."
    assert found(lint, text, "RL106") == [
        "[One or two sentences on the main driver of growth.]", "[Insert chart: revenue by month]", "[Owner]",
    ]
    finished = "Revenue grew 12% [1]. The board [of directors] met twice; see [a note] and [sic].\nOwner: [Owner]"
    assert found(lint, finished, "RL106") == ["[Owner]"]


def test_in_an_english_template_its_other_bracketed_phrases_are_stand_ins(lint):
    text = (
        "Prepared for [Client Name] by [Your Company]\n"
        "| English | [Working towards / Expected / Greater depth] | [comment] |\n"
        "Next year he/she should focus on [development area]. See [1], [sic] and [docs](https://example.org).\n"
    )
    assert found(lint, text, "RL106", fmt="md") == ["[Client Name]", "[Your Company]", "[comment]", "[development area]"]
    assert found(lint, text, "RL110", fmt="md") == ["[Working towards / Expected / Greater depth]", "he/she"]


def test_instruction_brackets_in_chinese(lint):
    text = "（分析具体原因）\n（列示主要问题一）\n（举例说明）\n（资金来源）已落实。\n（一）基本情况"
    assert found(lint, text, "RL106") == ["（分析具体原因）", "（列示主要问题一）", "（举例说明）", "（资金来源）"]


@pytest.mark.parametrize(
    "text, prompts",
    [
        ("3. <风险描述>", ["<风险描述>"]),
        ("负责人：＜姓名＞，完成时间：<date>", ["＜姓名＞", "<date>"]),
        ("（本文仅供参考，转载请注明出处：青年文稿网）", []),
        ("见<a href=\"x\">链接</a>，x<y时成立。", []),
    ],
)
def test_angle_bracket_prompts_and_editor_notes(lint, text, prompts):
    assert [d.match for d in lint(text) if d.code == "RL106"] == prompts


def test_a_bid_letter_s_own_blanks_are_slots(lint):
    text = ("投　标　函\n致：招标人\n签字代表________（姓名、职务）经正式授权并代表投标人提交文件。\n"
            "本投标自开标之日起____日内有效。\n法定代表人或委托代理人（签字）：______________")
    assert found(lint, text, "RL10") == ["________", "____"]


def test_a_bid_letter_form_inside_a_tender_is_for_bidders(lint):
    text = ("临江县政府采购项目招标公告\n本项目采用公开招标方式，欢迎符合条件的供应商参加投标。\n"
            "附件：投标函\n签字代表________经正式授权并代表投标人提交文件。\n本投标自开标之日起____日内有效。")
    assert found(lint, text, "RL104") == []


def test_signature_blanks_and_their_captions(lint):
    for line in ("承诺人（签名）：________________", "签字：____________  日期：________", "____________（盖章）"):
        assert found(lint, line, "RL10") == [], line


def test_mou_in_a_byline(lint):
    assert found(lint, "述职报告\n——计算机学院院长　某某", "RL102") == ["某某"]
    assert found(lint, "当事人 王某某受到党内警告处分。", "RL102") == []


def test_mou_after_an_office_in_a_byline(lint):
    assert found(lint, "关于镇人大主席团工作的报告\n镇人大主席团主席　某某", "RL102") == ["某某"]


def test_mou_organisation_in_a_template_that_also_anonymises(lint):
    text = (
        "今天，我们召开某某局警示教育大会。\n出席会议的有局党组书记、局长某某同志。\n"
        "原副局长王某违规收受礼金，受到党内严重警告处分。\n"
    )
    assert found(lint, text, "RL102") == ["某某", "某某"]


def test_star_slot_before_a_branch(lint):
    text = "禾丰农村商业银行***支行2025年第三季度操作风险排查报告\n联系人王**，电话138****6620。"
    assert found(lint, text, "RL103") == ["***"]


def test_merge_variables_with_percent_signs(lint):
    text = "Revenue grew XX%, driven by %TOP_SEGMENT% customers. Set %PATH% and %APPDATA% first; 50%_off."
    assert found(lint, text, "RL107") == ["%TOP_SEGMENT%"]


def test_lower_case_field_words_in_brackets(lint):
    text = "联系邮箱：[email]，电话：[phone]。\nHe wrote it [sic] twice [1]."
    assert found(lint, text, "RL106") == ["[email]", "[phone]"]


def test_quoted_letters_and_blanks_in_guillemets_are_not_variables(lint):
    text = "Тип клемм: «U» под болт М5.\nДата заключения: «____» ____________ 2016 г.\nDear «First_Name»,"
    assert found(lint, text, "RL107") == ["«First_Name»"]


def test_mou_after_a_staff_label_and_in_a_bracketed_byline(lint):
    text = "关于食堂食品安全自查情况的报告\n学校食品安全管理员：某某\n（党员　某某）"
    assert found(lint, text, "RL102") == ["某某", "某某"]


def test_specific_item_prompts(lint):
    text = "面对（具体工作任务）时存在畏难情绪。\n部分问题整改不到位（具体情况略）。\n"
    assert found(lint, text, "RL106") == ["（具体工作任务）"]


def test_english_prompts_with_commas_and_number_fields(lint):
    text = "- **Prepared by:** [Name, Title]\n4. Open incidents: <number>\n**Approved by:** ______________ (Chair)\n"
    assert found(lint, text, "RL10", fmt="md") == ["[Name, Title]", "<number>"]


def test_star_slots_beside_chinese_bold(lint):
    text = "今年以来，***区以**镇中心小学、**实验学校为试点。\n**不足：**网络舆情引导能力有待加强。\n- 更换光模块 64 个，**完成率 100%**；\n"
    assert found(lint, text, "RL103", fmt="md") == ["***", "**", "**"]


def test_nested_prompt_self_unit_and_bold_label(lint):
    text = "未发生事故（如发生，请简述：【请填写事故经过及处置情况】）。\n全员责任制由我库某某科牵头修订。\n**填报人：** 某某（院长）\n"
    assert found(lint, text, "RL10", fmt="md") == ["【请填写事故经过及处置情况】", "某某", "某某"]


def test_designations_notes_and_model_contracts(lint):
    text = (
        "云岫山石窟（省级文物保护单位）2024年度保护管理工作报告\n实施渗水治理工程（具体工程量详见设计方案，此处略）。\n"
        "全年服务老人1.2万人次。\n附件\n居家养老服务协议（示范文本）\n甲方（服务对象）：____________\n"
        "第二条 服务期限自____年____月____日起至____年____月____日止。\n"
    )
    assert found(lint, text, "RL10") == []


def test_long_english_instruction_brackets(lint):
    text = "[Replace with a two-sentence summary of the client's problem and the expected outcome.]\n"
    assert found(lint, text, "RL106", fmt="md") == [text.strip()]


def test_numbers_left_out_before_their_units(lint):
    text = (
        "全年共完成生产总值 亿元，增长 %；城乡居民收入分别达到 万元、 万元。\n比上年增长%。\n"
        "报名费：      元\n| 指标 | 同比增长% |\n完成投资3.5亿元，增长5%。\n"
    )
    assert found(lint, text, "RL113") == [" 亿元", " %", " 万元", " 万元", "%"]


def test_years_left_out(lint):
    text = "关于做好劳动模范评选工作的通知（辽委办发〔〕11号），公示时间为年4月18日至4月22日。\n今年4月、同年5月、2024年6月均已完成。\n"
    assert found(lint, text, "RL105") == ["〔〕", "年"]


def test_time_zone_notes_samples_and_titles_before_stars(lint):
    text = (
        "请于2025年3月6日9点30分(北京时间)前提交响应文件。\n"
        "通知的写作格式如下：××公司关于召开×××会议的通知，特此通知。××公司××××年×月×日\n"
        "县人民政府县长***\n请县长***同志讲话。\n联系人陈**同志。\n"
    )
    assert [(d.code, d.match) for d in lint(text) if d.category == "placeholder"] == [("RL103", "***"), ("RL103", "***")]


def test_more_prompt_forms(lint):
    text = (
        "<Executive Director's Name>\n- **典型案例：** 【请简述1个学生成长案例，300字以内】\n"
        "- SLA credit exposure: [link to credit calculation sheet]\n"
    )
    assert found(lint, text, "RL106", fmt="md") == [
        "<Executive Director's Name>", "【请简述1个学生成长案例，300字以内】", "[link to credit calculation sheet]",
    ]


def test_starred_years_starred_pairs_and_explanatory_brackets(lint):
    text = (
        "20**年，我镇各项工作稳步推进。\n***镇土地整治项目由***农业发展有限公司牵头实施。\n"
        "概况部分的主要内容（包括全年生产总值、财政收入等数据）各乡镇提供的不统一。\n"
        "会议名称例如“中共XX支部委员会第X次会议”。\n<在此写明本学期存在的问题及改进措施>\n"
    )
    assert [(d.code, d.match) for d in lint(text) if d.category == "placeholder"] == [
        ("RL103", "**"), ("RL103", "***"), ("RL103", "***"), ("RL106", "<在此写明本学期存在的问题及改进措施>"),
    ]


def test_counts_left_out_and_an_english_chart_caption(lint):
    text = "全年共接待来访群众 人次，接受上访信件 件，结案 件。\nWaste circularity, %\n"
    assert found(lint, text, "RL113") == [" 人次", " 件", " 件"]


# --- from the tenth labelled set: less common shapes and places -----------------------------------

HEAD = "关于2024年度工作情况的报告\n一、主要工作\n全年完成各项任务。\n"


def test_mou_among_signed_names_and_in_a_byline(lint):
    text = HEAD + "验收组成员（签字）：吴斌　郑晓燕　某某　黄立平\n述职人：华东大区澄州片区 医药信息沟通专员 某某\n科研处处长：某某  \n"
    assert found(lint, text, "RL102") == ["某某", "某某", "某某"]
    assert found(lint, HEAD + "县人民医院张某医生反映配送偶有延迟。\n", "RL102") == []


def test_bold_that_ends_with_chinese_punctuation_is_not_a_star_slot(lint):
    text = "1. **强化有组织科研。** 组建12个校级交叉创新团队\n2. **完善评价机制。** 修订认定办法\n"
    assert found(lint, text, "RL103", fmt="md") == []
    assert found(lint, "**镇中心小学、**实验学校联合开展教研活动", "RL103") == ["**", "**"]


def test_a_line_of_blanks_that_goes_on_from_a_field(lint):
    text = HEAD + "主要活动情况（可附页）：＿＿＿＿＿＿＿＿\n＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\n（20＿＿年度）\n"
    assert found(lint, text, "RL104") == ["＿＿＿＿＿＿＿＿", "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", "20＿＿"]
    signed = HEAD + "承诺人（签名）：__________\n______________\n"
    assert found(lint, signed, "RL104") == []


def test_a_caption_after_a_slot_and_a_forms_conditional_instruction(lint):
    text = "| 县第○○届全民运动会 | X月 | XX（单位） | XXXX |\n"
    assert "（单位）" in found(lint, text, "RL106", fmt="md")
    form = HEAD + "3．法定代表人是否发生变更：□是　□否（如选“是”，请注明变更日期＿＿＿＿）\n"
    assert found(lint, form, "RL106") == []


def test_english_prompts_in_angle_brackets(lint):
    text = "**Class / Tutor Group:** <Class>\n\nDate: <DD/MM/YYYY>\n\nSee <https://example.org> and <br/>.\n"
    assert found(lint, text, "RL106", fmt="md") == ["<Class>", "<DD/MM/YYYY>"]


def test_counts_left_out_before_people_and_copies(lint):
    text = HEAD + "全年共发生各类生产安全事故  起、死亡  人，签订责任书  份，组织专项检查。\n"
    assert found(lint, text, "RL113") == ["  起", "  人", "  份"]
    assert found(lint, HEAD + "参会人员共计 120 人，发放资料 300 份。\n", "RL113") == []


def test_slots_on_a_vendor_line_are_part_of_it(lint):
    text = HEAD + "🈶 全套海关系统材料（述职/总结/讲话）打包价 ¥19.9，私信“海关”即可\n"
    assert found(lint, text) == []
    assert [d.code for d in lint(text) if d.category == "watermark"] == ["RL201"]


# --- from the eleventh labelled set: finished reports, subtle leftovers -----------------------------


def test_prompts_for_the_writers_own_particulars(lint):
    text = HEAD + (
        "组织党员集中学习12次，【可补充党建特色做法】。\n将巡察整改与【本单位中心工作】结合起来。\n"
        "力争明年【核心指标】提升2个百分点；牵头完成重点项目，取得（具体成效）。\n"
    )
    assert found(lint, text, "RL106") == ["【可补充党建特色做法】", "【本单位中心工作】", "【核心指标】", "（具体成效）"]
    assert found(lint, "| （任务一） | 12项 | 10项 | 83% |\n", "RL106", fmt="md") == ["（任务一）"]
    assert found(lint, HEAD + "开展【我为群众办实事】实践活动，【典型案例】见附件。\n", "RL106") == []


def test_english_stand_ins_that_fill_a_list_item(lint):
    text = "## Decisions needed\n\n- [Decision 1]\n- [Risk description] (owner: [Name])\n\nSee [Figure 1] and [x] done.\n"
    assert found(lint, text, "RL106", fmt="md") == ["[Decision 1]", "[Risk description]", "[Name]"]


def test_mou_named_to_lead_a_group(lint):
    text = HEAD + "成立以某某为组长的巡察整改工作领导小组。\n原党支部书记李某某为组长期间违规发放补贴。\n"
    assert found(lint, text, "RL102") == ["某某"]


def test_model_codes_karyotypes_and_counts_of_a_total(lint):
    text = HEAD + "新增便携式彩超（型号X3）4台；教学一体机鸿图 X5 86英寸28台。\n其中1例为XX男性综合征，核型46,XX。\n收入X5万元。\n"
    assert found(lint, text, "RL101") == ["X5"]
    assert found(lint, "- Completed X of X planned sprint items.\n", "RL101", fmt="md") == ["X", "X"]


def test_a_reply_slip_under_a_bold_heading_with_its_instructions(lint):
    text = HEAD + "\n**回执**（请于2025年4月10日前发送至秘书处）\n\n单位名称：__________________\n\n参会人员：__________　职务：__________\n"
    assert found(lint, text, "RL104", fmt="md") == []


# --- from a sweep over real public texts: samples in writing guides ----------------------------------


GUIDE = (
    "证明的撰写需遵循统一格式，确保内容规范。\n"
    "抬头\n明确需证明的单位或个人名称，如“XX单位”“XX先生/女士”。\n"
    "正文\n简洁说明证明内容，避免模糊表述。例如：\n"
    "- 学历证明：“于XXXX年XX月毕业于XX大学XX专业”；\n- 收入证明：“月收入人民币XXXXX元”。\n"
    "学历证明\n格式：\n> 兹证明我单位员工XXX，于XXXX年XX月毕业于XX大学。\n"
    "三、注意事项\n一般居右书写“申请人×××”，下一行写上“××××年×月×日”。\n"
)


def test_specimens_in_a_writing_guide_are_not_slots(lint):
    assert [d for d in lint(GUIDE) if d.category == "placeholder"] == []


def test_quoted_slots_after_如_in_a_template_are_still_slots(lint):
    text = "关于2024年度工作情况的报告\n开展了丰富多彩的主题活动，如“XX读书月”等，全年接待群众XX人次。\n"
    assert found(lint, text, "RL101") == ["XX", "XX"]


def test_a_line_ending_in_a_cue_introduces_a_sample_until_a_heading(lint):
    text = "网格事件编码示例：\n\n```text\nDH-0311 G07 环境卫生\n```\n\n## 四、存在问题\n\n- 本社区（村）老旧小区占比高；\n"
    assert [d.match for d in lint(text, format="md") if d.code == "RL110"] == ["社区（村）"]


def test_mou_in_a_description_of_an_answers_form(lint):
    text = HEAD + "出生地：必须精确填写到某某省某某市某某县，请以国家统计局区划为准。\n"
    assert found(lint, text, "RL102") == []


def test_instructions_named_in_a_title_are_no_prompt(lint):
    assert found(lint, "全国中小学生信息表(填写说明)与学籍模板\n", "RL106") == []


def test_capitalised_stand_ins_of_a_prompt_template(lint):
    text = "Open with [YEAR THEME] and [MISSION/FOCUS], then thank donors in [GEOGRAPHY].\nSee the [PDF] and [USA] pages."
    assert found(lint, text, "RL1", fmt="md") == ["[YEAR THEME]", "[MISSION/FOCUS]", "[GEOGRAPHY]"]


def test_a_years_last_digit_left_out(lint):
    assert found(lint, "200*年工作回顾\n20**年工作打算\n", "RL103") == ["*", "**"]
    assert found(lint, "2024*年\n陈**同志\n公式 a*b", "RL103") == []


def test_slots_on_a_vendor_line_when_no_watermark_rule_is_on(lint):
    line = "本文由墨香文库整理，XX县全套材料（述职/总结/讲话）打包价，咨询QQ：3456789012\n"
    assert found(lint, line) == []
    assert "XX" in [d.match for d in lint(line, select=("RL1",))]


def test_a_long_run_of_某_is_read_quickly(lint):
    assert found(lint, "请填写到" + "某" * 200 + "，以及某某局。", "RL102") == ["某某"]  # (某某局 only)


def test_a_countys_own_organs_with_the_choice_left_open(lint):
    text = "下一步，我将继续在县（区）委、县（区）政府的领导下，坚持问题导向。\n各县（市、区）委、县（市、区）政府要高度重视。\n"
    assert found(lint, text, "RL110") == ["县（区）", "县（区）"]


def test_mou_in_running_text_of_a_report_that_names_no_one(lint):
    text = HEAD + "二是基层调研不够深入，对某某领域的新情况研究不透。\n县委第**巡察组反馈意见后，立行立改。\n"
    assert found(lint, text, "RL102") == ["某某"]
    assert found(lint, text, "RL103") == ["**"]
    case = HEAD + "客户陈某某反映ATM吞卡后领卡手续繁琐。\n涉及李某某网店虚假宣传一案。\n"
    assert found(lint, case, "RL102") == []


def test_bold_after_第_quoted_某某_and_a_plural_of_organs(lint):
    assert found(lint, "本项目第**一**阶段已完成。\n", "RL103", fmt="md") == []
    text = HEAD + "文稿规范要求：避免使用“某某领域”“某某方面”等模糊表述。网民常用某某体、某某梗来调侃。\n"
    assert found(lint, text, "RL102") == []
    assert found(lint, "县（市、区）委、县（市、区）政府要加强领导。\n", "RL110") == []


# Text in traditional script: the words around a slot weighed as in simplified text

TRADITIONAL = (
    "關於2024年度安全生產月活動的總結\n"
    "根據（上級主管部門名稱）的通知要求，我公司組織開展了安全生產月活動。\n"
    "重要事項由縣（區）長辦公會議審定，三是【請補充其他不足】。\n"
    "我們陪同老年患者完成X光檢查，全年清理規範性文件XX件。\n"
    "各縣（市、區）應急管理部門參加了演練。\n"
    "全月投入安全專項資金  萬元，更新消防器材十二具。\n"
)


def test_slots_prompts_and_choices_in_traditional_script(lint):
    found = [(d.code, d.match) for d in lint(TRADITIONAL) if d.category == "placeholder"]
    assert found == [("RL106", "（上級主管部門名稱）"), ("RL110", "縣（區）"), ("RL106", "【請補充其他不足】"), ("RL101", "XX"),
                     ("RL113", "  萬元")]
    [prompt] = [d for d in lint(TRADITIONAL) if d.code == "RL106"][:1]
    assert prompt.message == "template prompt left in: '（上級主管部門名稱）'"


def test_the_simplified_view_keeps_every_position():
    from reportlint.readers import read_text
    from reportlint.rules._script import simplified_view

    doc = read_text("t.txt", TRADITIONAL)
    view = simplified_view(doc)
    for block in doc.blocks:
        assert len(view(block.text)) == len(block.text)
    assert view("縣（區）長辦公會議") == "县（区）长办公会议"
    plain = read_text("s.txt", "全县完成生产总值X亿元。\n")
    assert simplified_view(plain)("縣（區）") == "縣（區）"  # (a simplified text's view is itself)


def test_a_reply_slip_in_traditional_script_is_a_form(lint):
    text = ("關於舉辦社區護理培訓班的通知\n各會員單位：\n本會定於2024年5月舉辦社區護理培訓班，請各單位按時報名參加。\n"
            "嶺南社區護理協會\n2024年4月8日\n\n回執\n單位名稱：嶺南第一社區衞生服務中心\n"
            "參訓人數  人，預繳培訓費  萬元，是否需要住宿：是  否\n")
    assert [d.match for d in lint(text) if d.code == "RL113"] == []
