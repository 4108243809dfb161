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

from ..document import CELL, FLAG_HIDDEN, FLAG_INSERTED, FLAG_PLACEHOLDER, FLAG_SDT, HEADING, Block, Cell, Document
from ..errors import ReadError
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

    def heading_level(self, style_id: str | None) -> int | None:
        if style_id is None:
            return None
        return self.levels.get(style_id)


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _attr(el, name: str) -> str | None:
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def _child(el, name: str):
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def load_styles(root) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    based: dict[str, str] = {}
    direct: dict[str, int] = {}
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
        parent = _child(st, "basedOn")
        if parent is not None and _attr(parent, "val"):
            based[sid] = _attr(parent, "val")
    for sid in styles.names:
        seen = set()
        cur = sid
        while cur is not None and cur not in seen:
            if cur in direct:
                styles.levels[sid] = direct[cur]
                break
            seen.add(cur)
            cur = based.get(cur)
    return styles


@dataclass
class _Para:
    parts: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    fields: list[str] = field(default_factory=list)  # stack: "code" or "result"


class StoryWalker:
    """Reads one story (the body, a header …) into blocks."""

    def __init__(self, doc: Document, styles: Styles, part: str) -> None:
        self.doc = doc
        self.styles = styles
        self.part = part
        self.paragraph = 0
        self.tables = 0
        self.heading: str | None = None
        self.deferred: list = []
        self.nested: dict[Cell, int] = {}

    # -- block structure --------------------------------------------------------------------

    def walk(self, root) -> None:
        self._blocks(root, cell=None, flags=frozenset())
        while self.deferred:
            boxes, self.deferred = self.deferred, []
            saved = (self.part, self.paragraph)
            self.part, self.paragraph = "textbox", 0
            for box in boxes:
                self._blocks(box, cell=None, flags=frozenset())
            self.part, self.paragraph = saved

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
            elif name == "altChunk":
                self.doc.meta.setdefault("altchunks", []).append(_attr(child, "id"))

    def _sdt_flags(self, sdt) -> frozenset[str]:
        pr = _child(sdt, "sdtPr")
        flags = {FLAG_SDT}
        if pr is not None and (_child(pr, "showingPlcHdr") is not None):
            flags.add(FLAG_PLACEHOLDER)
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
            for tc in self._cells(tr):
                parents = () if parent is None else (*parent.parents, parent)
                cell = Cell(index, row_no, col, parents)
                self._blocks(tc, cell, flags)
                span = 1
                tcpr = _child(tc, "tcPr")
                if tcpr is not None:
                    gs = _child(tcpr, "gridSpan")
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
        self._inline(p, para, hidden=False)
        level = self._heading_level(p)
        text = "".join(para.parts)
        if text.strip():
            kind = HEADING if level is not None and cell is None else (CELL if cell else "paragraph")
            if kind == HEADING:
                self.heading = text.strip()
            self._emit(text, kind, number, level or 0, cell, frozenset(para.flags))
        hidden = "".join(para.hidden)
        if hidden.strip():
            self._emit(hidden, CELL if cell else "paragraph", number, 0, cell, frozenset(para.flags | {FLAG_HIDDEN}))

    def _emit(self, text, kind, number, level, cell, flags) -> None:
        text = text.replace("\n", " ")
        self.doc.blocks.append(
            Block(
                text=text,
                line=len(self.doc.blocks) + 1,
                kind=kind,
                part=self.part,
                paragraph=number,
                level=level,
                heading=None if kind == HEADING else self.heading,
                cell=cell,
                flags=flags,
            )
        )

    def _heading_level(self, p) -> int | None:
        ppr = _child(p, "pPr")
        if ppr is None:
            return None
        lvl = _child(ppr, "outlineLvl")
        if lvl is not None and (_attr(lvl, "val") or "").isdigit() and int(_attr(lvl, "val")) < 9:
            return int(_attr(lvl, "val")) + 1
        style = _child(ppr, "pStyle")
        return self.styles.heading_level(_attr(style, "val") if style is not None else None)

    def _inline(self, el, para: _Para, hidden: bool) -> None:
        for child in el:
            name = _local(child.tag)
            if name == "r":
                self._run(child, para, hidden)
            elif name in _SKIP:
                continue
            elif name == "sdt":
                content = _child(child, "sdtContent")
                para.flags |= self._sdt_flags(child)
                if content is not None:
                    self._inline(content, para, hidden)
            elif name in ("ins", "moveTo"):
                para.flags.add(FLAG_INSERTED)
                self._inline(child, para, hidden)
            elif name == "txbxContent":
                self.deferred.append(child)
            elif name == "t" and _namespace(child.tag) == M_NS:
                self._text(para, child.text or "", hidden)
            elif name == "AlternateContent":
                choice = _child(child, "Choice")
                if choice is not None:
                    self._inline(choice, para, hidden)
            elif name in _TRANSPARENT:
                self._inline(child, para, hidden)

    def _run(self, r, para: _Para, hidden: bool) -> None:
        rpr = _child(r, "rPr")
        if rpr is not None and _is_on(_child(rpr, "vanish")):
            hidden = True
        for child in r:
            name = _local(child.tag)
            if name == "fldChar":
                kind = _attr(child, "fldCharType")
                if kind == "begin":
                    para.fields.append("code")
                elif kind == "separate" and para.fields:
                    para.fields[-1] = "result"
                elif kind == "end" and para.fields:
                    para.fields.pop()
                continue
            if para.fields and para.fields[-1] == "code":
                continue
            if name == "t":
                self._text(para, child.text or "", hidden)
            elif name == "tab" or name == "ptab":
                self._text(para, "\t", hidden)
            elif name in ("br", "cr"):
                self._text(para, " ", hidden)
            elif name == "noBreakHyphen":
                self._text(para, "-", hidden)
            elif name == "sym":
                code = _attr(child, "char") or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    ch = ""
                if ch and not "\ue000" <= ch <= "\uf8ff":
                    self._text(para, ch, hidden)
            elif name in ("drawing", "pict", "object", "AlternateContent", "ruby"):
                self._inline([child] if name != "ruby" else child, para, hidden)

    @staticmethod
    def _text(para: _Para, text: str, hidden: bool) -> None:
        (para.hidden if hidden else para.parts).append(text)


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


def _is_on(el) -> bool:
    if el is None:
        return False
    val = _attr(el, "val")
    return val is None or val.lower() not in ("0", "false", "off")


def read_docx(path: str, data: bytes) -> Document:
    sniff(data)
    pkg = Package(data)
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
    if body is not None:
        StoryWalker(doc, styles, "body").walk(body)
    doc.meta["main_part"] = main
    return doc
