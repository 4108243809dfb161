"""Word styles: which style ids are headings (by style *name* or outline level, never by
id: WPS numbers its style ids), hidden, or numbered, following ``basedOn`` chains."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lazy_pattern
from .docx_props import num_pr
from .ooxml import attr as _attr
from .ooxml import child as _child
from .ooxml import is_on as _is_on
from .ooxml import local as _local
from .ooxml import props as _props

_HEADING_NAME = lazy_pattern.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}


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
        num = num_pr(_props(_child(st, "pPr")).get("numPr"))
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
