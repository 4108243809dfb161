"""Placeholder rules: template slots that were never filled in (category ``placeholder``).

RL102 mou-slot (error)
    ``某某`` used as a slot: in a self-reference (``我局某某``), a title or heading, a
    signature, byline or form field (``汇报人：某某``, ``院长　某某``, ``述职人：…专员 某某``), one
    of a list of signed names (``验收组成员（签字）：吴斌　某某``) or before 同志, in running
    text of a report that names no one as 王某 (``对某某领域研究不透``), and
    before a place or organisation word (``某某局``) unless the document anonymises people and
    leaves no other 某某 open.  Not anonymised persons in case reports (``张某``, ``李某某``,
    ``某某公司负责人王某``).

    PASS: 原党支部书记李某某违规收受礼金。 | 某某公司负责人王某被立案审查。
    FAIL: 汇报人：某某 | 某某同志述职报告

RL103 star-slot (error)
    Asterisks standing for a name: ``**镇``, ``***县``, or for a year's digits (``20**年``,
    ``200*年``).  Not privacy masking
    (``陈**``, ``138****1234``, ``京A·8***6``), markdown emphasis or separators.

    PASS: 联系人陈**，电话138****1234 | 这是**重点**内容
    FAIL: **镇党委书记 | 关于***县的调研报告

RL104 blank-slot (error)
    Underscore blanks ``____``, ``＿＿＿＿`` and ``20__年``, and a line of blanks that goes on
    from a field on the line before (room to write in).  Not signature fields (``签名：______``,
    ``签字：____  日期：____``, ``____（盖章）``), lines made of underscores only, or the fields
    of a form for someone else to fill in: after a ``回执``, ``报名表``, ``（格式）`` … heading,
    or a ``投标函``/``承诺书`` heading inside a longer document (as the document's own title,
    a bid letter's blanks are the author's: ``签字代表____`` is a slot).

    PASS: 承诺人（签名）：__________ | snake_case_name
    FAIL: 完成率达____% | 富政函[20__]43号

RL105 empty-date (warning)
    A date with its numbers left blank: ``2024年  月  日``, ``年  月  日``, a year left out
    (``公示时间为年4月18日``; not 今年4月, 同年4月), a document number's year left out
    (``辽委办发〔〕11号``).  Not on a signature line or right after one (forms awaiting a
    handwritten date).

    PASS: 2024年5月6日 | 签字：        2024年  月  日
    FAIL: 本报告于2024年  月  日经党组会议审议

RL113 empty-value (warning)
    A number left out before its unit: ``全年完成生产总值 亿元，增长 %``, ``比上年增长%。``,
    a count before the clause goes on (``死亡  人，``, ``签订责任书  份，``)
    (``match`` is the gap and the unit).  Not in a form for someone else to fill in (after a
    ``回执`` or ``报名表`` heading), nor a unit after a label (``金额：    元``) or in a
    table's header (``增长%`` at the end of a cell).

    PASS: 全年完成生产总值286.4亿元，增长5.6% | 单位：万元 | 表3 同比增长%
    FAIL: 全年完成生产总值 亿元，增长 %。

RL106 bracket-prompt (error)
    Bracketed instructions to the writer: ``（单位名称）``, ``【请填写项目名称】``,
    ``（此处填写具体时间）``, ``[Name]``, ``<date>``, and Chinese words in angle
    brackets (``<风险描述>``: Chinese text has no such brackets), a caption left after a slot
    (``XX（单位）``), the writer's own particulars (``【本单位中心工作】``, ``（具体成效）``), a
    numbered stand-in (``（任务一）``), an English stand-in that is a whole list item
    (``- [Decision 1]``; ``[Figure 1]`` in a sentence is a reference).  Not a form's
    conditional instruction (``（如选“是”，请注明…）``), nor notes such as
    ``（略）``, ``（含）``, ``（单位：万元）``, ``【典型案例】``, an editor's or vendor's
    note (``（转载请注明出处）``, a watermark finding) or markdown links.

    PASS: 收入1.2亿元（含税） | 【典型案例】 | 表1（单位：万元） | （本文仅供参考，转载请注明出处）
    FAIL: （单位名称）关于开展自查的报告 | 【请填写项目名称】 | Dear [Name], | 3. <风险描述>

RL107 template-variable (error)
    Template and mail-merge variables: ``{{name}}``, ``${name}``, ``{name}``, ``«Name»``.

    PASS: 函数f(x)的值
    FAIL: 尊敬的{{客户名称}}： | 致${name}

RL108 filler-text (warning)
    English filler: ``TBD``, ``TBA``, ``TODO``, ``FIXME``, ``Lorem ipsum``.

    PASS: The method is todo-list based.
    FAIL: Budget: TBD | Lorem ipsum dolor sit amet
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Expectation, Rule
from reportlint.document import HEADING, Block, Document
from reportlint.i18n import msg
from reportlint.tokens import Token

from ._data import load_lines
from ._script import simplified_view
from ._slots import (
    DIGITS,
    LATIN,
    candidates,
    context,
    examples,
    expectation,
    expected_value,
    is_han,
    prompt_expectation,
)

CATEGORY = "placeholder"


# --- 某某 -------------------------------------------------------------------------------------


def _is_title(doc: Document, block: Block) -> bool:
    if block.kind == HEADING:
        return True
    first = next((b for b in doc.blocks if b.text.strip()), None)
    text = block.text.strip()
    return first is block and len(text) <= 40 and not any(p in text for p in "。，；！？")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(w for w, _ in load_lines("surnames.txt"))


def _anonymised_at(text: str, index: int) -> bool:
    """True if text[index] is a surname starting an anonymised name (书记王某, 、李某某)."""
    if text[index] not in _surnames():
        return False
    head = text[:index]
    if not head or not is_han(head[-1]):
        return True
    return any(head.endswith(r) for r in context()["anonymised"]["roles"])


def _has_anonymised_persons(doc: Document) -> bool:
    """Does the document anonymise people (王某, 李某某)?  Then 某某 is anonymity, not a slot."""
    return doc.memo("_anonymised", lambda: any(
        tok.start and _anonymised_at(block.text, tok.start - 1) for block, tok in candidates(doc, "mou1")
    ))


_FIELD_LABEL = lazy_pattern.compile(
    r"(?:人|者|方|员|长|书记|主任|经理|主席)[：:][*_]*\s*$"
)
# A list of names after a label, 某某 among them; a line that opens with a person's label.
_NAME_LIST = lazy_pattern.compile(
    r"(?:成员|人员|签字|签名|出席|参加|列席|组员|委员)[）)]?[：:][ \u3000]*(?:[\u4e00-\u9fff]{2,4}[ \u3000、，,]+)+$"
)
# Verbs that describe the form an entry takes (填写到某某省某某市): 某某 after them is mentioned.
_FORMAT_CHAIN = lazy_pattern.compile(
    r"(?:填写到|填到|写到|精确到|具体到|细化到)(?:某某(?:(?!某)[\u4e00-\u9fff]){1,2}[、，,]?)*$"
)
_ROLE_AFTER = lazy_pattern.compile(r"(?:为|任|担任)(?:组长|副组长|主任|副主任|书记|总指挥|负责人|召集人|队长)")
_PERSON_LINE = lazy_pattern.compile(r"^[ \u3000]*[\u4e00-\u9fff]{1,6}(?:人|者)[：:]")
_SELF_UNIT = lazy_pattern.compile(r"(?:我|本)[\u4e00-\u9fff]$")


def _mou_slot(doc: Document, block: Block, tok: Token) -> bool | None:
    """True: a slot; False: not; None: a slot only if the document has another."""
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    after = text[tok.end : tok.end + 3]
    ctx = context()["mou"]
    raw_head = text[: tok.start]
    head = raw_head.rstrip(" \u3000：:")
    if prev == "某" or after[:1] == "某":
        return False
    if prev and _anonymised_at(text, tok.start - 1):
        return False  # 李某某
    if _FORMAT_CHAIN.search(raw_head[-40:]):
        return False  # 须精确填写到某某省某某市某某县: the form of an answer, described
    if any(head.endswith(w) for w in ctx["self"]) or any(head.endswith(w) for w in ctx["field"]):
        return True
    if _SELF_UNIT.search(head) and expected_value(text, tok.end) is not None:
        return True  # 由我库某某科牵头: the writer's own unit
    if _FIELD_LABEL.search(raw_head):
        return True  # 汇报人：某某, 对照检查人：某某
    if _NAME_LIST.search(raw_head):
        return True  # 验收组成员（签字）：吴斌　郑晓燕　某某: one name of a list left open
    if not text[tok.end :].strip(" \u3000") and _PERSON_LINE.match(text):
        return True  # 述职人：华东大区澄州片区 医药信息沟通专员 某某: the byline's name
    if _ROLE_AFTER.match(text, tok.end):
        return True  # 成立以某某为组长的领导小组: the name of the one who leads it
    if after.startswith(("同志", "先生", "女士")) or (head == "" and len(text.strip()) <= 12):
        return True
    if raw_head[-1:] in (" ", "\u3000") and not text[tok.end :].strip(" \u3000）)") and \
            any(head.endswith(r) for r in context()["anonymised"]["roles"]):
        return True  # a byline or signature: ——（学院名称）院长　某某, （党员　某某）
    if _is_title(doc, block):
        return True
    expects = expected_value(text, tok.end) or ""
    if expects.startswith(("a place", "an organisation")):
        # 某某公司将坚持…: a slot, unless the document names people as 王某 (then 某某公司 is
        # anonymity too) and has no other 某某 slot
        return True if not _has_anonymised_persons(doc) else None
    if is_han(after[:1]) and prev not in _surnames() and prev not in "“\"‘「《" and after[:1] not in "体梗式" \
            and not _has_anonymised_persons(doc):
        return True  # 对某某领域的新情况研究不透, 某某家庭获评…: not 陈某某, in a text that names no one as 王某
    return False


def _mou_slots(doc: Document, config) -> Iterator[Diagnostic]:
    found, maybe = [], []
    for block, tok in candidates(doc, "mou", config=config):
        verdict = _mou_slot(doc, block, tok)
        if verdict:
            found.append((block, tok))
        elif verdict is None:
            maybe.append((block, tok))
    if found:  # 召开某某局大会 in a template that also leaves 局长某某同志 open: a slot like the others
        found = sorted(found + maybe, key=lambda bt: (bt[0].line, bt[1].start))
    for block, tok in found:
        yield MOU_SLOT.diagnostic(
            block, tok.start, tok.end, msg("unfilled template slot '某某': expected a name"),
            expects=expectation(block.text, tok.end) or Expectation("name"),
        )


# --- ** -------------------------------------------------------------------------------------


def _emphasis(text: str, tok: Token) -> bool:
    """A star run that can open and is closed by an equal run later on the line, or that can
    close one opened before (Markdown ``**bold**``, by CommonMark's flanking rules read the
    CJK-aware way: ``**不足：**网络`` is bold)."""
    close = _whole_run(text, tok.text, tok.end, len(text))
    if close > tok.end and _can_open(text, tok.start, tok.end) and _can_close(text, close, close + len(tok.text)):
        return True
    opening = _whole_run(text, tok.text, 0, tok.start, last=True)
    return opening >= 0 and tok.start > opening + len(tok.text) and \
        _can_open(text, opening, opening + len(tok.text)) and _can_close(text, tok.start, tok.end)


def _names_a_unit(text: str, pos: int) -> bool:
    """Does a place or body's name start at ``pos`` (镇中心小学, 实验学校: a suffix within a
    few Chinese characters)?  Not after a space: ``**要点。** 组建…`` closes bold text."""
    if not is_han(text[pos : pos + 1] or " "):
        return False
    for k in range(9):
        if k and not is_han(text[pos + k - 1 : pos + k] or " "):
            return False
        if (expected_value(text, pos + k) or "").startswith(("a place", "an organisation")):
            return True
    return False


def _whole_run(text: str, run: str, lo: int, hi: int, last: bool = False) -> int:
    """Where a star run exactly like ``run`` (not part of a longer one) is in text[lo:hi]."""
    starts = [m.start() for m in re.finditer(re.escape(run[0]) + "+", text[lo:hi]) if len(m.group()) == len(run)]
    if not starts:
        return -1
    return lo + (starts[-1] if last else starts[0])


def _punctuation(ch: str) -> bool:
    import unicodedata  # (loaded only for the rare star runs that ask)

    return ch != "" and unicodedata.category(ch)[0] in "PS"


def _cjk(ch: str) -> bool:
    """Chinese text or punctuation: next to it a delimiter run flanks as it would next to
    white space, as CJK-aware renderers read ``**不足：**网络`` and ``**完成率 100%**；``."""
    return ch != "" and (is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                         or "\u2018" <= ch <= "\u201f" or ch in "…—")


def _flanks(inside: str, outside: str) -> bool:
    """CommonMark's flanking test for a delimiter run, ``inside`` being the character on the
    side of the emphasised text and ``outside`` the other: not white space inside, and no
    (non-Chinese) punctuation inside unless white space, punctuation or Chinese is outside."""
    if inside == "" or inside.isspace():
        return False
    open_outside = outside == "" or outside.isspace() or _punctuation(outside) or _cjk(outside)
    return not _punctuation(inside) or _cjk(inside) or open_outside


def _can_open(text: str, start: int, end: int) -> bool:
    return _flanks(text[end : end + 1], text[start - 1 : start])


def _can_close(text: str, start: int, end: int) -> bool:
    return _flanks(text[start - 1 : start], text[end : end + 1])


def _star_slot(block: Block, tok: Token) -> bool:
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    nxt = text[tok.end] if tok.end < len(text) else ""
    digits = len(text[: tok.start]) - len(text[: tok.start].rstrip("0123456789"))
    if digits + len(tok.text) == 4 and text[tok.start - digits : tok.start][:2] in ("19", "20") and \
            text[tok.end : tok.end + 1] == "年":
        return True  # 20**年, 200*年: the year left out
    if prev == "第" and not _emphasis(text, tok):
        return True  # 县委第**巡察组, 第**届: a number left out (第**一**阶段 is bold)
    if prev and (prev in DIGITS or prev in LATIN or prev in "·*＊"):
        return False  # masking: 138****1234, 京A·8***6
    if not nxt or not (is_han(nxt) or nxt in "“\"《"):
        # 县人民政府县长***: a title, then the name left out
        head = text[: tok.start]
        return (not nxt or nxt in "，。；、）) \u3000") and any(head.endswith(r) for r in context()["stars"]["titles"])
    expects = expected_value(text, tok.end) or ""
    suffix = expects.startswith(("a place", "an organisation"))
    if _emphasis(text, tok):
        # **村、**村 or **镇中心小学、**实验学校 pair up like bold text; they are two slots
        # when both runs stand before the name of a place or body.
        partner = _whole_run(text, tok.text, tok.end, len(text))
        if partner < 0:
            partner = _whole_run(text, tok.text, 0, tok.start, last=True)
        if not (_names_a_unit(text, tok.end) and _names_a_unit(text, partner + len(tok.text))):
            return False
    if suffix:
        return True  # **村, 中共***镇委员会
    if expects.startswith("a person") and prev not in _surnames():
        return True  # 县长***同志: the name left out (陈**同志 masks one)
    # After a surname the stars mask a name (陈**); after a function word they are a slot.
    return not prev or not is_han(prev) or prev in context()["stars"]["slot_after"]


def _star_slots(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in candidates(doc, "stars", config=config):
        if _star_slot(block, tok):
            expects = expected_value(block.text, tok.end) or msg("a name")
            yield STAR_SLOT.diagnostic(
                block, tok.start, tok.end, msg("unfilled template slot '{slot}': expected {expects}",
                                               slot=tok.text, expects=expects),
                expects=expectation(block.text, tok.end) or Expectation("name"),
            )


# --- ____ -----------------------------------------------------------------------------------


def _form_line(text: str) -> bool:
    return any(w in text for w in context()["form"]["signature"])


def _blank_slot(block: Block, tok: Token, line_before: str = "") -> bool:
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    nxt = text[tok.end] if tok.end < len(text) else ""
    if prev in LATIN or nxt in LATIN or prev == "_" or nxt == "_":
        return False  # identifiers
    if not text.replace("_", "").replace("＿", "").strip():
        # a rule line, unless it goes on with the blank that ends the line before
        # (主要活动情况（可附页）：＿＿＿＿ and a line of ＿ under it: room to write in)
        before = line_before.rstrip()
        blank = len(before) - len(before.rstrip("_＿"))
        if blank < 2 or not before[:-blank].strip():
            return False
        tail = Token("slot", "blank", len(before) - blank, len(before), before[-blank:])
        return not _signature_field(before, tail)  # (承诺人（签名）：____ goes on to be signed)
    if tok.text[:1] in DIGITS:
        return True  # 20__年
    if tok.text == "__" and not (prev.isalnum() or nxt.isalnum() or prev in "：:/" or nxt in "：:/") and \
            _BARE_PAIR.findall(text).__len__() != 1:
        # CommonMark: __ never emphasises inside a word (年__月), so only bare pairs are markup
        # (a lone __ in a row, or __/20, is a blank).
        return False
    return not _signature_field(text, tok)


@lru_cache(maxsize=1)
def _signature_labels() -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(map(re.escape, context()["form"]["signature"]))
    label = lazy_pattern.program(rf"(?:{words})\s*[）)]?\s*[：:]|(?:{words})\s*[）)]?\s*$")
    caption = lazy_pattern.program(rf"\s*[（(]?\s*(?:{words})")
    return label, caption


def _signature_field(text: str, tok: Token) -> bool:
    """A blank to sign or write on by hand: after a signature label (``承诺人（签名）：____``,
    ``签字：____  日期：____``) or captioned as one (``____（盖章）``).  ``签字代表____`` is a
    slot: there 签字 names the representative."""
    label, caption = _signature_labels()
    return label.search(text, 0, tok.start) is not None or caption.match(text, tok.end) is not None


def _form_start(doc: Document) -> int:
    """Line where a form (reply slip, bid letter …) begins, or one past the end."""
    return doc.memo("_form_start", lambda: _find_form_start(doc))


def _find_form_start(doc: Document) -> int:
    forms = context()["forms"]
    prose = False
    view = simplified_view(doc)  # (回執 is 回执)
    for b in doc.blocks:
        text = view(b.text).strip()
        headings = forms["headings"] + forms["sender_headings"] if prose else forms["headings"]
        if (len(text) <= 30 and any(h in text for h in headings)) or \
                text.lstrip("*#_ \u3000").startswith(tuple(headings)):  # **回执**（请于…前发送至…）
            return b.line
        prose = prose or text.endswith(("。", "；"))
    return 10**9


def _blank_slots(doc: Document, config) -> Iterator[Diagnostic]:
    previous = {id(b): a.text for a, b in pairwise(doc.blocks)}
    for block, tok in candidates(doc, "blank", config=config):
        if block.line > _form_start(doc) and tok.text[:1] not in DIGITS:
            continue  # a field of a form the reader fills in
        if _blank_slot(block, tok, previous.get(id(block), "")):
            expects = expected_value(block.text, tok.end) or msg("a value")
            yield BLANK_SLOT.diagnostic(
                block, tok.start, tok.end, msg("unfilled blank '{slot}': expected {expects}",
                                               slot=tok.text, expects=expects),
                expects=expectation(block.text, tok.end) or Expectation("text"),
            )


# --- 年  月  日 ------------------------------------------------------------------------------


def _empty_dates(doc: Document, config) -> Iterator[Diagnostic]:
    previous = {b.line: a.text for a, b in pairwise(doc.blocks)}
    for block, tok in candidates(doc, "date", config=config):
        if _form_line(block.text) or _form_line(previous.get(block.line, "")) or block.line > _form_start(doc):
            continue
        yield EMPTY_DATE.diagnostic(
            block, tok.start, tok.end, msg("date left blank: '{match}'", match=tok.text), expects=Expectation("date")
        )


# --- 生产总值 亿元 -----------------------------------------------------------------------------


def _empty_values(doc: Document, config) -> Iterator[Diagnostic]:
    view = simplified_view(doc)
    for block, tok in candidates(doc, "gap", "gap_pct", config=config):
        text = view(block.text)  # (簽字, 萬元 as 签字, 万元; reported as written)
        if block.line > _form_start(doc) or _form_line(text):
            continue
        unit = tok.text.strip(" \t\u3000")
        yield EMPTY_VALUE.diagnostic(
            block, tok.start, tok.end, msg("number left out before '{unit}'", unit=unit),
            expects=expectation(text, tok.end - len(unit)) or Expectation("text"),
        )


# --- brackets, variables, fillers ----------------------------------------------------------------


_BARE_PAIR = lazy_pattern.compile(r"(?<!_)__(?!_)")
_LIST_ITEM_TEXT = lazy_pattern.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_NUMBERED_ITEM = lazy_pattern.compile(r"[\u4e00-\u9fff]{2}[一二三四五六七八九十\d]{1,2}")
# Slot characters a caption in brackets may follow (XX（单位）, ○○（名称）).
_SLOT_GLYPHS = frozenset("XxＸｘ×╳○〇△□")
_AFTER_TIME = lazy_pattern.compile(r"\d\s*[年月日时点分秒号]\s*$")


def _bracket_prompt(text: str, tok: Token) -> bool:
    inner = tok.text[1:-1].strip()
    if not inner:
        return False
    prompt = context()["prompt"]
    if tok.text[0] in "[<":
        if tok.text[0] == "[" and tok.end < len(text) and (text[tok.end] == "(" or (
                text[tok.end] == ":" and not text[: tok.start].strip())):
            return False  # a Markdown link, or a reference definition opening its line
        if tok.text[0] == "<" and (inner.startswith(("/", "!", "http")) or "=" in inner):
            return False  # HTML, autolinks
        words = re.sub(r"[-_:,/&]", " ", re.sub(r"['’]", "", inner)).lower().split()
        if words and inner.isascii() and tok.text[0] == "[" and _LIST_ITEM_TEXT.sub("", text).strip() == tok.text \
                and len(words) <= 5 and any(len(w) > 1 and w.isalpha() for w in words):
            return True  # - [Decision 1]: a list item that is all stand-in
        if words and inner.isascii():
            if inner.isupper() and (len(words) >= 2 or any(c in inner for c in "/+:")) and len(inner) <= 40:
                return True  # [YEAR THEME], [MISSION/FOCUS], [ACCOMPLISHMENTS + METRICS]: a prompt's slots
            if words[0] in prompt["first_words"] and len(words) >= 2:
                return True  # [Insert chart: …], [One or two sentences on …]
            if len(words) == 1:
                return words[0] in prompt["english_single"]
            if len(words) <= 5 and all(w.isalpha() for w in words):
                return words[-1] in prompt["english"]
    if any(w in inner for w in prompt["not_prompts"]):
        return False  # a vendor's or editor's note: （转载请注明出处：…）, （具体工程量详见设计方案，此处略）
    if inner.startswith(tuple(prompt["conditional_starts"])):
        return False  # a form's instruction, kept when the form is filled in
    if tok.start and text[tok.start - 1] in _SLOT_GLYPHS and (inner in prompt["not_fields"] or
                                                              inner.endswith(tuple(prompt["field_suffixes"]))):
        return True  # XX（单位）: the caption of a slot, left in with it
    if tok.text[0] in "<＜" and 2 <= len(inner) <= 16 and all(is_han(ch) for ch in inner.replace("、", "")):
        return True  # <风险描述>, ＜单位名称＞: angle brackets are no Chinese punctuation
    if tok.start and text[tok.start - 1] in DIGITS:
        return False  # an annotation after a value: 0576-86235120（工作时间）
    if _AFTER_TIME.search(text[max(0, tok.start - 8) : tok.start]):
        return False  # 13点30分(北京时间): an annotation after a time
    if tok.start and text[tok.start - 1] in "_＿":
        return False  # the caption of a blank: ________（姓名、职务）; the blank is the slot
    if any(v in inner for v in prompt["verbs"]) or inner.removeprefix("请").startswith(tuple(prompt["leading_verbs"])):
        return len(inner) <= 30  # （请根据实际填写）, （分析具体原因）, 【请简述1个案例，300字以内】
    if inner.startswith("具体") and inner.endswith(tuple(prompt["specific_suffixes"])):
        return True  # （具体工作任务）: "the specific …" for the writer to name
    if inner.startswith(tuple(prompt["own_unit"])) and len(inner) <= 12 and all(is_han(c) for c in inner):
        return True  # 【本单位中心工作】: the writer's own particulars
    if _NUMBERED_ITEM.fullmatch(inner) and inner.rstrip("一二三四五六七八九十0123456789") in prompt["numbered_items"]:
        return True  # （任务一）: a numbered stand-in
    if "：" in inner or ":" in inner or len(inner) > 16 or inner.startswith(tuple(prompt["note_starts"])):
        return False  # a note with a value: （单位：万元）; an explanation: （包括全年生产总值等数据）
    if inner in prompt["not_fields"] or not all(is_han(ch) for ch in inner.replace("、", "")):
        return False
    if any(w in inner for w in prompt["designations"]):
        return False  # （省级文物保护单位）: what the thing is, not a field to fill
    return any(inner.endswith(w) for w in prompt["field_suffixes"])


def _innermost(text: str, tok: Token) -> Token:
    """（如发生，请简述：【请填写事故经过】）: the prompt is the inner bracket."""
    from reportlint.tokens import scan

    inner = text[tok.start + 1 : tok.end - 1]
    for sub in scan(inner, "bracket"):
        shifted = sub._replace(start=sub.start + tok.start + 1, end=sub.end + tok.start + 1)
        if _bracket_prompt(text, shifted):
            return shifted
    return tok


def _bracket_prompts(doc: Document, config) -> Iterator[Diagnostic]:
    found, english, rest = [], 0, []
    view = simplified_view(doc)
    for block, tok in candidates(doc, "bracket", config=config):
        text = view(block.text)  # (（單位名稱） is weighed as （单位名称）; reported as written)
        tok = _innermost(text, tok._replace(text=text[tok.start : tok.end]))
        if _bracket_prompt(text, tok):
            found.append((block, tok))
            english += tok.text[0] in "[<" and tok.text.isascii()
        elif tok.text[0] == "[" and tok.text.isascii():
            rest.append((block, tok))
    if english >= MIN_ENGLISH_PROMPTS:
        # An English template: its other bracketed phrases are stand-ins too ([comment],
        # [main strength], [Who buys? Job title, company size]), short of links and citations.
        found += [(b, t) for b, t in rest if _stand_in(b.text, t)]
        found.sort(key=lambda bt: (bt[0].line, bt[1].start))
    for block, tok in found:
        yield BRACKET_PROMPT.diagnostic(
            block, tok.start, tok.end, msg("template prompt left in: '{match}'", match=block.text[tok.start : tok.end]),
            expects=prompt_expectation(tok.text[1:-1]),
        )


MIN_ENGLISH_PROMPTS = 2
_REFERENCE = lazy_pattern.compile(
    r"(?:Figure|Fig\.|Table|Appendix|Annex|Exhibit|Chart|Section|Page|p\.|Note|Ref|Source|Eq\.|Equation)\s*[\dA-Z]",
    re.IGNORECASE,
)
_NOT_STAND_INS = frozenset({"sic", "x", "...", "…", "citation needed", "emphasis added", "ibid"})


def _stand_in(text: str, tok: Token) -> bool:
    """A bracketed English phrase in a template: words, not a citation ([1], [12, 14]), a link
    ([text](url), [text][ref]), a task box ([x]), an editor's mark ([sic], [...]) or options."""
    inner = tok.text[1:-1].strip()
    if not any(c.isalpha() for c in inner) or inner.lower() in _NOT_STAND_INS or " / " in inner:
        return False
    if _REFERENCE.match(inner) or (inner.isupper() and inner.isalpha() and len(inner) <= 4):
        return False  # [Figure 1], [Table 2]: a cross-reference; [PDF], [USA]: a tag
    if tok.end < len(text) and (text[tok.end] in "([" or (text[tok.end] == ":" and not text[: tok.start].strip())):
        return False
    return len(inner.split()) <= 14 and not inner.startswith("^")


def _variables(doc: Document, config) -> Iterator[Diagnostic]:
    merged = {(f.block, f.start) for f in doc.features if f.kind == "mergefield" and f.block is not None}
    for block, tok in candidates(doc, "variable", "pvariable", config=config):
        if any((block, s) in merged for s in range(tok.start - 1, tok.start + 1)):
            continue  # a MERGEFIELD result: RL111 reports it with the field name
        yield TEMPLATE_VARIABLE.diagnostic(
            block, tok.start, tok.end, msg("unfilled template variable '{match}'", match=tok.text),
            expects=prompt_expectation(tok.text.strip("{}$«»")),
        )


def _fillers(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in candidates(doc, "filler", config=config):
        yield FILLER_TEXT.diagnostic(
            block, tok.start, tok.end, msg("filler text left in: '{match}'",
                match=tok.text), expects=Expectation("text")
        )


MOU_SLOT = Rule(
    "RL102", "mou-slot", CATEGORY, "error", "某某 used as a slot, not an anonymised person", _mou_slots,
    examples(["原党支部书记李某某违规收受礼金。", "某某公司负责人王某被立案审查。"],
              [("汇报人：某某", ("某某",)), ("某某同志述职报告", ("某某",))]),
)
STAR_SLOT = Rule(
    "RL103", "star-slot", CATEGORY, "error", "Asterisks standing for a name", _star_slots,
    examples(["联系人陈**，电话138****1234", "这是**重点**内容"],
              [("**镇党委书记", ("**",)), ("关于***县的调研报告", ("***",))]),
)
BLANK_SLOT = Rule(
    "RL104", "blank-slot", CATEGORY, "error", "Underscore blank left unfilled", _blank_slots,
    examples(["承诺人（签名）：__________", "snake_case_name"],
              [("完成率达____%", ("____",)), ("富政函[20__]43号", ("20__",))]),
)
EMPTY_DATE = Rule(
    "RL105", "empty-date", CATEGORY, "warning", "Date with blank year, month or day", _empty_dates,
    examples(["2024年5月6日", "签字：        2024年  月  日"],
              [("本报告于2024年  月  日经党组会议审议", ("年  月  日",))]),
)
EMPTY_VALUE = Rule(
    "RL113", "empty-value", CATEGORY, "warning", "Number left out before its unit", _empty_values,
    examples(["全年完成生产总值286.4亿元，增长5.6%", "单位：万元", "表3 同比增长%"],
              [("全年完成生产总值 亿元，增长 %。", (" 亿元", " %"))]),
)
BRACKET_PROMPT = Rule(
    "RL106", "bracket-prompt", CATEGORY, "error", "Bracketed instruction to the writer left in",
    _bracket_prompts,
    examples(["收入1.2亿元（含税）", "【典型案例】", "表1（单位：万元）", "（本文仅供参考，转载请注明出处）"],
              [("（单位名称）关于开展自查的报告", ("（单位名称）",)), ("【请填写项目名称】", ("【请填写项目名称】",)),
               ("Dear [Name],", ("[Name]",)), ("3. <风险描述>", ("<风险描述>",))]),
)
TEMPLATE_VARIABLE = Rule(
    "RL107", "template-variable", CATEGORY, "error", "Template or mail-merge variable left unfilled",
    _variables,
    examples(["函数f(x)的值"], [("尊敬的{{客户名称}}：", ("{{客户名称}}",)), ("致${name}", ("${name}",))]),
)
FILLER_TEXT = Rule(
    "RL108", "filler-text", CATEGORY, "warning", "TBD, TODO, Lorem ipsum and other filler", _fillers,
    examples(["The method is todo-list based."],
              [("Budget: TBD", ("TBD",)), ("Lorem ipsum dolor sit amet", ("Lorem ipsum",))]),
)

RULES = (MOU_SLOT, STAR_SLOT, BLANK_SLOT, EMPTY_DATE, EMPTY_VALUE, BRACKET_PROMPT, TEMPLATE_VARIABLE, FILLER_TEXT)
