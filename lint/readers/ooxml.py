"""Small helpers for WordprocessingML elements, namespace-agnostic (Transitional and Strict).

They sit on the reader's hot path (a 12 MB document.xml has over a million
elements), so they lean on lxml's C lookups and a tag cache.
"""

from __future__ import annotations

_LOCAL: dict[str, str] = {}


def local(tag) -> str:
    """The local name of a tag ("p" for "{…/main}p"); "" for comments and the like."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


_NAMESPACE: dict[str, str] = {}


def namespace(tag) -> str:
    """The "{uri}" prefix of a tag, or ""."""
    if not isinstance(tag, str):
        return ""
    ns = _NAMESPACE.get(tag)
    if ns is None:
        ns = _NAMESPACE[tag] = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
    return ns


def attr(el, name: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    # Nearly always the attribute is in the element's own namespace (w:val on w:pStyle):
    # one C lookup instead of a walk over every attribute.
    value = el.get(namespace(el.tag) + name)
    if value is not None:
        return value
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def child(el, name: str):
    """The first child element with the local name ``name`` in the parent's namespace, or None."""
    if el is None:
        return None
    tag = el.tag
    if tag.__class__ is str:
        ns = _NAMESPACE.get(tag)
        tag = (ns if ns is not None else namespace(tag)) + name
    else:
        tag = name
    for found in el:  # plain iteration beats find() and iterchildren() here (measured)
        if found.tag == tag:
            return found
    return None


def is_on(el) -> bool:
    """A present on/off property (``<w:vanish/>``, ``w:val="1"``) that is not switched off."""
    if el is None:
        return False
    val = attr(el, "val")
    return val is None or val.lower() not in ("0", "false", "off")


def props(el) -> dict:
    """A property element's children by local name (one pass; for pPr, rPr, tcPr)."""
    if el is None:
        return {}
    out: dict = {}
    names = _LOCAL
    for c in el:
        tag = c.tag
        name = names.get(tag)
        if name is None:
            name = local(tag)
        if name not in out:
            out[name] = c
    return out
