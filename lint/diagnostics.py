"""Diagnostic: what a rule reports, and the rule metadata every formatter shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

    from .document import Block, Document

CATEGORIES = ("placeholder", "watermark", "hidden", "structure", "claim", "suppression")
SEVERITIES = ("error", "warning", "info")


class Example(NamedTuple):
    """A rule's example: text, and whether the rule finds something in it."""

    text: str
    fails: bool
    # For FAIL examples: the exact matches expected (empty = any finding of the rule).
    matches: tuple[str, ...] = ()
    # "txt" or "md" (suppression directives are Markdown comments)
    format: str = "txt"


class Rule(NamedTuple):
    """A rule's metadata.  ``check`` yields diagnostics for one document.

    (Immutable records are named tuples, not dataclasses, here and in the other modules a
    short run imports: the dataclass machinery costs a run about a fifth of its time.)"""

    code: str
    name: str
    category: str
    severity: str
    summary: str
    check: Callable[[Document, Any], Iterable[Diagnostic]]
    examples: tuple[Example, ...] = ()
    # An opt-in rule runs only when a selector names it (code or name), never by default,
    # category, prefix or ALL: for conventions that real documents often do not follow.
    opt_in: bool = False
    # Runs after suppressions are applied (it reads ``doc.unused_suppressions``); its own
    # findings then go through the same directives.
    after_suppression: bool = False

    def diagnostic(
        self,
        block: Block,
        start: int,
        end: int,
        message: str,
        severity: str | None = None,
        fix: str | None = None,
        expects: Expectation | None = None,
    ) -> Diagnostic:
        line, column = block.position(start)
        end_line, end_column = block.position(end)
        text = block.text
        # (by position: a run can make thousands, and keywords cost most of the time)
        return _new(Diagnostic, (
            self.code, self.name, self.category, severity or self.severity, message, text[start:end],
            line, column, end_line, end_column, block.part, block.paragraph, block.heading,
            block.cell.label() if block.cell else None, block.story, block.section,
            find_snippet(text, start, end), text, block.column, fix, expects,
        ))

    def package_diagnostic(self, part: str, match: str, message: str, story: str | None = None) -> Diagnostic:
        """A finding about the file as a whole (macros, properties …): line and column 0."""
        return Diagnostic(
            code=self.code, name=self.name, category=self.category, severity=self.severity,
            message=message, match=match, line=0, column=0, end_line=0, end_column=0,
            part=part, paragraph=0, heading=None, story=story,
        )


_new = tuple.__new__

SNIPPET_CONTEXT = 8


def find_snippet(text: str, start: int, end: int) -> str:
    """The match with a few characters either side, cut at tabs (Word's Find box takes
    no tab characters typed in) and trimmed of white space."""
    lo = max(0, start - SNIPPET_CONTEXT)
    hi = min(len(text), max(end, start + 1) + SNIPPET_CONTEXT)
    if "\t" not in text:
        return text[lo:hi].strip()
    left = text[lo:start].rsplit("\t", 1)[-1]
    right = text[end:hi].split("\t", 1)[0]
    return (left + text[start:end] + right).strip()


class Expectation(NamedTuple):
    """The kind of value a slot asks for, from the words around it (``X亿元``: an amount
    in 亿元).  ``kind`` is a stable id: amount, percent, count, date, place, name, person,
    choice or text; ``unit`` the unit or suffix word (亿元, 个, 县, 年); ``options`` the
    alternatives of a choice (县, 区)."""

    kind: str
    unit: str | None = None
    options: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.unit:
            out["unit"] = self.unit
        if self.options:
            out["options"] = list(self.options)
        return out


class Diagnostic(NamedTuple):
    """One finding (immutable; a tuple so that thousands are cheap to make and send)."""

    code: str
    name: str
    category: str
    severity: str
    message: str
    match: str
    line: int
    column: int
    end_line: int
    end_column: int
    part: str = "body"
    paragraph: int = 0
    heading: str | None = None
    cell: str | None = None
    story: str | None = None
    section: int = 0
    # Text around the match to paste into Word's Find box (search the document for it)
    snippet: str = ""
    # The block text the match sits in and the column of its first character:
    # formatters show it with the match marked.
    source: str = ""
    source_column: int = 1
    fix: str | None = None
    # Placeholder findings: what kind of value belongs in the slot (``reportlint slots``)
    expects: Expectation | None = None

    def sort_key(self) -> tuple:
        return (self.line, self.column, self.code)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "part": self.part,
            "paragraph": self.paragraph,
            "heading": self.heading,
        }
        if self.cell:
            out["cell"] = self.cell
        if self.story:
            out["story"] = self.story
        if self.section:
            out["section"] = self.section
        if self.snippet:
            out["snippet"] = self.snippet
        if self.fix:
            out["fix"] = self.fix
        if self.expects:
            out["expects"] = self.expects.to_json()
        return out
