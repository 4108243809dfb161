"""A Word package opened for changing: what the reader saw, and the XML to change.

The reader parses parts without comments and processing instructions, so its
trees are not the ones written back.  Each part the fixer or annotator changes
is parsed again keeping everything, and an element the reader recorded is
found in it by its position among element siblings (comments and PIs do not
count on either side).  Only changed parts are serialised; every other member
is copied byte for byte (:mod:`reportlint.package_writer`).
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from typing import Any

from .document import Document
from .errors import ReadError
from .package_writer import rewrite_package
from .readers.ooxml import local
from .readers.origins import Recording

SIGNATURE_ORIGIN = "digital-signature/origin"


@lru_cache(maxsize=1)
def _keeping_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def element_path(el) -> tuple[int, ...]:
    """Position of ``el`` under its root: index among element siblings at each level."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(sum(1 for _ in el.itersiblings(preceding=True) if isinstance(_.tag, str)))
        el, parent = parent, parent.getparent()
    return tuple(reversed(path))


def follow(root, path: tuple[int, ...]):
    el = root
    for index in path:
        el = [c for c in el if isinstance(c.tag, str)][index]
    return el


class EditablePackage:
    """The bytes of a .docx, the reader's view of them, and the parts being changed."""

    def __init__(self, path: str, data: bytes, limits=None) -> None:
        from .readers.docx import read_docx

        self.path = path
        self.data = data
        self.recording = Recording()
        self.document: Document = read_docx(path, data, limits, record=self.recording)
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self._trees: dict[str, Any] = {}
        self.added: dict[str, bytes] = {}

    @property
    def main(self) -> str:
        return self.document.meta["main_part"]

    def member(self, name: str) -> str | None:
        lowered = name.lstrip("/").lower()
        return next((n for n in self.zip.namelist() if n.lower() == lowered), None)

    def tree(self, member: str):
        """The root of ``member`` parsed keeping comments and PIs (parsed once, then changed in place)."""
        root = self._trees.get(member)
        if root is None:
            from lxml import etree

            if member in self.added:
                root = etree.fromstring(self.added[member], _keeping_parser())
            else:
                root = etree.fromstring(self.zip.read(member), _keeping_parser())
            self._trees[member] = root
        return root

    def locate(self, member: str, recorded):
        """The element in the editable tree of ``member`` that the reader saw as ``recorded``."""
        return follow(self.tree(member), element_path(recorded))

    def resolve(self, origin):
        """``origin`` with its elements swapped for those of the editable tree.  Resolve
        every origin before changing anything: positions shift once a part changes."""
        member = origin.member
        return origin._replace(
            element=self.locate(member, origin.element),
            spans=tuple((s, e, self.locate(member, el)) for s, e, el in origin.spans),
            targets=tuple(self.locate(member, el) for el in origin.targets),
        )

    def add(self, member: str, content: bytes) -> None:
        self.added[member] = content

    def signed(self) -> bool:
        names = [n.lower() for n in self.zip.namelist()]
        if any(n.startswith("_xmlsignatures/") for n in names):
            return True
        return any(kind.lower() == SIGNATURE_ORIGIN for _id, kind, _t, _m in _package_rels(self))

    def save(self) -> bytes:
        from lxml import etree

        changed, added = {}, dict(self.added)
        for member, root in self._trees.items():
            tree = root.getroottree()
            content = etree.tostring(
                tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone
            )
            if member in added:
                added[member] = content
            else:
                changed[member] = content
        return rewrite_package(self.data, changed, added)


def _package_rels(pkg: EditablePackage) -> list[tuple[str, str, str, str]]:
    """The package relationships, read without marking the part as changed."""
    from lxml import etree

    member = pkg.member("_rels/.rels")
    if member is None:
        return []
    root = etree.fromstring(pkg.zip.read(member), _keeping_parser())
    out = []
    for rel in root:
        if local(rel.tag) == "Relationship":
            kind = rel.get("Type", "").split("/relationships/", 1)[-1]
            out.append((rel.get("Id", ""), kind, rel.get("Target", ""), rel.get("TargetMode", "Internal")))
    return out


def open_for_edit(path: str, data: bytes, limits=None) -> EditablePackage:
    """Read ``data`` for changing; ReadError for what cannot be read, as the linter says."""
    try:
        return EditablePackage(path, data, limits)
    except zipfile.BadZipFile:
        raise ReadError("damaged zip package") from None
