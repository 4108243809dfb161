"""Claim rules: percentages and numbers that do not hold up (category ``claim``).

Percentages that are themselves slots (``增长X%``) are placeholder findings only.

RL501 rate-over-100 (error)
    A rate that cannot exceed 100% is stated above it: ``覆盖率达105%``,
    ``群众满意度102%``.  Rates that may exceed 100% (完成率, 增长率, 为上年的N%)
    are not checked.  Rates are listed in ``data/claims.toml``.

    PASS: 农村自来水覆盖率达98.5% | 计划完成率达112%
    FAIL: 农村自来水覆盖率达105% | 群众满意度为102%

RL502 percentage-point (error)
    A change between two percentages written in % where it is a difference of
    percentage points: ``由65%提高到82%，提高了17%`` → ``17个百分点``.

    Also 百分点 used for a change that is not between percentages:
    ``由100万吨增至112万吨，增加12个百分点`` → ``增长12%``.

    PASS: 由65%提高到82%，提高了17个百分点 | 由100万吨增至112万吨，增长12%
    FAIL: 由65%提高到82%，提高了17% | 由100万吨增至112万吨，增加12个百分点

RL503 inconsistent-rate (error)
    A rate that does not follow from the figures beside it: value, change and
    rate (``收入792.22万元，同比增加189.25万元，增长31.39%`` holds) or base,
    value and rate (``由120万元增加到150万元，增长25%`` holds).  Tolerance:
    half a unit in the last printed digit of the rate, at least 0.1.

    PASS: 收入792.22万元，同比增加189.25万元，增长31.39% | 由120万元增加到150万元，增长25%
    FAIL: 收入792.22万元，同比增加189.25万元，增长35.2% | 由120万元增加到150万元，增长20%

RL504 respectively-mismatch (error)
    A 分别 list whose items and values differ in number: ``工业、农业、服务业分别
    增长5.1%、6.3%`` (three items, two values).

    PASS: 工业、农业分别增长5.1%、6.3%
    FAIL: 工业、农业、服务业分别增长5.1%、6.3%

RL505 multiple-decrease (error)
    A decrease stated in multiples, ``成本降低了2倍`` (say 降低了N%), or by 100%
    or more, ``发案率下降了120%``.

    PASS: 成本降低了20% | 产量增长了2倍
    FAIL: 成本降低了2倍 | 发案率下降了120%

RL506 range-percent (warning)
    A range with % on one end only: ``67～89%`` → ``67%～89%``.

    PASS: 增幅在67%～89%之间
    FAIL: 增幅在67～89%之间

RL508 shares-over-100 (error)
    Shares of one whole (占比, 比重, 构成) listed with 分别 add up to over 100%
    (tolerance 0.1 per share for rounding).

    PASS: 一、二、三产业占比分别为9%、41%、50%
    FAIL: 一、二、三产业占比分别为9%、45%、50%

RL509 doubling-mismatch (error)
    翻番 against stated endpoints: 翻一番 is ×2, 翻两番 ×4 (within 5%).

    PASS: 产量翻一番，由3.6万吨增加到7.2万吨
    FAIL: 产量翻两番，由3.6万吨增加到7.2万吨

RL510 growth-without-basis (warning)
    A growth or decline in % with no comparison basis in its clause or the one
    before: 同比, 环比, 比上年, 较年初, 由…到 …, or a period that implies it
    (全年, 上半年, 一季度, 1-9月 …).  A report whose title names its period
    (``2024年度工作总结``, ``上半年…``) implies the basis for all its figures and is
    not checked.  The message says what is missing.

    PASS: 全年税收收入同比增长12.5% | 上半年地区生产总值增长5.6%
    FAIL: 税收收入增长12.5%

RL511 year-mismatch (warning)
    Years that do not fit the report: the year in the title (``2020年度``, or
    ``report-year`` / ``--report-year``) is not the year of the signing date or
    the one before it, or the body names a year two or more years after the
    signing date outside a plan or target (``到2030年``, ``力争…``; the next year
    is where a year-end report's plans live).  Either is the mark of an old
    template copied forward.

    PASS::

        2023年度工作总结
        全年完成各项任务，力争到2025年再上新台阶。
        2024年1月5日

    FAIL::

        2020年度工作总结
        全年完成各项任务。
        2024年1月5日

    FAIL::

        2023年度工作总结
        2026年新建学校3所。
        2024年1月5日

RL512 unsupported-intensifier (info)
    显著/大幅/明显/跨越式 + 提升/增长/改善 … with no figure in the same or the next
    sentence, in retrospective report types (述职, 总结, 整改 … by profile).

    PASS::

        2023年度工作总结
        服务质量显著提升，群众满意度达96.5%。

    FAIL::

        2023年度工作总结
        服务质量显著提升。各项工作有序推进。

RL513 percent-precision (info)
    A rate with more than two decimals (``增长12.3456%``), or one 分别 list whose
    rates are given to different numbers of decimals (``5%、6.27%、7.1%``).

    PASS: 分别增长5.1%、6.3%、7.0%
    FAIL: 增长12.3456% | 工业、农业、服务业分别增长5%、6.27%、7.1%

RL514 percent-form (info)
    Percentages written in words (百分之三十) and in figures (30%) in one document
    (GB/T 15835-2011 §4.1.1 and §4.3: figures, and one form throughout).

    PASS: 增长30%，占比45%。
    FAIL: 增长百分之三十，占比45%。

RL507 contradictory-approximation (warning)
    Two approximators around one number: ``将近400余人``, ``至少30家以上``.

    PASS: 将近400人 | 400余人
    FAIL: 将近400余人参加 | 至少30家以上
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Block, Document
from reportlint.i18n import msg

from ._data import load_toml

CATEGORY = "claim"
NUM = r"\d+(?:\.\d+)?"


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_toml("claims.toml")


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    """Pattern sources by key; each is compiled on first use (compiling all costs ~25 ms)."""
    d = _data()
    return {
        "rate": (rf"(?:{_alternation(d['bounded_rates'])})(?:{_alternation(d['rate_links'])})?({NUM})\s*[%％]"),
        "pp": (
            rf"由({NUM})[%％](?:提高|上升|增长|增加|下降|降低|减少|回落)[到至]({NUM})[%％][，,]?"
            rf"(?:提高|上升|增长|增加|下降|降低|减少|回落)了?({NUM})([%％])"
        ),
        "pp_misused": (
            rf"由({NUM})((?:万|亿)?[\u4e00-\u9fff]?)(?:提高|上升|增长|增加|下降|降低|减少|增|降)[到至]"
            rf"({NUM})\2[，,]?(?:提高|上升|增长|增加|下降|降低|减少)了?({NUM})个?百分点"
        ),
        "fanfan": (
            rf"翻(一|两|二|三|四|五)番[^。；]{{0,8}}?由({NUM})(万元|亿元|元|万吨|吨|万人|人|亿|万)?"
            rf"(?:增加|增长|提高|扩大)?[到至]({NUM})|由({NUM})(万元|亿元|元|万吨|吨|万人|人|亿|万)?"
            rf"(?:增加|增长|提高|扩大)?[到至]({NUM})[^。；]{{0,8}}?翻了?(一|两|二|三|四|五)番"
        ),
        "growth": (rf"(?:增长|下降|提高|增加|减少|降低|上升|回落)了?({NUM})\s*[%％]"),
        # value, change and rate: found from the rate backwards (the rate is the rare part)
        "vdr_rate": (rf"(?:增长|增加|下降|减少|提高)了?({NUM})[%％]"),
        "vdr": (
            rf"({NUM})((?:万|亿)?[\u4e00-\u9fff]?)[^。；\d]{{0,12}}?(?:增加|增长|多|减少|下降)了?({NUM})\2"
            rf"[，,、]?(?:同比)?(?:增长|增加|下降|减少|提高)了?({NUM})[%％]$"
        ),
        # The end of "vdr" anywhere in a text (no end anchor): what a document must hold for
        # any value/change/rate to be checked; one scan, most reports do not.
        # ([^\x00-\xff] for the unit: wider than the Chinese characters "vdr" takes, and it
        # compiles in microseconds where a class of the Chinese blocks takes a millisecond or
        # two, on a first run with no cache)
        "vdr_near": (
            rf"(?:增加|增长|多|减少|下降)了?({NUM})(?:万|亿)?[^\x00-\xff]?"
            rf"[，,、]?(?:同比)?(?:增长|增加|下降|减少|提高)了?({NUM})[%％]"
        ),
        # The end of "vdr" (any unit): a necessary condition, tried first.
        "vdr_tail": (
            rf"(?:增加|增长|多|减少|下降)了?({NUM})(?:万|亿)?[\u4e00-\u9fff]?"
            rf"[，,、]?(?:同比)?(?:增长|增加|下降|减少|提高)了?({NUM})[%％]$"
        ),
        "bvr": (
            rf"由({NUM})((?:万|亿)?[\u4e00-\u9fff]?)(?:增加|增长|提高|上升|减少|下降|降低|增|降)[到至]({NUM})\2"
            rf"[，,]?(?:同比)?(?:增长|增加|下降|减少|提高|降低)了?({NUM})[%％]"
        ),
        "respectively": (
            r"([^，。；：,]{2,60}?)分别(?:为|是|达到|达|增长|下降|提高|减少|增加|占)?"
            # (the values stop at the next 分别: 分别达到17421元、5271元，分别增长11.5%和16.8%)
            r"((?:(?:(?!分别)[^。；]){0,12}?" + NUM + r"[^。；、和及与]{0,6}?[、和及与]){0,9}(?:(?!分别)[^。；]){0,6}?"
            + NUM
            + r"(?:[%％‰]|个百分点)?)"
        ),
        "decrease": (
            rf"(?:{_alternation(d['decrease_words'])})了?(?:({NUM}|[一两二三四五六七八九十])倍|(\d{{3,}}(?:\.\d+)?)[%％])"
        ),
        # (a figure not right after a digit, a full stop or %: the look-behind comes after the
        # first digit, so that the regex engine can skip from digit to digit)
        "range": (rf"(\d(?<![\d.%％].)\d*(?:\.\d+)?)\s*[～~—\-至到]\s*({NUM})\s*[%％]"),
        "approx": (
            "|".join(rf"{re.escape(a)}{NUM}[^\d，。；]{{0,3}}?{re.escape(b)}" for a, b in d["approximators"])
        ),
    }


@cache
def _compiled(key: str) -> re.Pattern:
    return lazy_pattern.program(_sources()[key])


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _tolerance(rate: str) -> float:
    return max(0.1, 0.5 * 10 ** -_decimals(rate))


# What a block must contain for a pattern to be tried (a cheap test before the regex):
# strings (a tuple), or a pattern's source (which may reach into the next block: it only
# picks blocks to try).
_NEEDS = {
    "rate": ("率", "度", "比重", "占比"),
    "pp": ("由",),
    "pp_misused": ("百分点",),
    "vdr_rate": ("%", "％"),
    "bvr": ("由",),
    "respectively": ("分别",),
    "decrease": ("倍", "%", "％"),
    # a 至 or 到 after a digit or a space (达到 is in most lines); opening with the mark, not
    # with a digit, the scan skips to marks, not to every digit
    "range": r"[～~—\-至到](?<=[\d\s][～~—\-至到])",
    "approx": ("将近", "近", "至少", "最多", "不到", "超过", "约", "大概", "多达"),
    "fanfan": ("番",),
    "growth": ("%", "％"),
}


_DIGIT = lazy_pattern.compile(r"\d")


@cache
def _need_pattern(key: str) -> re.Pattern:
    need = _NEEDS[key]
    return lazy_pattern.program(need if isinstance(need, str) else "|".join(map(re.escape, need)))


def _blocks_with(doc: Document, pattern: re.Pattern) -> list[Block]:
    """Blocks on the page in which ``pattern`` occurs."""
    return [b for b in doc.blocks_with(pattern) if b.on_page]


# Patterns whose needed strings are in most lines of a report (every 增长…% has a %) and
# that open with a word: one scan of the whole text costs less than finding those lines
# first (measured: a third of the time).  Each match holds a digit, but a decrease may be
# in words (下降三倍): that one is checked.
_WHOLE_TEXT = {"rate": False, "vdr_rate": False, "decrease": True, "growth": False}


def _scan(doc: Document, key: str) -> list[tuple[Block, re.Match]]:
    """Matches of one claim pattern (in blocks on the page that hold a digit), computed
    once per document."""
    def matches() -> list[tuple[Block, re.Match]]:
        if key in _WHOLE_TEXT:
            return _scan_whole_text(doc, _compiled(key), _WHOLE_TEXT[key])
        blocks = [b for b in _blocks_with(doc, _need_pattern(key)) if _DIGIT.search(b.text)]
        if not blocks:
            return []
        find = _respectively_matches if key == "respectively" else _compiled(key).finditer
        return [(block, m) for block in blocks for m in find(block.text)]

    return doc.memo(f"_claims:{key}", matches)


def _scan_whole_text(doc: Document, pattern: re.Pattern, digitless: bool = True) -> list[tuple[Block, re.Match]]:
    """The matches ``pattern`` has in each block, found in one scan of the joined text:
    each is matched again in its block (the positions the rules use are the block's),
    and one that runs into the next block is none.  ``digitless``: a match may hold no
    digit (then its block must)."""
    text, starts = doc.joined()
    found = []
    for m in pattern.finditer(text):
        index = bisect_right(starts, m.start()) - 1
        block, base = doc.blocks[index], starts[index]
        if not block.on_page:
            continue
        local = pattern.match(block.text, m.start() - base)
        if local is None or local.end() != m.end() - base:
            continue
        if digitless and _DIGIT.search(local.group()) is None and _DIGIT.search(block.text) is None:
            continue  # 下降三倍 in a line without a digit: not a figure of the report's
        found.append((block, local))
    return found


_CLAUSE_MARKS = "，。；：,"  # what the items before 分别 cannot run over


def _respectively_matches(text: str) -> list[re.Match]:
    """What ``finditer`` of the 分别 pattern finds in ``text``, each searched for from where
    it can start: within 60 characters of a 分别 and not before its clause.  (The pattern
    opens with a lazy run of up to 60 characters; tried from every place of a line, it
    cost a report ~0.1 ms.  A test holds the two equal.)"""
    pattern = _compiled("respectively")
    found: list[re.Match] = []
    end = 0
    while (anchor := text.find("分别", end + 2)) >= 0:
        clause = max(text.rfind(mark, 0, anchor) for mark in _CLAUSE_MARKS) + 1
        m = pattern.search(text, max(end, anchor - 60, clause))
        if m is None:
            break
        found.append(m)
        end = m.end()
    return found


scan = _scan  # the claim patterns, shared with claim_wording


def _over_100(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "rate"):
        if float(m.group(1)) > 100:
            yield RATE_OVER_100.diagnostic(
                block, m.start(), m.end(), msg("'{match}': this rate cannot exceed 100%", match=m.group()),
            )


def _percentage_points(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "pp_misused"):
        base, value = float(m.group(1)), float(m.group(3))
        if base > 0:
            rate = abs(value - base) / base * 100
            yield PERCENTAGE_POINT.diagnostic(
                block, m.start(4), m.end(),
                msg("{base}{unit} to {value}{unit} is not a percentage: say 增长{rate:.1f}%, not 百分点",
                    base=m.group(1), unit=m.group(2), value=m.group(3), rate=rate),
            )
    for block, m in _scan(doc, "pp"):
        before, after, change = (float(m.group(i)) for i in (1, 2, 3))
        if abs(abs(after - before) - change) <= _tolerance(m.group(3)):
            yield PERCENTAGE_POINT.diagnostic(
                block, m.start(3), m.end(4),
                msg("a change from {before}% to {after}% is {change} 个百分点, not {change}%",
                    before=m.group(1), after=m.group(2), change=m.group(3)),
            )


_CHANGE_WORD = lazy_pattern.compile("增加|增长|多|减少|下降|提高")


def _value_change_rate(doc: Document) -> Iterator[tuple[Block, re.Match, int]]:
    """value/change/rate triples, matched in the 60 characters that end at each rate."""
    if _compiled("vdr_near").search(doc.joined()[0]) is None:
        return
    for block, rate in _scan(doc, "vdr_rate"):
        offset = max(0, rate.end() - 60)
        window = block.text[offset : rate.end()]
        first = _CHANGE_WORD.search(window)
        if first is None or _CHANGE_WORD.search(window, first.end()) is None:
            continue  # the pattern needs a change and a rate: two of these words (a cheap test)
        if _compiled("vdr_tail").search(window) is None:
            continue  # (its end, which fails fast: 较上年增长6.5% has no change figure before the rate)
        m = _compiled("vdr").search(window)
        if m is not None:
            yield block, m, offset


def _inconsistent(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m, offset in _value_change_rate(doc):
        value, delta, rate = float(m.group(1)), float(m.group(3)), float(m.group(4))
        text = m.group()
        sign = -1 if any(w in text for w in ("减少", "下降")) else 1
        base = value - sign * delta
        if base > 0:
            implied = delta / base * 100
            if abs(implied - rate) > _tolerance(m.group(4)):
                yield INCONSISTENT.diagnostic(
                    block, offset + m.start(4), offset + m.end(),
                    msg("{value}{unit} with a change of {change}{unit} is {implied:.2f}%, not {rate}%",
                        value=m.group(1), unit=m.group(2), change=m.group(3), implied=implied, rate=m.group(4)),
                )
    for block, m in _scan(doc, "bvr"):
        base, value, rate = float(m.group(1)), float(m.group(3)), float(m.group(4))
        if base > 0:
            implied = abs(value - base) / base * 100
            if abs(implied - rate) > _tolerance(m.group(4)):
                yield INCONSISTENT.diagnostic(
                    block, m.start(4), m.end(), msg("from {base} to {value} is {implied:.2f}%, not {rate}%",
                        base=m.group(1), value=m.group(3), implied=implied, rate=m.group(4))
                )


_ITEM_SPLIT = lazy_pattern.compile(r"[、和及与]")
_VALUE = lazy_pattern.compile(NUM + r"\s*(?:[%％‰]|个百分点|万元|亿元|元|万|亿|人|家|个|项|倍)?")


def _respectively(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "respectively"):
        head = re.split(r"[，,：:（(]", m.group(1))[-1]
        items = [p for p in _ITEM_SPLIT.split(head) if p.strip()]
        values = _VALUE.findall(m.group(2))
        if len(items) >= 2 and len(values) >= 2 and len(items) != len(values):
            yield RESPECTIVELY.diagnostic(
                block, m.start(), m.end(), msg("分别 pairs {items} items with {values} values",
                    items=len(items), values=len(values))
            )


_SHARE_WORDS = ("占比", "比重", "占", "构成", "结构")


def _shares(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "respectively"):
        if not any(w in m.group(1)[-12:] + m.group(2)[:4] for w in _SHARE_WORDS):
            continue
        values = re.findall(NUM + r"(?=\s*[%％])", m.group(2))
        if len(values) >= 2:
            total = sum(float(v) for v in values)
            if total > 100 + 0.1 * len(values):
                yield SHARES.diagnostic(
                    block, m.start(), m.end(), msg("shares of one whole add up to {total:g}%", total=total),
                )


_FAN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _fanfan(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "fanfan"):
        if m.group(1):
            times, base, value = _FAN[m.group(1)], float(m.group(2)), float(m.group(4))
        else:
            times, base, value = _FAN[m.group(8)], float(m.group(5)), float(m.group(7))
        if base <= 0:
            continue
        expected = base * 2**times
        if abs(value - expected) > 0.05 * expected:
            actual = value / base
            yield FANFAN.diagnostic(
                block, m.start(), m.end(),
                msg("翻{times}番 means ×{factor}; the figures give ×{actual:.2f}",
                    times="一两三四五"[times - 1] if times <= 5 else times, factor=2**times, actual=actual),
            )


@lru_cache(maxsize=1)
def _basis() -> re.Pattern:
    return lazy_pattern.program(_alternation(_data()["comparison_basis"]))


_PERIOD_TITLE = lazy_pattern.compile(r"\d{4}年|年度|半年|季度|月份|年终|年中|工作总结|政府工作报告")


def _period_in_title(doc: Document) -> bool:
    """A report titled with its period (2024年度…, 上半年…) compares its figures with the
    same period before, as statistical practice does: the basis is implied."""
    titles = [b.text for b in doc.body_lines()[:3]]
    return any(len(t) <= 60 and _PERIOD_TITLE.search(t) for t in titles)


def _no_basis(doc: Document, config) -> Iterator[Diagnostic]:
    if _period_in_title(doc):
        return
    basis = _basis()
    for block, m in _scan(doc, "growth"):
        clause_start = max(block.text.rfind(p, 0, m.start()) for p in "。；！？")
        previous = max(block.text.rfind(p, 0, max(0, clause_start)) for p in "。；！？")
        ends = [i for i in (block.text.find(p, m.end()) for p in "。；！？") if i >= 0]
        context = block.text[max(0, previous) : min(ends, default=len(block.text))]  # 下降41.3%，与对照差异显著
        if basis.search(context) or _compiled("range").search(m.group()):
            continue
        yield NO_BASIS.diagnostic(
            block, m.start(), m.end(), msg("'{match}' compared with what? Name the basis (同比, 比上年, 较年初 …)",
                match=m.group())
        )


_TITLE_YEAR = lazy_pattern.compile(r"(20\d{2}|19\d{2})年")
_SIGN_DATE = lazy_pattern.compile(r"^\s*(20\d{2})年\d{1,2}月\d{1,2}日\s*$")
_BODY_YEAR = lazy_pattern.compile(r"(20\d{2})年")
_FORWARD = ("到", "至", "力争", "预计", "计划", "目标", "规划", "争取", "确保", "前", "远景", "展望", "—", "-", "～")


def _years(doc: Document, config) -> Iterator[Diagnostic]:
    body = doc.body_lines()
    if not body:
        return
    sign = next((b for b in reversed(body[-6:]) if _SIGN_DATE.match(b.text)), None)
    if sign is None:
        return
    sign_year = int(_SIGN_DATE.match(sign.text).group(1))
    title = next(
        (b for b in body[:3] if b is not sign and len(b.text.strip()) <= 60 and _TITLE_YEAR.search(b.text)), None
    )
    report_year = getattr(config, "report_year", None)
    if report_year is None and title is not None:
        report_year = int(_TITLE_YEAR.search(title.text).group(1))
    if report_year is not None and report_year not in (sign_year, sign_year - 1):
        # point at the title's year, or at the signing date when the year came from the settings
        where = title if title is not None and getattr(config, "report_year", None) is None else sign
        m = _TITLE_YEAR.search(where.text)
        yield YEARS.diagnostic(
            where, m.start(), m.end(),
            msg("the report is for {report_year} but signed in {sign_year}: an old template copied forward?",
                report_year=report_year, sign_year=sign_year),
        )
    for block in body:
        if block is sign or block is title:
            continue
        for m in _BODY_YEAR.finditer(block.text):
            year = int(m.group(1))
            before = block.text[max(0, m.start() - 6) : m.start()]
            # The next year is where a year-end report's plans live (2025年工作打算 signed in 2024).
            if year > sign_year + 1 and not any(w in before for w in _FORWARD):
                yield YEARS.diagnostic(
                    block, m.start(), m.end(),
                    msg("{year} is more than a year after the signing date ({sign_year}) and is not a target",
                        year=year, sign_year=sign_year),
                )


_INTENSIFIER = lazy_pattern.compile(
    r"(?:显著|大幅|明显|跨越式|大大|极大)(?:地)?(?:提升|增长|提高|改善|增强|下降|减少|降低|加快)"
)
_SENTENCES = lazy_pattern.compile(r"[^。！？；]*[。！？；]?")
_RETROSPECTIVE = ("述职", "述廉", "述责", "总结", "整改", "汇报", "报告")


def is_retrospective(doc: Document) -> bool:
    """A report of what was done (述职, 总结 …), judged from its first lines, not a plan or speech."""
    titles = " ".join(b.text for b in doc.blocks[:3] if b.part == "body")
    return any(w in titles for w in _RETROSPECTIVE) and "计划" not in titles and "讲话" not in titles


def _intensifiers(doc: Document, config) -> Iterator[Diagnostic]:
    if not is_retrospective(doc):
        return
    for block in doc.blocks_with(_INTENSIFIER):
        if block.part != "body":
            continue
        sentences = [(m.start(), m.group()) for m in _SENTENCES.finditer(block.text) if m.group()]
        for i, (start, sentence) in enumerate(sentences):
            for m in _INTENSIFIER.finditer(sentence):
                nearby = sentence + (sentences[i + 1][1] if i + 1 < len(sentences) else "")
                if not _DIGIT.search(nearby):
                    yield INTENSIFIER.diagnostic(
                        block, start + m.start(), start + m.end(), msg("'{match}' with no figure to show it",
                            match=m.group())
                    )


_PRECISE = lazy_pattern.compile(r"(?<![\d.])\d+\.(\d{3,})\s*[%％]")
_RATE_VALUE = lazy_pattern.compile(r"\d+(?:\.(\d+))?\s*[%％]")
_WORD_PERCENT = lazy_pattern.compile(r"百分之[零一二三四五六七八九十百点]+")


# What every _PRECISE match holds, in a pattern the regex engine scans fast (a literal first).
_THREE_DECIMALS = lazy_pattern.compile(r"\.\d\d\d")


def _precision(doc: Document, config) -> Iterator[Diagnostic]:
    over_precise = _THREE_DECIMALS.search(doc.joined()[0]) is not None
    for block in doc.blocks if over_precise else ():
        if block.part != "body" or "%" not in block.text and "％" not in block.text:
            continue
        for m in _PRECISE.finditer(block.text):
            yield PRECISION.diagnostic(
                block, m.start(), m.end(), msg("'{match}': more than two decimals", match=m.group()),
            )
    for block, m in _scan(doc, "respectively"):
        places = {len(v.group(1) or "") for v in _RATE_VALUE.finditer(m.group(2))}
        if len(places) > 1 and len(_RATE_VALUE.findall(m.group(2))) >= 2:
            yield PRECISION.diagnostic(
                block, m.start(2), m.end(2), msg("rates in one list given to different decimals"),
            )


def _percent_forms(doc: Document, config) -> Iterator[Diagnostic]:
    text, _starts = doc.joined()
    if not _WORD_PERCENT.search(text) or not _RATE_VALUE.search(text):
        return
    for block in doc.blocks:
        if block.part != "body":
            continue
        for m in _WORD_PERCENT.finditer(block.text):
            yield PERCENT_FORM.diagnostic(
                block, m.start(), m.end(), msg("'{match}' in words while the document writes percentages in figures",
                    match=m.group())
            )


def _multiple_decrease(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "decrease"):
        if m.group(2) is not None:
            if float(m.group(2)) >= 100:
                yield MULTIPLE_DECREASE.diagnostic(
                    block, m.start(), m.end(), msg("'{match}': a quantity cannot fall by 100% or more", match=m.group())
                )
            continue
        yield MULTIPLE_DECREASE.diagnostic(
            block, m.start(), m.end(), msg("'{match}': a decrease cannot be a multiple; state it in %", match=m.group())
        )


def _range(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "range"):
        if float(m.group(1)) <= float(m.group(2)):
            yield RANGE_PERCENT.diagnostic(
                block, m.start(), m.end(), msg("'{match}': write % on both ends ({low}%～{high}%)",
                    match=m.group(), low=m.group(1), high=m.group(2))
            )


def _approx(doc: Document, config) -> Iterator[Diagnostic]:
    for block, m in _scan(doc, "approx"):
        yield APPROXIMATION.diagnostic(
            block, m.start(), m.end(), msg("'{match}': two approximations of one number", match=m.group()),
        )


def _ex(passing: list[str], failing: list[str]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True) for t in failing)


RATE_OVER_100 = Rule("RL501", "rate-over-100", CATEGORY, "error", "Bounded rate above 100%", _over_100,
                     _ex(["农村自来水覆盖率达98.5%", "计划完成率达112%"],
                         ["农村自来水覆盖率达105%", "群众满意度为102%"]))
PERCENTAGE_POINT = Rule("RL502", "percentage-point", CATEGORY, "error", "Change between percentages stated in %",
                        _percentage_points,
                        _ex(["由65%提高到82%，提高了17个百分点", "由100万吨增至112万吨，增长12%"],
                            ["由65%提高到82%，提高了17%", "由100万吨增至112万吨，增加12个百分点"]))
INCONSISTENT = Rule("RL503", "inconsistent-rate", CATEGORY, "error", "Rate that does not follow from the figures",
                    _inconsistent,
                    _ex(["收入792.22万元，同比增加189.25万元，增长31.39%", "由120万元增加到150万元，增长25%"],
                        ["收入792.22万元，同比增加189.25万元，增长35.2%", "由120万元增加到150万元，增长20%"]))
RESPECTIVELY = Rule("RL504", "respectively-mismatch", CATEGORY, "error", "分别 list with unequal items and values",
                    _respectively, _ex(["工业、农业分别增长5.1%、6.3%"], ["工业、农业、服务业分别增长5.1%、6.3%"]))
MULTIPLE_DECREASE = Rule("RL505", "multiple-decrease", CATEGORY, "error", "Decrease stated in multiples",
                         _multiple_decrease,
                         _ex(["成本降低了20%", "产量增长了2倍"], ["成本降低了2倍", "发案率下降了120%"]))
RANGE_PERCENT = Rule("RL506", "range-percent", CATEGORY, "warning", "Range with % on one end only", _range,
                     _ex(["增幅在67%～89%之间"], ["增幅在67～89%之间"]))
APPROXIMATION = Rule("RL507", "contradictory-approximation", CATEGORY, "warning", "Two approximations of one number",
                     _approx, _ex(["将近400人", "400余人"], ["将近400余人参加", "至少30家以上"]))

SHARES = Rule("RL508", "shares-over-100", CATEGORY, "error", "Shares of one whole adding up to over 100%", _shares,
               _ex(["一、二、三产业占比分别为9%、41%、50%"], ["一、二、三产业占比分别为9%、45%、50%"]))
FANFAN = Rule("RL509", "doubling-mismatch", CATEGORY, "error", "翻番 that the stated figures do not bear out", _fanfan,
              _ex(["产量翻一番，由3.6万吨增加到7.2万吨"], ["产量翻两番，由3.6万吨增加到7.2万吨"]))
NO_BASIS = Rule("RL510", "growth-without-basis", CATEGORY, "warning", "Growth or decline with no comparison basis",
                _no_basis, _ex(["全年税收收入同比增长12.5%", "上半年地区生产总值增长5.6%"], ["税收收入增长12.5%"]))

INTENSIFIER = Rule("RL512", "unsupported-intensifier", CATEGORY, "info", "显著/大幅 claims with no figure nearby",
                   _intensifiers, _ex(["2023年度工作总结\n服务质量显著提升，群众满意度达96.5%。"],
                                      ["2023年度工作总结\n服务质量显著提升。各项工作有序推进。"]))
PRECISION = Rule("RL513", "percent-precision", CATEGORY, "info", "Rates over-precise or unevenly precise",
                 _precision,
                 _ex(["分别增长5.1%、6.3%、7.0%"], ["增长12.3456%", "工业、农业、服务业分别增长5%、6.27%、7.1%"]))
PERCENT_FORM = Rule("RL514", "percent-form", CATEGORY, "info", "百分之N in words beside N% in figures", _percent_forms,
                    _ex(["增长30%，占比45%。"], ["增长百分之三十，占比45%。"]))
YEARS = Rule("RL511", "year-mismatch", CATEGORY, "warning", "Years that do not fit the report's date", _years,
             _ex(["2023年度工作总结\n全年完成各项任务，力争到2025年再上新台阶。\n2024年1月5日"],
                 ["2020年度工作总结\n全年完成各项任务。\n2024年1月5日",
                  "2023年度工作总结\n2026年新建学校3所。\n2024年1月5日"]))

RULES = (
    RATE_OVER_100, PERCENTAGE_POINT, INCONSISTENT, RESPECTIVELY, MULTIPLE_DECREASE, RANGE_PERCENT, APPROXIMATION,
    SHARES, FANFAN, NO_BASIS, YEARS, INTENSIFIER, PRECISION, PERCENT_FORM,
)
