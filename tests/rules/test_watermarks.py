"""Watermark rules on real-looking text, in both directions."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

BODY = [
    "一、主要工作成效",
    "全年完成地区生产总值286.4亿元，同比增长5.6%。",
    "二、存在的问题",
    "产业结构仍需优化，民生领域还有短板。",
    "三、下一步打算",
    "持续深化改革，推动高质量发展。",
] * 4


def report(head=(), tail=(), middle=()):
    lines = ["关于2023年度工作情况的报告", *head, *BODY[:12], *middle, *BODY[12:], *tail]
    return "\n".join(lines) + "\n"


# Pieces of lines for generated text: vendor words, line ends, punctuation, plain words.
LINE_PIECES = [
    "\n", "\n", "【打印】", "总结", "报告", "工作", "2", "12", "篇", "三", "第", "范文", "模板", "（", "一", "）", "：", ":", "-",
    "›", ">", "#", "关键词", "下载", "相关阅读", "小编", "导读", "页数", "大小", "格式", "doc", ".pdf", "，", "。",
    " ", "评论", "(", ")", "分享", "收藏", "样稿", "广告", "文件名", "home/", "a", "id：12345", "以下是", "好的，",
]


def vendor_lines(lint, text, format="txt"):
    return [(d.line, d.code) for d in lint(text, format=format) if d.category == "watermark"]


def test_download_page_chrome_on_top(lint):
    text = report(head=["上传人：lanxin_2019    上传时间：2024-07-12    页数：5", "格式：DOCX    大小：28.6KB    下载积分：3"])
    assert vendor_lines(lint, text) == [(2, "RL201"), (3, "RL201")]


def test_editor_boilerplate_anywhere(lint):
    text = report(middle=["下面是小编为大家整理的工作总结范文，供大家参考借鉴。"])
    assert vendor_lines(lint, text) == [(14, "RL201")]


def test_vendor_credit_and_name_propagation(lint):
    text = report(head=["墨香文库"], tail=["墨香文库整理，咨询QQ：1234567890"])
    assert vendor_lines(lint, text) == [(2, "RL203"), (27, "RL201")]


def test_vendor_block_absorbs_short_promotional_lines(lint):
    tail = ["墨香文库整理，咨询QQ1234567890", "自建平台、实时分享", "每周更新海量资料", "会员群：7793221  免费QQ群：5566778"]
    codes = vendor_lines(lint, report(tail=tail))
    assert codes == [(26, "RL201"), (27, "RL204"), (28, "RL201"), (29, "RL202")]


def test_contacts_in_vendor_context(lint):
    text = report(tail=["更多精品资料请加微信 wenku_2020 领取", "版权所有 侵权必究 客服邮箱：kefu@example-doc.net"])
    assert [line for line, _ in vendor_lines(lint, text)] == [26, 27]


def test_official_contacts_are_quiet(lint):
    text = report(
        tail=[
            "监督电话：12388",
            "信访联系电话：021-56781234，电子邮箱：xcz2@example.gov.cn",
            "巡察组值班电话：0571-86235120",
        ]
    )
    assert vendor_lines(lint, text) == []


def test_legitimate_words_are_quiet(lint):
    text = report(
        middle=[
            "从未接受和持有私人会所会员卡，从不出入私人会所。",
            "开通“青石发布”微信公众号，推送政策信息215条。",
            "订阅《人民日报》《求是》等党报党刊，组织党员下载学习强国APP。",
            "打造精品工程12项，工会会员代表大会顺利召开。",
        ],
        tail=["附件：2024年重点项目清单（仅供参考）"],
    )
    assert vendor_lines(lint, text) == []


def test_medium_phrase_in_the_middle_needs_company(lint):
    text = report(middle=["全县各级干部仅供学习的材料要妥善保管。"])
    assert vendor_lines(lint, text) == []


def test_whole_line_is_the_match_and_fix_is_delete(lint):
    d = next(d for d in lint(report(head=["  上传人：文库达人  "])) if d.category == "watermark")
    assert (d.match, d.column, d.fix) == ("上传人：文库达人", 3, "delete-line")


def test_full_width_and_spaced_forms_match(lint):
    text = report(tail=["ＱＱ群： 7793221  欢迎下载"])
    assert vendor_lines(lint, text) == [(26, "RL202")]


def test_anti_scrape_noise_line(lint):
    assert vendor_lines(lint, report(middle=["k7 Q2 d+ m9 [3 W4 p0 ~5"])) == [(14, "RL201")]


def test_end_mark_before_a_vendor_block(lint):
    tail = ["—— END ——", "更多范文请关注微信公众号“笔友圈”", "加VX：bjbyq2024 拉你进写作交流群"]
    assert [c for _, c in vendor_lines(lint, report(tail=tail))] == ["RL204", "RL201", "RL202"]


def test_markdown_rule_before_a_footer_is_kept(lint):
    text = report(tail=["---", "Template by SlideCraft Studio · www.slidecraft.example.com · Free for personal use"])
    assert [line for line, _ in vendor_lines(lint, text)] == [27]


def test_vendor_credit_after_a_report_sentence_gets_no_fix(lint):
    line = "同志们，安全生产责任重于泰山。让我们以对人民群众高度负责的态度，扎实做好各项工作，确保全县安全生产形势持续稳定向好！（来源：清风范文网）"
    (d,) = [d for d in lint(line) if d.code == "RL201"]
    assert d.fix is None
    (d,) = [d for d in lint("上传人：文库达人") if d.code == "RL201"]
    assert d.fix == "delete-line"


def test_page_counter_pasted_into_the_body(lint):
    assert vendor_lines(lint, report(middle=["第2页 共5页"])) == [(14, "RL201")]
    assert vendor_lines(lint, report(middle=["第2页 共5页　墨语文库 moyuwk.example.net"])) == [(14, "RL201")]


def test_page_references_are_not_page_counters(lint):
    text = report(middle=["具体数据详见附件第3页，共12页的评估报告已报送市局。", "第3页共5页的表格已更新。"])
    assert vendor_lines(lint, text) == [(15, "RL201")]  # only the line that starts as a counter


def test_page_counter_in_a_word_footer_is_word_s_own(run_cli, tmp_path):
    from docx_builder import field, paragraph, write_docx_with_footer

    path = str(tmp_path / "footer.docx")
    footer = [paragraph("第", field("PAGE", "1"), "页 共", field("NUMPAGES", "3"), "页")]
    write_docx_with_footer(path, [paragraph("全年完成生产总值286.4亿元，同比增长5.6%。")], footer)
    assert "第1页 共3页" in run_cli("--dump-text", path).out
    result = run_cli("--format", "json", path)
    assert (result.code, result.diagnostics()) == (0, [])


def test_seo_keyword_line(lint):
    seo = "关键词：团委工作总结 共青团年度总结 团委总结范文2024 团建工作总结下载"
    assert vendor_lines(lint, report(head=[seo])) == [(2, "RL201")]


def test_a_papers_keyword_line_is_not_seo(lint):
    for keywords in ("关键词：乡村振兴；数字经济；发展路径", "关键词：范文教学；习作指导；写作模板"):
        assert vendor_lines(lint, report(head=["摘要：本文分析了县域经济发展的现状。", keywords])) == []


def test_editor_as_a_job_title_is_not_vendor_text(lint):
    line = "组织全区团属新媒体小编开展业务培训2期，评选“优秀网络宣传员”15名，小编队伍不断壮大。"
    assert vendor_lines(lint, report(head=[line])) == []
    assert vendor_lines(lint, report(head=["以下是墨香学苑网小编整理的学校工作总结，欢迎阅读。"])) == [(2, "RL201")]


def test_content_farm_navigation_lines(lint):
    tail = ["上一篇：市场监管局局长述职报告｜下一篇：食品安全监管工作总结", "▲ 相关阅读",
            "· 医保局上半年工作总结（精选5篇）", "· 医疗保障局党组书记抓基层党建述职报告", "· 医保基金监管工作汇报范文大全"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29, 30]


def test_reading_lists_in_a_report_are_not_navigation(lint):
    middle = ["推荐阅读书目20种，组织读书分享会12场，参与群众1600余人次。", "更多政策资料请访问市人力资源和社会保障局网站。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_paywall_and_preview_notices(lint):
    middle = ["以上内容仅为预览，全文共2页，开通会员后可复制全文。"]
    assert vendor_lines(lint, report(middle=middle)) == [(14, "RL201")]
    tail = ["本范本共3页，当前为第1页。完整版请下载后查看。", "下载所需：8拾稿币 | VIP会员免费 | 已有1,246人下载"]
    assert [c for _, c in vendor_lines(lint, report(tail=tail))] == ["RL201", "RL201"]


def test_page_count_of_a_tender_is_not_a_preview_notice(lint):
    assert vendor_lines(lint, report(middle=["本招标文件共80页，投标人应认真阅读全部内容。"])) == []


def test_more_templates_here_anywhere(lint):
    middle = ["更多村委会工作报告、村两委述职范文尽在「乡村文库」xcwk99.com"]
    assert vendor_lines(lint, report(middle=middle)) == [(14, "RL201")]


def test_breadcrumbs_of_any_length(lint):
    for crumb in ("拾稿网 > 招投标文件 > 投标函 > 货物类投标函格式范本", "您在这里：青简范文 » 企业管理 » 安全生产"):
        assert vendor_lines(lint, report(head=[crumb])) == [(2, "RL201")], crumb


def test_site_calls_to_action(lint):
    tail = ["党建材料天天更新，微信搜索公众号“红笺党建文稿”关注我们", "觉得有用就点个“在看”，给辛苦整理的小编加个鸡腿吧！",
            "后台回复“简报”即可领取50套派出所简报模板合集。"]
    assert [c for _, c in vendor_lines(lint, report(tail=tail))] == ["RL201", "RL201", "RL201"]


def test_publicity_work_is_not_a_call_to_action(lint):
    middle = ["通过公众号后台回复群众留言1200条，网站新增站内搜索功能，疫情数据每日更新。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_noise_lines_with_chinese_and_symbols(lint):
    for noise in ("f8 Lq 3z 窗 K2 pT+ 9m 遵 b4 ]7", "⊿ 7h 匚 Qe 1w 卄 +v 8K ⊙ 3r"):
        assert vendor_lines(lint, report(middle=[noise])) == [(14, "RL201")], noise


def test_a_row_of_numbers_is_not_noise(lint):
    assert vendor_lines(lint, report(middle=["12 35 48 90 11 27"])) == []


def test_weak_signals_outside_the_report_are_enough(lint):
    text = report(tail=["2024年12月20日", "本文由清风文稿整理，欢迎分享", "客服微信 qfwg2024"])
    assert vendor_lines(lint, text) == [(27, "RL201"), (28, "RL202")]
    text = "青简文稿 资料分享\n" + report()
    assert vendor_lines(lint, text) == [(1, "RL201")]


def test_back_matter_after_the_closing_date_is_the_report_s(lint):
    tail = ["临江县人民政府", "二〇二四年十二月二十日", "（此件公开发布）", "抄送：市委办公室，市政府办公室。",
            "（联系人：张伟，联系电话：0571-88886666）", "附件：相关资料清单"]
    assert vendor_lines(lint, report(tail=tail)) == []
    assert vendor_lines(lint, report(middle=["资料整理工作扎实推进，共整理档案1200卷。"])) == []


def test_related_links_joined_by_bars(lint):
    tail = ["支部书记抓党建述职报告｜组织生活会对照检查材料｜主题党日活动方案"]
    assert vendor_lines(lint, report(tail=tail)) == [(26, "RL201")]


def test_markdown_table_rows_are_not_link_lists(lint):
    table = ["| 材料 | 完成情况 |", "| --- | --- |", "| 年度工作总结 | 已报送 |", "| 述职报告 | 已报送 |"]
    assert vendor_lines(lint, report(tail=table), format="md") == []


def test_site_names_in_corner_brackets(lint):
    assert vendor_lines(lint, report(tail=["党建材料持续更新中「红笺文稿」"])) == [(26, "RL201")]
    assert vendor_lines(lint, report(tail=["【典型案例】", "【工作成效】"])) == []


def test_uploads_previews_and_refund_notices(lint):
    middle = ["本文档由青禾文案坊会员上传，预览仅显示部分内容，完整版请下载原文件。"]
    assert vendor_lines(lint, report(middle=middle)) == [(14, "RL201")]
    tail = ["温馨提示：预览内容可能存在排版偏差，请以下载后的原文件为准；虚拟商品一经下载不支持退款。"]
    assert vendor_lines(lint, report(tail=tail)) == [(26, "RL201")]


def test_download_page_titles_and_app_banners(lint):
    head = ["保险公司理赔部年度工作总结模板（可编辑）.doc", "公文兔APP｜随时随地找范文，新用户注册即送7天VIP",
            "关键词：物业年度总结,物业公司工作总结范文,小区物业年终总结怎么写,物业项目部总结模板"]
    assert [line for line, _ in vendor_lines(lint, report(head=head))] == [2, 3, 4]


def test_an_annex_file_name_in_the_report_is_not_a_page_title(lint):
    middle = ["详见附件：2024年度预算执行情况表.xlsx及说明材料。", "平台新增注册用户1.2万户，会员积分兑换服务上线。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_english_download_site_chrome(lint):
    lines = [
        "# Quarterly Business Review",
        "Preview only: pages 1-2 of 9 are shown. Unlock the editable file for 12 credits at templatebay-hub.io/pro.",
        *["Revenue grew 8% on the previous quarter, driven by enterprise customers."] * 12,
        "Downloaded from TemplateBay Hub · rated 4.6/5 by 2,318 users · 15,402 downloads",
        "Need it finished for you? Our business writers deliver a custom QBR in 24 hours: deals@templatebay-hub.io",
        "© TemplateBay Hub. Licensed for a single user; resale or redistribution is not permitted.",
    ]
    assert [line for line, _ in vendor_lines(lint, "\n".join(lines) + "\n", format="md")] == [2, 15, 16, 17]


def test_english_report_mentions_of_downloads_are_not_chrome(lint):
    lines = [
        "# Annual Data Report",
        "Figures were downloaded from the national statistics portal in March.",
        *["The mobile app passed 15,402 downloads and retention improved by 3 points."] * 12,
        "© 2024 Riverside County Council",
    ]
    assert vendor_lines(lint, "\n".join(lines) + "\n", format="md") == []


def test_rare_character_noise(lint):
    assert vendor_lines(lint, report(middle=["蘙齉灪鸜麤爨驫厵龘靐"])) == [(14, "RL201")]
    quiet = ["本屆會議審議通過年度工作報告。", "王喆、李堃、張珺三位同志獲表彰。"]
    assert vendor_lines(lint, report(middle=quiet)) == []


def test_reward_for_reporting_and_the_organisation_s_own_voice(lint):
    middle = ["举报人反映的问题已核查办结，并已按规定给予举报奖励。",
              "每月在协会微信公众号发布“推荐阅读”书单，全年推荐书目120种。"]
    tail = ["更多志愿服务活动信息，请关注“禾丰志愿”微信公众号。"]
    assert vendor_lines(lint, report(middle=middle, tail=tail)) == []


def test_a_shared_file_s_name_is_not_a_download_page_title(lint):
    assert vendor_lines(lint, report(head=["2026_Amended_invoice.docx", "附件1.docx"])) == []


def test_download_page_disclaimers_pasted_mid_document_form_one_block(lint):
    middle = [
        "本站所有课件均不含视频和音频，如需素材请另行下载。",
        "使用说明：",
        "文档标签 年度 总结 通用 2024",
        "资源描述：",
    ]
    assert [line for line, _ in vendor_lines(lint, report(middle=middle))] == [14, 15, 16, 17]


def test_a_short_report_line_between_weak_vendor_lines_stays(lint):
    middle = ["欢迎下载", "组织领导：", "感谢阅读"]
    assert 15 not in [line for line, _ in vendor_lines(lint, report(middle=middle))]


def test_multi_version_pages_and_web_bylines(lint):
    head = ["编辑：文秘驿站 2021-06-18", "2024年部门年度考核目标责任书范本（三篇）", "部门年度考核目标责任书2"]
    assert [line for line, _ in vendor_lines(lint, report(head=head))] == [2, 3, 4]


def test_login_chrome_of_a_download_page(lint):
    head = ["已注册用户请登录：", "账号：", "密码：", "验证码：换一换"]
    assert [line for line, _ in vendor_lines(lint, report(head=head))] == [2, 3, 4, 5]


def test_papers_options_and_newsletter_bylines_are_the_report_s(lint):
    middle = ["全年发表核心期刊论文（3篇），出版专著1部。", "（三）备选方案2", "编辑：办公室　2024年5月6日"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_a_reposted_social_media_article_s_tail(lint):
    tail = ["说明：本文转自网络，版权归原作者所有，若有不妥请告知。", "— END —", "图文来源：综合整理", "责编：晓禾",
            "阅读原文", "转发 收藏 点赞 在看"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29, 30, 31]


def test_a_newsletter_s_own_credits_stay(lint):
    tail = ["编辑：县委办公室信息科", "审核：张伟", "签发：李强"]
    assert vendor_lines(lint, report(tail=tail)) == []


def test_items_under_a_related_links_header(lint):
    tail = ["相关资料推荐：", "· 街道安全生产工作总结（精选）", "· 社区网格员培训会议记录范本", "1.消防站年度工作汇报材料"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29]


def test_the_report_s_next_heading_after_a_vendor_line_stays(lint):
    middle = ["相关推荐：", "1.加强组织领导", "全年召开专题会议6次。"]
    assert [line for line, _ in vendor_lines(lint, report(middle=middle))] == [14]


def test_paywalls_ad_dividers_and_tab_titles(lint):
    middle = ["—— 试读已结束，剩余 8 页需开通会员后阅读 ——", "～～～～ 广告 ～～～～", "模板工坊 | 已售 1,024 份"]
    head = ["2024年消防站年度工作总结 - 材料之家 - 第2页", "编者按：今天给大家分享一篇结构清晰的总结模板。"]
    lines = [line for line, _ in vendor_lines(lint, report(head=head, middle=middle))]
    assert lines == [2, 3, 16, 17, 18]


def test_noise_of_mixed_case_and_symbols(lint):
    assert vendor_lines(lint, report(middle=["p4 Xe 7} bQ 2# M8 vT"])) == [(14, "RL201")]
    assert vendor_lines(lint, report(middle=["Mr Li Dr Wu Ms Ye Jo An"])) == []


def test_archive_pages_and_sales_figures_are_the_report_s(lint):
    middle = ["历史档案剩余3页尚未完成数字化扫描。", "新推出的惠民保险产品已售2,317份，覆盖群众1.2万人。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_membership_tiers_and_writing_tool_ads(lint):
    tail = ["—— 开通会员 畅享全站 ——", "体验卡 ¥5.8/3天｜年卡 ¥98（赠AI润色300次）", "年卡会员可下载本站全部8万份范文",
            "本页为预览页，完整文档共6页，开通会员后可查看剩余内容"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29]
    middle = ["还在熬夜写总结？试试「笔灵AI」，输入关键词一键成稿", "新用户注册即送1000字额度"]
    assert [line for line, _ in vendor_lines(lint, report(head=middle))] == [2, 3]


def test_social_media_article_chrome(lint):
    head = ["原创 公文小站 2024-05-06 08:00 发表于江苏", "点击上方“公文小站”→设为星标，每日准时推送"]
    tail = ["— THE END —", "文字｜小禾  排版｜阿青  审核｜老周", "长按识别下方二维码，进资料互助群（群满请加小助手）",
            "分享 · 收藏 · 点赞 · 在看"]
    assert [line for line, _ in vendor_lines(lint, report(head=head, tail=tail))] == [2, 3, 28, 29, 30, 31]


def test_sample_watermarks_page_numbers_and_spaced_qq_numbers(lint):
    middle = ["样稿 · 仅供预览 · SAMPLE", "- 2 -"]
    tail = ["粮库人交流圈丨扣扣：681 305 927（入圈请注明单位）"]
    assert [line for line, _ in vendor_lines(lint, report(middle=middle, tail=tail))] == [14, 15, 28]


def test_english_template_licences_and_ratings(lint):
    lines = [
        "# Consulting Proposal", *["We propose a four-week diagnostic of the client's supply chain."] * 12,
        "© TemplateHarbor. This template is licensed for use by a single purchaser. Resale or redistribution is prohibited.",
        "Template rated 4.7/5 by 1,204 consultants · Report a problem",
    ]
    assert [line for line, _ in vendor_lines(lint, "\n".join(lines) + "\n", format="md")] == [14, 15]


def test_seo_lines_of_document_titles(lint):
    head = ["关键词：足球协会工作报告范文 协会年度总结 体育社团述职 足协换届报告"]
    assert vendor_lines(lint, report(head=head)) == [(2, "RL201")]


def test_a_marketing_report_s_campaign_and_a_government_app_stay(lint):
    middle = ["开展新用户注册有礼活动，带动注册用户增长12%。", "下载“岚川通”APP可办理128项政务服务。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_more_site_chrome_seen_on_real_pages(lint):
    middle = ["本站小编为你精心准备了工作报告参考范文，欢迎阅读并收藏。", "（查看全部图文内容，您需要先登录！）", "文档评论（0）",
              "声明：本文来自于（ID：gongwen88）授权转载发布。", "ADVERTISEMENT"]
    assert [line for line, _ in vendor_lines(lint, report(middle=middle))] == [14, 15, 16, 17, 18]


def test_unbulleted_titles_under_a_list_header_and_arrow_bullets(lint):
    tail = ["猜你喜欢：", "城管局上半年工作总结及下半年计划（精选6篇）", "执法大队中队长个人述职报告", "▶ 市容整治工作总结（附模板）"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29]


def test_an_editor_s_sentence_is_no_list_header(lint):
    text = "下面是小编为大家收集整理的民营企业年度工作总结，欢迎阅读与收藏。\n瑞昌精密机械有限公司2024年度工作总结\n" + report()
    assert [line for line, _ in vendor_lines(lint, text)] == [1]


def test_reading_lists_mid_sentence_and_site_names_in_titles(lint):
    middle = ["面向全馆干部开展读书月活动，**推荐阅读**书目如下：", "| 政务外网 | 99.99% |"]
    assert vendor_lines(lint, report(middle=middle), format="md") == []
    head = ["关于2024年上半年安全生产工作情况的汇报 - 铁道文秘资料网 - 车务段专用版"]
    assert vendor_lines(lint, report(head=head)) == [(2, "RL201")]


def test_an_offer_of_the_editable_file_inside_a_report_paragraph(lint):
    middle = ["（四）加强宣传引导。全年开展普法活动36场。如需本报告完整Word版或定制年度总结，可添加写作顾问微信 bgdx_2017 获取。"]
    assert vendor_lines(lint, report(middle=middle)) == [(14, "RL202")]


def test_english_free_template_credits(lint):
    lines = ["# Annual Report", *["We served 4,200 families this year."] * 12,
             "Template provided by PaperLark Designs, free for personal and nonprofit use.",
             "More report layouts and cover pages: www.paperlark-designs.com/annual"]
    assert [line for line, _ in vendor_lines(lint, "\n".join(lines) + "\n", format="md")] == [14, 15]


def test_decorative_rules_end_marks_and_multi_version_headers(lint):
    tail = ["声明：本资料由注册用户上传，书简云文库仅作存储展示。", "━━━━━━━━━━━━", "你可能还想看：", "· 乡政府工作报告（精编版）"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29]
    head = ["村两委年度工作报告范文（精选5篇）", "☆☆☆☆☆☆☆☆☆☆", "【第1篇】"]
    assert [line for line, _ in vendor_lines(lint, report(head=head))] == [2, 3, 4]


def test_social_media_counters_qr_stand_ins_and_group_numbers(lint):
    tail = ["阅读 2.1万　在看 36　赞 150", "▼ 长按下方二维码，关注「稿知道」，获取更多党建材料 ▼", "[二维码]",
            "💬 文书交流群（扣扣）：736158204，进群请备注单位"]
    assert [line for line, _ in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29]


def test_download_page_metadata_and_english_marketplaces(lint):
    head = ["文件名称：2025年科室年度工作总结.docx", "文件大小：26.45 KB", "总页数：8页", "Home / Reports / Quarterly Review (Word)",
            "⭐ 4.8 (1,204 reviews) · 38k downloads"]
    assert [line for line, _ in vendor_lines(lint, report(head=head))] == [2, 3, 4, 5, 6]


def test_a_numbered_point_with_one_weak_phrase_and_an_own_copyright_stay(lint):
    middle = ["3．在公众号开设“居民点单”栏目，居民扫码关注后即可留言反映诉求，全年办结诉求327件；"]
    tail = ["2024年12月20日", "版权所有 © 2025 云岫市大数据中心"]
    assert vendor_lines(lint, report(middle=middle, tail=tail)) == []


def test_a_button_named_in_brackets_is_used_not_mentioned(lint):
    text = report(tail=["点击「阅读原文」，查看更多水利系统写作素材 ➜"])
    assert vendor_lines(lint, text) == [(26, "RL201")]
    column = report(middle=["本报开设了“阅读原文”栏目，全年刊发读者来信42篇。"])
    assert vendor_lines(lint, column) == []


def test_contacts_spaced_out_against_filters(lint):
    text = report(head=["【公文荟萃】精选·海关系统 ｜ 薇❤：gwhc_666 ｜ 扣 扣：7 3 0 9 1 5 2 8"])
    assert vendor_lines(lint, text) == [(2, "RL202")]
    spaced_url = report(middle=["w w w . l a n h u a w e n d a n g . c n   兰 花 文 档   专 业 电 力 材 料"])
    assert [code for _line, code in vendor_lines(lint, spaced_url)] == ["RL202"]


def test_a_spaced_out_title_is_not_vendor_text(lint):
    text = "述 职 报 告\n" + report()
    assert vendor_lines(lint, text) == []


def test_a_bracketed_brand_opening_a_vendor_line_names_the_vendor(lint):
    tail = ["【公文荟萃】精选材料 ｜ 微信：gwhc_666 ｜ QQ：73091528", "公 文 荟 萃｜专注体制内写作十年"]
    assert vendor_lines(lint, report(head=tail[:1], tail=tail[1:])) == [(2, "RL202"), (27, "RL203")]


def test_an_organisation_domain_is_its_own_contact(lint):
    text = report(tail=["协会微信公众号“栖川软件”全年推送原创文章146篇，关注人数突破1.2万；协会官网 www.qcsia.org.cn 完成改版；"])
    assert vendor_lines(lint, text) == []


def test_a_paragraph_with_its_own_contact_next_to_a_vendor_footer(lint):
    thanks = ("We are grateful to all our donors and to the volunteers who gave 2,940 hours this year, "
              "and to the partners who lent us boats. Questions: info@riverbendwater.org")
    text = report(tail=[thanks, "Made with Northlight Docs (free plan) · Remove this footer with a Pro licence"])
    assert vendor_lines(lint, text) == [(27, "RL201")]


def test_a_markdown_rule_before_the_vendor_footer(lint):
    tail = ["", "青萝县文化和旅游局", "2024年5月6日", "", "---", "文旅公文说 · 每周三更新 · 合作/投稿：wlgws@wlgwshuo.cn",
            "原创声明：本文系「文旅公文说」整理，未经授权禁止搬运。"]
    found = vendor_lines(lint, report(tail=tail), format="md")
    assert [line for line, _code in found] == [30, 31, 32]
    assert vendor_lines(lint, report(middle=["---"]), format="md") == []


def test_the_site_editors_column_and_a_web_posts_header(lint):
    head = ["律政云笔记 | 2025-01-14 09:32 | 阅读 3,204 | 来源：网络",
            "小编导读：半年总结怎么写才能既有亮点又有数据？今天分享一篇街道办事处的半年总结，建议收藏备用。"]
    assert [code for _line, code in vendor_lines(lint, report(head=head))] == ["RL201", "RL201"]


def test_a_templates_end_mark_and_related_downloads(lint):
    tail = ["—— 模板内容到此结束 ——", "------------------------------", "同栏目热门下载：",
            "1. 2023年村委会年终工作总结（精选6篇）", "2. 村党支部书记抓基层党建述职报告范本", "看了这篇文章的人还看了："]
    assert [line for line, _code in vendor_lines(lint, report(tail=tail))] == [26, 27, 28, 29, 30, 31]


def test_a_notice_on_using_the_template(lint):
    text = report(tail=["温馨提醒：本模板只作写作参考，请结合本单位实际情况修改后使用。"])
    assert vendor_lines(lint, text) == [(26, "RL201")]


def test_own_contacts_above_a_vendor_footer_on_another_domain(lint):
    tail = ["Contact: priya.dunmore@kestrelloop.io | Support portal: support.kestrelloop.io",
            "Template by DocuNest: 2,000+ free business report templates at docunest-templates.com"]
    assert vendor_lines(lint, report(tail=tail)) == [(27, "RL201")]
    vendor = ["Questions about this template: help@docunest-templates.com", tail[1]]
    assert vendor_lines(lint, report(tail=vendor)) == [(26, "RL202"), (27, "RL201")]


def test_a_notices_title_between_site_chrome_is_the_report(lint):
    text = "欢迎来到西安凤凰城初级中学官网!\n当前位置:首页 > 通知公告 > 正文\n2019年起始年级学生学籍注册电子表及填写须知\n" \
           "发布时间:2019-09-01 15:20:46\n" + "\n".join(BODY) + "\n"
    assert 3 not in [line for line, _code in vendor_lines(lint, text)]


def test_a_long_paragraph_with_its_own_contact_and_a_weak_word(lint):
    paragraph = ("本年度报告摘要来自年度报告全文，投资者应当到 www.sse.com.cn 网站仔细阅读年度报告全文。"
                 "董事会秘书联系方式 021-52634688，公司全体董事出席董事会会议，保障股东合法权益，"
                 "本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实性、准确性、完整性。")
    assert vendor_lines(lint, paragraph + "\n" + "\n".join(BODY) + "\n") == []


def test_slots_in_a_long_paragraph_with_a_pasted_page_counter_are_reported(lint):
    paragraph = ("第1页共5页 本届政府班子任职以来，全区经济社会发展取得显著成效，使得xx工程顺利推进，"
                 "xx度假村建成运营，xx养猪合作社带动农户增收，全区固定资产投资持续增长，民生保障水平不断提高，"
                 "生态环境持续改善，社会大局和谐稳定，各项事业全面进步，人民群众获得感、幸福感、安全感不断增强。")
    assert len(paragraph) > 120
    found = lint(paragraph + "\n")
    assert [d.code for d in found if d.category == "watermark"] == ["RL201"]
    assert [d.match for d in found if d.code == "RL101"] == ["xx", "xx", "xx"]


def test_download_metadata_as_a_bulleted_list(lint):
    text = "- 格式:doc\n- 大小:92.50 KB\n- 文档页数:3\n" + report()
    assert [line for line, _code in vendor_lines(lint, text)] == [1, 2, 3]


def test_vendor_text_in_traditional_script(lint):
    text = "\n".join(["小編精心推薦", "已閱讀5頁，還剩45頁未讀，繼續免費閱讀", "工作總結報告", *BODY]) + "\n"
    assert [line for line, _code in vendor_lines(lint, text)] == [1, 2]
    own = "本會辦公室設專人管理會籍，建立會員資料庫，經常與會員保持聯繫。\n" + "\n".join(BODY) + "\n"
    assert vendor_lines(lint, own) == []


def test_simplified_text_never_loads_the_converter():
    import subprocess
    import sys

    code = (
        "import sys\nfrom reportlint import lint_text\n"
        "lint_text('关于2024年度工作情况的报告\\n下面是小编为大家整理的工作总结范文。\\n')\n"
        "print('opencc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr


ENGLISH_BODY = [
    "Quarterly Business Review",
    "1. Summary",
    "Revenue grew 12% on the quarter and churn fell to 2.1%.",
    "2. Risks",
    "Two suppliers remain on watch; both have agreed recovery plans.",
    "3. Next steps",
    "We will open the Leeds depot in May and hire four planners.",
] * 3


def english(head=(), tail=()):
    return "\n".join([*head, *ENGLISH_BODY, *tail]) + "\n"


def test_english_template_shop_chrome(lint):
    head = ["PeopleForms Hub · HR paperwork without the paperwork",
            "Template ID PFH-207 · Annual Performance Review · ★★★★★ 4.8 · 12,640 downloads",
            "Premium members unlock 30 matching HR templates. Try Premium free for 7 days."]
    tail = ["Questions about this template? support@peopleformshub.example",
            "© PeopleForms Hub. You may edit this template for your own organisation; you may not redistribute it.",
            "Tags: performance review template, employee appraisal form, annual review example, free HR forms",
            "You may also like:"]
    found = [line for line, _code in vendor_lines(lint, english(head, tail))]
    assert found == [1, 2, 3, 25, 26, 27, 28]


def test_an_english_reports_own_footer_beside_a_template_credit(lint):
    tail = ["Harrowgate Digital Ltd · 14 Carrow Yard · delivery@harrowgate-digital.com",
            "Status report template by PlanStack · planstack-docs.com"]
    assert vendor_lines(lint, english(tail=tail)) == [(23, "RL202")]


def test_an_organisations_own_rights_line_beside_vendor_text(lint):
    tail = ["© 2025 宁湾精密轴承有限公司 版权所有", "", "年报模板来源：华章模板网 —— 专业年报、画册、PPT模板下载"]
    assert [line for line, _code in vendor_lines(lint, report(tail=tail))] == [28]


def test_keyword_stuffing_and_site_widgets(lint):
    head = ["选择搜索类型", "请输入搜索", "乡镇换届五年政府工作报告乡镇换届五年政府工作报告乡镇换届五年政府工作报告",
            "01-16 15:29:25 浏览次数:419次 栏目:政府报告"]
    assert [line for line, _code in vendor_lines(lint, report(head=head))] == [2, 3, 4, 5]
    repeated = report(middle=["全年完成地区生产总值286.4亿元。" * 3])
    assert vendor_lines(lint, repeated) == []


def test_a_latin_word_after_加_is_no_wechat_handle(lint):
    text = report(tail=["明年我们将组团参加 Vancouver 国际年会，有意者请咨询外事办。"])
    assert vendor_lines(lint, text) == []


def test_an_official_line_spaced_out_is_still_official(lint):
    tail = ["本文由墨香文库整理，仅供学习交流", "监 督 举 报 电 话 ： 1 3 8 1 2 3 4 5 6 7 8"]
    assert [line for line, _code in vendor_lines(lint, report(tail=tail))] == [26]


def test_ai_tool_and_app_chrome(lint):
    head = ["好的，以下是为您生成的村级年度工作总结，共约1100字：", "模型：砚舟-公文4.2 ｜ 本次消耗 1,842 tokens ｜ 剩余额度 6,158",
            "明镜台 · 公文写作话题下的优秀答主", "已关注 ｜ 赞同 1.2k ｜ 94 条评论 ｜ 收藏"]
    tail = ["[重新生成]  [继续扩写]  [润色]  [一键排版]", "编辑于 2025-06-23 09:41 · IP 属地江苏",
            "评论区回复“调研”，自动私信你完整Word版", "#调研报告# #公文写作# #体制内日常# #打工人必备#"]
    assert [line for line, _code in vendor_lines(lint, report(head=head, tail=tail))] == [2, 3, 4, 5, 30, 31, 32, 33]


def test_a_reports_own_account_of_an_ai_pilot_is_not_chrome(lint):
    middle = ["试点期间，起草助手共生成初稿312份，平均每份消耗约2000个tokens；系统支持重新生成、一键排版等功能。",
              "局官方抖音号“清溪政务”全年发布短视频86条，获赞同与收藏共计3.1万次。"]
    assert vendor_lines(lint, report(middle=middle)) == []


def test_a_government_new_media_report_is_not_app_chrome(lint):
    text = ("华东分公司 · 新媒体运营季报\n抖音号全年点赞12万次，评论3000余条，收藏8000次。\n平台已上线IP属地显示功能。\n"
            "各镇街可直接套用本报告附件。\n本报告著作权归作者所有。\n问题：申报材料的模板在哪里下载？\n答：请登录市人社局官网下载。\n"
            "本季度重点推送以下话题：\n#乡村振兴# #共同富裕# #数字经济#\n")
    assert vendor_lines(lint, text) == []


def test_a_button_row_that_does_not_end_is_read_quickly(lint):
    assert vendor_lines(lint, report(middle=["复制全文 ···· " * 14 + "完"])) == []


def test_keyword_stuffing_after_a_label(lint):
    line = "热门搜索关键词：乡镇换届五年政府工作报告乡镇换届五年政府工作报告乡镇换届五年政府工作报告"
    assert vendor_lines(lint, report(head=[line])) == [(2, "RL201")]


def test_literal_phrases_one_by_one_as_one_alternation_finds_them(monkeypatch):
    """The two ways of finding the literal phrases (one by one for a document holding the
    characters of few, one alternation for many) give the same phrases at the same places."""
    from reportlint.rules import watermarks

    pack = watermarks.phrase_pack(())
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(os.path.join(EXAMPLES, "*.txt")))]
    texts += ["下面是小编为大家整理的述职报告范文，供大家参考。更多精品范文请关注本站，免费下载。\n上传人：文库达人",
              "本文档仅供学习交流，下载后请在24小时内删除。会员群：1234567 加微信领取更多资料",
              "“推荐阅读”栏目收录了往期文章。今年工作取得新成效。"]
    found = []
    for text in texts:
        folded = watermarks.fold(text)
        words = [w for w in pack.tiers if set(w) <= set(folded)]
        monkeypatch.setattr(watermarks, "LITERALS_ONE_BY_ONE", 10_000)
        found.append(pack._literals(folded, words))
        monkeypatch.setattr(watermarks, "LITERALS_ONE_BY_ONE", 0)
        assert pack._literals(folded, words) == found[-1]
    assert len(found[-3]) >= 4 and len(found[-2]) >= 2


def test_folding_changes_only_the_characters_it_says():
    import sys

    from reportlint.rules import watermarks

    changed = {ch for ch in map(chr, range(sys.maxunicode + 1)) if ch != "\n" and watermarks.fold(ch) != ch.lower()}
    assert changed == set(watermarks._CHANGED_BY_FOLDING)
    text = "ＱＱ 群:12345（下载）\n更多范文请关注"
    assert watermarks.fold(text, set(text)) == watermarks.fold(text) == "qq群：12345（下载）\n更多范文请关注"


def test_keyword_stuffing_whose_run_starts_late_in_the_line(lint):
    for line in ("政府工作报告 政府工作报告 政府工作报告政府工作报告政府工作报告",
                 "关于年度总结报告，关于年度总结报告，关于年度总结报告，工作总结范文工作总结范文工作总结范文"):
        found = [d for d in lint(report(middle=[line])) if d.code == "RL201"]
        assert [d.message for d in found] == ["vendor residue 'keyword stuffing': delete the line"], line


def test_a_configured_phrase_with_sigma_is_found():
    """Σ lowers to σ, or to ς at the end of a word: a phrase needing both is still found."""
    from reportlint import lint_text
    from reportlint.config import Config

    text = report(tail=["Η ΕΤΑΙΡΕΙΑ ΚΟΣΜΟΣ ΑΕ – πρότυπα εγγράφων"])
    found = lint_text(text, config=Config(extend_vendor_phrases=("ΚΟΣΜΟΣ",)))
    assert [d.code for d in found if d.category == "watermark"] == ["RL201"]


def test_patterns_of_whole_lines_are_told_apart_from_alternations():
    from reportlint.rules.watermarks import _top_level_alternation

    for source, expected in [
        ("^a|b", True), ("^(?:a|b)$", False), ("^[|]a", False), ("^[]|]a", False), ("^[^]|]a", False),
        (r"^\|a", False), (r"^a\\|b", True), (r"^[\]|]a", False), ("^(a(b|c))|d", True), ("^a[(]|b", True),
    ]:
        assert _top_level_alternation(source) is expected, source


@given(st.lists(st.sampled_from(LINE_PIECES), max_size=30))
@settings(max_examples=300, deadline=None)
def test_a_pack_pattern_opening_with_a_newline_finds_what_the_pattern_finds(pieces):
    """Patterns of whole lines (``^…``) run as patterns opening with a newline, over the text
    with a newline put before it: each finds the same phrases at the same lines."""
    import re

    from reportlint.rules import watermarks

    text = "".join(pieces)
    for _tier, _need, source, _parts in watermarks.phrase_pack().patterns:
        pattern, newline = watermarks._compiled(source)
        if not newline:
            continue
        plain = [(m.start(), m.group()) for m in re.compile(source, re.MULTILINE).finditer(text)]
        shifted = [(m.start(), m.group()[1:]) for m in pattern.finditer("\n" + text)]
        assert shifted == plain, source


# A site's credit glued to the end of a report paragraph


GLUED = ("严格落实医疗质量安全核心制度，每月召开科室质控会议，全年开展病例讨论XX次、死亡病例讨论X次，"
         "甲级病案率达到XX%，全年未发生医疗事故，患者满意度持续提升。医疗文库网yiliaowenku.example整理，会员可下载Word版")


def test_a_credit_glued_to_a_paragraph_is_reported_and_the_paragraphs_slots_too(lint):
    text = report(middle=[GLUED])
    found = [(d.line, d.code, d.match) for d in lint(text) if d.line == 14]
    assert [(code, match) for _line, code, match in found if code.startswith("RL2")] == \
        [("RL202", GLUED.strip())]
    assert [match for _line, code, match in found if code == "RL101"] == ["XX", "X", "XX"]
    [d] = [d for d in lint(text) if d.code == "RL202"]
    assert d.fix is None  # (the line holds report text: left to the author)


def test_a_bare_domain_is_found_against_chinese_text_not_inside_ascii_words(lint):
    credit = "本文由墨香文库mxwenku.example整理"
    assert vendor_lines(lint, report(tail=[credit])) == [(26, "RL202")]
    from reportlint.tokens import scan

    assert [t.text for t in scan("访问mxwenku.example整理", "url")] == ["mxwenku.example"]
    assert [t.text for t in scan("版本v2.1.cnx、文件report.docx、a_b.com", "url")] == []


def test_lines_after_a_glued_credit_are_not_absorbed_into_a_vendor_block(lint):
    # (the speech goes on after the paragraph with the credit; the next version's heading
    # is vendor text, but what lies between is the speech's close and signature)
    speech = ["四、感谢与期望", "在此，特别感谢家委会主任为班级活动所做的大量工作，让我们携起手来，为孩子们创造更好的成长环境，"
              "共同见证孩子们的成长与进步。更多精彩家长会发言稿请关注第一范文网diyifanwen.example",
              "谢谢大家！", "三年级二班班主任：李红", "2024年3月8日", "家长会班主任发言稿 篇2"]
    text = "家长会班主任发言稿 篇1\n" + "\n".join(BODY[:6] + speech) + "\n"
    assert vendor_lines(lint, text) == [(1, "RL201"), (9, "RL201"), (13, "RL201")]


def test_links_under_a_related_header_may_end_with_their_version_count(lint):
    tail = ["相关推荐：", "1. 组织生活会个人发言提纲范文（精选6篇）", "2. 2024年党员对照检查材料三篇",
            "3. 民主生活会批评与自我批评发言稿汇编"]
    assert vendor_lines(lint, report(tail=tail)) == [(26, "RL201"), (27, "RL201"), (28, "RL204"), (29, "RL204")]
    # (the report's own list after its own heading stays)
    own = ["四、学习计划", "1. 学习党章党规三篇", "2. 撰写心得体会两篇"]
    assert vendor_lines(lint, report(tail=own)) == []


def test_an_organisations_own_address_block_after_its_date_is_not_vendor_text(lint):
    own = ["岭南社区护理协会", "2024年3月16日", "", "本会地址：九龙旺角弥敦道六百号华景商业大厦十二楼",
           "电话：(852) 2391 6705　电邮：secretariat@lingnancn.example", "网址：www.lingnancn.example"]
    assert vendor_lines(lint, report(tail=own)) == []
    traditional = ["嶺南社區護理協會", "2024年3月16日", "", "本會地址：九龍旺角彌敦道六百號華景商業大廈十二樓",
                   "電話：(852) 2391 6705　電郵：secretariat@lingnancn.example", "網址：www.lingnancn.example"]
    text = "關於本會2023年度會務工作的報告\n" + "\n".join(["本會全年舉辦培訓課程十二期，服務會員逾千人。"] * 12 + traditional) + "\n"
    assert vendor_lines(lint, text) == []
    # (a site's own line after the date is still the site's)
    vendor = ["岭南社区护理协会", "2024年3月16日", "", "本站网址：www.fanwenku.example  客服电话：400-800-1234"]
    assert vendor_lines(lint, report(tail=vendor)) == [(29, "RL202")]


def test_names_with_dots_in_report_sentences_are_no_contacts(lint):
    middle = ["平台基于ASP.NET开发，支持报表在线下载。", "组织党员每天登录学习强国xuexi.cn平台学习，人均学习积分达到1.2万分。",
              "公司在天猫tmall.com和京东jd.com开设官方旗舰店，全年线上会员人数突破5万人。"]
    assert vendor_lines(lint, report(middle=middle)) == []
    own_site = ["青溪县市场监督管理局", "2024年12月20日", "欢迎访问本局官网qxscjg.example了解更多政务信息"]
    assert vendor_lines(lint, report(tail=own_site)) == []


def test_a_table_row_with_a_count_of_articles_is_no_version_heading(lint):
    text = report(middle=["指标\t单位\t完成数", "发表学术论文\t篇\t15", "（三）读书分享系列活动之经典篇2"])
    assert vendor_lines(lint, text) == []


def test_a_page_or_sellers_line_after_the_date_is_still_vendor_text(lint):
    for line, code in [("原文地址：https://www.gongwenba.example/p/88231", "RL202"), ("客服电话：400-800-1234", "RL201"),
                       ("电话：400-800-1234  QQ：3456789012", "RL202"), ("官方网址：www.wenmi.example", "RL202")]:
        tail = ["青溪县信息中心", "2024年12月20日", line]
        assert vendor_lines(lint, report(tail=tail)) == [(28, code)], line


def test_a_vendor_blurb_above_the_title_is_no_report_paragraph(lint):
    blurb = ("20XX年XX公司年度工作总结范文，内容涵盖工作回顾、存在问题和下一步打算，适用于企业各部门年终总结写作参考。"
             "word版本可编辑")
    found = [(d.line, d.code) for d in lint(blurb + "\n" + report()) if d.line == 1]
    assert found == [(1, "RL201")]  # (no slot reported on a line that goes whole)


def test_slogans_between_a_glued_credit_and_a_vendor_contact_are_absorbed(lint):
    tail = ["推动工作落实，确保全年各项目标任务圆满完成，以优异成绩迎接建党一百零五周年，向全县人民交上满意答卷。"
            "本文来自安全文库，转载请注明出处", "笔耕不辍 十年坚守", "每天更新 实用为先", "更多资料请咨询QQ：3456789012"]
    assert [code for _line, code in vendor_lines(lint, report(tail=tail))] == ["RL201", "RL204", "RL204", "RL202"]
