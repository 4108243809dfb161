"""An annotated copy of a Word report: a comment on every finding.

Each finding with a place in the body text gets a Word comment (author
"reportlint", text "CODE message") whose range is exactly the matched
characters, highlighted yellow; runs are split where a match starts or ends
inside one, each piece keeping the run's properties.  Findings Word cannot
anchor a comment to (about the package, in headers, footers, notes, text
boxes or properties, or text the reader does not take from runs, like list
numbers) get a comment on the first paragraph saying where they are.  The
original file is never written.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .diagnostics import Diagnostic
from .docx_edit import EditablePackage
from .errors import ReadError, describe_failure
from .readers.ooxml import local, namespace
from .readers.origins import PARAGRAPH_ORIGIN, RUNS_ORIGIN

# Parts where a comment range can sit in the text.
ANCHOR_PARTS = frozenset({"body"})
# Where w:highlight goes among the run properties (CT_RPr is a sequence: Word
# rejects properties out of order); these come after it.
_AFTER_HIGHLIGHT = frozenset({
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange",
})


@dataclass
class AnnotateResult:
    path: str
    output: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    anchored: int = 0  # comments on the matched text
    noted: int = 0  # comments on the first paragraph
    error: str | None = None


def default_output(path: str) -> str:
    """``报告.docx`` -> ``报告.reportlint.docx`` beside it."""
    base, ext = os.path.splitext(path)
    return f"{base}.reportlint{ext}"


def annotate_path(path: str, output: str | None = None, config: Config | None = None,
                  lang: str | None = None) -> AnnotateResult:
    from .api import lint_document
    from .atomic import write_atomically
    from .docx_edit import open_for_edit
    from .readers import format_of, read_bytes

    config = config or Config()
    output = output or default_output(path)
    result = AnnotateResult(path, output)
    try:
        if format_of(path) != "docx":
            raise ReadError("annotate works on Word files (.docx) only; lint text files with `reportlint PATH`")
        if os.path.exists(output) and os.path.samefile(output, path):
            raise ReadError("the annotated copy would overwrite the original; give another -o")
        pkg = open_for_edit(path, read_bytes(path), config.limits())
        result.diagnostics = lint_document(pkg.document, config)
        lang = lang or document_language(pkg.document)
        result.anchored, result.noted = Annotator(pkg, lang).annotate(result.diagnostics)
        write_atomically(output, pkg.save() if result.diagnostics else pkg.data)
    except OSError as exc:
        result.error = f"cannot write {output}: {exc.strerror or exc}"
    except Exception as exc:  # a bug: no copy is written, the other files still run
        result.error = describe_failure(exc)
    return result


def document_language(doc) -> str:
    """"zh" when most letters of the text are Chinese characters, else "en"."""
    text, _ = doc.joined()
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if han and han >= latin else "en"


class Annotator:
    def __init__(self, pkg: EditablePackage, lang: str) -> None:
        from .comments_part import CommentsPart

        self.pkg = pkg
        self.lang = lang
        root = pkg.tree(pkg.main)
        self.w = namespace(root.tag)
        self.comments = CommentsPart(pkg, self.w[1:-1])
        self.blocks = {b.line: b for b in pkg.document.blocks}

    def annotate(self, diagnostics: list[Diagnostic]) -> tuple[int, int]:
        by_line: dict[int, list[Diagnostic]] = {}
        notes: list[Diagnostic] = []
        for d in diagnostics:
            origin = self.pkg.recording.origins.get(d.line) if d.line else None
            block = self.blocks.get(d.line)
            if origin is None or block is None or block.part not in ANCHOR_PARTS or origin.member != self.pkg.main:
                notes.append(d)
            else:
                by_line.setdefault(d.line, []).append(d)
        # Find every element first: splitting runs moves the positions the origins were read at.
        self.origins = {line: self.pkg.resolve(self.pkg.recording.origins[line]) for line in by_line}
        anchored = 0
        for line, found in by_line.items():
            left = self._anchor_block(line, found)
            anchored += len(found) - len(left)
            notes += left
        notes.sort(key=Diagnostic.sort_key)
        self._note(notes)
        return anchored, len(notes)

    def _text(self, d: Diagnostic) -> str:
        from .i18n import localize

        return f"{d.code} {localize(d, self.lang)}"

    # -- comments on the matched characters -------------------------------------------

    def _anchor_block(self, line: int, found: list[Diagnostic]) -> list[Diagnostic]:
        """Comment each finding of one block on its characters; return those that cannot be."""
        origin = self.origins[line]
        block = self.blocks[line]
        if origin.kind == RUNS_ORIGIN:
            return self._anchor_layer(origin, block, found)
        if origin.kind != PARAGRAPH_ORIGIN or not origin.spans:
            return found
        spans = [[s, e, el] for s, e, el in origin.spans]
        wanted = []
        for d in found:
            start, end = d.column - block.column, d.end_column - block.column
            if block.text[start:end] == d.match:
                wanted.append((d, start, end))
        cuts = sorted({x for _, s, e in wanted for x in (s, e)})
        cut_ok = {x: _cut(spans, x, self.w) for x in cuts}
        left = [d for d in found if d not in {w[0] for w in wanted}]
        for d, start, end in wanted:
            pieces = [sp for sp in spans if sp[0] >= start and sp[1] <= end]
            runs = _unique([sp[2].getparent() for sp in pieces])
            if not (cut_ok[start] and cut_ok[end]) or sum(sp[1] - sp[0] for sp in pieces) != end - start or (
                any(r.tag != self.w + "r" for r in runs)
            ):
                left.append(d)
                continue
            if runs:
                for run in runs:
                    _highlight(run, self.w)
                self._range(runs[0], runs[-1], self._text(d))
            else:
                at = next((sp[2].getparent() for sp in spans if sp[0] == start), None)
                if at is None or at.tag != self.w + "r":
                    left.append(d)
                    continue
                self._range(at, None, self._text(d))
        return left

    def _anchor_layer(self, origin, block, found: list[Diagnostic]) -> list[Diagnostic]:
        """Hidden or invisible text: the comment spans its runs when they stand together."""
        runs = list(origin.targets)
        together = runs and all(a.getnext() is b for a, b in zip(runs, runs[1:], strict=False))
        left = []
        for d in found:
            if together and d.match == block.text and all(r.tag == self.w + "r" for r in runs):
                for run in runs:
                    _highlight(run, self.w)
                self._range(runs[0], runs[-1], self._text(d))
            else:
                left.append(d)
        return left

    def _range(self, first, last, text: str) -> None:
        """Comment from before ``first`` to after ``last`` (None: an empty range before
        ``first``), then the reference run Word shows the comment mark with."""
        from lxml import etree

        w = self.w
        cid = self.comments.add(text)
        start = etree.Element(w + "commentRangeStart")
        start.set(w + "id", cid)
        end = etree.Element(w + "commentRangeEnd")
        end.set(w + "id", cid)
        first.addprevious(start)
        if last is None:
            first.addprevious(end)
        else:
            last.addnext(end)
        reference = etree.Element(w + "r")
        etree.SubElement(reference, w + "commentReference").set(w + "id", cid)
        # The reference run goes in the paragraph itself, not inside a link or a tracked insertion.
        holder: Any = end
        while holder.getparent() is not None and local(holder.getparent().tag) != "p":
            holder = holder.getparent()
        holder.addnext(reference)
        for el in (start, end, reference):
            el.tail = None

    # -- notes on the first paragraph -------------------------------------------------

    def _note(self, notes: list[Diagnostic]) -> None:
        if not notes:
            return
        from lxml import etree

        w = self.w
        body = next((c for c in self.pkg.tree(self.pkg.main) if c.tag == w + "body"), None)
        if body is None:
            return
        # A paragraph of the body itself (not one in a table or text box), with text if any has.
        paragraphs = [c for c in body if c.tag == w + "p"]
        first = next((p for p in paragraphs if "".join(t.text or "" for t in p.iter(w + "t")).strip()), None)
        if first is None and paragraphs:
            first = paragraphs[0]
        if first is None:
            first = etree.Element(w + "p")
            body.insert(0, first)
        anchor = etree.Element(w + "r")  # a place to hang the notes: at the start of the text
        ppr = first.find(w + "pPr")
        if ppr is not None:
            ppr.addnext(anchor)
        else:
            first.insert(0, anchor)
        for d in notes:
            self._range(anchor, None, self._text(d) + self._where(d))
        body_paragraph = anchor.getparent()
        if body_paragraph is not None:
            body_paragraph.remove(anchor)

    def _where(self, d: Diagnostic) -> str:
        zh = self.lang == "zh"
        if d.line == 0:
            place = d.part if d.part != "package" else ("文件包" if zh else "the package")
        else:
            place = d.story or d.part
            if d.paragraph and d.part != "properties":
                place += f", ¶{d.paragraph}" if d.story else f" ¶{d.paragraph}"
        if d.cell:
            place += f", {d.cell}"
        if d.match and d.match not in place:
            place += f"：“{d.match}”" if zh else f': "{d.match}"'
        return f"（位置：{place}）" if zh else f" (in {place})"


def _unique(items: list) -> list:
    out: list = []
    for item in items:
        if not out or out[-1] is not item:
            if item not in out:
                out.append(item)
    return out


def _cut(spans: list[list], x: int, w: str) -> bool:
    """Make ``x`` (an offset in the block text) a boundary between runs; False if the
    text there does not come from a run the annotator can split."""
    for index, (s, e, el) in enumerate(spans):
        if s == x:
            return _split_run_before(el, w)
        if s < x < e:
            if el.tag != w + "t":
                return False
            tail = copy.copy(el)
            tail.text = (el.text or "")[x - s :]
            tail.tail = None
            el.text = (el.text or "")[: x - s]
            for t in (el, tail):
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.addnext(tail)
            spans[index : index + 1] = [[s, x, el], [x, e, tail]]
            return _split_run_before(tail, w)
    return bool(spans) and x == spans[-1][1]


def _split_run_before(el, w: str) -> bool:
    """Split el's run so that ``el`` starts a run of its own (same properties)."""
    run = el.getparent()
    if run is None or run.tag != w + "r":
        return False
    before = [c for c in run if c is not el and isinstance(c.tag, str) and c.tag != w + "rPr"]
    index = list(run).index(el)
    if not any(list(run).index(c) < index for c in before):
        return True
    new = copy.copy(run)  # same attributes (rsid …) and run properties
    for child in list(new):
        if child.tag != w + "rPr":
            new.remove(child)
    for child in list(run)[index:]:
        new.append(child)
    new.tail = None
    run.addnext(new)
    return True


def _highlight(run, w: str) -> None:
    from lxml import etree

    rpr = run.find(w + "rPr")
    if rpr is None:
        rpr = etree.Element(w + "rPr")
        run.insert(0, rpr)
    mark = rpr.find(w + "highlight")
    if mark is None:
        mark = etree.Element(w + "highlight")
        after = next((c for c in rpr if isinstance(c.tag, str) and local(c.tag) in _AFTER_HIGHLIGHT), None)
        if after is not None:
            after.addprevious(mark)
        else:
            rpr.append(mark)
    mark.set(w + "val", "yellow")

