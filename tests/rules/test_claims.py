"""Claim rules on real-looking report text, in both directions."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st


def claims(lint, text):
    return [(d.code, d.match) for d in lint(text) if d.category == "claim"]


def test_a_sound_government_report_excerpt_is_quiet(lint):
    text = (
        "全年地区生产总值增长5.6%，城镇调查失业率5.2%，居民消费价格上涨0.2%。\n"
        "规上工业增加值占GDP比重由31.2%提高到32.5%，提高1.3个百分点。\n"
        "一般公共预算收入792.22万元，同比增加189.25万元，增长31.39%。\n"
        "粮食产量由120万吨增加到126万吨，增长5%。计划完成率达112%，为上年的105%。\n"
        "全年第一、二、三产业增加值分别增长3.1%、5.2%、6.3%。\n"
        "农村自来水普及率达到98.6%，群众满意度为96.5%。工业产值增长1.2倍。\n"
        "预计2024～2025年投资保持在8%左右，参加培训400余人。\n"
    )
    assert claims(lint, text) == []


def test_faults_in_a_filled_report(lint):
    text = (
        "农村自来水覆盖率达105%，群众满意度为102%。\n"
        "贫困发生率由12.5%下降到3.2%，下降了9.3%。\n"
        "税收收入1500万元，同比增加300万元，增长30%。\n"
        "工业、农业、服务业分别增长5.1%、6.3%。\n"
        "单位能耗降低了2倍，增幅在67～89%之间，将近400余人参会。\n"
    )
    assert claims(lint, text) == [
        ("RL501", "覆盖率达105%"),
        ("RL501", "满意度为102%"),
        ("RL502", "9.3%"),
        ("RL503", "30%"),
        ("RL504", "工业、农业、服务业分别增长5.1%、6.3%"),
        ("RL510", "增长5.1%"),
        ("RL505", "降低了2倍"),
        ("RL506", "67～89%"),
        ("RL507", "将近400余"),
    ]


def test_slots_are_not_claims(lint):
    text = "覆盖率达X%，由X%提高到XX%，提高了X%，工业、农业分别增长X%、X%。"
    assert claims(lint, text) == []


def test_shares_doubling_and_basis(lint):
    text = (
        "一、二、三产业占比分别为9%、45%、50%。\n"
        "粮食产量翻两番，由3.6万吨增加到7.2万吨。\n"
        "产量由100万吨增至112万吨，增加12个百分点。\n"
        "税收收入增长12.5%。全年社会消费品零售总额同比增长6.1%。\n"
    )
    assert claims(lint, text) == [
        ("RL508", "一、二、三产业占比分别为9%、45%、50%"),
        ("RL509", "翻两番，由3.6万吨增加到7.2"),
        ("RL502", "12个百分点"),
        ("RL510", "增长12.5%"),
    ]


def test_years_against_the_signing_date(lint, run_cli, tmp_path):
    old = "2020年度工作总结\n全年完成各项任务。\n2025年工作打算：继续推进。\n2024年1月5日\n"
    assert claims(lint, old) == [("RL511", "2020年")]
    later = "2023年度工作总结\n2026年新建学校3所，力争到2030年全面达标。\n2024年1月5日\n"
    assert claims(lint, later) == [("RL511", "2026年")]
    path = tmp_path / "r.txt"
    path.write_text("工作总结\n全年完成各项任务。\n2024年1月5日\n", encoding="utf-8")
    diags = run_cli("--format", "json", "--select", "RL511", "--report-year", "2019", str(path)).diagnostics()
    assert [(d["line"], d["match"]) for d in diags] == [(3, "2024年")]  # the year from --report-year vs the signing date


SUMMARY_2024 = (
    "县民政局2024年度工作总结\n"
    "一、主要工作\n"
    "全年发放城乡低保金3862万元，入户核查低保对象2140户，核查覆盖率100%。\n"
    "全县农村自来水普及率达到100%，群众饮水安全得到保障。\n"
    "全年受理群众来信来访126件，办结率100%；开展养老机构安全检查48次，整改隐患全部到位。\n"
    "二、下一步打算\n"
    "力争社会救助资金发放准确率达到100%。\n"
)


def test_absolute_claims_need_a_count_in_their_sentence(lint):
    found = [(d.code, d.line, d.match) for d in lint(SUMMARY_2024) if d.code == "RL515"]
    assert found == [("RL515", 4, "普及率达到100%")]


def test_absolute_claims_are_not_checked_in_notices_and_plans(lint):
    notice = "关于开展养老机构安全大检查的通知\n各乡镇要确保检查覆盖率达到100%，不留死角。\n检查覆盖率达到100%。\n"
    assert [d for d in lint(notice) if d.code == "RL515"] == []


def test_growth_verb_is_opt_in(lint, run_cli, tmp_path):
    text = "2024年度工作总结\n全年财政收入增长277万元，同比增加18.64%；比上年增加2个百分点，产量增长1.5倍。\n"
    assert [d for d in lint(text) if d.code == "RL516"] == []
    assert [d for d in lint(text, select=("claim",)) if d.code == "RL516"] == []
    on = [(d.code, d.match) for d in lint(text, extend_select=("RL516",)) if d.code == "RL516"]
    assert on == [("RL516", "增长277万元"), ("RL516", "增加18.64%")]
    by_name = [d.code for d in lint(text, extend_select=("growth-verb",)) if d.code == "RL516"]
    assert by_name == ["RL516", "RL516"]
    path = tmp_path / "summary.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli("--extend-select", "RL516", "--select", "RL516", "--format", "json", str(path))
    assert [d["match"] for d in result.json()["files"][0]["diagnostics"]] == ["增长277万元", "增加18.64%"]


def test_a_basis_named_after_the_figure(lint):
    text = "施用钝化剂后，土壤有效态镉含量平均下降41.3%，与对照差异显著。\n"
    assert [c for c, *_ in claims(lint, text) if c == "RL510"] == []
    assert [c for c, *_ in claims(lint, "土壤有效态镉含量平均下降41.3%，效果显著。\n") if c == "RL510"] == ["RL510"]


def test_two_respectively_clauses_are_counted_apart(lint):
    text = "城镇和农村居民人均可支配收入分别达到4.2万元、2.1万元，分别增长5.5%和6.8%。\n"
    assert [c for c, *_ in claims(lint, text) if c == "RL504"] == []


_CLAIM_PIECES = [
    "增长", "下降了", "提高", "减少", "率", "达到", "为", "占比", "倍", "三倍", "下降三倍", "12", "3.5", "105",
    "%", "％", " ", "\u3000", "，", "。", "同比", "亿元", "由", "至", "较上年", "\n", "合格率为", "压减",
    "-", "～", "到", ".", "5",
]


@given(st.lists(st.sampled_from(_CLAIM_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_whole_text_scan_finds_what_a_scan_of_each_block_finds(pieces):
    from reportlint.readers import read_text
    from reportlint.rules import claims

    doc = read_text("<t>", "".join(pieces))
    for key in sorted(claims._WHOLE_TEXT):
        pattern = claims._compiled(key)
        by_block = [
            (id(b), m.span(), m.groups()) for b in doc.blocks
            if b.on_page and claims._DIGIT.search(b.text) for m in pattern.finditer(b.text)
        ]
        whole = [(id(b), m.span(), m.groups()) for b, m in claims._scan_whole_text(doc, pattern, claims._WHOLE_TEXT[key])]
        assert whole == by_block, key


@given(st.lists(st.sampled_from(_CLAIM_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_range_pattern_finds_what_a_look_behind_first_finds(pieces):
    """The range pattern's look-behind comes after its first digit (for speed): it must find
    what the plain form, look-behind first, finds."""
    import re

    from reportlint.rules import claims

    text = "".join(pieces)
    plain = re.compile(rf"(?<![\d.%％])({claims.NUM})\s*[～~—\-至到]\s*({claims.NUM})\s*[%％]")
    assert [m.groups() + m.span() for m in claims._compiled("range").finditer(text)] == \
        [m.groups() + m.span() for m in plain.finditer(text)]


@given(st.lists(st.sampled_from(_CLAIM_PIECES + ["分别", "番", "翻一番", "约", "百分点", "～", "比重", "、"]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_what_a_claim_pattern_needs_is_in_every_line_it_matches(pieces):
    """A claim pattern is tried only on lines holding what it needs: a necessary condition."""
    from reportlint.rules import claims

    for line in "".join(pieces).split("\n"):
        for key in claims._NEEDS:
            if claims._compiled(key).search(line):
                assert claims._need_pattern(key).search(line), (key, line)


@given(st.lists(st.sampled_from(_CLAIM_PIECES + ["分别", "分别", "工业", "和", "及", "、", "：", ",", "为", "占"]),
                max_size=60))
@example(["工业、农业分别增长5.1%、6.3%，", "城乡居民收入分别达到", "17421", "元、", "5271", "元，分别增长11.5%和16.8%"])
@settings(max_examples=400, deadline=None)
def test_respectively_matches_are_those_of_a_search_from_every_place(pieces):
    from reportlint.rules import claims

    text = "".join(pieces).replace("\n", "")
    plain = [(m.span(), m.groups()) for m in claims._compiled("respectively").finditer(text)]
    assert [(m.span(), m.groups()) for m in claims._respectively_matches(text)] == plain


@given(st.lists(st.sampled_from(_CLAIM_PIECES + ["增加", "多", "万元", "亿", "，", "、", "同比"]), max_size=40))
@example(["营业收入1500万元，比上年", "增加", "277", "万元", "，", "增长", "18.64", "%"])
@settings(max_examples=400, deadline=None)
def test_a_value_change_rate_holds_what_the_document_scan_looks_for(pieces):
    from reportlint.rules import claims

    text = "".join(pieces)
    if claims._compiled("vdr").search(text):
        assert claims._compiled("vdr_near").search(text)
