"""Markdown: the text a reader of the rendered page sees, at its source position.

Fenced and indented code blocks, inline code spans and HTML comments are not
prose: their characters are replaced by spaces in the block text (so columns
still match the file) or, for whole code lines, left out.  HTML comments that
are reportlint directives (``<!-- reportlint-disable RL101 -->``) are kept on
the document as :class:`~reportlint.document.Suppression` records.  ATX and setext
headings become heading blocks whose text starts at the heading's first word.
"""

from __future__ import annotations

from .. import lazy_pattern
from ..document import HEADING, Block, Document, Feature, Suppression
from .directives import markdown_directive
from .text import split_lines

_FENCE = lazy_pattern.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_ATX = lazy_pattern.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = lazy_pattern.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_LIST_ITEM = lazy_pattern.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]")
_CODE_SPAN = lazy_pattern.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _mask_code_spans(line: str) -> str:
    for m in _CODE_SPAN.finditer(line):
        line = _mask(line, m.start(), m.end())
    return line


class _CommentMasker:
    """Masks HTML comments, which may span lines, and keeps each comment's content
    with where it starts and ends (1-based line and column, end exclusive)."""

    def __init__(self) -> None:
        self.open = False
        self.comments: list[tuple[str, int, int, int, int]] = []
        self._start = (0, 0)
        self._content: list[str] = []

    def __call__(self, line: str, number: int = 0) -> str:
        raw = line
        pos = text_from = 0  # where to look for "-->", and where the comment's content starts
        while True:
            if self.open:
                end = raw.find("-->", pos)
                if end < 0:
                    self._content.append(raw[text_from:])
                    return _mask(line, pos, len(line))
                self._content.append(raw[text_from:max(end, text_from)])
                line = _mask(line, pos, end + 3)
                self.open = False
                pos = end + 3
                self.comments.append(("\n".join(self._content), *self._start, number, pos + 1))
            start = raw.find("<!--", pos)
            if start < 0:
                return line
            self.open = True
            self._start = (number, start + 1)
            self._content = []
            # "<!-->" is an (empty) comment too: look for the end from just after "<!".
            pos, text_from = start, start + 4


def read_markdown(path: str, text: str) -> Document:
    doc = Document(path=path, format="md")
    lines = split_lines(text)
    fence: tuple[str, int] | None = None
    comments = _CommentMasker()
    heading: str | None = None
    paragraph = 0
    previous_blank = True
    in_list = False
    pending: tuple[int, str] | None = None  # a paragraph line that may become a setext heading
    indented_until = 0  # last line of the indented code block being read

    def emit(number: int, line: str, kind: str = "paragraph", level: int = 0) -> None:
        nonlocal paragraph, heading
        stripped = line.strip()
        if not stripped:
            return
        column = len(line) - len(line.lstrip())
        body = line[column:].rstrip()
        paragraph += 1
        if kind == HEADING:
            heading = body
        doc.blocks.append(
            Block(
                text=body,
                line=number,
                column=column + 1,
                kind=kind,
                level=level,
                paragraph=paragraph,
                heading=heading if kind != HEADING else None,
            )
        )

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            emit(*pending)
            pending = None

    for number, raw in enumerate(lines, start=1):
        if fence is not None:
            m = _FENCE.match(raw)
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= fence[1] and not m.group(3).strip():
                fence = None
            previous_blank = False
            continue
        line = comments(raw, number)
        if not comments.open and raw.strip() and not line.strip():
            previous_blank = False
            continue
        m = _FENCE.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            flush()
            doc.features.append(Feature("code-block", m.group(3).strip(), part="body", line=number))
            fence = (m.group(2)[0], len(m.group(2)))
            previous_blank = False
            continue
        if not line.strip():
            flush()
            previous_blank = True
            in_list = False
            continue
        if (line.startswith("    ") or line.startswith("\t")) and previous_blank and not in_list:
            flush()  # indented code block
            if indented_until != number - 1:
                doc.features.append(Feature("code-block", "indented", part="body", line=number))
            indented_until = number
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        line = _mask_code_spans(line)
        atx = _ATX.match(line)
        if atx:
            flush()
            level = len(atx.group(1))
            content = atx.group(2)
            start = atx.start(2)
            emit(number, " " * start + content, HEADING, level)
            previous_blank = False
            continue
        setext = _SETEXT.match(line)
        if setext and pending is not None:
            emit(pending[0], pending[1], HEADING, 1 if setext.group(1)[0] == "=" else 2)
            pending = None
            previous_blank = False
            continue
        flush()
        pending = (number, line)
        previous_blank = False
    flush()
    doc.suppressions = tuple(_directives(comments.comments))
    return doc


def _directives(comments: list[tuple[str, int, int, int, int]]):
    for content, line, column, end_line, end_column in comments:
        found = markdown_directive(content)
        if found is not None:
            kind, selectors = found
            text = f"<!--{content}-->"
            yield Suppression(kind, selectors, text, line, column, end_line, end_column)
