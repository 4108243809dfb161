"""The comments part of a Word package: found or created, and appended to.

Word keeps comments in ``word/comments.xml``, reached from the main part by a
relationship and typed by an override in ``[Content_Types].xml``.  A package
without one gets all three; one with comments keeps them and gets new ones
with ids above every id in use.
"""

from __future__ import annotations

import posixpath
from datetime import datetime, timezone
from typing import Any

from .docx_edit import EditablePackage
from .readers.ooxml import local

STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "{" + RELS_NS + "}"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
TYPE = "{" + TYPES_NS + "}"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "reportlint"


def _relationship_type(w_ns: str) -> str:
    if w_ns == STRICT_W:
        return "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
    return "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


class CommentsPart:
    """Appends comments to the package's comments part (creating it on first use)."""

    def __init__(self, pkg: EditablePackage, w_ns: str) -> None:
        self.pkg = pkg
        self.w = "{" + w_ns + "}"
        self.w_ns = w_ns
        self.root: Any = None
        self.next_id = 1 + max(_ids_in_use(pkg, self.w), default=-1)
        self.date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, text: str) -> str:
        """Add a comment saying ``text``; return its id for the range and reference."""
        from lxml import etree

        if self.root is None:
            self.root = self._open()
        w = self.w
        cid = str(self.next_id)
        self.next_id += 1
        comment = etree.SubElement(self.root, w + "comment")
        comment.set(w + "id", cid)
        comment.set(w + "author", AUTHOR)
        comment.set(w + "date", self.date)
        comment.set(w + "initials", "RL")
        para = etree.SubElement(comment, w + "p")
        etree.SubElement(etree.SubElement(para, w + "r"), w + "annotationRef")
        t = etree.SubElement(etree.SubElement(para, w + "r"), w + "t")
        t.set(XML_SPACE, "preserve")
        t.text = text
        return cid

    def _open(self):
        main = self.pkg.main
        folder, base = posixpath.split(main)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        rels_member = self.pkg.member(rels_name)
        if rels_member is None:
            rels_member = rels_name
            self.pkg.add(rels_member, f'<Relationships xmlns="{RELS_NS}"/>'.encode())
        rels = self.pkg.tree(rels_member)
        for rel in rels:
            if local(rel.tag) == "Relationship" and rel.get("Type", "").endswith("/comments") \
                    and rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/")
                member = self.pkg.member(target)
                if member is not None:
                    return self.pkg.tree(member)
        return self._create(folder, rels)

    def _create(self, folder: str, rels):
        from lxml import etree

        name, n = "comments.xml", 1
        while self.pkg.member(posixpath.join(folder, name)) is not None:
            n += 1
            name = f"comments{n}.xml"
        member = posixpath.join(folder, name)
        self.pkg.add(member, f'<w:comments xmlns:w="{self.w_ns}"/>'.encode())
        ids = {rel.get("Id") for rel in rels}
        rid, n = "rIdReportlint", 1
        while rid in ids:
            n += 1
            rid = f"rIdReportlint{n}"
        rel = etree.SubElement(rels, REL + "Relationship")
        rel.set("Id", rid)
        rel.set("Type", _relationship_type(self.w_ns))
        rel.set("Target", name)
        types = self.pkg.tree(self.pkg.member("[Content_Types].xml") or "[Content_Types].xml")
        override = etree.SubElement(types, TYPE + "Override")
        override.set("PartName", "/" + member)
        override.set("ContentType", COMMENTS_TYPE)
        return self.pkg.tree(member)


def _ids_in_use(pkg: EditablePackage, w: str) -> list[int]:
    """Comment ids already in the main part (ranges and references: their comments exist)."""
    ids = []
    for el in pkg.tree(pkg.main).iter(w + "commentRangeStart", w + "commentReference"):
        value = el.get(w + "id", "")
        if value.lstrip("-").isdigit():
            ids.append(int(value))
    for name in pkg.zip.namelist():
        if posixpath.basename(name).lower().startswith("comments") and name.lower().endswith(".xml"):
            from lxml import etree

            from .docx_edit import _keeping_parser

            for el in etree.fromstring(pkg.zip.read(name), _keeping_parser()).iter(w + "comment"):
                value = el.get(w + "id", "")
                if value.lstrip("-").isdigit():
                    ids.append(int(value))
    return ids
