"""Small helpers for WordprocessingML elements, namespace-agnostic (Transitional and Strict)."""

from __future__ import annotations


def local(tag) -> str:
    """The local name of a tag ("p" for "{…/main}p"); "" for comments and the like."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def attr(el, name: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def child(el, name: str):
    """The first child element with the local name ``name``, or None."""
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def is_on(el) -> bool:
    """A present on/off property (``<w:vanish/>``, ``w:val="1"``) that is not switched off."""
    if el is None:
        return False
    val = attr(el, "val")
    return val is None or val.lower() not in ("0", "false", "off")
