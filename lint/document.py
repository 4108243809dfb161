"""The document model every reader produces and every rule reads.

A :class:`Document` is an ordered list of :class:`Block` objects.  A block is
one line of visible text with the place it came from: the line and column of
its first character in the text view (the file itself for .txt/.md, the
``--dump-text`` view for .docx) and, for Word files, the part, paragraph
number, table cell and nearest heading.  Rules never see bytes or XML.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

# Block kinds
PARAGRAPH = "paragraph"
HEADING = "heading"
CELL = "cell"

# Flags a reader may set on a block
# Parts whose text is never on a page as report text (slot and claim rules skip them;
# vendor rules still read them).
OFF_PAGE_PARTS = frozenset({"glossary"})

FLAG_HIDDEN = "hidden"
FLAG_INSERTED = "inserted"
FLAG_SDT = "content-control"
FLAG_PLACEHOLDER = "placeholder"
FLAG_INVISIBLE = "invisible"  # white or tiny text: present but not seen
FLAG_WATERMARK = "watermark"
FLAG_NUMBERED = "numbered"  # the text starts with a number Word draws from its numbering


class Cell(NamedTuple):
    """Where a table cell is: 1-based table index (top-level order), row and column.

    ``parents`` lists the enclosing cells of a nested table, outermost first.
    """

    table: int
    row: int
    column: int
    parents: tuple[Cell, ...] = ()

    def label(self) -> str:
        own = f"table {self.table} r{self.row}c{self.column}"
        if not self.parents:
            return own
        return " > ".join(p.label() for p in self.parents[-1:]) + " > " + own


class Block(NamedTuple):
    """One line of text a person sees, with where it is (immutable, cheap to create)."""

    text: str
    line: int
    column: int = 1
    kind: str = PARAGRAPH
    part: str = "body"
    paragraph: int = 0
    level: int = 0
    heading: str | None = None
    cell: Cell | None = None
    flags: frozenset[str] = frozenset()
    # Which story of a Word file, for people: "section 1 first-page header (word/header2.xml)".
    story: str | None = None
    # Word section (1-based) of a body paragraph; 0 where sections do not apply
    section: int = 0

    def position(self, offset: int) -> tuple[int, int]:
        """Line and 1-based column of ``text[offset]`` (blocks never span lines)."""
        return self.line, self.column + offset

    @property
    def on_page(self) -> bool:
        """False for text no page ever shows as such: the glossary holds Word's building
        blocks (placeholder prompts like "[Pick the date]"), not report text."""
        return self.part not in OFF_PAGE_PARTS

    def location_label(self) -> str:
        bits = [self.part]
        if self.section > 1:
            bits.append(f"§{self.section}")
        if self.paragraph:
            bits.append(f"¶{self.paragraph}")
        if self.story:
            bits.append(f"[{self.story}]")
        if self.cell is not None:
            bits.append(self.cell.label())
        if self.kind == HEADING:
            bits.append(f"h{self.level}" if self.level else "heading")
        bits.extend(sorted(self.flags))
        return " ".join(bits)


def text_line(text: str, line: int, paragraph: int) -> Block:
    """``Block(text=text, line=line, paragraph=paragraph)``, the block of a line of a text
    file, made by position (a report has hundreds of lines; the named tuple's keywords
    cost more than the rest of reading one).  A test holds the two equal."""
    return tuple.__new__(Block, (text, line, 1, PARAGRAPH, "body", paragraph, 0, None, None, _NO_FLAGS, None, 0))


_NO_FLAGS: frozenset[str] = frozenset()


class Feature(NamedTuple):
    """Something a reader found that is not plain text: a comment, a tracked change,
    a macro project, a field, a Markdown code block …  ``block`` and the span locate it
    when it has a place in the text; ``line`` when it has a line but no text block (a code
    block, left out of the text the rules read); package-level features have neither."""

    kind: str
    detail: str
    block: Block | None = None
    start: int = 0
    end: int = 0
    part: str = "package"
    line: int = 0


class Suppression(NamedTuple):
    """A reportlint directive a reader found, as written; what it means is the engine's
    business (``lint/suppression.py``).

    ``kind`` is the verb as written: ``disable``, ``enable``, ``disable-next-line``,
    ``disable-file`` (Markdown comments) or ``ignore`` (a Word comment), or anything else a
    user typed after ``reportlint-`` (reported as unknown).  ``selectors`` are the codes,
    prefixes, names or categories given (empty: all rules).  ``line``/``column`` to
    ``end_line``/``end_column`` (exclusive) is where the directive itself is.  A Word
    comment also has the range it is anchored to, ``start``/``end`` as (line, column)
    in the ``--dump-text`` view ((0, 0) when the comment has no range), and ``block``,
    the comment's own text block.
    """

    kind: str
    selectors: tuple[str, ...]
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: tuple[int, int] = (0, 0)
    end: tuple[int, int] = (0, 0)
    block: Block | None = None


class Document:
    """What a reader returns: the blocks of one file, in reading order."""

    __slots__ = ("path", "format", "blocks", "meta", "features", "suppressions", "unused_suppressions",
                 "_found", "_joined", "_chars")

    def __init__(
        self, path: str, format: str, blocks: list[Block] | None = None, meta: dict[str, Any] | None = None,  # noqa: A002
        features: list[Feature] | None = None, suppressions: tuple[Suppression, ...] = (),
    ) -> None:
        self.path = path
        self.format = format
        self.blocks: list[Block] = [] if blocks is None else blocks
        self.meta: dict[str, Any] = {} if meta is None else meta
        self.features: list[Feature] = [] if features is None else features
        self.suppressions = suppressions
        # Set by the engine once suppressions are applied, for the rules that run after them:
        # (directive, selectors that suppressed nothing; empty when the whole directive did not).
        self.unused_suppressions: tuple[tuple[Suppression, tuple[str, ...]], ...] = ()
        self._found: dict[str, list] = {}
        self._joined: tuple[str, list[int]] | None = None
        self._chars: set[str] | None = None

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, blocks={len(self.blocks)})"

    def memo(self, name: str, make: Callable[..., Any], *args: Any) -> Any:
        """``make(*args)``, worked out once per document under ``name`` in :attr:`meta` (for
        what several rules need: the outline, the vendor verdicts …).  (Arguments rather than
        a closure for what is asked per token: no function is made for each call.)"""
        try:
            return self.meta[name]
        except KeyError:
            value = self.meta[name] = make(*args)
            return value

    def joined(self) -> tuple[str, list[int]]:
        """All block texts joined by newlines, and the offset where each block starts."""
        if self._joined is None:
            starts, offset = [], 0
            for block in self.blocks:
                starts.append(offset)
                offset += len(block.text) + 1
            self._joined = ("\n".join(b.text for b in self.blocks), starts)
        return self._joined

    def body_lines(self) -> list[Block]:
        """The body's blocks that hold more than white space, in order (worked out once:
        several rules ask; do not change the list)."""
        return self.memo("_body_lines", lambda: [b for b in self.blocks if b.part == "body" and b.text.strip()])

    def blocks_with(self, pattern: re.Pattern, newline_led: bool = False) -> list[Block]:
        """Blocks in which ``pattern`` occurs (a pattern that matches no newline), found in
        one scan of the joined text: after a hit the search goes on from the next block.
        Far cheaper than a search of each block when most blocks have no match.

        ``newline_led``: the pattern opens with the character before what it finds (the
        newline before a line, a separator before a run; a literal or class the regex engine
        skips to, where ``^`` or a look-behind is tried at every place).  It is searched in
        the text with a newline put before it, where a match starts at the place in the
        joined text where what it finds starts."""
        text, starts = self.joined()
        if newline_led:
            text = "\n" + text
        found, pos = [], 0
        while (m := pattern.search(text, pos)) is not None:
            index = bisect_right(starts, m.start()) - 1
            found.append(self.blocks[index])
            if index + 1 == len(starts):
                break
            pos = starts[index + 1]
        return found

    def find(self, *shapes: str) -> list[tuple[Block, Any]]:
        """(block, token) pairs of the given token shapes, in document order.

        Each shape is scanned once per document over the joined text, which is
        far cheaper than scanning block by block.
        """
        found: list[tuple[Block, Any]] = []
        for shape in shapes:
            cached = self._found.get(shape)
            if cached is None:
                cached = self._scan(shape)
                self._found[shape] = cached
            found.extend(cached)
        if len(shapes) > 1:
            found.sort(key=lambda pair: (pair[0].line, pair[1].start))
        return found

    def chars(self) -> set[str]:
        """The characters of the document's text (cached): a cheap test before a search."""
        if self._chars is None:
            self._chars = set(self.joined()[0])
        return self._chars

    def _scan(self, shape: str) -> list[tuple[Block, Any]]:
        from .tokens import Token, scan

        text, starts = self.joined()
        out, new = [], tuple.__new__
        for tok in scan(text, shape, self.chars()):
            index = bisect_right(starts, tok.start) - 1
            base = starts[index]
            block = self.blocks[index]
            if tok.end - base > len(block.text):
                continue  # never across blocks
            out.append((block, new(Token, (tok.kind, tok.shape, tok.start - base, tok.end - base, tok.text))))
        return out
