"""Word (.docx/.docm/.dotx/.dotm, Transitional or Strict) -> Document.

One linear recursive descent per story.  Paragraphs become blocks of the
text Word shows in its final view: content-control text and tracked
insertions count as live text; deleted and moved-away text, field codes and
the VML fallback copy of text boxes do not.  Table cells (nested too) carry
their table, row and grid column.  Headings are recognised by style *name*
or outline level, never by style id (WPS numbers its style ids).

Blocks are numbered in reading order; ``line`` is the block's line in the
``--dump-text`` view and ``column`` counts from its first character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import (
    CELL,
    FLAG_HIDDEN,
    FLAG_INSERTED,
    FLAG_INVISIBLE,
    FLAG_NUMBERED,
    FLAG_PLACEHOLDER,
    FLAG_SDT,
    FLAG_WATERMARK,
    HEADING,
    Block,
    Cell,
    Document,
    Feature,
)
from ..errors import ReadError
from ..i18n import msg
from . import docx_parts as parts
from .limits import DEFAULT_LIMITS, Limits
from .numbering import Numbering
from .ooxml import attr as _attr
from .ooxml import child as _child
from .ooxml import is_on as _is_on
from .ooxml import local as _local
from .ooxml import props as _props
from .origins import PARAGRAPH_ORIGIN, RUNS_ORIGIN, SHAPE_ORIGIN, Origin, Recording
from .package import Package, sniff

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}

# Containers whose children are read as if they stood in the parent.
_TRANSPARENT = {
    "hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple", "ins", "moveTo", "sdtContent",
    "rubyBase", "oMathPara", "oMath", "r", "object", "pict", "drawing", "inline", "anchor", "graphic",
    "graphicData", "wsp", "txbx", "shape", "textbox", "group", "wgp", "grpSp", "sp", "wpc",
    "Choice", "e", "num", "den", "sub", "sup", "deg", "lim", "fName", "nary", "f", "rad", "sSub",
    "sSup", "sSubSup", "d", "func", "limLow", "limUpp", "acc", "bar", "box", "borderBox", "eqArr",
    "groupChr", "m", "mr", "sPre", "phant",
}
# Elements whose content is never shown in the final view.
_SKIP = {
    "del", "moveFrom", "delText", "delInstrText", "instrText", "rt", "Fallback", "pPr", "rPr", "sdtPr",
    "sdtEndPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr", "footnoteReference", "endnoteReference",
    "commentReference", "annotationRef", "bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak",
    "fldData", "ffData",
}


@dataclass
class Styles:
    names: dict[str, str] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    vanish: set[str] = field(default_factory=set)
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # style id -> (numId, ilvl)

    def hidden(self, style_id: str | None) -> bool:
        return style_id is not None and style_id in self.vanish

    def heading_level(self, style_id: str | None) -> int | None:
        if style_id is None:
            return None
        return self.levels.get(style_id)





def load_styles(root) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    based: dict[str, str] = {}
    direct: dict[str, int] = {}
    vanish_direct: set[str] = set()
    for st in root:
        if _local(st.tag) != "style":
            continue
        sid = _attr(st, "styleId")
        if sid is None:
            continue
        name_el = _child(st, "name")
        name = (_attr(name_el, "val") if name_el is not None else "") or ""
        styles.names[sid] = name
        m = _HEADING_NAME.match(name.strip())
        if m:
            direct[sid] = int(m.group(1))
        elif name.strip().lower() in _TITLE_NAMES:
            direct[sid] = 0
        else:
            ppr = _child(st, "pPr")
            lvl = _child(ppr, "outlineLvl") if ppr is not None else None
            if lvl is not None and (_attr(lvl, "val") or "").isdigit() and int(_attr(lvl, "val")) < 9:
                direct[sid] = int(_attr(lvl, "val")) + 1
        num = _num_pr(_props(_child(st, "pPr")).get("numPr"))
        if num is not None:
            styles.numbering[sid] = num
        rpr = _child(st, "rPr")
        if rpr is not None and _is_on(_child(rpr, "vanish")):
            vanish_direct.add(sid)
        parent = _child(st, "basedOn")
        if parent is not None and _attr(parent, "val"):
            based[sid] = _attr(parent, "val")
    for sid in styles.names:
        seen = set()
        cur = sid
        while cur is not None and cur not in seen:
            if cur in vanish_direct:
                styles.vanish.add(sid)
            if cur in direct and sid not in styles.levels:
                styles.levels[sid] = direct[cur]
            seen.add(cur)
            cur = based.get(cur)
    return styles


@dataclass
class _Field:
    code: list[str] = field(default_factory=list)
    result_start: int | None = None
    form_default: str | None = None


@dataclass
class _Para:
    parts: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    invisible: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    fields: list[_Field] = field(default_factory=list)
    # (kind, detail, start, end) with offsets in the visible text
    features: list[tuple[str, str, int, int]] = field(default_factory=list)
    watermarks: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    alt: list[str] = field(default_factory=list)
    # (commentRangeStart|commentRangeEnd, comment id, offset in the visible text)
    comment_marks: list[tuple[str, str, int]] = field(default_factory=list)
    # Only when the reader records where blocks come from (fix, annotate):
    # (start, end, element) of each visible character run, the runs of the hidden
    # and invisible layers, and the shapes of watermarks.
    spans: list[tuple[int, int, object]] = field(default_factory=list)
    layer_runs: dict[str, list] = field(default_factory=dict)
    marks: list = field(default_factory=list)
    background: str | None = None  # shading behind the paragraph (its own or its cell's)

    length: int = 0  # characters in parts so far (kept, not recounted: paragraphs can have thousands of runs)

    def offset(self) -> int:
        return self.length

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def in_field_code(self) -> bool:
        return bool(self.fields) and self.fields[-1].result_start is None


# Run children that are characters of the text (what a fixer or annotator can cut at).
_CHARACTER_ELEMENTS = frozenset({"t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym"})

HIDDEN_ROW = "hidden-row"  # passed down to the cells of a w:trPr/w:hidden row

# Field types worth knowing about (the first word of the field code).
FIELD_FEATURES = {
    "MERGEFIELD": "mergefield",
    "INCLUDETEXT": "external-reference",
    "INCLUDEPICTURE": "external-reference",
    "LINK": "external-reference",
    "IMPORT": "external-reference",
}


class StoryWalker:
    """Reads one story (the body, a header …) into blocks."""

    def __init__(
        self,
        doc: Document,
        styles: Styles,
        part: str,
        story: str | None = None,
        numbering: Numbering | None = None,
        links: dict[str, str] | None = None,
        comment_ranges: dict[str, dict[str, tuple[int, int]]] | None = None,
    ) -> None:
        self.numbering = numbering
        # comment id -> {"commentRangeStart": (line, column), "commentRangeEnd": …} in the text view
        self.comment_ranges = comment_ranges if comment_ranges is not None else {}
        self.links = links or {}
        self.section = 1
        self.fills: list[str | None] = []  # shading of the enclosing table cells
        self.doc = doc
        self.styles = styles
        self.part = part
        self.story = story
        self.paragraph = 0
        self.tables = 0
        self.heading: str | None = None
        self.deferred: list = []
        self.nested: dict[Cell, int] = {}
        # text that belongs to the story but is not on the page: link targets, alt text
        self.link_targets: list[tuple[str, str, str]] = []
        # block line -> Origin, filled only when a fixer or annotator asks (see read_docx)
        self.record: dict[int, Origin] | None = None
        self.member = ""

    # -- block structure --------------------------------------------------------------------

    def walk(self, root) -> None:
        self._blocks(root, cell=None, flags=frozenset())
        while self.deferred:
            boxes, self.deferred = self.deferred, []
            saved = (self.part, self.paragraph, self.story)
            self.part, self.paragraph = "textbox", 0
            self.story = f"text box in {saved[2] or saved[0]}"
            for box in boxes:
                self._blocks(box, cell=None, flags=frozenset())
            self.part, self.paragraph, self.story = saved
        # Link targets come after the story's text, so they never split a run of lines.
        saved = (self.part, self.story)
        for number, (target, story, part) in enumerate(self.link_targets, start=1):
            self.part, self.story = part, story
            self._emit(target, "paragraph", number, 0, None, frozenset())
        self.part, self.story = saved

    def _blocks(self, el, cell: Cell | None, flags: frozenset[str]) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "p":
                self._paragraph(child, cell, flags)
            elif name == "tbl":
                self._table(child, cell, flags)
            elif name == "sdt":
                content = _child(child, "sdtContent")
                if content is not None:
                    self._blocks(content, cell, flags | self._sdt_flags(child))
            elif name in ("customXml", "ins", "moveTo", "AlternateContent", "Choice", "smartTag"):
                self._blocks(child, cell, flags | ({FLAG_INSERTED} if name in ("ins", "moveTo") else set()))
            elif name == "commentRangeStart":  # between paragraphs: the range starts with the next one
                self._comment_mark(name, _attr(child, "id"), (len(self.doc.blocks) + 1, 1))
            elif name == "commentRangeEnd":
                self._comment_mark(name, _attr(child, "id"), self._end_of_text())

    def _sdt_flags(self, sdt) -> frozenset[str]:
        pr = _child(sdt, "sdtPr")
        flags = {FLAG_SDT}
        binding = _child(pr, "dataBinding") if pr is not None else None
        if binding is not None:
            where = _attr(binding, "xpath") or "custom XML"
            self.doc.features.append(
                Feature("custom-xml",
                        msg("content control '{label}' bound to {where}", label=_sdt_label(sdt), where=where),
                        None, part=self.part)
            )
        if pr is not None and _child(pr, "showingPlcHdr") is not None:
            flags.add(FLAG_PLACEHOLDER)
        content = _child(sdt, "sdtContent")
        if content is not None and FLAG_PLACEHOLDER not in flags:
            # Runs styled "Placeholder Text" are Word's own placeholder marking.
            for rs in content.iter():
                if _local(rs.tag) == "rStyle" and (_attr(rs, "val") or "").lower() == "placeholdertext":
                    flags.add(FLAG_PLACEHOLDER)
                    break
        return frozenset(flags)

    def _table(self, tbl, parent: Cell | None, flags: frozenset[str]) -> None:
        if parent is None:
            self.tables += 1
            index = self.tables
        else:
            self.nested[parent] = self.nested.get(parent, 0) + 1
            index = self.nested[parent]
        row_no = 0
        for tr in self._rows(tbl):
            row_no += 1
            col = 1
            trpr = _child(tr, "trPr")
            if trpr is not None:
                before = _child(trpr, "gridBefore")
                if before is not None and (_attr(before, "val") or "").isdigit():
                    col += int(_attr(before, "val"))
            row_flags = flags
            if trpr is not None and _is_on(_child(trpr, "hidden")):
                row_flags = flags | {HIDDEN_ROW}
            parents = () if parent is None else (*parent.parents, parent)
            for tc in self._cells(tr):
                cell = Cell(index, row_no, col, parents)
                tkids = _props(_child(tc, "tcPr"))
                self.fills.append(_fill(tkids) or (self.fills[-1] if self.fills else None))
                self._blocks(tc, cell, row_flags)
                self.fills.pop()
                span = 1
                gs = tkids.get("gridSpan")
                if gs is not None and (_attr(gs, "val") or "").isdigit():
                    span = max(1, int(_attr(gs, "val")))
                col += span

    def _rows(self, tbl):
        return _wrapped_children(tbl, "tr")

    def _cells(self, tr):
        return _wrapped_children(tr, "tc")

    # -- paragraphs ---------------------------------------------------------------------------

    def _paragraph(self, p, cell: Cell | None, flags: frozenset[str]) -> None:
        self.paragraph += 1
        number = self.paragraph
        para = _Para(flags=set(flags))
        pkids = _props(_first(p, "pPr"))
        para.background = _fill(pkids) or (self.fills[-1] if self.fills else None)
        style = pkids.get("pStyle")
        if self.numbering is not None:
            style_id = _attr(style, "val") if style is not None else ""
            num = _num_pr(pkids.get("numPr")) or self.styles.numbering.get(style_id)
            if num is not None:
                label = self.numbering.render(*num)
                if label:
                    para.add(label)
                    para.flags.add(FLAG_NUMBERED)
        para.flags.discard(HIDDEN_ROW)
        hidden = HIDDEN_ROW in flags or self.styles.hidden(_attr(style, "val") if style is not None else None)
        self._inline(p, para, hidden=hidden)
        level = self._heading_level(pkids)
        text = "".join(para.parts)
        block = None
        first_line = len(self.doc.blocks) + 1
        if text.strip():
            kind = HEADING if level is not None and cell is None else (CELL if cell else "paragraph")
            if kind == HEADING:
                self.heading = text.strip()
            block = self._emit(text, kind, number, level or 0, cell, frozenset(para.flags))
            if self.record is not None:
                self.record[block.line] = Origin(self.member, PARAGRAPH_ORIGIN, p, tuple(para.spans))
        for kind, detail, start, end in para.features:
            self.doc.features.append(Feature(kind, detail, block, start, end, self.part))
        if "sectPr" in pkids:
            self.section += 1  # this paragraph's mark ends a section
        base = CELL if cell else "paragraph"
        for layer, flag in ((para.hidden, FLAG_HIDDEN), (para.invisible, FLAG_INVISIBLE)):
            hidden = "".join(layer)
            if hidden.strip():
                b = self._emit(hidden, base, number, 0, cell, frozenset(para.flags | {flag}))
                if self.record is not None:
                    runs = para.layer_runs.get(flag, [])
                    self.record[b.line] = Origin(self.member, RUNS_ORIGIN, p, (), () if None in runs else tuple(runs))
                self.doc.features.append(Feature(flag, hidden.strip(), b, 0, len(hidden), self.part))
        for mark, comment_id, offset in para.comment_marks:
            if block is not None and (mark == "commentRangeStart" or offset < len(block.text)):
                at = (block.line, block.column + offset)
            elif mark == "commentRangeStart":
                at = (first_line, 1)
            else:  # a range ending with the paragraph takes in its hidden and white text too
                at = self._end_of_text()
            self._comment_mark(mark, comment_id, at)
        for target in dict.fromkeys(para.links):
            self.link_targets.append((target, f"link target in {self.story or self.part} ¶{number}", "hyperlink"))
        for alt in dict.fromkeys(para.alt):
            where = f"alt text of a picture or shape in {self.story or self.part} ¶{number}"
            self.link_targets.append((alt, where, "alttext"))
        for index, mark in enumerate(para.watermarks):
            kind = "watermark-text" if self.part in ("header", "footer") else "wordart"
            b = self._emit(mark, base, number, 0, cell, frozenset({FLAG_WATERMARK} if kind == "watermark-text" else ()))
            if self.record is not None:
                self.record[b.line] = Origin(self.member, SHAPE_ORIGIN, p, (), (para.marks[index],))
            if kind == "watermark-text":
                self.doc.features.append(Feature(kind, mark, b, 0, len(mark), self.part))

    def _comment_mark(self, mark: str, comment_id: str | None, at: tuple[int, int]) -> None:
        """Record where a comment's anchored range starts or ends (line, column in the text view)."""
        if comment_id is not None:
            self.comment_ranges.setdefault(comment_id, {})[mark] = at

    def _end_of_text(self) -> tuple[int, int]:
        """Just after the last character of the text view so far."""
        if not self.doc.blocks:
            return (1, 1)
        last = self.doc.blocks[-1]
        return last.line, last.column + len(last.text)

    def _emit(self, text, kind, number, level, cell, flags) -> Block:
        text = text.replace("\n", " ")
        block = Block(
            text=text,
            line=len(self.doc.blocks) + 1,
            kind=kind,
            part=self.part,
            paragraph=number,
            level=level,
            heading=None if kind == HEADING else self.heading,
            cell=cell,
            flags=flags,
            story=self.story,
            section=self.section if self.part == "body" else 0,
        )
        self.doc.blocks.append(block)
        return block

    def _heading_level(self, pkids: dict) -> int | None:
        lvl = pkids.get("outlineLvl")
        if lvl is not None and (_attr(lvl, "val") or "").isdigit() and int(_attr(lvl, "val")) < 9:
            return int(_attr(lvl, "val")) + 1
        style = pkids.get("pStyle")
        return self.styles.heading_level(_attr(style, "val") if style is not None else None)

    def _inline(self, el, para: _Para, hidden: bool) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "r":
                self._run(child, para, hidden)
            elif name in _SKIP:
                if name in ("del", "moveFrom"):
                    gone = "".join(t.text or "" for t in child.iter() if _local(t.tag) in ("delText", "t"))
                    if gone.strip():
                        at = para.offset()
                        para.features.append(("deletion", _revision(child, gone), at, at))
            elif name == "sdt":
                content = _child(child, "sdtContent")
                sdt_flags = self._sdt_flags(child)
                para.flags |= sdt_flags
                if content is not None:
                    start = para.offset()
                    self._inline(content, para, hidden)
                    if FLAG_PLACEHOLDER in sdt_flags and para.offset() > start:
                        para.features.append(("placeholder-control", _sdt_label(child), start, para.offset()))
            elif name in ("ins", "moveTo"):
                para.flags.add(FLAG_INSERTED)
                start = para.offset()
                self._inline(child, para, hidden)
                if para.offset() > start:
                    para.features.append(("insertion", _revision(child, ""), start, para.offset()))
            elif name == "fldSimple":
                start = para.offset()
                self._inline(child, para, hidden)
                self._field_feature(para, _attr(child, "instr") or "", start, para.offset())
            elif name in ("commentRangeStart", "commentRangeEnd"):
                para.comment_marks.append((name, _attr(child, "id") or "", para.offset()))
            elif name == "txbxContent":
                self.deferred.append(child)
            elif name == "textpath":
                mark = (_attr(child, "string") or "").strip()
                if mark:
                    para.watermarks.append(mark)
                    para.marks.append(child)
            elif name == "anchor" and self.part in ("header", "footer") and child.get("behindDoc") in ("1", "true"):
                # A DrawingML shape behind the text in a header: how other generators draw watermarks.
                mark = "".join(t.text or "" for t in child.iter() if _local(t.tag) == "t").strip()
                if mark:
                    para.watermarks.append(mark)
                    para.marks.append(child)
                else:
                    self._inline(child, para, hidden)
            elif name == "docPr" or (name == "shape" and child.get("alt")):
                for key in ("descr", "title", "alt"):
                    value = (child.get(key) or "").strip()
                    if value:
                        para.alt.append(value)
                if name == "shape":
                    self._inline(child, para, hidden)
            elif name == "imagedata" and self.part in ("header", "footer"):
                shape = child.getparent()
                if "WaterMark" in (shape.get("id") or "") or (_attr(child, "gain") is not None):
                    para.features.append(("watermark-picture", shape.get("id") or "picture", 0, 0))
            elif name == "AlternateContent":
                choice = _child(child, "Choice")
                if choice is not None:
                    self._inline(choice, para, hidden)
            elif name in _TRANSPARENT:
                if name == "hyperlink":
                    target = self.links.get(_attr(child, "id") or "")
                    if target:
                        para.links.append(target)
                self._inline(child, para, hidden)

    def _field_feature(self, para: _Para, code: str, start: int, end: int) -> None:
        words = code.split()
        if not words:
            return
        if words[0].upper() == "HYPERLINK":
            target = next((w.strip('"') for w in words[1:] if not w.startswith("\\")), "")
            if target.startswith(("http", "www.", "mailto:")):
                para.links.append(target)
            return
        kind = FIELD_FEATURES.get(words[0].upper())
        if kind == "mergefield" and end > start:
            para.features.append((kind, " ".join(words[1:2]).strip('"'), start, end))
        elif kind == "external-reference":
            target = next((w.strip('"') for w in words[1:] if not w.startswith("\\")), "")
            para.features.append((kind, f"{words[0].upper()} {target}".strip(), start, end))

    def _run(self, r, para: _Para, hidden: bool) -> None:
        rpr = _first(r, "rPr")
        invisible = False
        if rpr is not None:
            rkids = _props(rpr)
            hidden = (
                hidden
                or _is_on(rkids.get("vanish"))
                or _is_on(rkids.get("specVanish"))
                or self.styles.hidden(_rstyle(rkids))
            )
            invisible = _invisible(rkids, para.background)
        if self.record is not None:
            self._tracked_run(r, para, hidden, invisible)
            return
        for child in r:
            name = _local(child.tag)
            if name == "t" and not para.fields:  # the common case first
                self._text(para, child.text or "", hidden, invisible)
            elif name != "rPr":
                self._run_child(child, name, para, hidden, invisible)

    def _tracked_run(self, r, para: _Para, hidden: bool, invisible: bool) -> None:
        """``_run`` that also notes which element each visible character comes from
        (kept apart so that plain linting pays nothing for it)."""
        layer = para.hidden if hidden else para.invisible if invisible else None
        layer_before = len(layer) if layer is not None else 0
        only_characters = True
        for child in r:
            name = _local(child.tag)
            if name == "rPr":
                continue
            only_characters = only_characters and name in _CHARACTER_ELEMENTS
            before = para.length
            if name == "t" and not para.fields:
                self._text(para, child.text or "", hidden, invisible)
            else:
                self._run_child(child, name, para, hidden, invisible)
            if para.length > before and name in _CHARACTER_ELEMENTS:
                para.spans.append((before, para.length, child))
        if layer is not None and len(layer) > layer_before:
            # A run that also holds a field mark or a drawing cannot simply go: None says so.
            para.layer_runs.setdefault(FLAG_HIDDEN if hidden else FLAG_INVISIBLE, []).append(
                r if only_characters else None
            )

    def _run_child(self, child, name: str, para: _Para, hidden: bool, invisible: bool) -> None:
        if name == "fldChar":
            kind = _attr(child, "fldCharType")
            if kind == "begin":
                para.fields.append(_Field(form_default=_form_default(child)))
            elif kind == "separate" and para.fields:
                para.fields[-1].result_start = para.offset()
            elif kind == "end" and para.fields:
                f = para.fields.pop()
                code = "".join(f.code)
                if f.result_start is not None:
                    self._field_feature(para, code, f.result_start, para.offset())
                    result = "".join(para.parts)[f.result_start :]
                    if f.form_default is not None and result.strip() and result.strip() == f.form_default.strip():
                        para.features.append(("form-default", result.strip(), f.result_start, para.offset()))
            return
        if name == "instrText" and para.fields:
            para.fields[-1].code.append(child.text or "")
            return
        if para.in_field_code():
            return
        if name == "t":
            self._text(para, child.text or "", hidden, invisible)
        elif name == "tab" or name == "ptab":
            self._text(para, "\t", hidden, invisible)
        elif name in ("br", "cr"):
            self._text(para, " ", hidden, invisible)
        elif name == "noBreakHyphen":
            self._text(para, "-", hidden, invisible)
        elif name == "sym":
            code = _attr(child, "char") or ""
            try:
                ch = chr(int(code, 16))
            except ValueError:
                ch = ""
            if ch and not "\ue000" <= ch <= "\uf8ff":
                self._text(para, ch, hidden, invisible)
        elif name in ("drawing", "pict", "object", "AlternateContent", "ruby"):
            self._inline([child] if name != "ruby" else child, para, hidden)

    @staticmethod
    def _text(para: _Para, text: str, hidden: bool, invisible: bool = False) -> None:
        if hidden:
            para.hidden.append(text)
        elif invisible:
            para.invisible.append(text)
        else:
            para.add(text)


def _first(el, name: str):
    """The property element, which the schema puts first (w:pPr in w:p, w:rPr in w:r)."""
    if len(el) and _local(el[0].tag) == name:
        return el[0]
    return None


def _revision(el, text: str) -> str:
    author = _attr(el, "author") or "unknown author"
    date = (_attr(el, "date") or "")[:10]
    who = f"{author}, {date}" if date else author
    return f"{text} ({who})" if text else who


def _sdt_label(sdt) -> str:
    pr = _child(sdt, "sdtPr")
    for name in ("alias", "tag"):
        el = _child(pr, name) if pr is not None else None
        if el is not None and _attr(el, "val"):
            return _attr(el, "val")
    return "content control"


def _rstyle(rkids: dict) -> str | None:
    el = rkids.get("rStyle")
    return _attr(el, "val") if el is not None else None


def _fill(kids: dict) -> str | None:
    """The shading fill of a pPr/tcPr/rPr (given as its children), upper case, or None."""
    shading = kids.get("shd")
    fill = (_attr(shading, "fill") or "").upper() if shading is not None else ""
    return fill if fill and fill != "AUTO" else None


def _invisible(rkids: dict, background: str | None = None) -> bool:
    """Text the colour of what is behind it (white on a white page, or on a cell or run
    shaded the same colour), or of 2 points or less: in the file, not seen on the page."""
    color = rkids.get("color")
    value = (_attr(color, "val") or "").upper() if color is not None else ""
    if value and value != "AUTO":
        behind = _fill(rkids) or background or "FFFFFF"
        if value == behind:
            return True
    size = rkids.get("sz")
    points = _attr(size, "val") if size is not None else None
    return bool(points and points.isdigit() and int(points) <= 4)


def _form_default(fld_char) -> str | None:
    data = _child(fld_char, "ffData")
    text_input = _child(data, "textInput") if data is not None else None
    default = _child(text_input, "default") if text_input is not None else None
    return _attr(default, "val") if default is not None else None


def _external_links(pkg: Package, part: str) -> dict[str, str]:
    return {rid: target for rid, kind, target, mode in pkg.rels(part) if kind == "hyperlink" and mode == "External"}


def _num_pr(num) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:numPr element, or None."""
    if num is None:
        return None
    num_id = _child(num, "numId")
    ilvl = _child(num, "ilvl")
    value = _attr(num_id, "val") if num_id is not None else None
    if value is None:
        return None
    level = _attr(ilvl, "val") if ilvl is not None else "0"
    return value, int(level) if level and level.isdigit() else 0


def _wrapped_children(parent, name: str):
    """Children named ``name``, also those inside row- or cell-level wrappers
    (content controls, custom XML, tracked insertions)."""
    for child in parent:
        local = _local(child.tag)
        if local == name:
            yield child
        elif local in ("sdt", "customXml", "ins", "moveTo"):
            inner = _child(child, "sdtContent") if local == "sdt" else child
            if inner is not None:
                yield from _wrapped_children(inner, name)


def _namespace(tag) -> str:
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].split("}", 1)[0]
    return ""



def read_docx(path: str, data: bytes, limits: Limits | None = None, record: Recording | None = None) -> Document:
    """Read a Word file.  ``record``, when given, is filled with where each block was
    read from (the fixer and the annotator find the XML behind a finding with it)."""
    sniff(data)
    pkg = Package(data, limits or DEFAULT_LIMITS)
    if record is not None:
        pkg = _RecordingPackage(pkg, record.trees)  # type: ignore[assignment]
    origins = record.origins if record is not None else None
    main = pkg.main_part()
    root = pkg.xml(main)
    if root is None:
        raise ReadError("main document part is missing")
    if _namespace(root.tag) not in W_NAMESPACES:
        raise ReadError("main part is not a WordprocessingML document")
    styles_parts = pkg.related(main, "styles")
    styles = load_styles(pkg.xml(styles_parts[0]) if styles_parts else None)
    doc = Document(path=path, format="docx")
    body = _child(root, "body")
    numbering_parts = pkg.related(main, "numbering")
    numbering = Numbering.load(pkg.xml(numbering_parts[0]) if numbering_parts else None)
    comment_ranges: dict[str, dict[str, tuple[int, int]]] = {}
    if body is not None:
        walker = StoryWalker(doc, styles, "body", numbering=numbering, links=_external_links(pkg, main),
                             comment_ranges=comment_ranges)
        walker.record, walker.member = origins, main
        walker.walk(body)

    def walk(story_root, part: str, story: str, target: str) -> None:
        walker = StoryWalker(doc, styles, part, story, numbering, _external_links(pkg, target), comment_ranges)
        walker.record, walker.member = origins, pkg.find(target) or target
        walker.walk(story_root)

    walk.doc = doc  # type: ignore[attr-defined]
    walk.comment_ranges = comment_ranges  # type: ignore[attr-defined]
    settings_parts = pkg.related(main, "settings")
    settings = pkg.xml(settings_parts[0]) if settings_parts else None
    if body is not None:
        parts.read_headers_footers(pkg, main, body, settings, walk)
    parts.read_notes(pkg, main, walk)
    parts.read_comments(pkg, main, walk)
    parts.read_glossary(pkg, main, walk)
    parts.read_properties(pkg, doc, origins)
    parts.read_package_facts(pkg, main, doc)
    doc.meta["main_part"] = main
    return doc


class _RecordingPackage:
    """A package whose parsed parts are kept (one tree per member), so that what the
    reader records points into trees a fixer can change and write back."""

    def __init__(self, pkg: Package, trees: dict) -> None:
        self._pkg = pkg
        self.trees = trees

    def __getattr__(self, name):
        return getattr(self._pkg, name)

    def xml(self, name: str):
        member = self._pkg.find(name)
        if member is None:
            return None
        if member not in self.trees:
            self.trees[member] = self._pkg.xml(name)
        return self.trees[member]

    def rels(self, part: str):
        return self._pkg.rels(part)

    def related(self, part: str, rtype: str):
        return self._pkg.related(part, rtype)
