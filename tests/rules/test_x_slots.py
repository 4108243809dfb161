"""RL101 x-slot on real-looking text, in both directions."""

from __future__ import annotations

import pytest
from conftest import matches


def found(lint, text, prefix="RL1", fmt="txt"):
    return matches(lint(text, format=fmt), prefix)


X_SLOTS = [
    ("全县完成生产总值X亿元、增长X%。", ["X", "X"]),
    ("规上工业增加值X.X亿元，同比增长X.X%。", ["X.X", "X.X"]),
    ("解决了XX村电网改造等群众诉求X个。", ["XX", "X"]),
    ("现将20XX年X月X日会议精神传达如下。", ["20XX", "X", "X"]),
    ("以“XX”为抓手，推动城市精细化管理。", ["XX"]),
    ("××市人民政府关于××工作的报告", ["××", "××"]),
    ("实现营业收入3X.5亿元，利润率1X%，节约成本X5万元。", ["3X.5", "1X", "X5"]),
    ("ＸＸ县教育局2023年工作总结", ["ＸＸ"]),
    ("扣款当事人xx元，涉及xx户。", ["xx", "xx"]),
    ("一、X X X工作情况", ["X X X"]),
    ("全年新增就业x人，完成培训x人次。", ["x", "x"]),
    ("建成X光伏电站2座。", ["X"]),
    ("╳╳大学关于开展自查的通知", ["╳╳"]),
    ("XXX同志在全县经济工作会议上的讲话", ["XXX"]),
    ("打造了XX等一批扶贫产业综合体。", ["XX"]),
]


X_NOT_SLOTS = [
    "患者行X射线检查，拍X光片未见异常，X线片显示骨质完整。",
    "产前诊断示核型46,XX，另检出47,XXY一例，XX染色体结构正常。",
    "以X轴表示时间，Y轴表示产量，呈X型分布。",
    "完成旧终端Windows XP系统升级，采购Xbox体感设备和X86服务器。",
    "为职工配发XL、XXL码工作服，领导配发iPhone X手机一部。",
    "更换3×3米地垫，采购1.2m×0.8m展板，计算长×宽×高。",
    "The gallery holds portraits of Louis XIV and Pope Pius XII.",
    "对结(jié)构(gòu)与匯報(bào)等转换错误进行校正。",
    "解方程 x + 2 = 5，得x=3。",
    "X-ray equipment and X-200 series scanners were installed.",
    "完成土方开挖约2×10⁴立方米，采用X型钢支撑。",
]


@pytest.mark.parametrize("text,expected", X_SLOTS)
def test_x_slots_are_found(lint, text, expected):
    assert found(lint, text, "RL101") == expected


@pytest.mark.parametrize("text", X_NOT_SLOTS)
def test_x_lookalikes_are_not_slots(lint, text):
    assert found(lint, text, "RL101") == []


def test_message_names_the_expected_value(lint):
    messages = [d.message for d in lint("完成投资X亿元，增长X%，新建X个项目，XX村，XX同志。")]
    assert messages == [
        "unfilled template slot 'X': expected an amount in 亿元",
        "unfilled template slot 'X': expected a percentage",
        "unfilled template slot 'X': expected a count of 个",
        "unfilled template slot 'XX': expected a place name (村)",
        "unfilled template slot 'XX': expected a person's name",
    ]


def test_english_numbers_as_x(lint):
    text = "Revenue reached $X.X million, up X% and $X.XM in total; we grew from X to X people."
    assert found(lint, text, "RL101") == ["X.X", "X", "X.X", "X", "X"]


@pytest.mark.parametrize(
    "text, slots",
    [
        ("续签合同将于 20XX-XX-XX 到期。", ["20XX", "XX", "XX"]),
        ("| 2024-09-XX | 邮件通知 | 张伟 |", ["XX"]),
        ("会议定于2025/X/X召开。", ["X", "X"]),
        ("印发文号：临政办〔2024〕X号，编号2024-XX号。", ["X", "XX"]),
        ("请使用 IntelliJ IDEA 2023.x 及以上版本。", []),
        ("胸部X-ray检查未见异常，X-200型设备运行正常。", []),
        ("网关上线后 HTTP 5xx 错误率由0.8%降至0.05%，4XX响应减少。", []),
        ("全年营收5XX万元。", ["5XX"]),
        ("接口错误数下降，全年营收5XX万元。", ["5XX"]),
    ],
)
def test_x_in_dates_codes_and_status_classes(lint, text, slots):
    assert [d.match for d in lint(text) if d.code == "RL101"] == slots


def test_numbered_english_words_take_a_slot(lint):
    text = "**Review period:** Quarter X, 20XX\n| Customer satisfaction | X.X / 5 | TBD |\nAgree targets for Week X.\n"
    assert found(lint, text, "RL101", fmt="md") == ["X", "20XX", "X.X", "X"]
    assert found(lint, "Malcolm X spoke; Henry VIII and iPhone X were mentioned.", "RL101") == []


def test_lone_multiplication_sign_before_a_counter(lint):
    assert found(lint, "储备冲锋舟×艘、救生衣××件，计算长×宽。", "RL101") == ["×", "××"]


def test_a_legend_defining_x_is_not_a_slot(lint):
    assert found(lint, "X – односложная характеристика и/или тип извещателя:", "RL101") == []
    assert found(lint, "X – the number of sites, to be confirmed", "RL101") == []
    assert found(lint, "X亿元 – 全年目标", "RL101") == ["X"]


@pytest.mark.parametrize(
    "text, slots",
    [
        ("城网供电可靠率达到99.9X%。", ["99.9X"]),
        ("3.X线胸片与胸部CT诊断符合率92.1%。", []),
        ("3.XX县完成投资X亿元。", ["XX", "X"]),
        ("完成2台DR设备的X线管组件更换。", []),
        ("图3中，X轴为钝化剂施用量。", []),
        ("外借量前五位为《嫌疑人X的献身》《三体》。", []),
        ("根据《关于开展X工作的通知》要求，组织学习《X县志》。", ["X", "X"]),
        ("# ${company_en} QX 20XX Earnings Call", ["X", "20XX"]),
        ("The QX50 and the QXL models were shown.", []),
    ],
)
def test_masked_decimals_list_numbers_titles_and_quarters(lint, text, slots):
    assert found(lint, text, "RL101", fmt="md" if text.startswith("#") else "txt") == slots


@pytest.mark.parametrize(
    "text, slots",
    [
        ("路况指数达到**XX.X**，优良路率**XX%**。", ["XX.X", "XX"]),
        ("**报告期间：** 20XX年1月1日至12月31日", ["20XX"]),
        ("在K××+×××至K12+×××段实施微表处××万平方米。", ["××", "×××", "×××", "××"]),
        ("机房IT负载平均X.XMW，PUE均值X.XX。", ["X.X", "X.XX"]),
        ("P(Y=1|X) = 1 − ∏(1 − pi)^xi", []),
        ("| 路面修补 | XXXX | XX% |", ["XXXX", "XX"]),
        ("身份证号码示例：330781********123X。", []),
        ("配发XXL码工作服。", []),
    ],
)
def test_bold_chainages_units_functions_and_id_numbers(lint, text, slots):
    assert found(lint, text, "RL101", fmt="md") == slots


@pytest.mark.parametrize(
    "text",
    ["上半年开行X8027次等中欧班列46列。", "模组沿X、Y、Z三个方向进行随机振动试验。", "以X/Y轴分别表示时间与产量。"],
)
def test_train_numbers_and_axes_are_not_slots(lint, text):
    assert found(lint, text, "RL101") == []
