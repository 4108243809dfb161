"""Word run, paragraph and content-control properties, read the way Word reads them
(the property element first, shading behind text, white or tiny text, tracked-change
authors, form-field defaults, list numbering)."""

from __future__ import annotations

from .ooxml import attr as _attr
from .ooxml import child as _child
from .ooxml import local as _local


def first_property(el, name: str):
    """The property element, which the schema puts first (w:pPr in w:p, w:rPr in w:r)."""
    if len(el) and _local(el[0].tag) == name:
        return el[0]
    return None


def revision_label(el, text: str) -> str:
    author = _attr(el, "author") or "unknown author"
    date = (_attr(el, "date") or "")[:10]
    who = f"{author}, {date}" if date else author
    return f"{text} ({who})" if text else who


def sdt_label(sdt) -> str:
    pr = _child(sdt, "sdtPr")
    for name in ("alias", "tag"):
        el = _child(pr, name) if pr is not None else None
        if el is not None and _attr(el, "val"):
            return _attr(el, "val")
    return "content control"


def run_style(rkids: dict) -> str | None:
    el = rkids.get("rStyle")
    return _attr(el, "val") if el is not None else None


def shading_fill(kids: dict) -> str | None:
    """The shading fill of a pPr/tcPr/rPr (given as its children), upper case, or None."""
    shading = kids.get("shd")
    fill = (_attr(shading, "fill") or "").upper() if shading is not None else ""
    return fill if fill and fill != "AUTO" else None


def invisible_text(rkids: dict, background: str | None = None) -> bool:
    """Text the colour of what is behind it (white on a white page, or on a cell or run
    shaded the same colour), or of 2 points or less: in the file, not seen on the page."""
    color = rkids.get("color")
    value = (_attr(color, "val") or "").upper() if color is not None else ""
    if value and value != "AUTO":
        behind = shading_fill(rkids) or background or "FFFFFF"
        if value == behind:
            return True
    size = rkids.get("sz")
    points = _attr(size, "val") if size is not None else None
    return bool(points and points.isdigit() and int(points) <= 4)


def form_default(fld_char) -> str | None:
    data = _child(fld_char, "ffData")
    text_input = _child(data, "textInput") if data is not None else None
    default = _child(text_input, "default") if text_input is not None else None
    return _attr(default, "val") if default is not None else None


def num_pr(num) -> tuple[str, int] | None:
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


def wrapped_children(parent, name: str):
    """Children named ``name``, also those inside row- or cell-level wrappers
    (content controls, custom XML, tracked insertions)."""
    for child in parent:
        local = _local(child.tag)
        if local == name:
            yield child
        elif local in ("sdt", "customXml", "ins", "moveTo"):
            inner = _child(child, "sdtContent") if local == "sdt" else child
            if inner is not None:
                yield from wrapped_children(inner, name)
