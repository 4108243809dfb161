"""X-slots: runs of X standing where a value belongs (category ``placeholder``).

RL101 x-slot (error)
    A run of X x Ｘ ｘ × ╳ ✕ ✖ standing where a value belongs: ``X亿元``, ``增长X%``,
    ``XX村``, ``X.X亿元``, ``20XX年X月X日``, ``××市``, ``“XX”为抓手``, and masked digits
    (``3X.5亿元``, ``1X%``, ``X5万元``).  One finding per run; ``match`` is the run.

    Decision procedure, in order (the first that applies decides):

    1. A Latin letter touches the run (``Xbox``, ``XL``, ``Windows XP``, ``XIV``,
       ``xiǎo``): a word, not a slot; except a quarter ``QX`` standing alone, a highway
       chainage ``K××+×××`` and a masked value with its unit (``X.XMW``).
    2. A date written with ``-``, ``/`` or ``.`` and X for some of its numbers
       (``20XX-XX-XX``, ``2024-09-XX``, ``2024/X/X``) is a slot.  Otherwise a hyphenated
       code (``X-ray``, ``X-200``, ``Model-X``) is not, nor an HTTP status class
       (``5xx``, ``4XX``) in a line about HTTP or status codes.
    3. A legend that defines the symbol at the start of a line (``X – тип извещателя``,
       spaces around the dash) is not a slot.  A multiplication sign between digits
       (``3×3``, ``1.2m×0.8m``, ``2 × 10⁴``) or between dimension words (``长×宽``), or an
       arithmetic operator next to the run (``x + 1 = 3``, unless the run is a masked
       decimal: ``X.X / 5``), or a function's argument (``P(Y=1|X)``): not a slot.
    4. Allowlist: the run plus the text after it spells an entry of
       ``data/x_allow.txt`` (or the ``extend-allow`` setting) of the same run
       length, *and* the segmenter puts a word boundary where the entry ends (or joins
       its last character only to a particle: 轴为 in ``X轴为…``).  ``X光片`` is X-ray
       film; in ``X光伏电站`` the word is 光伏, so the X is a slot.
    5. Roman numerals and names: a lone ``X`` in the title of a book or film
       (``《嫌疑人X的献身》``, not a document's title such as ``《关于X的通知》``), a bare
       ``X``/``XX`` after ``Chapter``, ``Louis`` and
       the like, or a single ``X`` next to a capitalised English word (``iPhone X``) other
       than one that takes a number (``Quarter X``, ``Week X`` are slots) or a count of a
       total (``Completed X of X items``).  A model's code (``型号X3``, ``鸿图 X5 86英寸``) is
       not a slot; a masked number has its unit (``X5万元``).
    6. A lone lower-case ``x`` or a lone ``×`` is a slot only with numeric context:
       a unit, counter, date or place word after it, or ``第/约/达/增长…`` before it.
    7. Otherwise it is a slot.  The message names what belongs there, from the
       words after the run (amount in 亿元, percentage, count of 个, year, place
       name, organisation, person, project name).

    PASS: 拍X光片检查未见异常 | 服务器采用X86架构 | 尺寸为3×3米 | 升级Windows XP系统 | XL码 | iPhone X手机
    PASS: 网关上线后HTTP 5xx错误率由0.8%降至0.05% | 胸部X-ray检查
    FAIL: 全县完成生产总值X亿元、增长X% | 建成X光伏电站 | 20XX年X月X日 | 达3X.5亿元 | ××市人民政府
    FAIL: 合同将于20XX-XX-XX到期 | 上线日期：2024-09-XX
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Rule
from reportlint.document import Document
from reportlint.tokens import MULTIPLY_CHARS, SLOT_CHARS, Token

from ._data import load_lines
from ._noise import noise_line
from ._script import simplified_view
from ._slots import DIGITS, LATIN, candidates, context, examples, expected_value, is_han, value_slot

CATEGORY = "placeholder"
_OPERATORS = frozenset("=+*/^<>≤≥÷±＝＋")
_DIMENSIONS = frozenset("长宽高厚深径")
_FOLD = str.maketrans({**{c: "X" for c in SLOT_CHARS}, **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}})

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
    if entry_end >= len(text) or not is_han(text[entry_end]) or entry_end == run_end:
        return True
    from reportlint.segmenter import word_spans

    window = text[run_end : min(len(text), entry_end + 8)]
    cut = entry_end - run_end
    spans = word_spans(window, segmenter)
    if any(end == cut for _start, end in spans):
        return True
    # 轴为 in X轴为钝化剂施用量 is a cut across the entry and a particle (为, 是, 的 …), not
    # a word that takes the entry's last character away as 光伏 does in X光伏电站
    return any(start == cut - 1 and end == cut + 1 for start, end in spans) and \
        window[cut] in context()["x_boundary"]["particles"]


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character from ``index`` going ``step`` (+1/-1); a run of two
    or more asterisks (Markdown's ``**bold**``) is returned as ``**``, not as an operator."""
    while 0 <= index < len(text):
        if text[index] not in " \t\u3000":
            if text[index] == "*" and "*" in (text[index - 1 : index] + text[index + 1 : index + 2]):
                return "**"
            return text[index]
        index += step
    return ""


def _numeric_context(text: str, tok: Token) -> bool:
    if expected_value(text, tok.end) is not None:
        return True
    before = text[max(0, tok.start - 3) : tok.start]
    return any(before.endswith(w) for w in context()["before"]["counting"])


def _roman_or_name(text: str, tok: Token) -> bool:
    """Chapter XX, Louis XIV, iPhone X, Generation X: a numeral or part of a name.

    A lone X counts as a name only next to a capitalised English word; after a
    lower-case word (``up X%``, ``from X to X people``) it is a slot.
    """
    head = text[: tok.start].rstrip(" ")
    if len(head) == tok.start:
        return False
    roman = context()["roman"]
    if any(head.endswith(w) for w in roman["before"]):
        return True
    word = _LATIN_TAIL.search(head)
    if word is not None and word.group() in roman["numbered"]:
        return False  # Quarter X: a number to fill in
    if tok.end - tok.start != 1 or text[tok.end : tok.end + 1] in ("%", "％"):
        return False
    if _LETTER_SEQUENCE.search(text[max(0, tok.start - 16) : tok.start]):
        return True  # lettered A to X, Sections J and X
    if _COUNT_OF.match(text, tok.end) or _OF_COUNT.search(head):
        return False  # Completed X of X planned items: counts to fill in
    before = _LATIN_TAIL.search(head)
    after = _LATIN_HEAD.match(text, tok.end) if text[tok.end : tok.end + 1] == " " else None
    return any(m is not None and _capitalised_word(m.group().strip()) for m in (before, after))


_LATIN_TAIL = lazy_pattern.compile(r"[A-Za-z]+$")
# 20XX, XXXX, XXX: a masked year or serial (beside a hyphen in a reference number)
_MASKED_ID = lazy_pattern.compile(r"(?:19|20)[Xx]{2}|[Xx]{3,}")
# RMB X00 million, $X5k: an amount, not a model's code
_MONEY_AROUND = lazy_pattern.compile(
    r"(?:RMB|USD|EUR|GBP|HKD|CNY|\$|€|£) ?#|# ?(?:million|billion|thousand|hundred|m\b|bn\b|k\b)"
)
# A J and X, A to X: a letter in a sequence of letters
_LETTER_SEQUENCE = lazy_pattern.compile(r"(?:^|[^A-Za-z])[A-WYZ] (?:to|and|or|through|-|–) $")  # (X to X: slots)
# X of X, X of 12, 9 of X: a count and its total
_COUNT_OF = lazy_pattern.compile(r" of (?:X|\d)")
_OF_COUNT = lazy_pattern.compile(r"(?:X|\d) of$")
_LATIN_HEAD = lazy_pattern.compile(r" +[A-Za-z]+")


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
    if prev in _CURRENCY and (nxt not in LATIN or text[tok.end : tok.end + 2].rstrip(".,; )") in _MAGNITUDES):
        return True
    if prev == "Q" and run == "X" and (tok.start < 2 or text[tok.start - 2] not in LATIN) and not nxt.isalnum():
        return True  # QX 20XX: the quarter to fill in
    if _in_stake(text, tok):
        return True  # K××+×××: a highway chainage to fill in
    if nxt in LATIN and _MASKED_DECIMAL.fullmatch(run) and _unit_after(text, tok.end):
        return True  # X.XMW: a masked value with its unit
    if prev in LATIN or nxt in LATIN:
        return False
    if run in ("X", "Ｘ") and _AXES.match(text, tok.end):
        return False  # 沿X、Y、Z三个方向: coordinate axes
    if run in _PLAIN_RUNS and _cjk_side(prev) and _cjk_side(nxt):
        # The common case, 增长X%: a run of X between Chinese text, where steps 2, 3 and 5
        # cannot apply.
        if prev in _DIMENSIONS and nxt in _DIMENSIONS:
            return False
        if run == "X" and _in_work_title(text, tok):
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
    if _MASKED_ID.fullmatch(run) and (prev == "-" or nxt == "-"):
        return True  # INC-20XX-XXXX, CR-20XX-XXX: a reference number to fill in
    if (nxt == "-" and (after in LATIN or after in DIGITS)) or (
        prev == "-" and (before in LATIN or before in DIGITS)
    ):
        return False
    # X – односложная характеристика: a legend defining the symbol, not a slot
    if (legend := _LEGEND.match(text)) is not None and legend.end(1) == tok.end:
        return False
    # 330781********123X: the check digit of an identity card number
    if run[-1:] in "Xx" and tok.end >= 18 and all(c in DIGITS or c == "*" for c in text[tok.end - 18 : tok.end - 1]):
        return False
    # 型号X3, 鸿图 X5 86英寸: a model's code (a masked number has its unit: X5万元)
    if run[0] in "XＸ" and run[-1] in DIGITS and (text[max(0, tok.start - 2) : tok.start] == "型号" or prev == " ") \
            and nxt not in "%％" and expected_value(text, tok.end) is None and not _MONEY_AROUND.search(
                text[max(0, tok.start - 5) : tok.end + 10].replace(run, "#")):
        return False
    # X8027次: a train number (the X series of freight trains), not a masked number
    if _TRAIN.match(text, tok.start) and run[0] in "Xx":
        return False
    # 46,XX / 47,XXY: a karyotype, not a slot
    if prev == "," and tok.start >= 3 and text[tok.start - 3 : tok.start - 1].isdigit():
        return False
    # 3. multiplication and arithmetic
    for i, ch in enumerate(run):
        if ch in MULTIPLY_CHARS or ch in "XＸ":
            left = run[i - 1] if i else prev
            right = run[i + 1] if i + 1 < len(run) else nxt
            if left in DIGITS and right in DIGITS:
                return False
    core = run.strip("0123456789.０１２３４５６７８９．")
    left_n, right_n = _neighbour(text, tok.start - 1, -1), _neighbour(text, tok.end, 1)
    if len(core) == 1 and core in MULTIPLY_CHARS and (left_n in DIGITS or right_n in DIGITS):
        return False
    if prev in _DIMENSIONS and nxt in _DIMENSIONS:
        return False
    if _function_argument(text, tok):
        return False  # P(Y=1|X), f(X): a function's argument
    if (left_n in _OPERATORS or right_n in _OPERATORS) and not _MASKED_DECIMAL.fullmatch(run):
        return False  # x + 1 = 3; but X.X / 5 is a masked score
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


def _in_work_title(text: str, tok: Token) -> bool:
    """A lone X inside the title of a book or film (《嫌疑人X的献身》) is part of the name; in
    the title of a document (《关于开展X工作的通知》) it is a slot."""
    opening = text.rfind("《", 0, tok.start)
    closing = text.find("》", tok.end)
    if opening < 0 or closing < 0 or "》" in text[opening:tok.start] or "《" in text[tok.end : closing]:
        return False
    title = text[opening + 1 : closing]
    if sum(c in SLOT_CHARS for c in title) > 1 or len(title) < 3:
        return False
    if (expected_value(text, tok.end) or "").startswith(("a place", "an organisation")):
        return False  # 《X县志》: the county's name is to be filled in
    return not any(w in title for w in context()["work_title"]["document_words"])


# Year, month and day with one separator; year and month only with - or / (2023.x is a
# version number).
_DATE_SHAPE = lazy_pattern.compile(
    r"(?<![A-Za-z0-9.])(?:(?:19|20)[0-9Xx]{2}|[Xx]{4})"
    r"(?:(?P<sep>[-/.])(?:[0-9]{1,2}|[Xx]{1,2})(?P=sep)(?:[0-9]{1,2}|[Xx]{1,2})|[-/](?:[0-9]{1,2}|[Xx]{1,2}))"
    r"(?![A-Za-z0-9.])"
)
_STAKE = lazy_pattern.compile(rf"(?<![A-Za-z])K[{re.escape(SLOT_CHARS)}0-9]+\+[{re.escape(SLOT_CHARS)}0-9]+")


def _in_stake(text: str, tok: Token) -> bool:
    """K12+×××, K××+×××: a chainage (highway stake number) with X for its digits."""
    if "K" not in text or "+" not in text:
        return False
    for m in _STAKE.finditer(text, max(0, tok.start - 12), min(len(text), tok.end + 12)):
        if m.start() < tok.start and tok.end <= m.end():
            return True
    return False


def _function_argument(text: str, tok: Token) -> bool:
    """Inside the ASCII parentheses of a Latin function name: ``f(X)``, ``P(Y=1|X)``."""
    opening = text.rfind("(", 0, tok.start)
    closing = text.find(")", tok.end)
    if opening < 1 or closing < 0 or text[opening - 1] not in LATIN:
        return False
    inside = text[opening + 1 : closing]
    return ")" not in text[opening + 1 : tok.start] and "(" not in text[tok.end : closing] and inside.isascii()


def _unit_after(text: str, end: int) -> bool:
    letters = re.match(r"[A-Za-z²³/]+", text[end:])
    return letters is not None and letters.group() in context()["x_units"]["latin"]


_TRAIN = lazy_pattern.compile(r"[Xx][0-9]{2,5}次")
_AXES = lazy_pattern.compile(r"\s*[、，,/和与及]\s*[YＹ](?![A-Za-z])")
_LEGEND = lazy_pattern.compile(r"\s*([A-Za-z]{1,3})\s+[–—=-]\s+\S")
_MASKED_DECIMAL = lazy_pattern.compile(rf"[{re.escape(SLOT_CHARS)}0-9]+[.．][{re.escape(SLOT_CHARS)}0-9]+")
_STATUS_CLASS = lazy_pattern.compile(r"(?<![A-Za-z0-9])[1-5][xX]{2}(?![A-Za-z0-9])")


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
    return any(w in lowered for w in context()["status_class"]["context"])


_LIST_NUMBER = lazy_pattern.compile(r"[ \t\u3000]*(\d{1,2}[.．])")


def _without_list_number(text: str, tok: Token) -> Token:
    """``3.X线胸片…``: the run starts after the list number that opens the line."""
    m = _LIST_NUMBER.match(text)
    if m is None or m.start(1) != tok.start or m.end(1) >= tok.end:
        return tok
    rest = text[m.end(1) : tok.end]
    if any(c in DIGITS for c in rest):
        return tok  # 3.5X亿元 is a masked number, not a list item
    return tok._replace(start=m.end(1), text=rest)


def _x_slots(doc: Document, config) -> Iterator[Diagnostic]:
    allow = tuple(getattr(config, "extend_allow", ()))
    segmenter = getattr(config, "segmenter", "rjieba")
    noise: dict[int, bool] = {}  # per block: X-heavy templates have many runs a line
    view = simplified_view(doc)
    for block, tok in candidates(doc, "x", config=config):
        if id(block) not in noise:
            noise[id(block)] = noise_line(block.text)
        if noise[id(block)]:
            continue  # an X among anti-scrape scraps (a watermark finding)
        tok = _without_list_number(block.text, tok)
        # (in traditional script the words around the run are weighed in simplified: X光檢查
        # is X光 and 检查, as the segmenter's dictionary has them)
        if is_x_slot(view(block.text), tok, allow, segmenter):
            yield value_slot(X_SLOT, block, tok)


X_SLOT = Rule(
    "RL101", "x-slot", CATEGORY, "error", "Run of X/×/Ｘ left where a value belongs", _x_slots,
    examples(
        ["拍X光片检查未见异常", "服务器采用X86架构", "尺寸为3×3米", "升级Windows XP系统", "XL码", "iPhone X手机",
         "网关上线后HTTP 5xx错误率由0.8%降至0.05%", "胸部X-ray检查"],
        [("全县完成生产总值X亿元、增长X%", ("X", "X")), ("建成X光伏电站", ("X",)),
         ("20XX年X月X日", ("20XX", "X", "X")), ("达3X.5亿元", ("3X.5",)), ("××市人民政府", ("××",)),
         ("合同将于20XX-XX-XX到期", ("20XX", "XX", "XX")), ("上线日期：2024-09-XX", ("XX",))],
    ),
)

RULES = (X_SLOT,)
