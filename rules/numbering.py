"""Numbering rules: the outline's sequence and punctuation (category ``structure``).

Markers are found by :mod:`reportlint.outline` (一、 → （一） → 1. → （1） → ①,
Word's automatic numbers included).  A sequence is the run of markers of one
kind under one parent: it starts again under each new marker of a higher level.

RL401 numbering-gap (error)
    A number is skipped within one sequence: ``一、二、四、``.

    PASS::

        一、主要成绩
        二、存在问题
        三、下一步打算

    FAIL::

        一、主要成绩
        二、存在问题
        四、下一步打算

RL402 numbering-duplicate (error)
    A number repeats within one sequence: ``三、…三、``.

    PASS::

        （一）抓学习
        （二）抓落实

    FAIL::

        （一）抓学习
        （一）抓落实

RL403 marker-punctuation (error)
    The wrong punctuation after a marker (GB/T 15834-2011 4.5.3.3 and
    office practice): ``一.`` ``一，`` → ``一、``; ``（一）、`` → ``（一）``;
    ``1、`` ``1，`` → ``1.``; ``（1）、`` → ``（1）``; ``①、`` → ``①``.  Not in a text in
    traditional script, whose conventions differ.

    PASS::

        一、总体情况
        （一）基本做法
        1.加强领导

    FAIL: 一．总体情况 | （二）、加强领导 | 3、完善制度

RL406 enumeration-sequence (warning)
    In-paragraph enumerations ``一是…二是…三是`` (GB/T 15834 B.3.7 usage) and
    ``第一，…第二，…`` with a gap, a repeat, or a lone first item (``一是`` with no
    ``二是``).  A sequence runs until the
    next heading; a new ``一是`` starts another.

    PASS: 一是加强领导；二是完善制度；三是强化督查。
    FAIL: 一是加强领导；二是完善制度；四是强化督查。 | 一是加强领导，确保落实。

RL407 empty-section (warning)
    A level-1 heading (一、, or a heading-styled paragraph) with nothing under
    it: the next heading is of the same or a higher level, or the document
    ends.  Run-in headings that carry their own text (``一、强化组织领导。成立……``)
    and ``label：value`` lines are never empty; short lower-level items are
    treated as lists, not sections.

    PASS::

        一、主要成绩
        全年完成各项任务。
        二、存在问题
        短板依然明显。

    FAIL::

        一、主要成绩
        全年完成各项任务。
        二、存在问题
        三、下一步打算
        继续努力。

RL408 inverted-nesting (error)
    A higher-rank marker used below a lower-rank one under the same heading:
    ``一、`` then ``1.`` then ``（一）`` (（一） ranks above 1.).

    PASS::

        一、成绩
        （一）经济
        1.工业
        （二）民生

    FAIL::

        一、成绩
        1.工业
        2.农业
        （一）经济

RL409 mixed-marker-style (warning)
    One kind of marker written two ways in one document: ``(一)`` and ``（一）``,
    ``1.`` and ``1．``.

    PASS::

        （一）经济
        （二）民生

    FAIL::

        （一）经济
        （二）民生
        (三)社会

RL410 outline-too-deep (info)
    More than four numbered levels (GB/T 9704 uses four; deeper points belong
    in the paragraph as 一是…二是…).

    PASS::

        一、甲
        （一）乙
        1.丙
        （1）丁

    FAIL::

        一、甲
        （一）乙
        1.丙
        （1）丁
        ①戊

RL411 mixed-ordinal-set (warning)
    Two ordinal sets mixed in one paragraph: 首先…第二…, 第一…其次… (use one set:
    第一/第二/第三, 其一/其二, or 首先/其次/最后).

    PASS: 首先，统一思想。其次，完善制度。最后，狠抓落实。
    FAIL: 首先，统一思想。第二，完善制度。第三，狠抓落实。

RL413 heading-end-punctuation (warning)
    A heading that stands alone as its own line ends with 。, ： or ；
    (office practice: standalone headings take no closing mark).  Level 1 and
    heading-styled paragraphs are checked for all three, level 2 only for ： and
    ； (``（一）强化组织领导。`` may be a run-in heading); 1. and (1) items are
    lists and are not checked.

    PASS::

        一、主要工作
        （一）强化组织领导。成立领导小组。

    FAIL::

        一、主要工作：
        （一）强化组织领导。

RL415 skipped-level (info)
    Sub-headings sit two levels below their parent (``1.`` straight under
    ``二、``) while the document uses the level in between (``（一）``) under
    other headings.  A document that is consistently two-level (一、 then 1.
    throughout) is left alone: the conventions allow it.  Only runs of
    headings count: heading-styled paragraphs or short lines with no sentence
    punctuation; ``1.…；`` and ``1.…。`` items are lists, which any section may hold.

    PASS::

        一、成绩
        1.工业
        二、问题
        1.短板

    FAIL::

        一、成绩
        （一）经济
        1.工业
        二、问题
        1.短板

RL416 list-separator (warning)
    In a 一是/二是 list, an item holds a full stop (。) but the items are
    separated by ；: then every separator must be 。.

    PASS: 一是完善制度；二是强化督查。
    FAIL: 一是完善制度。建立台账；二是强化督查。

RL404 numbering-restart (warning)
    Under a new parent the first child does not start at one: under 二、 the
    first sub-heading is （三）.

    PASS::

        一、成绩
        （一）经济
        （二）民生
        二、问题
        （一）短板

    FAIL::

        一、成绩
        （一）经济
        （二）民生
        二、问题
        （三）短板
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import HEADING, Document
from reportlint.i18n import msg
from reportlint.outline import CORRECT, Marker, outline

from ._script import traditional

CATEGORY = "structure"

_DISPLAY = {
    "cn": lambda n: _cn(n) + "、",
    "bracket-cn": lambda n: f"（{_cn(n)}）",
    "arabic": lambda n: f"{n}.",
    "bracket-arabic": lambda n: f"（{n}）",
    "circled": lambda n: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[n - 1] if 0 < n <= 20 else str(n),
}


def _cn(n: int) -> str:
    from reportlint.readers.numbering import chinese_number

    return chinese_number(n)


def sequences(markers: list[Marker]) -> list[tuple[Marker | None, list[Marker]]]:
    """(parent, run) pairs: the markers of one kind directly under one parent, in order.
    Of two markers of one kind, one in a heading (``## 4. Incidents``) ranks above one in a
    plain paragraph (the list ``1.``, ``2.`` under it)."""
    runs: dict[tuple[int, str], tuple[Marker | None, list[Marker]]] = {}
    stack: list[Marker] = []

    def rank(m: Marker) -> tuple[int, int]:
        return m.level, 0 if m.block.kind == HEADING else 1

    for m in markers:
        while stack and rank(stack[-1]) >= rank(m):
            stack.pop()
        parent = stack[-1] if stack else None
        runs.setdefault((id(parent), m.kind), (parent, []))[1].append(m)
        stack.append(m)
    return list(runs.values())


def _gaps(doc: Document, config) -> Iterator[Diagnostic]:
    return (d for d in _gaps_and_duplicates(doc) if d.code == GAP.code)


def _duplicates(doc: Document, config) -> Iterator[Diagnostic]:
    return (d for d in _gaps_and_duplicates(doc) if d.code == DUPLICATE.code)


def _lettered(doc: Document, prev: Marker, cur: Marker) -> bool:
    """1., 2a., 2b., 3.: the missing number is there as lettered sub-items."""
    if cur.kind != "arabic":
        return False
    between = [b.text.lstrip() for b in doc.blocks if prev.block.line < b.line < cur.block.line]
    wanted = re.compile(rf"{prev.value + 1}[a-z][.．)）]")
    return any(wanted.match(t) for t in between)


def _gaps_and_duplicates(doc: Document) -> Iterator[Diagnostic]:
    for _parent, run in sequences(outline(doc)):
        for prev, cur in pairwise(run):
            if cur.value == prev.value:
                yield DUPLICATE.diagnostic(
                    cur.block, cur.start, cur.end, msg("'{marker}' repeats the number of the heading before",
                        marker=cur.text)
                )
            elif cur.value > prev.value + 1 and not _lettered(doc, prev, cur):
                missing = _DISPLAY[cur.kind](prev.value + 1)
                yield GAP.diagnostic(
                    cur.block, cur.start, cur.end,
                    msg("numbering skips from '{previous}' to '{marker}': {missing} is missing",
                        previous=prev.text, marker=cur.text, missing=missing),
                )


def _punctuation(doc: Document, config) -> Iterator[Diagnostic]:
    if traditional(doc.chars()):
        return  # Taiwan and Hong Kong write 1、 and 一. as a matter of course: GB/T 15834 is the mainland's
    for m in outline(doc):
        if m.punctuation not in CORRECT[m.kind]:
            want = _DISPLAY[m.kind](m.value)
            yield PUNCTUATION.diagnostic(
                m.block, m.start, m.end, msg("'{marker}' should be written '{want}'", marker=m.text, want=want),
            )


def _restarts(doc: Document, config) -> Iterator[Diagnostic]:
    for parent, run in sequences(outline(doc)):
        if parent is not None and run[0].value != 1:
            first = run[0]
            yield RESTART.diagnostic(
                first.block, first.start, first.end,
                msg("'{marker}' is the first sub-heading under '{parent}': numbering should start again at '{first}'",
                    marker=first.text, parent=parent.text, first=_DISPLAY[first.kind](1)),
            )


def _ex(passing: list[str], failing: list[str]) -> tuple[Example, ...]:
    return tuple(Example(t, False) for t in passing) + tuple(Example(t, True) for t in failing)


GAP = Rule("RL401", "numbering-gap", CATEGORY, "error", "Skipped number in a heading sequence",
           _gaps, _ex(["一、主要成绩\n二、存在问题\n三、下一步打算"], ["一、主要成绩\n二、存在问题\n四、下一步打算"]))
DUPLICATE = Rule("RL402", "numbering-duplicate", CATEGORY, "error", "Repeated number in a heading sequence",
                 _duplicates,
                 _ex(["（一）抓学习\n（二）抓落实"], ["（一）抓学习\n（一）抓落实"]))
PUNCTUATION = Rule("RL403", "marker-punctuation", CATEGORY, "error", "Wrong punctuation after a heading number",
                   _punctuation,
                   _ex(["一、总体情况\n（一）基本做法\n1.加强领导"],
                       ["一．总体情况", "（二）、加强领导", "3、完善制度"]))
RESTART = Rule("RL404", "numbering-restart", CATEGORY, "warning", "Sub-headings do not start again at one",
               _restarts, _ex(["一、成绩\n（一）经济\n（二）民生\n二、问题\n（一）短板"],
                              ["一、成绩\n（一）经济\n（二）民生\n二、问题\n（三）短板"]))

_ENUM = lazy_pattern.compile(r"(?:^|(?<=[，。；：:、！？\s“”,;!?]))([一二三四五六七八九十]{1,3})是(?![否非])")


# In-paragraph ordinal lists: (pattern, hint, how an item is written)
_LISTS = (
    (_ENUM, "是", lambda n: f"{_cn(n)}是"),
    (
        lazy_pattern.compile(r"(?:^|(?<=[。；！？\s“”]))第([一二三四五六七八九十]{1,3})[，,：:]"),
        "第",
        lambda n: f"第{_cn(n)}",
    ),
)


def _enumerations(doc: Document, config) -> Iterator[Diagnostic]:
    headings = {id(m.block) for m in outline(doc) if len(m.block.text) <= 40}
    for pattern, hint, show in _LISTS:
        yield from _enumeration_runs(doc, headings, pattern, hint, show)


def _enumeration_runs(doc: Document, headings: set[int], pattern: re.Pattern, hint: str, show) -> Iterator[Diagnostic]:
    from reportlint.outline import chinese_value

    run: list[tuple] = []

    def close() -> Iterator[Diagnostic]:
        if len(run) == 1 and run[0][2] == 1:
            block, m, _value = run[0]
            yield ENUMERATION.diagnostic(
                block, m.start(), m.end(1) + (1 if hint == "是" else 0),
                msg("'{first}' with no '{second}': a list of one", first=show(1), second=show(2)),
            )

    for block in doc.blocks:
        if block.part != "body":
            continue
        if block.kind == HEADING or id(block) in headings:
            yield from close()
            run = []
        if hint not in block.text:
            continue
        for m in pattern.finditer(block.text):
            value = chinese_value(m.group(1))
            if not value:
                continue
            end = m.end(1) + (1 if hint == "是" else 0)
            if value == 1:
                yield from close()
                run = [(block, m, 1)]
                continue
            if not run:
                continue  # a list that started before what we can see
            prev = run[-1][2]
            if value == prev:
                yield ENUMERATION.diagnostic(
                    block, m.start(), end, msg("'{item}' repeats the item before", item=show(value)),
                )
            elif value > prev + 1:
                yield ENUMERATION.diagnostic(
                    block, m.start(), end, msg("'{item}' follows '{previous}': '{missing}' is missing",
                        item=show(value), previous=show(prev), missing=show(prev + 1))
                )
            run.append((block, m, value))
    yield from close()


ENUMERATION = Rule("RL406", "enumeration-sequence", CATEGORY, "warning",
                   "一是/二是 list with a gap, repeat or one item",
                   _enumerations, _ex(["一是加强领导；二是完善制度；三是强化督查。"],
                                      ["一是加强领导；二是完善制度；四是强化督查。", "一是加强领导，确保落实。"]))

def _standalone(m: Marker) -> bool:
    """A heading that stands alone: level 1 (一、) or a heading-styled paragraph, short, and
    not a ``label：value`` line.  Shorter levels are as often list items as headings."""
    rest = m.block.text[m.end :].strip()
    if m.level != 1 and m.block.kind != HEADING:
        return False
    return len(rest) <= 40 and not any(p in rest for p in "。！？；：:")


def _empty_sections(doc: Document, config) -> Iterator[Diagnostic]:
    body = doc.body_lines()
    code = [f.line for f in doc.features if f.kind == "code-block"]  # Markdown code is content
    index = {id(b): i for i, b in enumerate(body)}
    markers = {id(m.block): m for m in outline(doc)}
    for m in markers.values():
        if not _standalone(m) or id(m.block) not in index:
            continue
        i = index[id(m.block)]
        nxt = body[i + 1] if i + 1 < len(body) else None
        if m.block.kind == HEADING:
            # a heading-styled paragraph: only a heading of the same or a higher rank ends it
            empty = nxt is None or (nxt.kind == HEADING and nxt.level <= m.block.level)
        else:
            following = markers.get(id(nxt)) if nxt is not None else None
            empty = nxt is None or (following is not None and following.level <= m.level)
        if empty and any(m.block.line < line < (nxt.line if nxt is not None else 10**9) for line in code):
            empty = False  # the section holds a code block
        if empty:
            yield EMPTY_SECTION.diagnostic(
                m.block, m.start, len(m.block.text.rstrip()), msg("section '{heading}' has no content",
                    heading=m.block.text.strip())
            )


EMPTY_SECTION = Rule("RL407", "empty-section", CATEGORY, "warning", "Heading with nothing under it", _empty_sections,
                     _ex(["一、主要成绩\n全年完成各项任务。\n二、存在问题\n短板依然明显。"],
                         ["一、主要成绩\n全年完成各项任务。\n二、存在问题\n三、下一步打算\n继续努力。"]))

def _inverted(doc: Document, config) -> Iterator[Diagnostic]:
    seen_levels: dict[int, set[int]] = {}  # id(parent) -> levels of child runs met so far
    for parent, run in sequences(outline(doc)):
        levels = seen_levels.setdefault(id(parent), set())
        first = run[0]
        deeper = [lv for lv in levels if lv > first.level]
        if deeper:
            yield INVERTED.diagnostic(
                first.block, first.start, first.end,
                msg("'{marker}' ranks above the level-{level} markers used before it under the same heading",
                    marker=first.text, level=max(deeper)),
            )
        levels.add(first.level)


_STYLE = lazy_pattern.compile(r"[（(）)．.、]")


def _mixed_styles(doc: Document, config) -> Iterator[Diagnostic]:
    by_kind: dict[str, dict[str, list[Marker]]] = {}
    for m in outline(doc):
        if m.punctuation not in CORRECT[m.kind]:
            continue  # wrong punctuation is RL403's finding, not a second style
        signature = "".join(_STYLE.findall(m.text))
        by_kind.setdefault(m.kind, {}).setdefault(signature, []).append(m)
    for styles in by_kind.values():
        if len(styles) < 2:
            continue
        majority = max(styles.values(), key=len)
        for group in styles.values():
            if group is majority:
                continue
            for m in group:
                yield MIXED_STYLE.diagnostic(
                    m.block, m.start, m.end, msg("'{marker}' is written differently from '{usual}' elsewhere",
                        marker=m.text, usual=majority[0].text)
                )


def _too_deep(doc: Document, config) -> Iterator[Diagnostic]:
    stack: list[Marker] = []
    for m in outline(doc):
        while stack and stack[-1].level >= m.level:
            stack.pop()
        stack.append(m)
        if len(stack) > 4:
            yield TOO_DEEP.diagnostic(
                m.block, m.start, m.end, msg("'{marker}' is a fifth numbered level: move the points into the paragraph",
                    marker=m.text)
            )


_ORDINALS = lazy_pattern.compile(
    r"(?:^|(?<=[。；！？\s]))(首先|其次|再次|最后|第[一二三四五六七八九十]|其[一二三四五])[，,：:]"
)
_ORDINAL_HINT = lazy_pattern.compile("首先|其次|第二|其二")
_SET = {"首先": "首", "其次": "首", "再次": "首", "最后": "首"}


def _ordinal_sets(doc: Document, config) -> Iterator[Diagnostic]:
    for block in doc.blocks_with(_ORDINAL_HINT):
        if block.part != "body":
            continue
        found = [(m, _SET.get(m.group(1), m.group(1)[0])) for m in _ORDINALS.finditer(block.text)]
        sets = {s for _m, s in found}
        if len(sets) > 1 and "最" not in sets:
            first_set = found[0][1]
            for m, s in found:
                if s != first_set:
                    yield ORDINAL_SET.diagnostic(
                        block, m.start(1), m.end(1),
                        msg("'{ordinal}' mixes ordinal sets with '{first}' in one paragraph",
                            ordinal=m.group(1), first=found[0][0].group(1)),
                    )


INVERTED = Rule("RL408", "inverted-nesting", CATEGORY, "error", "Higher-rank marker nested below a lower one",
                _inverted, _ex(["一、成绩\n（一）经济\n1.工业\n（二）民生"], ["一、成绩\n1.工业\n2.农业\n（一）经济"]))
MIXED_STYLE = Rule("RL409", "mixed-marker-style", CATEGORY, "warning", "One kind of marker written two ways",
                   _mixed_styles, _ex(["（一）经济\n（二）民生"], ["（一）经济\n（二）民生\n(三)社会"]))
TOO_DEEP = Rule("RL410", "outline-too-deep", CATEGORY, "info", "More than four numbered levels", _too_deep,
                _ex(["一、甲\n（一）乙\n1.丙\n（1）丁"], ["一、甲\n（一）乙\n1.丙\n（1）丁\n①戊"]))
ORDINAL_SET = Rule("RL411", "mixed-ordinal-set", CATEGORY, "warning", "首先/第一/其一 sets mixed in a paragraph",
                   _ordinal_sets, _ex(["首先，统一思想。其次，完善制度。最后，狠抓落实。"],
                                      ["首先，统一思想。第二，完善制度。第三，狠抓落实。"]))

def _heading_end(doc: Document, config) -> Iterator[Diagnostic]:
    for m in outline(doc):
        if m.level > 2 and m.block.kind != HEADING:
            continue  # 1. and (1) items are list items more often than headings
        text = m.block.text.rstrip()
        rest = text[m.end :]
        # （一）强化组织领导。 may be a run-in heading whose text follows on the next line
        closing = "。：:；;" if m.level == 1 or m.block.kind == HEADING else "：:；;"
        if rest and rest[-1] in closing and not any(p in rest[:-1] for p in "。！？；：:，,"):
            if len(rest) <= 20:  # longer numbered lines are clauses (承诺书, 通知), not headings
                yield HEADING_END.diagnostic(
                    m.block, len(text) - 1, len(text), msg("heading '{heading}' ends with '{mark}': drop it",
                        heading=text, mark=rest[-1])
                )


HEADING_END = Rule("RL413", "heading-end-punctuation", CATEGORY, "warning", "Standalone heading ends with 。/：/；",
                   _heading_end,
                   _ex(["一、主要工作\n（一）强化组织领导。成立领导小组。"], ["一、主要工作：\n（一）强化组织领导。"]))

_LEVEL_KIND = {1: "cn", 2: "bracket-cn", 3: "arabic", 4: "bracket-arabic", 5: "circled"}


_SENTENCE_MARKS = lazy_pattern.compile(r"[。；;，,！？!?：:]")


def _heading_like(m: Marker) -> bool:
    """A heading rather than a list item: styled as one, or a short line with no
    sentence punctuation (``1.加强领导``, not ``1.部分技师摆位不够规范。``)."""
    if m.block.kind == HEADING:
        return True
    rest = m.block.text[m.end :].strip()
    if rest[:1] in "（(【[" and rest[-1:] in "）)】]":
        return False  # a template prompt such as 1.（列示主要问题）, not a heading yet
    return 0 < len(rest) <= 25 and not _SENTENCE_MARKS.search(rest)


def _skipped_levels(doc: Document, config) -> Iterator[Diagnostic]:
    markers = outline(doc)
    used = {m.level for m in markers}
    for parent, run in sequences(markers):
        if parent is None:
            continue  # an excerpt may start below the top level
        first = run[0]
        between = [lv for lv in range(parent.level + 1, first.level) if lv in used]
        if between and all(_heading_like(m) for m in run):
            level = _DISPLAY[_LEVEL_KIND[between[0]]](1)
            yield SKIPPED_LEVEL.diagnostic(
                first.block, first.start, first.end,
                msg("'{marker}' sits directly under '{parent}': the document puts a {level} level in between elsewhere",
                    marker=first.text, parent=parent.text, level=level),
            )


SKIPPED_LEVEL = Rule("RL415", "skipped-level", CATEGORY, "info", "Sub-heading skips the level the document uses",
                     _skipped_levels, _ex(["一、成绩\n1.工业\n二、问题\n1.短板"],
                                          ["一、成绩\n（一）经济\n1.工业\n二、问题\n1.短板"]))


def _separators(doc: Document, config) -> Iterator[Diagnostic]:
    for block in doc.blocks:
        if block.part != "body" or "是" not in block.text or "；" not in block.text:
            continue
        items = list(_ENUM.finditer(block.text))
        for a, b in pairwise(items):
            segment = block.text[a.start() : b.start()].rstrip()
            if segment.endswith("；") and "。" in segment[:-1]:
                at = a.start() + len(segment) - 1
                yield SEPARATOR.diagnostic(
                    block, at, at + 1, msg("an item of this list holds '。', so '；' before '{item}' should be '。'",
                        item=b.group())
                )


SEPARATOR = Rule("RL416", "list-separator", CATEGORY, "warning", "一是-list items with 。 separated by ；",
                 _separators, _ex(["一是完善制度；二是强化督查。"], ["一是完善制度。建立台账；二是强化督查。"]))

RULES = (
    SEPARATOR, SKIPPED_LEVEL,
    HEADING_END, GAP, DUPLICATE, PUNCTUATION, RESTART, ENUMERATION, EMPTY_SECTION, INVERTED, MIXED_STYLE, TOO_DEEP,
    ORDINAL_SET,
)
