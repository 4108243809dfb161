"""Watermark rules: template-vendor and download-site residue (category ``watermark``).

Every line (block) of a document is scored once; a line found to be vendor
residue gets exactly one finding, under the code of its strongest evidence.
``match`` is the whole line without surrounding white space, and the fix is
to delete the line (``reportlint fix`` does).  A long line that also holds a
finished sentence of the report (``…持续向好！（来源：某某范文网）``) gets no fix:
deleting it would take the report's sentence too.

Evidence, from ``data/vendor_phrases.toml`` and ``data/vendor_context.toml``:

- *high* phrases (download-page chrome, takedown text, 小编 boilerplate,
  platform brands): vendor text wherever they are;
- *medium* phrases (仅供学习, 会员群, 范文网 …) and contact details (QQ, WeChat,
  phones, e-mail, URLs): vendor text only in a vendor zone — the first 8 or
  last 12 lines of the body, headers, footers, text boxes — or next to other
  vendor evidence.  Official contacts never count: 12xxx service numbers,
  ``*.gov.cn`` addresses, numbers after 信访/监督/举报/联系电话 …;
- *low* words (下载, 会员, 订阅 …) only add weight — except outside the report:
  before its title or after its closing date (``2024年12月20日`` on a line of its own),
  where sites put their chrome, a low word or a contact is enough.  Official back
  matter there (抄送, 印发, 联系人, 附件, 此件公开发布 …) is the report's own;
- anti-scrape noise (a line of short scraps, several mixing a Latin letter and a
  digit, such as ``k7 Q2 d+ m9 [3``, or a short line of rare characters such as
  ``蘙齉灪鸜麤驫``) counts as high evidence;
- medium and low phrases quoted as a name (a reading list called “推荐阅读”) are
  mentioned, not used, and do not count.

RL201 vendor-phrase (error)
    A line carrying vendor phrases.

    PASS: 从未接受和持有私人会所会员卡。 | 订阅《人民日报》《求是》等党报党刊。
    FAIL: 下面是小编为大家整理的述职报告范文，供大家参考。 | 上传人：文库达人

RL202 vendor-contact (error)
    A contact detail in vendor context: ``咨询QQ206157060``, ``加微信 wenku_2020 领取资料``.

    PASS: 监督电话：12388 | 电子邮箱：xcb@example.gov.cn
    FAIL: 更多资料请咨询QQ：3456789012

RL203 vendor-name (error)
    A line naming a vendor that introduced itself elsewhere in the document
    (``酷乐文行整理，咨询QQ…`` makes a lone ``酷乐文行`` line vendor text too).

    PASS: 墨香文库是本地一家书店。

    FAIL::

        墨香文库整理，咨询QQ12345678
        墨香文库

RL204 vendor-block (warning)
    A short promotional line inside a vendor block: between two vendor lines
    at most four lines apart (``自建平台、实时分享``; away from the first and last
    lines only between two lines of strong evidence), or a separator line
    (``—— END ——``) right next to vendor text, or an item of a list of links under a
    vendor list header (``相关文章：`` then ``1.供电所工作汇报材料``).  Report text
    (sentences ending in 。, numbered headings, titles, long paragraphs) is never
    absorbed, except as a bulleted or numbered item under such a header.

    PASS: 今年工作取得新成效。

    FAIL::

        墨香文库整理，咨询QQ12345678
        自建平台、实时分享
        会员群：1234567
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import accumulate, pairwise

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import Block, Document
from reportlint.i18n import N_, Message, msg
from reportlint.records import NamedTuple

from ._data import load_toml
from ._noise import noise_line
from ._script import to_simplified, traditional

CATEGORY = "watermark"
HEAD_LINES = 8
TAIL_LINES = 12
ZONE_PARTS = frozenset({"header", "footer", "textbox", "properties", "watermark"})
BLOCK_GAP = 4
ABSORB_MAX_CHARS = 60


_SPACES = lazy_pattern.compile(r"[^\S\n]+")
# Full-width letters and digits become ASCII; the few ASCII punctuation marks that
# Chinese text writes full-width become full-width.  Both are rare in Chinese text,
# so folding costs little.
_FOLDABLE = lazy_pattern.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a:;,()!?]")


def _fold_char(m: re.Match) -> str:
    ch = m.group()
    return chr(ord(ch) + 0xFEE0) if ch < "\x80" else chr(ord(ch) - 0xFEE0)


def fold(text: str, chars: set[str] | None = None) -> str:
    """The form phrases are matched in: full-width letters and digits as ASCII,
    ``: ; , ( ) ! ?`` as their full-width forms, lower case, no white space (so
    ``ＱＱ 群:`` matches ``qq群：``).  Newlines stay.  ``chars``: the characters of
    ``text`` (or more), when known: a text with none to change is only lowered."""
    if chars is not None and _CHANGED_BY_FOLDING.isdisjoint(chars):
        return text.lower()
    return _SPACES.sub("", _FOLDABLE.sub(_fold_char, text).lower())


# What fold changes besides case: the characters _FOLDABLE and _SPACES match (a test holds
# this to them).
_CHANGED_BY_FOLDING = frozenset(
    [chr(c) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)]
    + list(":;,()!?\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")
    + [chr(c) for c in range(0x2000, 0x200B)]
)


class PhrasePack(NamedTuple):
    tiers: dict[str, str]  # folded literal phrase -> tier
    # (tier, needed strings, pattern source, parts it applies in: empty = everywhere); a
    # pattern is compiled the first time a document holds one of its needed strings
    patterns: tuple[tuple[str, tuple[str, ...], str, frozenset[str]], ...]
    needed: frozenset[str]  # every needed string, each looked for once per document
    configured: bool = False  # holds phrases of the user's config (kept out of the pattern cache)
    # The characters of each literal phrase and needed string: a document without all of
    # them cannot hold it (a set test per phrase, with no string to take apart)
    charsets: tuple[tuple[str, frozenset[str]], ...] = ()

    def hits(
        self, folded_lines: list[str], parts: list[str] | None = None, chars: set[str] | None = None
    ) -> dict[int, dict[str, list[str]]]:
        """Phrases found per line index, by tier (one scan over all lines; lines
        without a phrase are left out).  ``parts``: each line's part, for patterns
        that apply in some parts only (a page counter is residue in the body, not in
        a footer); ``chars``: the folded characters of the text, when known."""
        text = "\n".join(folded_lines)
        starts = list(accumulate((len(line) + 1 for line in folded_lines[:-1]), initial=0))
        found: dict[int, dict[str, list[str]]] = {}
        if chars is None:
            chars = set(text)
        # a phrase or needed string with a character the text lacks cannot occur (a cheap test first)
        possible = [w for w, need in self.charsets if need <= chars]
        for start, word in self._literals(text, [w for w in possible if w in self.tiers]):
            tier = self.tiers[word]
            if tier != "high" and _quoted(text, start, start + len(word)):
                continue  # a column named “推荐阅读”: the phrase is mentioned, not used
            line = bisect_right(starts, start) - 1
            found.setdefault(line, {}).setdefault(tier, []).append(word)
        present = {n for n in possible if n in self.needed and n in text}
        shifted = "\n" + text  # for patterns of whole lines (see _compiled)
        for tier, need, source, only in self.patterns:
            if present.isdisjoint(need):
                continue
            pattern, newline = _compiled(source)
            for m in pattern.finditer(shifted if newline else text):
                # (in the shifted text, the newline before a line is where the line starts in text)
                line = bisect_right(starts, m.start()) - 1
                if only and parts is not None and parts[line] not in only:
                    continue
                found.setdefault(line, {}).setdefault(tier, []).append(m.group()[newline:])
        return found

    def _literals(self, text: str, words: list[str]) -> list[tuple[int, str]]:
        """(start, phrase) of the literal phrases in ``text``, leftmost first, the longest at
        each place, none overlapping (as one alternation of them all would find them).
        Most documents hold every character of only a few phrases: those are looked for one
        by one, far faster than scanning for all; with many, one scan for all is faster.
        ``words``: the phrases whose characters are all in the text."""
        if len(words) > LITERALS_ONE_BY_ONE:
            return [(m.start(), m.group()) for m in _literal_pattern(tuple(self.tiers), self.configured).finditer(text)]
        spans = []
        for word in words:
            i = text.find(word)
            while i >= 0:
                spans.append((i, -len(word), word))
                i = text.find(word, i + 1)
        spans.sort()
        out, end = [], 0
        for start, minus_length, word in spans:
            if start >= end:
                out.append((start, word))
                end = start - minus_length
        return out


LITERALS_ONE_BY_ONE = 40


@lru_cache(maxsize=8)
def _literal_pattern(words: tuple[str, ...], configured: bool) -> re.Pattern:
    """One regex for all the literal phrases (built only for a document that may hold many)."""
    return (re.compile if configured else lazy_pattern.program)(_trie_pattern(words))


_QUOTES = {"“": "”", '"': '"', "‘": "’", "「": "」", "『": "』", "《": "》"}


# Before a quoted phrase, a verb that makes it a button or keyword to use (点击「阅读原文」).
_USE_VERBS = ("点击", "点", "戳", "搜索", "回复", "长按", "click", "tap")


def _quoted(text: str, start: int, end: int) -> bool:
    """Is text[start:end] exactly the content of a pair of quotation marks, named rather
    than used (a column named “推荐阅读”; not 点击「阅读原文」, an instruction to the reader)?"""
    if not (start > 0 and end < len(text) and _QUOTES.get(text[start - 1]) == text[end]):
        return False
    return not text[max(0, start - 6) : start - 1].endswith(_USE_VERBS)


@lru_cache(maxsize=8)
def phrase_pack(extra: tuple[str, ...] = ()) -> PhrasePack:
    data = load_toml("vendor_phrases.toml")
    tiers: dict[str, str] = {}
    patterns = []
    for tier in ("low", "medium", "high"):  # a phrase listed twice takes the higher tier
        for word in data[tier]["literal"] + (list(extra) if tier == "high" else []):
            tiers[fold(word, set(word))] = tier  # (a word with nothing to fold is only lowered)
        patterns.extend(
            (tier, tuple(fold(n, set(n)) for n in e["need"]), e["pattern"], frozenset(e.get("parts", ())))
            for e in data[tier]["regex"]
        )
    needed = frozenset(n for _tier, need, _pattern, _parts in patterns for n in need)
    charsets = tuple((w, frozenset(w)) for w in {**dict.fromkeys(tiers), **dict.fromkeys(sorted(needed))})
    return PhrasePack(tiers, tuple(patterns), needed, bool(extra), charsets)


@cache
def _compiled(source: str) -> tuple[re.Pattern, int]:
    """A pattern of the pack, and 1 if it was turned into one that opens with the newline
    before a line (to scan a text with a newline put before it), 0 if not.

    A pattern that begins with ``^`` is tried at every place of the text and fails at
    nearly all of them; opening with a newline, it is tried only where a line begins (the
    engine skips to a literal first character): measured five times faster."""
    if source.startswith("^") and not _top_level_alternation(source):
        return lazy_pattern.program("\n" + source[1:], re.MULTILINE), 1
    return lazy_pattern.program(source, re.MULTILINE), 0


def _top_level_alternation(source: str) -> bool:
    """Does ``source`` have a ``|`` outside any group (``^a|b`` anchors only ``a``)?"""
    depth, i = 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _class_end(source: str, start: int) -> int:
    """Where the character class opening at ``start`` ends (after its ``]``)."""
    i = start + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1  # (a ] first in a class is the character itself)
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _trie_pattern(words) -> str:
    """One regex for many literals, shared prefixes merged (about twice as fast to scan
    as a plain alternation); greedy optional tails make the longest phrase win."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@lru_cache(maxsize=1)
def _context() -> dict:
    return load_toml("vendor_context.toml")


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple:
    """How a vendor introduces itself: 酷乐文行整理，咨询QQ… / 本资料为墨香文库原创整理."""
    import regex  # Unicode script classes; loaded only when a document has vendor lines

    verbs = "|".join(sorted(_context()["credit_verbs"], key=len, reverse=True))
    name = r"(?P<name>[\p{Han}A-Za-z0-9]{2,12}?)"
    return (
        regex.compile(rf"^{name}(?:{verbs})[，,。、\s]*(?:咨询|联系|加|qq|微信|vx|v信|获取|更多|关注|$)"),
        regex.compile(rf"本(?:资料|文档|模板|文章|范文)(?:由|为|系){name}(?:原创|独家|精心)?(?:{verbs}|提供|收集)"),
        # a brand in brackets opening a vendor line (【公文荟萃】精选·…), a named source
        # (模板来自 物流人文库 …, 首发于「文旅公文说」)
        regex.compile(r"^[^\p{Han}A-Za-z0-9]{0,3}[【〖「『](?P<name>\p{Han}{2,8})[】〗」』]"),
        regex.compile(r"(?:来自|来源于|出自|首发于|转载自)(?:微信)?(?:公众号)?[「『【“]?(?P<name>\p{Han}{2,10}?)"
                      r"(?:[」』】”]|[a-z0-9]|[，,。|｜]|$)"),
    )


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    nouns = "|".join(_context()["title_nouns"])
    return lazy_pattern.program(rf"(?:{nouns})(?:[(（].{{0,12}}[)）])?$")


class LineVerdict:
    """What the rules make of one line: its evidence, then its code (None: not vendor text)."""

    __slots__ = ("block", "folded", "zone", "phrases", "contacts", "cta", "messengers", "outside", "code", "reason")

    def __init__(self, block: Block, folded: str, zone: bool, phrases: dict[str, list[str]]) -> None:
        self.block = block
        self.folded = folded
        self.zone = zone
        self.phrases = phrases
        self.contacts: list[str] = []
        self.cta = False
        self.messengers = 0  # kinds of messenger handle among the contacts (QQ, WeChat)
        self.outside = False  # before the report's title or after its closing date
        self.code: str | None = None
        self.reason = ""


def _official(source: str, tok) -> bool:
    """Is a contact an official one (a 12xxx hotline, a gov.cn address, 监督电话：…)?  ``source``
    is the text the token was found in."""
    ctx = _context()
    text = tok.text.lower()
    if tok.shape in ("url", "email") and any(d in text for d in ctx["official_domains"]):
        return True
    if tok.shape == "phone" and (text.startswith("12") or len(text) <= 5):
        return True
    before = source[max(0, tok.start - 12) : tok.start]
    if any(w in before for w in ctx["official_before"]):
        return True
    return tok.shape == "phone" and any(w in before for w in ctx["office_phone_before"])


def _zones(indexed: list[tuple[int, Block]]) -> set[int]:
    """Block indexes of the head and tail of the body and of the parts where vendors put
    their text (``indexed``: the document's non-blank blocks with their indexes)."""
    body = [i for i, b in indexed if b.part == "body"]
    zone = set(body[:HEAD_LINES]) | set(body[-TAIL_LINES:])
    zone |= {i for i, b in indexed if b.part in ZONE_PARTS}
    return zone


def _folded_chars(chars: set[str]) -> set[str]:
    """The characters a text with ``chars`` has once folded.  (Lower case depends on the
    place in one case only: Σ is σ, or ς at the end of a word.)"""
    folded = set(fold("".join(chars)))
    return folded | {"σ", "ς"} if "Σ" in chars else folded


class Verdicts:
    """Verdicts for the non-blank lines of a document, made only for lines that
    can matter (with evidence, in a vendor zone, or next to either)."""

    def __init__(self, doc: Document, config) -> None:
        pack = phrase_pack(tuple(getattr(config, "extend_vendor_phrases", ())))
        indexed = [(i, b) for i, b in enumerate(doc.blocks) if b.text.strip()]
        zone = _zones(indexed)
        self.blocks = [b for _, b in indexed]
        self.zone = [i in zone for i, _ in indexed]
        folded = fold("\n".join(b.text for b in self.blocks), doc.chars()) if indexed else ""
        if indexed and traditional(doc.chars()):
            folded = to_simplified(folded)  # 閱讀原文 is 阅读原文: the pack is simplified
            chars = set(folded)
        else:
            chars = _folded_chars(doc.chars()) if indexed else set()  # folded, as the lines are
        self.folded = folded.split("\n") if indexed else []
        self.phrases = pack.hits(self.folded, [b.part for b in self.blocks], chars) if indexed else {}
        noisy, stuffed = _odd_lines(self.blocks, doc)
        for k in sorted(noisy | stuffed):
            text = self.blocks[k].text
            if k in noisy and (noise_line(text) or _rare_noise(text)):
                self.phrases.setdefault(k, {}).setdefault("high", []).append("anti-scrape noise")
            elif k in stuffed and _stuffed(text):
                self.phrases.setdefault(k, {}).setdefault("high", []).append("keyword stuffing")
        self.outside = _outside_report(self.blocks, self.folded)
        self.lines: dict[int, LineVerdict] = {}
        wanted = {k for k, z in enumerate(self.zone) if z} | set(self.phrases)
        lines = [k for k in sorted(wanted | {k + d for k in wanted for d in (-1, 1)}) if 0 <= k < len(self.blocks)]
        self._contacts = dict(zip(lines, _contacts_of_lines([self.blocks[k].text for k in lines]), strict=True))
        for k in lines:
            self.get(k)

    def get(self, k: int) -> LineVerdict:
        v = self.lines.get(k)
        if v is None:
            v = LineVerdict(self.blocks[k], self.folded[k], self.zone[k], self.phrases.get(k, {}))
            found = self._contacts.pop(k, None)
            if found is None:
                found = _contacts(v.block.text)
            tokens = [t for t, source in found if not _official(source, t)]
            v.contacts = [t.text for t in tokens]
            v.messengers = len({t.shape for t in tokens if t.shape in ("qq", "wechat")})
            # a call to action goes with its contact: in a long paragraph, only words near it count
            if len(v.block.text) <= 100:
                v.cta = bool(v.contacts) and _cta_pattern().search(v.folded) is not None
            else:
                text = v.block.text
                v.cta = any(
                    _cta_pattern().search(text, max(0, t.start - 20), t.end + 20) is not None
                    for t in tokens if text[t.start : t.end] == t.text
                )
            v.outside = k in self.outside
            self.lines[k] = v
        return v

    def known(self) -> list[tuple[int, LineVerdict]]:
        return sorted(self.lines.items())


# A closing date on a line of its own: 2024年12月20日, 二〇二四年十二月二十日.
_CLOSING_DATE = lazy_pattern.compile(
    r"^[\s\u3000]*(?:\d{4}|[〇零一二两三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日[\s\u3000]*$"
)


def _outside_report(blocks: list[Block], folded: list[str]) -> set[int]:
    """Lines of the body before the report's title or after its closing date (in the head
    and tail zones), apart from official back matter: where a site puts its chrome, so a
    weak vendor signal there is enough.  A document with no title or closing date found
    has no such lines."""
    body = [k for k, b in enumerate(blocks) if b.part == "body"]
    head, tail = body[:HEAD_LINES], body[-TAIL_LINES:]
    title = next((k for k in head if _looks_like_title(blocks[k].text)), None)
    close = next((k for k in reversed(tail) if _CLOSING_DATE.match(blocks[k].text)), None)
    outside = {k for k in head if title is not None and k < title}
    outside |= {k for k in tail if close is not None and k > close}
    back = _context()["back_matter"]
    return {k for k in outside if not any(w in folded[k] for w in back) and not _address_line(folded[k])}


def _address_line(folded: str) -> bool:
    """A line of an organisation's own address block (本会地址：…, 电话：… 电邮：…), in the folded
    line; not a page's or a vendor's (原文地址：, 客服电话：)."""
    if "qq" in folded or "微信" in folded:
        return False  # (a QQ number or a WeChat handle is a seller's, not an office's)
    ctx = _context()
    for label in ctx["address_labels"]:
        at = folded.find(label + "：")
        while at >= 0:
            if not folded[:at].endswith(tuple(ctx["not_address_after"])):
                return True
            at = folded.find(label + "：", at + 1)
    return False


def _looks_like_title(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 50 and not text.endswith(("。", "；", "：")) and \
        _title_pattern().search(fold(text)) is not None


# Lines that may be anti-scrape noise or keyword stuffing, found in one scan of the document
# (what each of noise_line, _rare_noise and _stuffed needs first; a test holds them to it).
# Both open with the character before what they find (a newline, a separator), which the
# regex engine skips to: a fifth of the cost of patterns tried at every place.
_MAYBE_NOISE = lazy_pattern.compile(
    r"\n(?:[^\S\n]*(?:\S{1,3}[^\S\n]+){4,}\S{1,3}[^\S\n]*"  # five or more scraps of 1-3 characters
    r"|[^\S\n]*\S[^\n，。、]{4,38}\S[^\S\n]*)$",  # or 6-40 characters, no comma or full stop
    re.MULTILINE,
)
# What _REPEATED matches is a run of 18 or more unbroken characters (tried only where a run starts).
_MAYBE_STUFFED = lazy_pattern.compile(r"[\s。，、；：！？,.;:!?][^\s。，、；：！？,.;:!?]{18}")


def _odd_lines(blocks: list[Block], doc: Document) -> tuple[set[int], set[int]]:
    """Positions in ``blocks`` (blocks of the document) of the lines that may be noise, and
    of those that may be keyword stuffing."""
    position = {id(b): k for k, b in enumerate(blocks)}
    noisy, stuffed = (
        {position[id(b)] for b in doc.blocks_with(pattern, newline_led=True) if id(b) in position}
        for pattern in (_MAYBE_NOISE, _MAYBE_STUFFED)
    )
    return noisy, stuffed


def _stuffed(text: str) -> bool:
    """SEO keyword stuffing: one phrase of six or more characters three times running
    (乡镇换届五年政府工作报告乡镇换届五年政府工作报告乡镇换届五年政府工作报告…)."""
    if len(text) < 18 or len(text) > 2000:
        return False
    colon = max(text.find("："), text.find(":")) + 1
    starts = [*range(0, min(8, len(text) - 6)), *range(colon, min(colon + 4, len(text) - 6))]
    if not any(text.count(text[i : i + 6]) >= 3 for i in starts):
        return False  # (a stuffed line opens with its phrase, after a number or a label: a cheap test)
    m = _REPEATED.search(text)
    return m is not None and len(set(m.group(1))) >= 3


_REPEATED = lazy_pattern.compile(r"([^\s。，、；：！？,.;:!?]{6,30}?)\1{2,}")  # (a phrase, not a sentence)


def _rare_noise(text: str) -> bool:
    """Anti-scrape noise of rare characters (``蘙齉灪鸜麤驫厵龘靐``): a short line of at least six
    Chinese characters, most of them in neither GB 2312 nor Big5's frequent-character level
    (so a name such as 王喆 or a line of traditional Chinese is not noise)."""
    text = text.strip()
    if len(text) > 40 or len(text) < 6 or text.isascii() or any(p in text for p in "，。、"):
        return False
    han = [c for c in text if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    if len(han) < 6 or len(han) * 10 < len(text) * 8:
        return False
    if sum(c in _EVERYDAY for c in han) >= 2:
        return False  # 关于2024年度工作情况的报告: everyday words (and no codec to load)
    return sum(map(_rare_char, han)) * 10 >= len(han) * 6


# A few of the most frequent characters of Chinese prose: noise of rare characters has none.
_EVERYDAY = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学"
    "法所民得经加强建设推进落实管理服务全县市区镇村"
)


@lru_cache(maxsize=4096)
def _rare_char(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return False
    except UnicodeEncodeError:
        pass
    try:
        code = int.from_bytes(ch.encode("big5"), "big")
    except UnicodeEncodeError:
        return True
    return not 0xA440 <= code <= 0xC67E  # Big5 level 1: frequently used characters


# A closing mark such as —— END —— (a bare rule line is document structure, not vendor text).
_DECORATION = r"\s\-—–=*~·_#━═☆★◆◇■□▲▼"
_END_WORDS = r"(?:全文|正文|本文|模板内容|内容)?(?:到此|至此)?结束"  # —— 模板内容到此结束 ——
_SEPARATOR = lazy_pattern.compile(
    rf"^[{_DECORATION}.。]*(?:end|the end|完|全文完|本文完|{_END_WORDS})[{_DECORATION}.。]*$"
    rf"|^[{_DECORATION}]{{4,}}$",  # or a rule of decoration (━━━━, ☆☆☆☆)
    re.IGNORECASE,
)


def _separator(v: LineVerdict) -> bool:
    """A closing mark or a rule of decoration; after the report's closing date a short
    rule (Markdown's ``---``) is enough."""
    text = v.block.text.strip()
    return _SEPARATOR.match(text) is not None or (v.outside and _SHORT_RULE.match(text) is not None)


_SHORT_RULE = lazy_pattern.compile(rf"^[{_DECORATION}]{{3}}$")


def _contacts(text: str) -> list:
    """Contact tokens of a line, each with the text it was found in; in a line spaced out
    against filters (``w w w . l a n h u a . c n``,
    ``扣 扣：7 3 0 9 1 5 2 8``), those of the line with the spaces taken out as well."""
    return _contacts_of_lines([text])[0]


_CONTACT_SHAPES = ("qq", "wechat", "email", "phone", "url")


def _contacts_of_lines(texts: list[str]) -> list[list]:
    """:func:`_contacts` of each line, each shape looked for in one scan of the lines joined
    (a report's head and tail are twenty-odd short lines: a call for each shape and line
    cost more than the scans).  No contact pattern matches a newline."""
    from reportlint.tokens import Token, scan

    joined = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    found: list[list] = [[] for _ in texts]
    chars, new = set(joined), tuple.__new__
    for shape in _CONTACT_SHAPES:
        for t in scan(joined, shape, chars):
            k = bisect_right(starts, t.start) - 1
            base = starts[k]
            found[k].append((new(Token, (t.kind, t.shape, t.start - base, t.end - base, t.text)), texts[k]))
    for k, text in enumerate(texts):
        if _SPACED_OUT.search(text):
            squeezed = _SINGLE_SPACE.sub("", text)
            seen = {t.text.replace(" ", "") for t, _source in found[k]}
            found[k] += [
                (t, squeezed) for shape in _CONTACT_SHAPES for t in scan(squeezed, shape, set(squeezed))
                if t.text not in seen
            ]
    return found


# Five or more single characters with one space between each: text spaced out so that a
# site's filters do not see a contact in it.
_SPACED_OUT = lazy_pattern.compile(r"(?<!\S)(?:\S[ \u3000]){4,}\S(?!\S)")
_SINGLE_SPACE = lazy_pattern.compile(r"(?<=\S)[ \u3000](?=\S)")


@lru_cache(maxsize=1)
def _cta_pattern() -> re.Pattern:
    return lazy_pattern.program("|".join(map(re.escape, _context()["call_to_action"])))


def _numbered(text: str) -> bool:
    from reportlint.tokens import scan

    return bool(scan(text, "marker"))


def _decide(v: LineVerdict, neighbour_vendor: bool) -> None:
    high, medium, low = (v.phrases.get(t, []) for t in ("high", "medium", "low"))
    long_line = len(v.folded) > 100
    if high:
        v.code, v.reason = "RL201", high[0]
        return
    signals = len(medium) + len(v.contacts) + (0.5 if low or v.cta else 0)
    context = (v.zone and not long_line) or neighbour_vendor or signals >= 2
    if v.outside and not long_line and (low or v.contacts) and not medium:
        # Before the title or after the closing date a weak signal is enough.
        v.code, v.reason = ("RL202", v.contacts[0]) if v.contacts else ("RL201", low[0])
        return
    # (a paragraph of the report that gives its own contact may sit next to a vendor footer)
    # (a QQ number and a WeChat handle on one line: a vendor's sales line, not a report's)
    # (in a long paragraph a weak word far from the contact says nothing about it)
    own_evidence = medium or (low and not long_line) or v.cta or v.messengers >= 2
    if v.contacts and context and (own_evidence or (neighbour_vendor and not long_line)):
        v.code, v.reason = "RL202", v.contacts[0]
    elif medium and context and (not long_line or signals >= 2 or neighbour_vendor) and \
            not (signals < 2 and _numbered(v.block.text)):
        v.code, v.reason = "RL201", medium[0]  # (3．在公众号开设…扫码关注后即可留言: a point of the report)


def _own_notice(v: LineVerdict) -> bool:
    """© 2025 宁湾精密轴承有限公司 版权所有: an organisation's own rights line (a vendor's names a site)."""
    return "版权所有" in v.folded and _ORGANISATION.search(v.folded) is not None


_ORGANISATION = lazy_pattern.compile("有限公司|公司|集团|委员会|政府|局|院|大学|学院|学校|中心|协会|学会|基金会")


def _absorb_masthead(verdicts: Verdicts) -> None:
    """The first line of a document, above vendor chrome, that is not the report's title:
    the site's masthead (``PeopleForms Hub · HR paperwork without the paperwork``)."""
    body = [k for k, b in enumerate(verdicts.blocks) if b.part == "body"]
    if len(body) < 2:
        return
    first, second = verdicts.get(body[0]), verdicts.get(body[1])
    text = first.block.text.strip()
    if first.code is None and second.code not in (None, "RL204") and len(text) <= 80 and \
            _MASTHEAD.search(text) and not _looks_like_title(text) and not _numbered(text) and \
            first.block.kind != "heading":
        first.code, first.reason = "RL204", "masthead"


# A masthead names the site, then its slogan after a separator: "Name · slogan", "Name: slogan".
_MASTHEAD = lazy_pattern.compile(r"^[^·|｜:：]{2,30}\s*[·|｜:：]\s*\S")


def _own_contacts(v: LineVerdict, vendors: list[LineVerdict]) -> bool:
    """A line whose only evidence is contacts on a domain the vendor lines beside it do not
    name, while they name another: the organisation's own (``Contact: info@ourcharity.org``
    above ``Template by DocuNest … docunest-templates.com``)."""
    if v.phrases or not v.contacts:
        return False
    domains = [_registrable(c) for c in v.contacts]
    if not all(domains):
        return False  # a phone number or a QQ: nothing to compare
    theirs = [_registrable(c) for n in vendors for c in (n.contacts or _domains_in(n.folded))]
    theirs = [d for d in theirs if d]
    return bool(theirs) and not any(d in n.folded for d in domains for n in vendors)


def _registrable(contact: str) -> str | None:
    """example.com of info@example.com, support.example.com or www.example.com/shop."""
    host = contact.rsplit("@", 1)[-1].lower().split("//")[-1].split("/")[0].strip(".")
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in ("com", "org", "net", "gov", "edu", "ac", "co") else 2
    return ".".join(labels[-keep:])


def _domains_in(text: str) -> list[str]:
    from reportlint.tokens import scan

    return [t.text for t in scan(text, "url")]


def _propagate_names(verdicts: Verdicts) -> None:
    names = set()
    not_names = set(_context()["not_names"])
    for _k, v in verdicts.known():
        if v.code is None:
            continue
        for pattern in _credit_patterns():
            m = pattern.search(v.folded)
            if m and m.group("name") not in not_names:
                names.add(m.group("name"))
    if not names:
        return
    for k, text in enumerate(verdicts.folded):
        name = next((n for n in names if n in text), None)
        if name is None:
            continue
        v = verdicts.get(k)
        if v.code is None and (len(v.folded) <= 30 or v.phrases or v.contacts):
            v.code, v.reason = "RL203", name


def _absorb_blocks(verdicts: Verdicts) -> None:
    flagged = [k for k, v in verdicts.known() if v.code]
    for a, b in pairwise(flagged):
        if b - a - 1 > BLOCK_GAP or b - a < 2:
            continue
        gap = [verdicts.get(k) for k in range(a + 1, b)]
        if any(glued(verdicts.get(k)) for k in (a, b)) and any(_ends_speech(v.block.text) for v in gap):
            continue  # a speech's close and signature after a paragraph with a site's credit glued on
        # Inside the body a block must be bounded by lines that are vendor text on their own
        # strength (a download page's disclaimers pasted mid-document), not by weaker verdicts.
        strong = all(_strong(verdicts.get(k)) for k in (a, b))
        if all(_promotional(v, strong) for v in gap):
            first, last = verdicts.get(a).block.line, verdicts.get(b).block.line
            for v in gap:
                v.code, v.reason = "RL204", f"{first}-{last}"


_BULLETS = frozenset("·•▪◦●○")
# A vendor line that opens a list of links: 相关文章：, 【…】相关文档推荐：, 猜你喜欢.
_LIST_HEADER = lazy_pattern.compile(r"(?:相关|推荐|阅读|猜你喜欢|热门|延伸|往期|更多|想看|可能关注)[^：:]{0,6}[：:]?$")
_LINK_WORDS = ("范文", "范本", "模板", "精选", "通用", "大全", "汇编", "合集")
# A link's title may end with how many versions the page holds: …对照检查材料三篇.
_VERSIONS = lazy_pattern.compile(r"[\d一二三四五六七八九十两]{1,3}篇$")
_LIST_ITEM = lazy_pattern.compile(r"^\s*(?:[·•▪◦●○▶►▸→◆◇■□★☆\-*>]|\d{1,2}[.、．)）]|[①-⑳])\s*\S")


def _absorb_link_lists(verdicts: Verdicts) -> None:
    """The items under a vendor list header (``相关文章：`` then ``1.供电所工作汇报材料``, ``·
    院感科质控分析会议记录范本``, or a bare ``中队长个人述职报告``): short titles, up to the
    first line that is not one."""
    for k, v in verdicts.known():
        if v.code is None or v.code == "RL204" or not _LIST_HEADER.search(v.folded):
            continue
        if not v.folded.endswith(("：", ":")) and len(v.folded) > 8:
            continue  # …欢迎阅读与收藏。: an editor's sentence, not a list's header
        j = k + 1
        while j < len(verdicts.blocks):
            item = verdicts.get(j)
            text = item.block.text.strip()
            if len(text) > ABSORB_MAX_CHARS or text.endswith(("。", "；")) or item.block.kind == "heading":
                break
            title = _VERSIONS.sub("", item.folded)
            if not (_title_pattern().search(title) or any(w in item.folded for w in _LINK_WORDS)):
                break  # 1.加强组织领导: the report's next heading, not a link
            if not _LIST_ITEM.match(text) and _numbered(text):
                break  # 二、存在问题
            if item.code is None:
                item.code, item.reason = "RL204", f"{v.block.line}-{item.block.line}"
            j += 1


def glued(v: LineVerdict) -> bool:
    """Is the line sentences of the report with vendor text glued after them (…落到实处。本文来自
    安全文库，转载请注明出处): in the report (not before its title or after its closing date),
    a paragraph's worth of text before the last sentence end, and all the evidence but
    everyday words (分享, 整理) after it?"""
    if v.outside:
        return False
    head = _before_last_sentence_end(v.folded)
    if len(head) <= MIXED_MIN_CHARS:
        return False
    words = [w for tier in ("medium", "high") for w in v.phrases.get(tier, ())]
    own = _before_last_sentence_end(fold(v.block.text))  # (contacts as written: v.folded may be simplified)
    return bool(words or v.contacts) and not any(w in head for w in words) and \
        not any(fold(c) in own for c in v.contacts)


def _before_last_sentence_end(text: str) -> str:
    """A folded line up to its last sentence end that has more text after it."""
    ends = [m.end() for m in _SENTENCE_THEN_MORE.finditer(text)]
    return text[: ends[-1]] if ends else ""


def _ends_speech(text: str) -> bool:
    """A closing date, or a line that ends a speech or letter (谢谢大家！)."""
    return _CLOSING_DATE.match(text) is not None or text.rstrip().endswith(("！", "!", "。"))


def _strong(v: LineVerdict) -> bool:
    return bool(v.phrases.get("high")) or v.code in ("RL202", "RL203")


def _promotional(v: LineVerdict, strong_block: bool = False) -> bool:
    text = v.block.text.strip()
    if len(text) > ABSORB_MAX_CHARS or text.endswith("。") or not (v.zone or strong_block):
        return False
    if v.block.kind == "heading":
        return False
    if v.block.part == "properties":  # each property stands alone
        return False
    if text[:1] not in _BULLETS and _title_pattern().search(fold(text)):
        return False  # a title between vendor lines is the report's; a bulleted one is a related link
    return not _numbered(text)


def classify(doc: Document, config) -> list[LineVerdict]:
    """Vendor verdicts of the lines that can matter, computed once per document."""
    return doc.memo("_vendor_verdicts", lambda: _classify(doc, config))


def _classify(doc: Document, config) -> list[LineVerdict]:
    verdicts = Verdicts(doc, config)
    evidence = [k for k, v in verdicts.known() if v.phrases or v.contacts]
    for k in evidence:
        _decide(verdicts.get(k), False)
    _propagate_names(verdicts)
    # A second pass lets medium evidence lean on a vendor neighbour.
    for k in evidence:
        v = verdicts.get(k)
        if v.code is None:
            near = [n for n in (verdicts.lines.get(j) for j in (k - 1, k + 1)) if n is not None and n.code]
            if near and not _own_contacts(v, near):
                _decide(v, True)
                if v.code is None and v.phrases.get("low") and v.zone and len(v.folded) <= 40 and not _own_notice(v):
                    v.code, v.reason = "RL204", "adjacent"
    _absorb_blocks(verdicts)
    _absorb_link_lists(verdicts)
    _absorb_masthead(verdicts)
    # A separator line (—— END ——) right before or after vendor text belongs to it.
    # (and a closing mark next to such a separator: —— 模板内容到此结束 —— then ------)
    for k, v in verdicts.known():
        if v.code and v.code != "RL204":
            for step in (-1, 1):
                j = k + step
                while 0 <= j < len(verdicts.blocks):
                    n = verdicts.get(j)
                    if n.code is not None or not n.zone or not _separator(n):
                        break
                    n.code, n.reason = "RL204", "separator"
                    j += step
    return [v for _k, v in verdicts.known()]


def _span(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


_MESSAGES = {
    "RL201": N_("vendor residue '{reason}': delete the line"),
    "RL202": N_("vendor contact '{reason}': delete the line"),
    "RL203": N_("vendor name '{reason}': delete the line"),
    "RL204": N_("promotional line next to vendor text: delete it with the block"),
}


# A sentence that ends and is followed by more text on the same line.
_SENTENCE_THEN_MORE = lazy_pattern.compile(r"[。！？!?](?=\s*\S)|\.\s+(?=\S)")
MIXED_MIN_CHARS = 40


def line_fix(text: str) -> str | None:
    """"delete-line", unless the line is long and holds a finished sentence and then
    something else: then it mixes report text with the residue, and is left to the author."""
    text = text.strip()
    if len(text) > MIXED_MIN_CHARS and _SENTENCE_THEN_MORE.search(text):
        return None
    return "delete-line"


def _rule_check(code: str):
    def check(doc: Document, config) -> Iterator[Diagnostic]:
        rule = _BY_CODE[code]
        for v in classify(doc, config):
            if v.code != code:
                continue
            start, end = _span(v.block.text)
            message = Message(_MESSAGES[code], reason=v.reason)
            if code == "RL204" and "-" in v.reason:
                message = msg("promotional line inside the vendor block at lines {lines}: delete the block",
                    lines=v.reason)
            yield rule.diagnostic(v.block, start, end, message, fix=line_fix(v.block.text))

    return check


def _ex(passing: list[str], failing: list[str]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True) for t in failing)


VENDOR_PHRASE = Rule(
    "RL201", "vendor-phrase", CATEGORY, "error", "Download-site or template-vendor text",
    _rule_check("RL201"),
    _ex(["从未接受和持有私人会所会员卡。", "订阅《人民日报》《求是》等党报党刊。"],
        ["下面是小编为大家整理的述职报告范文，供大家参考。", "上传人：文库达人"]),
)
VENDOR_CONTACT = Rule(
    "RL202", "vendor-contact", CATEGORY, "error", "Vendor contact detail (QQ, WeChat, phone, URL)",
    _rule_check("RL202"),
    _ex(["监督电话：12388", "电子邮箱：xcb@example.gov.cn"], ["更多资料请咨询QQ：3456789012"]),
)
VENDOR_NAME = Rule(
    "RL203", "vendor-name", CATEGORY, "error", "Line naming a vendor introduced elsewhere",
    _rule_check("RL203"),
    _ex(["墨香文库是本地一家书店。"], ["墨香文库整理，咨询QQ12345678\n墨香文库"]),
)
VENDOR_BLOCK = Rule(
    "RL204", "vendor-block", CATEGORY, "warning", "Promotional line inside a vendor block",
    _rule_check("RL204"),
    _ex(["今年工作取得新成效。"], ["墨香文库整理，咨询QQ12345678\n自建平台、实时分享\n会员群：1234567"]),
)

_BY_CODE = {r.code: r for r in (VENDOR_PHRASE, VENDOR_CONTACT, VENDOR_NAME, VENDOR_BLOCK)}
RULES = tuple(_BY_CODE.values())
