"""The stories and package facts of a Word file beyond the body.

Headers and footers (with whether Word ever shows them), footnotes, endnotes,
comments, the glossary, document properties, and what the package carries
besides text (macros, embedded objects, imported content, external
references, custom XML).  Text becomes blocks, so every rule reads it; the
rest becomes :class:`~reportlint.document.Feature` records.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from ..document import Block, Document, Feature, Suppression
from ..i18n import msg
from .directives import word_directive
from .ooxml import attr as _attr
from .ooxml import is_on as _on
from .ooxml import local as _local
from .origins import PROPERTY_ORIGIN, Origin
from .package import Package

CORE_FIELDS = ("title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category")
APP_FIELDS = ("Company", "Manager", "HyperlinkBase", "Template")
# Properties that name people or organisations (Document Inspector: "personal information").
PERSONAL = {"creator", "lastModifiedBy", "Company", "Manager"}
NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}





def header_footer_usage(body, settings) -> dict[str, list[str]]:
    """rId of each header/footer reference -> how Word shows it ("section 1 default header", …).

    A first-page reference shows only with ``w:titlePg``; an even-page one only
    with ``w:evenAndOddHeaders`` in the settings.
    """
    even_odd = settings is not None and any(
        _local(el.tag) == "evenAndOddHeaders" and _on(el) for el in settings
    )
    usage: dict[str, list[str]] = {}
    ns = body.tag[: body.tag.index("}") + 1] if body.tag.startswith("{") else ""
    sections = list(body.iter(ns + "sectPr"))
    for number, sect in enumerate(sections, start=1):
        title_page = any(_local(el.tag) == "titlePg" and _on(el) for el in sect)
        for ref in sect:
            kind = _local(ref.tag)
            if kind not in ("headerReference", "footerReference"):
                continue
            which = _attr(ref, "type") or "default"
            shown = which == "default" or (which == "first" and title_page) or (which == "even" and even_odd)
            page = f" {which}-page" if which != "default" else ""
            label = f"section {number}{page} {kind[:6]}"
            rid = _attr(ref, "id") or ""
            usage.setdefault(rid, [])
            if shown:
                usage[rid].append(label)
    return usage


def read_headers_footers(pkg: Package, main: str, body, settings, walk: Callable) -> None:
    usage = header_footer_usage(body, settings)
    for rid, kind, target, mode in pkg.rels(main):
        if kind not in ("header", "footer") or mode == "External" or pkg.find(target) is None:
            continue
        shown = usage.get(rid)
        name = posixpath.basename(target)
        if shown:
            story = f"{'; '.join(shown)} ({name})"
        elif kind == "header":
            story = msg("header never shown ({name})", name=name)
        else:
            story = msg("footer never shown ({name})", name=name)
        root = pkg.xml(target)
        if root is None:
            continue
        walk(root, kind, story, target)
        if not shown:
            walk.doc.features.append(Feature("undisplayed-part", story, None, part=kind))


def read_notes(pkg: Package, main: str, walk: Callable) -> None:
    for kind in ("footnotes", "endnotes"):
        for target in pkg.related(main, kind):
            root = pkg.xml(target)
            if root is None:
                continue
            number = 0
            for note in root:
                if _local(note.tag) not in ("footnote", "endnote") or _attr(note, "type") in NOTE_SKIP:
                    continue
                number += 1
                walk(note, kind[:-1], f"{kind[:-1]} {number}", target)


def _comment_threads(pkg: Package, main: str) -> dict[str, tuple[str | None, bool]]:
    """paraId of a comment's last paragraph -> (paraId of the comment it answers, resolved)."""
    threads: dict[str, tuple[str | None, bool]] = {}
    for target in pkg.related(main, "commentsExtended"):
        root = pkg.xml(target)
        if root is None:
            continue
        for ex in root:
            if _local(ex.tag) == "commentEx" and _attr(ex, "paraId"):
                threads[_attr(ex, "paraId")] = (_attr(ex, "paraIdParent"), _attr(ex, "done") == "1")
    return threads


def read_comments(pkg: Package, main: str, walk: Callable) -> None:
    threads = _comment_threads(pkg, main)
    for target in pkg.related(main, "comments"):
        root = pkg.xml(target)
        if root is None:
            continue
        numbers: dict[str, int] = {}
        for number, comment in enumerate((c for c in root if _local(c.tag) == "comment"), start=1):
            author = _attr(comment, "author") or msg("unknown author")
            paras = [p for p in comment if _local(p.tag) == "p"]
            para_id = _attr(paras[-1], "paraId") if paras else None
            if para_id:
                numbers[para_id] = number
            parent, done = threads.get(para_id or "", (None, False))
            reply = msg(", reply to comment {number}", number=numbers[parent]) if parent and parent in numbers else ""
            story = msg("comment {number} by {author}{reply}{resolved}", number=number, author=author, reply=reply,
                        resolved=msg(", resolved") if done else "")
            before = len(walk.doc.blocks)
            walk(comment, "comment", story, target)
            first = walk.doc.blocks[before] if len(walk.doc.blocks) > before else None
            text = first.text if first is not None else ""
            said = "\n".join(b.text for b in walk.doc.blocks[before:] if b.part == "comment")
            selectors = word_directive(said) if first is not None else None
            if selectors is None:
                walk.doc.features.append(Feature("comment", story, first, 0, len(text), "comment"))
            else:  # a reportlint directive, not a reviewer's leftover
                anchored = walk.comment_ranges.get(_attr(comment, "id") or "", {})
                start = anchored.get("commentRangeStart", (0, 0))
                walk.doc.suppressions += (Suppression(
                    "ignore", selectors, said, first.line, first.column, first.line, first.column + len(text),
                    start, anchored.get("commentRangeEnd", start), first,
                ),)


def read_glossary(pkg: Package, main: str, walk: Callable) -> None:
    for target in pkg.related(main, "glossaryDocument"):
        root = pkg.xml(target)
        if root is None:
            continue
        for part in root.iter():
            if _local(part.tag) == "docPartBody":
                walk(part, "glossary", "glossary (building blocks)", target)


def read_properties(pkg: Package, doc: Document, origins: dict | None = None) -> None:
    """Document properties as blocks of part "properties" (so vendor rules read them).

    ``origins`` (block line -> Origin), when given, learns the element holding each value."""
    values: list[tuple[str, str, object, str]] = []
    for target in pkg.related("/", "core-properties") + pkg.related("/", "metadata/core-properties"):
        root = pkg.xml(target)
        if root is not None:
            values += [(_local(el.tag), (el.text or "").strip(), el, target) for el in root
                       if _local(el.tag) in CORE_FIELDS]
    for kind in ("extended-properties", "extendedProperties"):
        for target in pkg.related("/", kind):
            root = pkg.xml(target)
            if root is not None:
                values += [(_local(el.tag), (el.text or "").strip(), el, target) for el in root
                           if _local(el.tag) in APP_FIELDS]
    for kind in ("custom-properties", "customProperties"):
        for target in pkg.related("/", kind):
            root = pkg.xml(target)
            if root is None:
                continue
            for prop in root:
                name = _attr(prop, "name") or "?"
                text = "".join(t for el in prop for t in [el.text or ""]).strip()
                values.append((f"custom: {name}", text, prop, target))
    number = 0
    for name, value, element, target in values:
        if not value:
            continue
        number += 1
        block = Block(
            text=" ".join(value.split()),
            line=len(doc.blocks) + 1,
            part="properties",
            paragraph=number,
            story=f"document property {name}",
        )
        doc.blocks.append(block)
        if origins is not None:
            origins[block.line] = Origin(pkg.find(target) or target, PROPERTY_ORIGIN, element)
        if name in PERSONAL:
            detail = f"{name}: {block.text}"
            doc.features.append(Feature("personal-info", detail, block, 0, len(block.text), "properties"))


def read_package_facts(pkg: Package, main: str, doc: Document) -> None:
    """What the package carries besides text."""
    names = list(pkg.members)
    for name in names:
        lower = name.lower()
        if lower.endswith("vbaproject.bin"):
            doc.features.append(Feature("macros", name))
        elif "/embeddings/" in lower:
            doc.features.append(Feature("embedded-object", name))
        elif lower.startswith("customxml/item") and not lower.startswith("customxml/itemprops") and lower.endswith(
            ".xml"
        ):
            doc.features.append(Feature("custom-xml", name))
    rel_sources = [main] + pkg.related(main, "settings") + pkg.related(main, "webSettings")
    for source in rel_sources:
        for _rid, kind, target, mode in pkg.rels(source):
            if kind == "aFChunk":
                doc.features.append(Feature("altchunk", target))
            elif mode == "External" and kind not in ("hyperlink",):
                doc.features.append(Feature("external-reference", f"{kind}: {target}"))
