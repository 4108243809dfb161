"""Placeholder rules: template slots that were never filled in (category ``placeholder``).

RL101 x-slot (error)
    A run of X x Ｘ ｘ × ╳ ✕ ✖ standing where a value belongs: ``X亿元``, ``增长X%``,
    ``XX村``, ``X.X亿元``, ``20XX年X月X日``, ``××市``, ``“XX”为抓手``, and masked digits
    (``3X.5亿元``, ``1X%``, ``X5万元``).  One finding per run; ``match`` is the run.

    Decision procedure, in order (the first that applies decides):

    1. A Latin letter touches the run (``Xbox``, ``XL``, ``Windows XP``, ``XIV``,
       ``xiǎo``): a word, not a slot.
    2. A date written with ``-``, ``/`` or ``.`` and X for some of its numbers
       (``20XX-XX-XX``, ``2024-09-XX``, ``2024/X/X``) is a slot.  Otherwise a hyphenated
       code (``X-ray``, ``X-200``, ``Model-X``) is not, nor an HTTP status class
       (``5xx``, ``4XX``) in a line about HTTP or status codes.
    3. A multiplication sign between digits (``3×3``, ``1.2m×0.8m``, ``2 × 10⁴``) or
       between dimension words (``长×宽``), or an arithmetic operator next to the
       run (``x + 1 = 3``): not a slot.
    4. Allowlist: the run plus the text after it spells an entry of
       ``data/x_allow.txt`` (or the ``extend-allow`` setting) of the same run
       length, *and* the segmenter puts a word boundary where the entry ends.
       ``X光片`` is X-ray film; in ``X光伏电站`` the word is 光伏, so the X is a slot.
    5. Roman numerals and names: a bare ``X``/``XX`` after ``Chapter``, ``Louis`` and
       the like, or a single ``X`` next to an English word (``iPhone X``).
    6. A lone lower-case ``x`` or a lone ``×`` is a slot only with numeric context:
       a unit, counter, date or place word after it, or ``第/约/达/增长…`` before it.
    7. Otherwise it is a slot.  The message names what belongs there, from the
       words after the run (amount in 亿元, percentage, count of 个, year, place
       name, organisation, person, project name).

    PASS: 拍X光片检查未见异常 | 服务器采用X86架构 | 尺寸为3×3米 | 升级Windows XP系统 | XL码 | iPhone X手机
    PASS: 网关上线后HTTP 5xx错误率由0.8%降至0.05% | 胸部X-ray检查
    FAIL: 全县完成生产总值X亿元、增长X% | 建成X光伏电站 | 20XX年X月X日 | 达3X.5亿元 | ××市人民政府
    FAIL: 合同将于20XX-XX-XX到期 | 上线日期：2024-09-XX

RL102 mou-slot (error)
    ``某某`` used as a slot: in a self-reference (``我局某某``), a title or heading, a
    signature or form field (``汇报人：某某``) or before 同志.  Not anonymised persons
    in case reports (``张某``, ``李某某``, ``某某公司负责人王某``).

    PASS: 原党支部书记李某某违规收受礼金。 | 某某公司负责人王某被立案审查。
    FAIL: 汇报人：某某 | 某某同志述职报告

RL103 star-slot (error)
    Asterisks standing for a name: ``**镇``, ``***县``.  Not privacy masking
    (``陈**``, ``138****1234``, ``京A·8***6``), markdown emphasis or separators.

    PASS: 联系人陈**，电话138****1234 | 这是**重点**内容
    FAIL: **镇党委书记 | 关于***县的调研报告

RL104 blank-slot (error)
    Underscore blanks ``____`` and ``20__年``.  Not signature lines (``签名：______``)
    or lines made of underscores only.

    PASS: 承诺人（签名）：__________ | snake_case_name
    FAIL: 完成率达____% | 富政函[20__]43号

RL105 empty-date (warning)
    A date with its numbers left blank: ``2024年  月  日``, ``年  月  日``.  Not on a
    signature line or right after one (forms awaiting a handwritten date).

    PASS: 2024年5月6日 | 签字：        2024年  月  日
    FAIL: 本报告于2024年  月  日经党组会议审议

RL106 bracket-prompt (error)
    Bracketed instructions to the writer: ``（单位名称）``, ``【请填写项目名称】``,
    ``（此处填写具体时间）``, ``[Name]``, ``<date>``, and Chinese words in angle
    brackets (``<风险描述>``: Chinese text has no such brackets).  Not notes such as
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
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

from reportlint.diagnostics import Diagnostic, Example, Expectation, Rule
from reportlint.document import HEADING, Block, Document
from reportlint.i18n import N_, Message, msg
from reportlint.tokens import MULTIPLY_CHARS, SLOT_CHARS, Token

from ._data import load_lines, load_toml

CATEGORY = "placeholder"

_LATIN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_OPERATORS = frozenset("=+*/^<>≤≥÷±＝＋")
_DIMENSIONS = frozenset("长宽高厚深径")
_FOLD = str.maketrans({**{c: "X" for c in SLOT_CHARS}, **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}})

_EXPECT_LABELS = {
    "percentage": N_("a percentage"),
    "year": N_("a year"),
    "month": N_("a month"),
    "day": N_("a day"),
    "count": N_("a count of {unit}"),
    "place": N_("a place name ({unit})"),
    "organisation": N_("an organisation name ({unit})"),
    "person": N_("a person's name"),
    "project": N_("a project or item name"),
}


def _candidates(doc: Document, shape: str):
    return [(b, t) for b, t in doc.find(shape) if b.on_page]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=1)
def _context() -> dict:
    return load_toml("placeholder_context.toml")


@lru_cache(maxsize=1)
def _expect_pattern() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {word: kind for kind, words in _context()["expects"].items() for word in words}
    words = sorted(kinds, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), kinds


# The context kinds of data/placeholder_context.toml as the stable kinds of Expectation.
_KIND_IDS = {
    "amount": "amount", "percentage": "percent", "year": "date", "month": "date", "day": "date",
    "count": "count", "place": "place", "organisation": "name", "person": "person", "project": "name",
}


def _context_word(text: str, end: int) -> tuple[str, str] | None:
    """(context kind, word) of the words after ``end``; ("quote", "") before a closing quote."""
    rest = text[end : end + 6].lstrip(" \u3000")
    if rest and rest[0] in "”\"’」』":
        return "quote", ""
    pattern, kinds = _expect_pattern()
    m = pattern.match(rest)
    if m is None:
        return None
    return kinds[m.group()], m.group()


def expectation(text: str, end: int) -> Expectation | None:
    """What kind of value the words after ``end`` ask for, as structured data, or None."""
    found = _context_word(text, end)
    if found is None:
        return None
    kind, word = found
    if kind == "quote":
        return Expectation("name")
    # Units say how to write the value (亿元, 个, 年) and suffixes what it names (村, 公司);
    # for a percentage or a person the kind says it all.
    unit = word if kind in ("amount", "count", "year", "month", "day", "place", "organisation") else None
    return Expectation(_KIND_IDS[kind], unit)


def expected_value(text: str, end: int) -> Message | None:
    """What kind of value the words after ``end`` ask for, as a phrase, or None."""
    found = _context_word(text, end)
    if found is None:
        return None
    kind, word = found
    if kind == "quote":
        return msg("a name or slogan")
    if kind == "amount":
        return msg("an amount in {unit}", unit=word) if word.endswith("元") else msg("an amount")
    return Message(_EXPECT_LABELS[kind], unit=word)


@lru_cache(maxsize=8)
def _allow_entries(extra: tuple[str, ...]) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """Allow entries as (folded entry, offset of its X run, run length), keyed by the
    character right after the run ("" for entries that end with it)."""
    from reportlint.tokens import scan

    words = [w for w, _ in load_lines("x_allow.txt")] + list(extra)
    index: dict[str, list[tuple[str, int, int]]] = {}
    for word in words:
        runs = scan(word, "x")
        if runs:
            folded = word.translate(_FOLD).upper()
            key = folded[runs[0].end : runs[0].end + 1]
            index.setdefault(key, []).append((folded, runs[0].start, runs[0].end - runs[0].start))
    return {k: tuple(v) for k, v in index.items()}


def _allowed(text: str, tok: Token, extra: tuple[str, ...], segmenter: str) -> bool:
    index = _allow_entries(extra)
    after = text[tok.end : tok.end + 1].translate(_FOLD).upper()
    candidates = index.get(after, ()) + (index.get("", ()) if after else ())
    folded = None
    for entry, offset, length in candidates:
        if length != tok.end - tok.start:
            continue
        begin = tok.start - offset
        if begin < 0:
            continue
        if folded is None:
            folded = text.translate(_FOLD).upper()
        if folded[begin : begin + len(entry)] != entry:
            continue
        if _boundary_after(text, tok.end, begin + len(entry), segmenter):
            return True
    return False


def _boundary_after(text: str, run_end: int, entry_end: int, segmenter: str) -> bool:
    """True if a word ends at ``entry_end`` in the text following the X run."""
    if entry_end >= len(text) or not _is_han(text[entry_end]) or entry_end == run_end:
        return True
    from reportlint.segmenter import word_spans

    window = text[run_end : min(len(text), entry_end + 8)]
    cut = entry_end - run_end
    return any(end == cut for _start, end in word_spans(window, segmenter))


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character from ``index`` going ``step`` (+1/-1)."""
    while 0 <= index < len(text):
        if text[index] not in " \t\u3000":
            return text[index]
        index += step
    return ""


def _numeric_context(text: str, tok: Token) -> bool:
    if expected_value(text, tok.end) is not None:
        return True
    before = text[max(0, tok.start - 3) : tok.start]
    return any(before.endswith(w) for w in _context()["before"]["counting"])


def _roman_or_name(text: str, tok: Token) -> bool:
    """Chapter XX, Louis XIV, iPhone X, Generation X: a numeral or part of a name.

    A lone X counts as a name only next to a capitalised English word; after a
    lower-case word (``up X%``, ``from X to X people``) it is a slot.
    """
    head = text[: tok.start].rstrip(" ")
    if len(head) == tok.start:
        return False
    if any(head.endswith(w) for w in _context()["roman"]["before"]):
        return True
    if tok.end - tok.start != 1 or text[tok.end : tok.end + 1] in ("%", "％"):
        return False
    before = _LATIN_TAIL.search(head)
    after = _LATIN_HEAD.match(text, tok.end) if text[tok.end : tok.end + 1] == " " else None
    return any(m is not None and _capitalised_word(m.group().strip()) for m in (before, after))


_LATIN_TAIL = re.compile(r"[A-Za-z]+$")
_LATIN_HEAD = re.compile(r" +[A-Za-z]+")


def _capitalised_word(word: str) -> bool:
    return any(c.isupper() for c in word) and any(c not in "XＸ" for c in word)


_CURRENCY = frozenset("$€£¥￥")
_MAGNITUDES = frozenset({"K", "M", "B", "k", "m", "bn", "M ", "K ", "B "})
_PLAIN_RUNS = frozenset({"X", "XX", "XXX", "XXXX", "ＸＸ", "××", "×××", "××××", "xx", "xxx"})
_CJK_PUNCT = frozenset("，。、；：“”‘’（）《》【】！？…—%％")


def _cjk_side(ch: str) -> bool:
    return ch == "" or ch in _CJK_PUNCT or "\u4e00" <= ch <= "\u9fff"


def is_x_slot(text: str, tok: Token, allow: tuple[str, ...] = (), segmenter: str = "rjieba") -> bool:
    """The decision procedure of RL101 (see the module docstring)."""
    run = tok.text
    prev = text[tok.start - 1] if tok.start else ""
    nxt = text[tok.end] if tok.end < len(text) else ""
    # 1. part of a Latin word ($X.XM is an amount in millions, not a word)
    if prev in _CURRENCY and (nxt not in _LATIN or text[tok.end : tok.end + 2].rstrip(".,; )") in _MAGNITUDES):
        return True
    if prev in _LATIN or nxt in _LATIN:
        return False
    if run in _PLAIN_RUNS and _cjk_side(prev) and _cjk_side(nxt):
        # The common case, 增长X%: a run of X between Chinese text, where steps 2, 3 and 5
        # cannot apply.
        if prev in _DIMENSIONS and nxt in _DIMENSIONS:
            return False
        return not _allowed(text, tok, allow, segmenter)
    # 2. a date with X for some of its numbers (20XX-XX-XX, 2024-09-XX, 2024/X/X) is a
    # slot; otherwise a hyphenated code (X-ray, X-200) is not, nor an HTTP status
    # class (5xx errors)
    if _in_date_shape(text, tok):
        return True
    if _status_class(text, tok):
        return False
    after = text[tok.end + 1 : tok.end + 2]
    before = text[tok.start - 2 : tok.start - 1] if tok.start >= 2 else ""
    if (nxt == "-" and (after in _LATIN or after in _DIGITS)) or (
        prev == "-" and (before in _LATIN or before in _DIGITS)
    ):
        return False
    # 46,XX / 47,XXY: a karyotype, not a slot
    if prev == "," and tok.start >= 3 and text[tok.start - 3 : tok.start - 1].isdigit():
        return False
    # 3. multiplication and arithmetic
    for i, ch in enumerate(run):
        if ch in MULTIPLY_CHARS or ch in "XＸ":
            left = run[i - 1] if i else prev
            right = run[i + 1] if i + 1 < len(run) else nxt
            if left in _DIGITS and right in _DIGITS:
                return False
    core = run.strip("0123456789.０１２３４５６７８９．")
    left_n, right_n = _neighbour(text, tok.start - 1, -1), _neighbour(text, tok.end, 1)
    if len(core) == 1 and core in MULTIPLY_CHARS and (left_n in _DIGITS or right_n in _DIGITS):
        return False
    if prev in _DIMENSIONS and nxt in _DIMENSIONS:
        return False
    if left_n in _OPERATORS or right_n in _OPERATORS:
        return False
    # 4. allowlisted words
    if _allowed(text, tok, allow, segmenter):
        return False
    # 5. Roman numerals and names
    if all(c == "X" for c in run) and _roman_or_name(text, tok):
        return False
    # 6. lone x or × need numeric context
    if core in ("x", "ｘ") or (len(core) == 1 and core in "×✕✖"):
        return _numeric_context(text, tok)
    return True


# Year, month and day with one separator; year and month only with - or / (2023.x is a
# version number).
_DATE_SHAPE = re.compile(
    r"(?<![A-Za-z0-9.])(?:(?:19|20)[0-9Xx]{2}|[Xx]{4})"
    r"(?:(?P<sep>[-/.])(?:[0-9]{1,2}|[Xx]{1,2})(?P=sep)(?:[0-9]{1,2}|[Xx]{1,2})|[-/](?:[0-9]{1,2}|[Xx]{1,2}))"
    r"(?![A-Za-z0-9.])"
)
_STATUS_CLASS = re.compile(r"(?<![A-Za-z0-9])[1-5][xX]{2}(?![A-Za-z0-9])")


def _in_date_shape(text: str, tok: Token) -> bool:
    if not ("-" in text or "/" in text or "." in text):
        return False
    lo = max(0, tok.start - 10)
    for m in _DATE_SHAPE.finditer(text, lo, min(len(text), tok.end + 10)):
        if m.start() <= tok.start and tok.end <= m.end() and any(c in "Xx" for c in m.group()):
            return True
    return False


def _status_class(text: str, tok: Token) -> bool:
    """``5xx``/``4XX`` in a line about HTTP or status codes (HTTP 5xx 错误率)."""
    m = _STATUS_CLASS.match(text, tok.start)
    if m is None or m.end() != tok.end or expected_value(text, tok.end) is not None:
        return False  # 5XX万元 is an amount
    lowered = text.lower()
    return any(w in lowered for w in _context()["status_class"]["context"])


def _x_slots(doc: Document, config) -> Iterator[Diagnostic]:
    allow = tuple(getattr(config, "extend_allow", ()))
    segmenter = getattr(config, "segmenter", "rjieba")
    for block, tok in _candidates(doc, "x"):
        if not is_x_slot(block.text, tok, allow, segmenter):
            continue
        expects = expected_value(block.text, tok.end) or msg("a value")
        yield X_SLOT.diagnostic(
            block, tok.start, tok.end, msg("unfilled template slot '{slot}': expected {expects}",
                                           slot=tok.text, expects=expects),
            expects=expectation(block.text, tok.end) or Expectation("text"),
        )


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
    if not head or not _is_han(head[-1]):
        return True
    return any(head.endswith(r) for r in _context()["anonymised"]["roles"])


def _has_anonymised_persons(doc: Document) -> bool:
    """Does the document anonymise people (王某, 李某某)?  Then 某某 is anonymity, not a slot."""
    cached = doc.meta.get("_anonymised")
    if cached is None:
        cached = False
        for block, tok in _candidates(doc, "mou1"):
            if tok.start and _anonymised_at(block.text, tok.start - 1):
                cached = True
                break
        doc.meta["_anonymised"] = cached
    return cached


_FIELD_LABEL = re.compile(r"(?:人|者|方|书记|主任|局长|县长|镇长|校长|院长|经理|主席|组长|队长)[：:]\s*$")


def _mou_slot(doc: Document, block: Block, tok: Token) -> bool:
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    after = text[tok.end : tok.end + 3]
    ctx = _context()["mou"]
    raw_head = text[: tok.start]
    head = raw_head.rstrip(" \u3000：:")
    if prev == "某" or after[:1] == "某":
        return False
    if prev and _anonymised_at(text, tok.start - 1):
        return False  # 李某某
    if any(head.endswith(w) for w in ctx["self"]) or any(head.endswith(w) for w in ctx["field"]):
        return True
    if _FIELD_LABEL.search(raw_head):
        return True  # 汇报人：某某, 对照检查人：某某
    if after.startswith("同志") or (head == "" and len(text.strip()) <= 12):
        return True
    if _is_title(doc, block):
        return True
    expects = expected_value(text, tok.end) or ""
    if expects.startswith(("a place", "an organisation")) and not _has_anonymised_persons(doc):
        return True  # 某某公司将坚持…, in a document that names nobody as 王某
    return False


def _mou_slots(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in _candidates(doc, "mou"):
        if _mou_slot(doc, block, tok):
            yield MOU_SLOT.diagnostic(
                block, tok.start, tok.end, msg("unfilled template slot '某某': expected a name"),
                expects=expectation(block.text, tok.end) or Expectation("name"),
            )


# --- ** -------------------------------------------------------------------------------------


def _emphasis(text: str, tok: Token) -> bool:
    """A star run closed by an equal run later on the line (markdown **bold**)."""
    close = text.find(tok.text, tok.end)
    if close > tok.end and text[tok.end] not in " \t" and text[close - 1] not in " \t":
        return True
    opening = text.rfind(tok.text, 0, tok.start)
    return opening >= 0 and tok.start > opening + len(tok.text) and text[tok.start - 1] not in " \t"


def _star_slot(block: Block, tok: Token) -> bool:
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    nxt = text[tok.end] if tok.end < len(text) else ""
    if prev and (prev in _DIGITS or prev in _LATIN or prev in "·*＊"):
        return False  # masking: 138****1234, 京A·8***6
    if not nxt or not (_is_han(nxt) or nxt in "“\"《"):
        return False
    expects = expected_value(text, tok.end) or ""
    suffix = expects.startswith(("a place", "an organisation"))
    if _emphasis(text, tok):
        # **村、**村 pairs up like bold text; it is two slots when both runs stand before a suffix.
        partner = text.find(tok.text, tok.end)
        if partner < 0:
            partner = text.rfind(tok.text, 0, tok.start)
        after_partner = expected_value(text, partner + len(tok.text)) or ""
        if not (suffix and after_partner.startswith(("a place", "an organisation"))):
            return False
    if suffix:
        return True  # **村, 中共***镇委员会
    # After a surname the stars mask a name (陈**); after a function word they are a slot.
    return not prev or not _is_han(prev) or prev in _context()["stars"]["slot_after"]


def _star_slots(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in _candidates(doc, "stars"):
        if _star_slot(block, tok):
            expects = expected_value(block.text, tok.end) or msg("a name")
            yield STAR_SLOT.diagnostic(
                block, tok.start, tok.end, msg("unfilled template slot '{slot}': expected {expects}",
                                               slot=tok.text, expects=expects),
                expects=expectation(block.text, tok.end) or Expectation("name"),
            )


# --- ____ -----------------------------------------------------------------------------------


def _form_line(text: str) -> bool:
    return any(w in text for w in _context()["form"]["signature"])


def _blank_slot(block: Block, tok: Token) -> bool:
    text = block.text
    prev = text[tok.start - 1] if tok.start else ""
    nxt = text[tok.end] if tok.end < len(text) else ""
    if prev in _LATIN or nxt in _LATIN or prev == "_" or nxt == "_":
        return False  # identifiers
    if not text.replace("_", "").replace("＿", "").strip():
        return False  # a rule line
    if tok.text[:1] in _DIGITS:
        return True  # 20__年
    if tok.text == "__" and not (prev.isalnum() or nxt.isalnum() or prev in "：:" or nxt in "：:"):
        # CommonMark: __ never emphasises inside a word (年__月), so only bare pairs are markup.
        return False
    return not _form_line(text)


def _form_start(doc: Document) -> int:
    """Line where a form (reply slip, bid letter …) begins, or one past the end."""
    cached = doc.meta.get("_form_start")
    if cached is None:
        headings = _context()["forms"]["headings"]
        cached = next(
            (b.line for b in doc.blocks if len(b.text.strip()) <= 30 and any(h in b.text for h in headings)),
            10**9,
        )
        doc.meta["_form_start"] = cached
    return cached


def _blank_slots(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in _candidates(doc, "blank"):
        if block.line > _form_start(doc) and tok.text[:1] not in _DIGITS:
            continue  # a field of a form the reader fills in
        if _blank_slot(block, tok):
            expects = expected_value(block.text, tok.end) or msg("a value")
            yield BLANK_SLOT.diagnostic(
                block, tok.start, tok.end, msg("unfilled blank '{slot}': expected {expects}",
                                               slot=tok.text, expects=expects),
                expects=expectation(block.text, tok.end) or Expectation("text"),
            )


# --- 年  月  日 ------------------------------------------------------------------------------


def _empty_dates(doc: Document, config) -> Iterator[Diagnostic]:
    previous = {b.line: a.text for a, b in pairwise(doc.blocks)}
    for block, tok in _candidates(doc, "date"):
        if _form_line(block.text) or _form_line(previous.get(block.line, "")) or block.line > _form_start(doc):
            continue
        yield EMPTY_DATE.diagnostic(
            block, tok.start, tok.end, msg("date left blank: '{match}'", match=tok.text), expects=Expectation("date")
        )


# --- brackets, variables, fillers ----------------------------------------------------------------


def _bracket_prompt(text: str, tok: Token) -> bool:
    inner = tok.text[1:-1].strip()
    if not inner:
        return False
    prompt = _context()["prompt"]
    if tok.text[0] in "[<":
        if tok.end < len(text) and text[tok.end] in "(:":
            return False  # markdown link or reference
        if tok.text[0] == "<" and (inner.startswith(("/", "!", "http")) or "=" in inner):
            return False  # HTML, autolinks
        words = inner.replace("_", " ").replace("-", " ").replace(":", " ").lower().split()
        if words and inner.isascii():
            if words[0] in prompt["first_words"] and len(words) >= 2:
                return True  # [Insert chart: …], [One or two sentences on …]
            if len(words) == 1:
                return words[0] in prompt["english_single"]
            if len(words) <= 5 and all(w.isalpha() for w in words):
                return words[-1] in prompt["english"]
    if any(w in inner for w in prompt["not_prompts"]):
        return False  # a vendor's or editor's note: （转载请注明出处：…）
    if tok.text[0] in "<＜" and 2 <= len(inner) <= 16 and all(_is_han(ch) for ch in inner.replace("、", "")):
        return True  # <风险描述>, ＜单位名称＞: angle brackets are no Chinese punctuation
    if tok.start and text[tok.start - 1] in _DIGITS:
        return False  # an annotation after a value: 0576-86235120（工作时间）
    if any(v in inner for v in prompt["verbs"]) or inner.startswith(tuple(prompt["leading_verbs"])):
        return len(inner) <= 30
    if "：" in inner or ":" in inner or len(inner) > 16:
        return False  # a note with a value: （单位：万元）
    if inner in prompt["not_fields"] or not all(_is_han(ch) for ch in inner.replace("、", "")):
        return False
    return any(inner.endswith(w) for w in prompt["field_suffixes"])


def prompt_expectation(prompt: str) -> Expectation:
    """The kind of value a bracketed prompt asks for (（填写完成时间）: a date), from the
    words it is written with; free text when none says."""
    for kind, words in _context()["prompt_kinds"].items():
        if any(w in prompt.lower() for w in words):
            return Expectation(kind)
    return Expectation("text")


def _bracket_prompts(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in _candidates(doc, "bracket"):
        if _bracket_prompt(block.text, tok):
            yield BRACKET_PROMPT.diagnostic(
                block, tok.start, tok.end, msg("template prompt left in: '{match}'", match=tok.text),
                expects=prompt_expectation(tok.text[1:-1]),
            )


def _variables(doc: Document, config) -> Iterator[Diagnostic]:
    merged = {(f.block, f.start) for f in doc.features if f.kind == "mergefield" and f.block is not None}
    for block, tok in _candidates(doc, "variable"):
        if any((block, s) in merged for s in range(tok.start - 1, tok.start + 1)):
            continue  # a MERGEFIELD result: RL111 reports it with the field name
        yield TEMPLATE_VARIABLE.diagnostic(
            block, tok.start, tok.end, msg("unfilled template variable '{match}'", match=tok.text),
            expects=prompt_expectation(tok.text.strip("{}$«»")),
        )


def _fillers(doc: Document, config) -> Iterator[Diagnostic]:
    for block, tok in _candidates(doc, "filler"):
        yield FILLER_TEXT.diagnostic(
            block, tok.start, tok.end, msg("filler text left in: '{match}'",
                match=tok.text), expects=Expectation("text")
        )


def _examples(passing: Iterable[str], failing: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True, m) for t, m in failing)


X_SLOT = Rule(
    "RL101", "x-slot", CATEGORY, "error", "Run of X/×/Ｘ left where a value belongs", _x_slots,
    _examples(
        ["拍X光片检查未见异常", "服务器采用X86架构", "尺寸为3×3米", "升级Windows XP系统", "XL码", "iPhone X手机",
         "网关上线后HTTP 5xx错误率由0.8%降至0.05%", "胸部X-ray检查"],
        [("全县完成生产总值X亿元、增长X%", ("X", "X")), ("建成X光伏电站", ("X",)),
         ("20XX年X月X日", ("20XX", "X", "X")), ("达3X.5亿元", ("3X.5",)), ("××市人民政府", ("××",)),
         ("合同将于20XX-XX-XX到期", ("20XX", "XX", "XX")), ("上线日期：2024-09-XX", ("XX",))],
    ),
)
MOU_SLOT = Rule(
    "RL102", "mou-slot", CATEGORY, "error", "某某 used as a slot, not an anonymised person", _mou_slots,
    _examples(["原党支部书记李某某违规收受礼金。", "某某公司负责人王某被立案审查。"],
              [("汇报人：某某", ("某某",)), ("某某同志述职报告", ("某某",))]),
)
STAR_SLOT = Rule(
    "RL103", "star-slot", CATEGORY, "error", "Asterisks standing for a name", _star_slots,
    _examples(["联系人陈**，电话138****1234", "这是**重点**内容"],
              [("**镇党委书记", ("**",)), ("关于***县的调研报告", ("***",))]),
)
BLANK_SLOT = Rule(
    "RL104", "blank-slot", CATEGORY, "error", "Underscore blank left unfilled", _blank_slots,
    _examples(["承诺人（签名）：__________", "snake_case_name"],
              [("完成率达____%", ("____",)), ("富政函[20__]43号", ("20__",))]),
)
EMPTY_DATE = Rule(
    "RL105", "empty-date", CATEGORY, "warning", "Date with blank year, month or day", _empty_dates,
    _examples(["2024年5月6日", "签字：        2024年  月  日"],
              [("本报告于2024年  月  日经党组会议审议", ("年  月  日",))]),
)
BRACKET_PROMPT = Rule(
    "RL106", "bracket-prompt", CATEGORY, "error", "Bracketed instruction to the writer left in",
    _bracket_prompts,
    _examples(["收入1.2亿元（含税）", "【典型案例】", "表1（单位：万元）", "（本文仅供参考，转载请注明出处）"],
              [("（单位名称）关于开展自查的报告", ("（单位名称）",)), ("【请填写项目名称】", ("【请填写项目名称】",)),
               ("Dear [Name],", ("[Name]",)), ("3. <风险描述>", ("<风险描述>",))]),
)
TEMPLATE_VARIABLE = Rule(
    "RL107", "template-variable", CATEGORY, "error", "Template or mail-merge variable left unfilled",
    _variables,
    _examples(["函数f(x)的值"], [("尊敬的{{客户名称}}：", ("{{客户名称}}",)), ("致${name}", ("${name}",))]),
)
FILLER_TEXT = Rule(
    "RL108", "filler-text", CATEGORY, "warning", "TBD, TODO, Lorem ipsum and other filler", _fillers,
    _examples(["The method is todo-list based."],
              [("Budget: TBD", ("TBD",)), ("Lorem ipsum dolor sit amet", ("Lorem ipsum",))]),
)

RULES = (X_SLOT, MOU_SLOT, STAR_SLOT, BLANK_SLOT, EMPTY_DATE, BRACKET_PROMPT, TEMPLATE_VARIABLE, FILLER_TEXT)
