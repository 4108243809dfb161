"""One story of a Word file (the body, a header, a footnote …) -> blocks.

One linear recursive descent: paragraphs become blocks of the text Word shows in its
final view (content-control text and tracked insertions live; deleted and moved-away
text, field codes and the VML fallback copy of text boxes not); table cells, nested
too, carry their table, row and grid column; hidden, invisible and watermark text and
Word's own leftovers become flags and features.
"""

from __future__ import annotations

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
from ..i18n import msg
from .docx_props import (
    first_property,
    form_default,
    invisible_text,
    num_pr,
    revision_label,
    run_style,
    sdt_label,
    shading_fill,
    wrapped_children,
)
from .docx_styles import Styles
from .numbering import Numbering
from .ooxml import attr as _attr
from .ooxml import child as _child
from .ooxml import is_on as _is_on
from .ooxml import local as _local
from .ooxml import props as _props
from .origins import PARAGRAPH_ORIGIN, RUNS_ORIGIN, SHAPE_ORIGIN, Origin

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
                        msg("content control '{label}' bound to {where}", label=sdt_label(sdt), where=where),
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
                self.fills.append(shading_fill(tkids) or (self.fills[-1] if self.fills else None))
                self._blocks(tc, cell, row_flags)
                self.fills.pop()
                span = 1
                gs = tkids.get("gridSpan")
                if gs is not None and (_attr(gs, "val") or "").isdigit():
                    span = max(1, int(_attr(gs, "val")))
                col += span

    def _rows(self, tbl):
        return wrapped_children(tbl, "tr")

    def _cells(self, tr):
        return wrapped_children(tr, "tc")

    # -- paragraphs ---------------------------------------------------------------------------

    def _paragraph(self, p, cell: Cell | None, flags: frozenset[str]) -> None:
        self.paragraph += 1
        number = self.paragraph
        para = _Para(flags=set(flags))
        pkids = _props(first_property(p, "pPr"))
        para.background = shading_fill(pkids) or (self.fills[-1] if self.fills else None)
        style = pkids.get("pStyle")
        if self.numbering is not None:
            style_id = _attr(style, "val") if style is not None else ""
            num = num_pr(pkids.get("numPr")) or self.styles.numbering.get(style_id)
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
                        para.features.append(("deletion", revision_label(child, gone), at, at))
            elif name == "sdt":
                content = _child(child, "sdtContent")
                sdt_flags = self._sdt_flags(child)
                para.flags |= sdt_flags
                if content is not None:
                    start = para.offset()
                    self._inline(content, para, hidden)
                    if FLAG_PLACEHOLDER in sdt_flags and para.offset() > start:
                        para.features.append(("placeholder-control", sdt_label(child), start, para.offset()))
            elif name in ("ins", "moveTo"):
                para.flags.add(FLAG_INSERTED)
                start = para.offset()
                self._inline(child, para, hidden)
                if para.offset() > start:
                    para.features.append(("insertion", revision_label(child, ""), start, para.offset()))
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
        rpr = first_property(r, "rPr")
        invisible = False
        if rpr is not None:
            rkids = _props(rpr)
            hidden = (
                hidden
                or _is_on(rkids.get("vanish"))
                or _is_on(rkids.get("specVanish"))
                or self.styles.hidden(run_style(rkids))
            )
            invisible = invisible_text(rkids, para.background)
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
                para.fields.append(_Field(form_default=form_default(child)))
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
