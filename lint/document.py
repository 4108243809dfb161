"""The document model every reader produces and every rule reads.

A :class:`Document` is an ordered list of :class:`Block` objects.  A block is
one line of visible text with the place it came from: the line and column of
its first character in the text view (the file itself for .txt/.md, the
``--dump-text`` view for .docx) and, for Word files, the part, paragraph
number, table cell and nearest heading.  Rules never see bytes or XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Block kinds
PARAGRAPH = "paragraph"
HEADING = "heading"
CELL = "cell"

# Flags a reader may set on a block
FLAG_HIDDEN = "hidden"
FLAG_INSERTED = "inserted"
FLAG_SDT = "content-control"
FLAG_PLACEHOLDER = "placeholder"


@dataclass(frozen=True)
class Cell:
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


@dataclass(frozen=True)
class Block:
    """One line of text a person sees, with where it is."""

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

    def position(self, offset: int) -> tuple[int, int]:
        """Line and 1-based column of ``text[offset]`` (blocks never span lines)."""
        return self.line, self.column + offset

    def location_label(self) -> str:
        bits = [self.part]
        if self.paragraph:
            bits.append(f"¶{self.paragraph}")
        if self.cell is not None:
            bits.append(self.cell.label())
        if self.kind == HEADING:
            bits.append(f"h{self.level}" if self.level else "heading")
        bits.extend(sorted(self.flags))
        return " ".join(bits)


@dataclass
class Document:
    """What a reader returns: the blocks of one file, in reading order."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    _tokens: dict[int, list] = field(default_factory=dict, repr=False)

    def tokens(self, block: Block) -> list:
        """Typed tokens of ``block``, computed once per document."""
        key = id(block)
        cached = self._tokens.get(key)
        if cached is None:
            from .tokens import tokenize

            cached = tokenize(block.text)
            self._tokens[key] = cached
        return cached

    def nonblank(self) -> list[Block]:
        return [b for b in self.blocks if b.text.strip()]
