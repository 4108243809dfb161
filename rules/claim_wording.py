"""Claim wording: figures stated in a way that invites doubt (category ``claim``).

RL515 absolute-claim (info)
    In a report of work done (述职, 总结, 整改, 汇报 … in the title), a bounded rate
    of exactly 100% (``群众满意率100%``, ``覆盖率达到100%``) with no count in its
    sentence to show it: a reader cannot tell whether 100% is 12 of 12 or a
    round-up.  Give the base (``抽查1200户，满意率100%``).  Targets (确保, 力争,
    目标 …) are not claims; 全覆盖 and 零投诉 are left alone: they are set phrases
    of plans as often as claims.

    PASS::

        2024年度工作总结
        入户走访群众1200户，满意率100%

    PASS::

        2024年度工作总结
        农村自来水覆盖率达到98.5%

    PASS::

        2024年度工作总结
        力争群众满意率达到100%。

    PASS::

        关于开展安全检查的通知
        检查覆盖率达到100%。

    FAIL::

        2024年度工作总结
        群众满意率100%。

    FAIL::

        2024年度工作总结
        全县农村自来水覆盖率达到100%，群众饮水更加安全。

RL516 growth-verb (info, opt-in)
    增长 with an absolute amount (``增长277万元`` → ``增加277万元``) or 增加 with a
    percentage (``增加18.64%`` → ``增长18.64%``): statistical usage keeps 增长 for
    rates and 增加 for amounts.  Real government reports mix the two, so the
    rule runs only when named in ``--extend-select`` / ``extend-select`` (or
    ``--select``).

    PASS: 收入增加277万元，增长18.64% | 比上年增加2个百分点 | 产量增长1.5倍
    FAIL: 收入增长277万元 | 收入增加18.64%
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Document
from reportlint.i18n import msg

from .claims import NUM, is_retrospective, scan

CATEGORY = "claim"

_SENTENCE_END = lazy_pattern.compile(r"[。；！？!?;]")
# A count of things or people (or a slot for one): what a 100% rate should rest on.
_COUNTERS = "人次|批次|户|人|个|家|项|件|所|村|名|次|份|例|起|批|单|条|宗|座|辆|套|组|台|处|栋|场|期|篇"
_COUNT = lazy_pattern.compile(r"(?:" + NUM + r"|[XxＸｘ×]+)\s*(?:万|千|百)?(?:" + _COUNTERS + ")")
# Targets and requirements are not claims: 确保覆盖率达到100%, 力争…
_TARGET = lazy_pattern.compile("确保|力争|目标|计划|要求|必须|应当|争取|将")


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


def _absolute_claims(doc: Document, config) -> Iterator[Diagnostic]:
    if not is_retrospective(doc):
        return
    for block, m in scan(doc, "rate"):
        if float(m.group(1)) != 100:
            continue
        sentence = _sentence(block.text, m.start(), m.end())
        if not _COUNT.search(sentence.replace(m.group(), "")) and not _TARGET.search(sentence):
            message = msg("'{match}' with no count to show it: give the base (how many of how many)", match=m.group())
            yield ABSOLUTE.diagnostic(block, m.start(), m.end(), message)


_AMOUNT_UNITS = "万亿元|亿元|万元|元|万吨|吨|万人|人|户|家|个|项|公里|亩"
_GROWTH_VERB = lazy_pattern.compile(
    r"(增长|增加)了?(" + NUM + r")\s*(" + _AMOUNT_UNITS + r"|[%％])(?![\u4e00-\u9fff]*百分点)"
)


def _growth_verbs(doc: Document, config) -> Iterator[Diagnostic]:
    for block in doc.blocks:
        if not block.on_page or ("增长" not in block.text and "增加" not in block.text):
            continue
        for m in _GROWTH_VERB.finditer(block.text):
            verb, unit = m.group(1), m.group(3)
            percent = unit in "%％"
            if verb == "增长" and not percent:
                message = msg("'{match}': an amount takes 增加: 增加{value}", match=m.group(), value=m.group(2) + unit)
            elif verb == "增加" and percent:
                message = msg("'{match}': a rate takes 增长: 增长{value}", match=m.group(), value=m.group(2) + unit)
            else:
                continue
            yield GROWTH_VERB.diagnostic(block, m.start(), m.end(), message)


def _ex(passing: list[str], failing: list[str]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True) for t in failing)


ABSOLUTE = Rule(
    "RL515", "absolute-claim", CATEGORY, "info", "100% rate with no count to show it", _absolute_claims,
    _ex(["2024年度工作总结\n入户走访群众1200户，满意率100%", "2024年度工作总结\n农村自来水覆盖率达到98.5%",
         "2024年度工作总结\n力争群众满意率达到100%。", "关于开展安全检查的通知\n检查覆盖率达到100%。"],
        ["2024年度工作总结\n群众满意率100%。", "2024年度工作总结\n全县农村自来水覆盖率达到100%，群众饮水更加安全。"]),
)
GROWTH_VERB = Rule(
    "RL516", "growth-verb", CATEGORY, "info", "增长 with an amount or 增加 with a rate (opt-in)", _growth_verbs,
    _ex(["收入增加277万元，增长18.64%", "比上年增加2个百分点", "产量增长1.5倍"], ["收入增长277万元", "收入增加18.64%"]),
    opt_in=True,
)

RULES = (ABSOLUTE, GROWTH_VERB)
