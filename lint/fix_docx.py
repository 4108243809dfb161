"""Remove vendor residue from a Word file, in its XML.

What goes: body, header, footer, note and text-box paragraphs the vendor rules
flag, the hidden or invisible runs of a paragraph whose hidden text is vendor
residue, text-watermark shapes whose text is vendor residue, and the values of
document properties that are (the property stays, empty).  Nothing else in the
file changes.  Placeholders are never touched: what to write in them is the
author's call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import Diagnostic
from .docx_edit import EditablePackage
from .readers.ooxml import local, namespace
from .readers.origins import PARAGRAPH_ORIGIN, PROPERTY_ORIGIN, RUNS_ORIGIN, SHAPE_ORIGIN, Origin

# Parts whose paragraphs can go: a vendor line in a comment or the glossary is not on the page
# (comments have their own rule), and link targets and alt text are not paragraphs.
PARAGRAPH_PARTS = frozenset({"body", "header", "footer", "textbox", "footnote", "endnote"})
# Containers that must keep at least one paragraph (a cell, a header, a note, a text box).
_NEEDS_PARAGRAPH = frozenset({"tc", "hdr", "ftr", "footnote", "endnote", "txbxContent", "comment", "docPartBody"})
# Range markers whose other half may sit in another paragraph: they move, never go.
_MARKERS = frozenset({
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart", "permEnd",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
})


@dataclass(frozen=True)
class Removal:
    """One thing taken out: the part it was in, what it was, and its text."""

    member: str
    what: str  # "paragraph", "hidden runs", "watermark", "property value"
    text: str


def fixable(diagnostic: Diagnostic) -> bool:
    """A vendor line that can go whole: the vendor rules give it the fix "delete-line"
    (not a line that also carries a sentence of the report)."""
    return diagnostic.fix == "delete-line" and diagnostic.category == "watermark"


def remove_residue(pkg: EditablePackage, diagnostics: Iterable[Diagnostic]) -> list[Removal]:
    """Take out what the fixable ``diagnostics`` point at; return what was removed."""
    origins = pkg.recording.origins
    blocks = {b.line: b for b in pkg.document.blocks}
    todo: dict[int, Origin] = {}
    for d in diagnostics:
        origin = origins.get(d.line)
        if not fixable(d) or origin is None or d.line in todo:
            continue
        if origin.kind in (PARAGRAPH_ORIGIN, RUNS_ORIGIN) and blocks[d.line].part not in PARAGRAPH_PARTS:
            continue
        todo[d.line] = pkg.resolve(origin)  # all found before anything moves
    removals = []
    for line in sorted(todo, reverse=True):  # a paragraph's hidden runs (a later line) before the paragraph
        removal = _remove(todo[line], blocks[line].text, pkg.tree(todo[line].member))
        if removal is not None:
            removals.append(removal)
    removals.reverse()
    return removals


def _remove(origin: Origin, text: str, root) -> Removal | None:
    """Take out what a resolved origin points at (``p``: its paragraph)."""
    p = origin.element
    if not _attached(p, root):
        return None  # went with something removed before (a text box, a paragraph)
    if origin.kind == PARAGRAPH_ORIGIN:
        _remove_paragraph(p)
        return Removal(origin.member, "paragraph", text)
    if origin.kind == RUNS_ORIGIN:
        if not origin.targets:
            return None  # the runs hold more than text (field marks, drawings)
        for run in origin.targets:
            _detach(run)
        _drop_if_empty(p)
        return Removal(origin.member, "hidden text", text)
    if origin.kind == SHAPE_ORIGIN:
        run = _enclosing_run(origin.targets[0])
        _detach(origin.targets[0] if run is None else run)
        _drop_if_empty(p)
        return Removal(origin.member, "watermark", text)
    if origin.kind == PROPERTY_ORIGIN:
        prop = p
        holders = [el for el in prop.iter() if isinstance(el.tag, str) and el.text and el.text.strip()]
        for el in holders:
            el.text = None
        return Removal(origin.member, "property value", text)
    return None


def _attached(el, root) -> bool:
    while el is not None and el is not root:
        el = el.getparent()
    return el is root


def _detach(el) -> None:
    """Remove ``el`` keeping the text that follows it (lxml stores it on the element)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _enclosing_run(el):
    """The nearest WordprocessingML run around ``el`` (a shape sits in a w:r; with
    mc:AlternateContent, that run holds both the shape and its fallback copy)."""
    run_tag = namespace(el.getroottree().getroot().tag) + "r"
    cur = el.getparent()
    while cur is not None and cur.tag != run_tag:
        cur = cur.getparent()
    return cur


def _drop_if_empty(p) -> None:
    """Remove a paragraph that held nothing but what was just taken out of it."""
    if all(local(child.tag) in ("pPr", "proofErr", "") for child in p):
        _remove_paragraph(p)


def _remove_paragraph(p) -> None:
    """Remove a paragraph; a paragraph that carries a section break, or is the last one
    a cell, header or note must have, is emptied instead (its properties stay).  A text
    box left without text goes with its paragraph (and the copy for older readers)."""
    parent = p.getparent()
    if parent is not None and local(parent.tag) == "txbxContent" and _only_text_in(parent, p):
        run = _enclosing_run(parent)
        if run is not None:
            host = run.getparent()
            while host is not None and local(host.tag) != "p":
                host = host.getparent()
            _detach(run)
            if host is not None:
                _drop_if_empty(host)
            return
    section_break = any(local(c.tag) == "sectPr" for ppr in p if local(ppr.tag) == "pPr" for c in ppr)
    siblings = [c for c in parent if local(c.tag) in ("p", "tbl", "sdt")] if parent is not None else []
    last_needed = local(parent.tag) in _NEEDS_PARAGRAPH and len(siblings) == 1 if parent is not None else True
    neighbour = _neighbour_paragraph(p)
    if section_break or last_needed or neighbour is None:
        for child in list(p):
            if local(child.tag) not in ("pPr", *_MARKERS):
                _detach(child)
        return
    _move_markers(p, neighbour)
    box = _text_box_of(p)
    _detach(p)
    if box is not None:
        _mirror_fallback(box, p)


def _neighbour_paragraph(p):
    """The nearest paragraph beside ``p`` in the same container (after it, else before it)."""
    for sibling in (*p.itersiblings(), *p.itersiblings(preceding=True)):
        if local(sibling.tag) == "p":
            return sibling
    return None


def _move_markers(p, neighbour) -> None:
    """Bookmarks and comment ranges that start or end in ``p`` move to ``neighbour``
    (to its start when it follows ``p``, to its end when it comes before)."""
    markers = [el for el in p.iter() if isinstance(el.tag, str) and local(el.tag) in _MARKERS]
    follows = any(sibling is neighbour for sibling in p.itersiblings())
    at = 1 if len(neighbour) and local(neighbour[0].tag) == "pPr" else 0
    for marker in markers:
        marker.getparent().remove(marker)
        marker.tail = None
        if follows:
            neighbour.insert(at, marker)
            at += 1
        else:
            neighbour.append(marker)


def _only_text_in(box, p) -> bool:
    return all(c is p or (local(c.tag) == "p" and not _text_of(c).strip()) for c in box if isinstance(c.tag, str))


def _text_box_of(p):
    parent = p.getparent()
    return parent if parent is not None and local(parent.tag) == "txbxContent" else None


def _mirror_fallback(box, removed) -> None:
    """A DrawingML text box has a VML copy in mc:Fallback for old readers, which the
    reader skips: take the same paragraph out of the copy too, so no reader shows it."""
    cur = box
    while cur is not None and local(cur.tag) != "Choice":
        cur = cur.getparent()
    if cur is None:
        return
    fallback = cur.getnext()
    while fallback is not None and local(fallback.tag) != "Fallback":
        fallback = fallback.getnext()
    if fallback is None:
        return
    removed_text = _text_of(removed)
    for copy in fallback.iter():
        if isinstance(copy.tag, str) and local(copy.tag) == "txbxContent":
            for p in [c for c in copy if local(c.tag) == "p"]:
                if _text_of(p) == removed_text:
                    _remove_paragraph(p)
                    return


def _text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter() if isinstance(t.tag, str) and local(t.tag) == "t")
