"""Word (.docx/.docm/.dotx/.dotm, Transitional or Strict) -> Document.

The package is opened safely (``package.py``), the main part found through
``_rels/.rels``, and each story read by ``docx_story.StoryWalker``: the body, then
headers and footers, notes, comments, the glossary, properties and package facts
(``docx_parts.py``).  Styles (``docx_styles.py``) tell headings by name or outline level.

Blocks are numbered in reading order; ``line`` is the block's line in the
``--dump-text`` view and ``column`` counts from its first character.
"""

from __future__ import annotations

from ..document import Document
from ..errors import ReadError
from . import docx_parts as parts
from .docx_story import StoryWalker
from .docx_styles import load_styles
from .limits import DEFAULT_LIMITS, Limits
from .numbering import Numbering
from .ooxml import child as _child
from .origins import Recording
from .package import Package, sniff

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)


def _external_links(pkg: Package, part: str) -> dict[str, str]:
    return {rid: target for rid, kind, target, mode in pkg.rels(part) if kind == "hyperlink" and mode == "External"}


def _namespace(tag) -> str:
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].split("}", 1)[0]
    return ""


def read_docx(path: str, data: bytes, limits: Limits | None = None, record: Recording | None = None) -> Document:
    """Read a Word file.  ``record``, when given, is filled with where each block was
    read from (the fixer and the annotator find the XML behind a finding with it)."""
    sniff(data)
    pkg = Package(data, limits or DEFAULT_LIMITS)
    if record is not None:
        pkg = _RecordingPackage(pkg, record.trees)  # type: ignore[assignment]
    origins = record.origins if record is not None else None
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
    numbering_parts = pkg.related(main, "numbering")
    numbering = Numbering.load(pkg.xml(numbering_parts[0]) if numbering_parts else None)
    comment_ranges: dict[str, dict[str, tuple[int, int]]] = {}
    if body is not None:
        walker = StoryWalker(doc, styles, "body", numbering=numbering, links=_external_links(pkg, main),
                             comment_ranges=comment_ranges)
        walker.record, walker.member = origins, main
        walker.walk(body)

    def walk(story_root, part: str, story: str, target: str) -> None:
        walker = StoryWalker(doc, styles, part, story, numbering, _external_links(pkg, target), comment_ranges)
        walker.record, walker.member = origins, pkg.find(target) or target
        walker.walk(story_root)

    walk.doc = doc  # type: ignore[attr-defined]
    walk.comment_ranges = comment_ranges  # type: ignore[attr-defined]
    settings_parts = pkg.related(main, "settings")
    settings = pkg.xml(settings_parts[0]) if settings_parts else None
    if body is not None:
        parts.read_headers_footers(pkg, main, body, settings, walk)
    parts.read_notes(pkg, main, walk)
    parts.read_comments(pkg, main, walk)
    parts.read_glossary(pkg, main, walk)
    parts.read_properties(pkg, doc, origins)
    parts.read_package_facts(pkg, main, doc)
    doc.meta["main_part"] = main
    return doc


class _RecordingPackage:
    """A package whose parsed parts are kept (one tree per member), so that what the
    reader records points into trees a fixer can change and write back."""

    def __init__(self, pkg: Package, trees: dict) -> None:
        self._pkg = pkg
        self.trees = trees

    def __getattr__(self, name):
        return getattr(self._pkg, name)

    def xml(self, name: str):
        member = self._pkg.find(name)
        if member is None:
            return None
        if member not in self.trees:
            self.trees[member] = self._pkg.xml(name)
        return self.trees[member]

    def rels(self, part: str):
        return self._pkg.rels(part)

    def related(self, part: str, rtype: str):
        return self._pkg.related(part, rtype)
