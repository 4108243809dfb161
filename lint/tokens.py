"""Block text -> typed tokens.

The tokenizer recognises *shapes*; it does not decide whether a shape is a
finding.  Rules look at a token together with its neighbourhood and decide.
Every token is ``(kind, shape, start, end)`` over the block text, so matches
are exact substrings and columns are exact.

Kinds and shapes
----------------
``slot``     ``x`` (runs of X x Ｘ ｘ × ╳ ✕ ✖ with adjacent digits: ``XX``, ``3X.5``, ``99.9X``,
             ``20XX``, ``X X X``), ``glyph`` (runs of one of ○ 〇 ◯ △ □: ``○○``, ``△.△△``),
             ``mou`` (某某), ``stars`` (``**``), ``blank``
             (``____``, ``20__``), ``date`` (``年  月  日``, ``为年4月``, ``〔〕11号``),
             ``gap``/``gap_pct`` (`` 亿元``, ``增长%。``: a number left out), ``bracket``
             (``（…）``, ``【…】``, ``[…]``, ``<…>``), ``variable`` (``{{x}}``,
             ``${x}``, ``{x}``, ``«x»``), ``pvariable`` (``%x_y%``), ``filler`` (TBD, TODO, Lorem ipsum)
``choice``   ``unit`` (``县（区）``, ``公司（集团）``), ``pronoun`` (``他（她）``, ``先生/女士``),
             ``options`` (``（接受/不接受）``), ``polar`` (``同意/不同意``), ``slash`` (``上升/下降``)
``number``   a number, with its unit when one follows
``percent``  a number followed by % or ％
``marker``   an outline marker at the start of the block (``一、``, ``（一）``, ``1.``)
``contact``  ``qq``, ``wechat``, ``phone``, ``email``
``url``      ``url`` (scheme or www. or a bare domain)

Words come from the segmenter (:mod:`reportlint.segmenter`), loaded only when
a rule asks for them.
"""

from __future__ import annotations

import re
from functools import cache

from . import lazy_pattern
from .records import NamedTuple

SLOT_CHARS = "XxＸｘ×╳✕✖"
MULTIPLY_CHARS = "×xｘ✕✖"
DIGITS = "0-9０-９"
LATIN = "A-Za-zＡ-Ｚａ-ｚ"
# CJK unified ideographs (basic, extension A, compatibility): what \p{Han} means in practice.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


class Token(NamedTuple):
    kind: str
    shape: str
    start: int
    end: int
    text: str


_S = re.escape(SLOT_CHARS)
# A bare domain (with a path), and the verbs of a site's credit after one.
_DOMAIN = (
    r"(?i:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|cc|top|xyz|vip|info|me|io|site|online|shop|store|biz"
    r"|tv|example))(?:/[!#-&*-;=?-~]*)?"
)
_CREDIT_VERBS = "整理|提供|出品|原创|原創|制作|製作|收集|发布|發布|發佈"

_SHAPES: list[tuple[str, str, str]] = [
    # kind, shape, pattern (the spaced form X X X is tried before the plain run)
    (
        "slot",
        "x",
        # X X X spaced out; or a run of X with digits and decimal points (20XX, 3X.5, X.X).
        # Written to open with one class, its first character (a slot character or a
        # digit), which the regex engine skips to, not tried at every place: the
        # look-behinds tell the branches apart.  (A test holds it to its plain form.)
        rf"[{_S}{DIGITS}](?:(?<=[{_S}])(?:[ \u3000][{_S}](?![{_S}])){{2,}}"
        rf"|(?<=[{DIGITS}])[{DIGITS}]*(?:[.．][{DIGITS}]+)?[.．]?[{_S}]+(?:[.．]?[{DIGITS}]+|[.．]?[{_S}]+)*"
        rf"|(?<=[{_S}])[{_S}]*(?:[.．]?[{DIGITS}]+|[.．]?[{_S}]+)*)",
    ),
    # ○○市, 〇〇人, △.△△亿元, □□县: other glyphs some templates use as X (a run of one glyph)
    ("slot", "glyph", r"○+(?:[.．]○+)?|〇+(?:[.．]〇+)?|◯+(?:[.．]◯+)?|△+(?:[.．]△+)?|□+(?:[.．]□+)?"),
    ("slot", "mou", r"某某"),
    ("slot", "mou1", r"某"),
    ("slot", "stars", r"\*{2,}|＊{2,}|(?<=[12][0-9]{2})\*(?=年)"),  # (200*年: a year's last digit)
    ("slot", "blank", rf"(?:(?:19|20)|[{DIGITS}]{{2}})?(?:_{{2,}}|＿{{2,}})"),
    (
        "slot",
        "date",
        r"年[ \t\u3000]+月[ \t\u3000]+日|月[ \t\u3000]+日|年[ \t\u3000]+月(?![ \t\u3000]*日)"
        # 公示时间为年4月18日: the year left out (今年4月, 同年4月 name one)
        r"|(?<![0-9０-９〇零一二两三四五六七八九十XxＸｘ×╳_＿今去明当同次前每上该本往近翌隔全半多某])年(?=[0-9０-９]{1,2}月)"
        # 辽委办发〔〕11号: the year of a document number left out
        r"|[〔［\[﹝][ \t\u3000]*[〕］\]﹞](?=[0-9０-９]+号)",
    ),
    # 生产总值 亿元，增长 %: a number left out before its unit
    (
        "slot",
        "gap",
        # (opening with the character it consumes first lets the scan skip ahead)
        rf"[ \t\u3000](?<=[{HAN}、，][ \t\u3000])[ \t\u3000]*"
        r"(?:万亿元|亿元|万元|千元|元|万人次|万人|万吨|万户|个百分点|[%％]"
        r"|萬億元|億元|萬元|萬人次|萬人|萬噸|萬戶|個百分點"  # (the same in traditional script)
        # a count before the clause goes on (接待来访群众 人次，接受上访信件 件，)
        r"|(?:人次|件|次|个|個|户|戶|家|项|項|起|场|場|名|人|份)(?=[，。；、,;]))",
    ),
    # 比上年增长%。: the same with no space (two patterns scan faster than their alternation)
    ("slot", "gap_pct", rf"[%％](?<=[{HAN}][%％])(?=[，。；、,;])"),
    (
        "slot",
        "bracket",
        r"（[^（）\n]{1,24}）|\((?!\))[^()\n]{1,24}\)|【[^【】\n]{1,40}】|\[[^\[\]\n]{1,200}\]"
        r"|<[^<>\n]{1,40}>|〈[^〈〉\n]{1,24}〉|＜[^＜＞\n]{1,24}＞",
    ),
    (
        "slot",
        "variable",
        r"\{\{[^{}\n]{1,60}\}\}|\$\{[^{}\n]{1,60}\}"
        # «Name» is Word's unmerged MERGEFIELD; «…» around Cyrillic or French words is quotation.
        # (a name of two or more characters with a letter: «U» is a quoted letter, «____» a blank)
        rf"|«(?:_*[A-Za-z][A-Za-z0-9_ ]{{0,38}}[A-Za-z0-9_]|[{HAN}][{HAN}A-Za-z0-9_]{{0,20}})»"
        rf"|(?<![\\{{$^_A-Za-z0-9])\{{[A-Za-z_{HAN}][A-Za-z0-9_.{HAN}]{{0,40}}\}}(?!\}})",
    ),
    # %TOP_SEGMENT%: a merge variable with an underscore (%PATH% alone is an environment variable)
    ("slot", "pvariable", r"(?<![A-Za-z0-9%])%[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+%(?![A-Za-z0-9%])"),
    ("slot", "filler", rf"(?<![{LATIN}])(?:TBD|TBA|TODO|FIXME|(?i:lorem ipsum))(?![{LATIN}])"),
    ("choice", "unit", rf"[{HAN}]{{1,2}}（[{HAN}]{{1,4}}(?:[、，,/][{HAN}]{{1,4}}){{0,4}}）"),
    # （接受/不接受）, （较强/一般/较弱）: alternatives for the writer to pick from
    ("choice", "options", r"[（(][^（）()/／\n]{1,8}(?:[/／][^（）()/／\n]{1,8}){1,4}[）)]"
                          r"|【[^【】/／\n]{1,8}(?:[/／][^【】/／\n]{1,8}){1,4}】"
                          r"|\[[A-Za-z][A-Za-z ]{0,14}(?: ?/ ?[A-Za-z][A-Za-z ]{0,14}){1,4}\](?![(:])"
                          # [1 / 2 / 3 / 4 / 5], [Ready now / 1-2 years / Not yet]: spaced slashes
                          r"|\[[A-Za-z0-9][A-Za-z0-9 ,'-]{0,24}(?: / [A-Za-z0-9][A-Za-z0-9 ,'-]{0,24}){1,5}\](?![(:])"),
    (
        "choice",
        "pronoun",
        r"他（她）|她（他）|他/她|她/他|先生/女士|女士/先生|先生（女士）|男/女"
        # (English pairs: the rule keeps them only beside a template's other slots)
        r"|(?<![A-Za-z/])(?:[Hh]e/[Ss]he|[Ss]he/[Hh]e|[Hh]is/[Hh]er|[Hh]er/[Hh]is|[Hh]im/[Hh]er|Mr\.?/Ms\.?)(?![A-Za-z/])",
    ),
    # 上升/下降: two words joined by a slash (the rules decide which pairs are alternatives)
    ("choice", "slash", rf"[{HAN}]{{1,4}}[/／][{HAN}]{{1,4}}"),
    # 同意/不同意, 全部采纳/部分采纳, 已完成/未完成: one word, for and against or in part
    (
        "choice",
        "polar",
        rf"(?:全部|部分|基本|已)?(?P<w>[{HAN}]{{2,4}})[/／](?:不|未|非|全部|部分|基本|尚未)(?P=w)",
    ),
    (
        "contact",
        "qq",
        r"(?:[Qq]{2}|[Ｑｑ]{2}|扣扣|企鹅)(?:号码?|群|会员群|交流群)?[)）]?[ \t]*[:：+＋]?[ \t]*"
        r"[1-9](?: ?[0-9]){4,11}(?![0-9])",  # 681 305 927: digits in groups too
    ),
    (
        "contact",
        "wechat",
        r"(?:微信号?|威信|薇信|薇[❤♥]|[Vv]信(?:同号)?|VX|vx|Vx|WX|wx|加V|加 V(?=[ \t]*[:：])|➕V)[ \t]*[:：]?[ \t]*"
        r"[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])",
    ),
    ("contact", "email", r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
    (
        "contact",
        "phone",
        r"(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])|(?<![0-9])[48]00[- ]?[0-9]{3}[- ]?[0-9]{4}(?![0-9])"
        r"|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])|(?<![0-9])12[0-9]{3}(?:-[0-9]+)?(?![0-9])",
    ),
    (
        "url",
        "url",
        # A URL runs over printable ASCII: it ends at a space, at Chinese text or punctuation
        # (listing those as a class would cost a 20,000-character table to compile).  A bare
        # domain right after Chinese text (Chinese is written without a space before a Latin
        # word: ASP.NET开发, 学习强国xuexi.cn, 本局官网qxscjg.gov.cn) is one only in a site's
        # credit, before 整理, 提供 … (医疗文库网yiliaowenku.example整理).
        r"(?i:https?://|www\.)[!#-&*-;=?-~]+"
        rf"|(?<![A-Za-z0-9_.@/-])(?:(?<![\w.@/-])|(?={_DOMAIN}(?:{_CREDIT_VERBS})))"
        rf"{_DOMAIN}(?![A-Za-z0-9_-])",
    ),
    ("percent", "percent", rf"[{DIGITS}]+(?:[.．][{DIGITS}]+)?[ \t]*[%％‰]"),
    ("number", "number", rf"(?<![{DIGITS}.．])[{DIGITS}]+(?:[.．,][{DIGITS}]+)*(?![{DIGITS}])"),
    (
        "marker",
        "marker",
        r"^[ \t\u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]"
        r"|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十百]+[，、]?)",
    ),
]

# Characters without which a shape cannot occur: a cheap test before running its pattern.
_TRIGGERS: dict[str, str] = {
    "x": SLOT_CHARS,
    "glyph": "○〇◯△□",
    "mou": "某",
    "mou1": "某",
    "stars": "*＊",
    "blank": "_＿",
    "date": "月〕］]﹞",
    "gap": " \t\u3000",
    "gap_pct": "%％",
    "bracket": "（(【[<〈＜",
    "variable": "{«",
    "pvariable": "_",
    "filler": "TFLl",
    "unit": "（",
    "pronoun": "他她先女男/",
    "options": "/／",
    "polar": "/／",
    "slash": "/／",
    "qq": "QqＱｑ扣企",
    "wechat": "微威薇信VvWw➕",
    "email": "@",
    "phone": "0123456789",
    "url": ".:",  # (http://localhost has no full stop)
    "percent": "%％‰",
    "number": "0123456789０１２３４５６７８９",
    "marker": "一二三四五六七八九十百0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳第",
}

# Shapes whose trigger characters are common in reports (digits, full stops in numbers, %):
# a pattern that every match holds, tried before the shape's own, or several of which one
# must be found.  Each opens with a character class or a literal (not a repeat, nor
# alternatives), which the regex engine skips to in a fast loop.
_NEEDS: dict[str, str | tuple[str, ...]] = {
    "phone": r"[0-9][0-9][0-9][ -]?[0-9][0-9]",  # 138 1234 5678, 400-123-4567, 010-12345678, 12388
    # a domain's .com, https://, www.  (The URL pattern ignores case, and a case-blind a-z
    # also matches İ, ı, K and ſ: x.ſite is a URL to it.)
    "url": r"[.:Ww](?:(?<=\.)[A-Za-zİıKſ]|(?<=:)//|(?<=[Ww])\.)",
    # the pattern, as one pattern for each sign: a literal is skipped to faster still than a
    # class (a report has a % in most lines, nearly always after a digit); "after a
    # character past U+00FF" stands for "after a Chinese character" (a class of 256
    # characters compiles in microseconds, one of the Chinese blocks in a millisecond or
    # two, on a first run with no cache)
    "gap_pct": tuple(rf"{sign}(?=[，。；、,;])(?<![\x00-\xff]{sign})" for sign in "%％"),
}

SHAPES: dict[str, str] = {shape: kind for kind, shape, _ in _SHAPES}
_PATTERNS: dict[str, str] = {shape: pattern for _, shape, pattern in _SHAPES}
_TRIGGER_SETS: dict[str, frozenset[str]] = {shape: frozenset(chars) for shape, chars in _TRIGGERS.items()}
_compiled: dict[str, re.Pattern] = {}


def _pattern(shape: str) -> re.Pattern:
    # Compiled on first use: most runs need only a few shapes.
    compiled = _compiled.get(shape)
    if compiled is None:
        compiled = _compiled[shape] = lazy_pattern.program(_PATTERNS[shape], re.MULTILINE)
    return compiled


@cache
def _need(shape: str) -> tuple[re.Pattern, ...]:
    need = _NEEDS[shape]
    return tuple(lazy_pattern.program(p) for p in ((need,) if isinstance(need, str) else need))


def scan(text: str, shape: str, chars: set[str] | frozenset[str] | None = None) -> list[Token]:
    """Tokens of one shape in ``text`` (which may hold many lines).

    ``chars`` is the set of characters of ``text`` when the caller has it.
    """
    if _TRIGGER_SETS[shape].isdisjoint(chars if chars is not None else set(text)):
        return []
    if shape in _NEEDS and not any(p.search(text) for p in _need(shape)):
        return []
    kind = SHAPES[shape]
    new = tuple.__new__  # (a template has thousands of tokens: the named tuple's keywords cost more)
    return [new(Token, (kind, shape, m.start(), m.end(), m.group())) for m in _pattern(shape).finditer(text)]


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order of position (tokens of different shapes may overlap)."""
    chars = set(text)
    tokens = [tok for shape in SHAPES for tok in scan(text, shape, chars)]
    tokens.sort(key=lambda t: (t.start, -t.end))
    return tokens
