"""What suppression directives and config entries mean, applied to one document's findings.

Readers record directives as written (:class:`~reportlint.document.Suppression`);
here each becomes the stretch of the document it covers:

- ``disable [SELECTORS]``: from the directive to the next ``enable`` that covers it
  (a bare ``enable`` ends every open ``disable``; ``enable RL101`` ends a ``disable
  RL101`` and lets RL101 through any wider one still open), or to the end;
- ``disable-line``: the line(s) the directive itself is on;
- ``disable-next-line``: the next line with text the rules see;
- ``disable-file``: the whole file (package findings too);
- ``ignore`` (a Word comment): the text the comment is anchored to.

A finding is suppressed when a directive covers any of its span and one of the
directive's selectors selects its rule (no selectors: every rule).  Each
(directive, selector) that suppressed something is used; the rest are reported
by the rules that run after suppression (RL001).  Config ``allow`` entries drop
findings by their matched text.
"""

from __future__ import annotations

import fnmatch
import os

from .config import relative_to_root, selects
from .diagnostics import Diagnostic
from .document import Document, Suppression

# Verbs that make a directive (anything else after "reportlint-" is reported as unknown).
KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file", "ignore")
_END = (1 << 30, 1 << 30)

Position = tuple[int, int]


def glob_matches(pattern: str, path: str, root: str) -> bool:
    """Whether ``path`` matches a config glob, which is relative to the config's folder
    (``root``); a glob without ``/`` also matches the file name alone, and ``**/`` may
    stand for no folder at all."""
    rel = relative_to_root(path, root)
    pattern = pattern.replace(os.sep, "/")
    candidates = {pattern, pattern.replace("**/", "")}
    if any(fnmatch.fnmatchcase(rel, p) for p in candidates):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern)


def file_ignores(config, path: str) -> tuple[str, ...]:
    """Selectors ``per-file-ignores`` turns off for this file."""
    return tuple(
        s for pattern, selectors in getattr(config, "per_file_ignores", ()) if glob_matches(pattern, path, config.root)
        for s in selectors
    )


class _Cover:
    """The span one directive's selector covers."""

    __slots__ = ("directive", "selector", "start", "end", "exceptions")

    def __init__(self, directive: int, selector: str | None, start: Position, end: Position = _END) -> None:
        self.directive = directive  # index in doc.suppressions
        self.selector = selector  # None: every rule
        self.start = start
        self.end = end
        # (selector, from) pairs: a narrower ``enable`` lets these rules through from there on
        self.exceptions: list[tuple[str, Position]] = []

    def covers(self, d: Diagnostic) -> bool:
        if self.selector is not None and not selects(self.selector, d):
            return False
        first, last = (d.line, d.column), (d.end_line, d.end_column)
        if not _overlaps(first, last, self.start, self.end):
            return False
        return not any(selects(s, d) and first >= at for s, at in self.exceptions)


def _overlaps(a0: Position, a1: Position, b0: Position, b1: Position) -> bool:
    if a0 == a1 or b0 == b1:  # an empty span touches what it sits in or next to
        return a0 <= b1 and b0 <= a1
    return a0 < b1 and b0 < a1


def _covers(doc: Document) -> list[_Cover]:
    if not doc.suppressions:
        return []
    lines = sorted({b.line for b in doc.blocks})
    covers: list[_Cover] = []
    open_: list[_Cover] = []
    for index, s in enumerate(doc.suppressions):
        selectors: tuple[str | None, ...] = s.selectors or (None,)
        if s.kind == "disable":
            new = [_Cover(index, sel, (s.end_line, s.end_column)) for sel in selectors]
            covers += new
            open_ += new
        elif s.kind == "enable":
            here = (s.line, s.column)
            for cover in list(open_):
                if not s.selectors or (cover.selector or "").casefold() in {x.casefold() for x in s.selectors}:
                    cover.end = here
                    open_.remove(cover)
                else:
                    cover.exceptions += [(sel, here) for sel in s.selectors]
        elif s.kind == "disable-line":
            covers += [_Cover(index, sel, (s.line, 0), (s.end_line, _END[1])) for sel in selectors]
        elif s.kind == "disable-next-line":
            target = next((n for n in lines if n > s.end_line), None)
            if target is not None:
                covers += [_Cover(index, sel, (target, 0), (target, _END[1])) for sel in selectors]
        elif s.kind == "disable-file":
            covers += [_Cover(index, sel, (0, 0)) for sel in selectors]
        elif s.kind == "ignore" and s.block is not None:  # a Word comment without a range covers nothing
            start, end = (s.start, s.end) if s.start != (0, 0) else ((-1, -1), (-1, -1))
            covers += [_Cover(index, sel, start, end) for sel in selectors]
    return covers


def _allowed(d: Diagnostic, path: str, config) -> bool:
    for entry in getattr(config, "allow", ()):
        if entry.path and not glob_matches(entry.path, path, config.root):
            continue
        if entry.codes and not any(selects(c, d) for c in entry.codes):
            continue
        if entry.match is not None and " ".join(entry.match.split()) == " ".join(d.match.split()):
            return True
        if entry.pattern is not None and entry.pattern.search(d.match):
            return True
    return False


def apply_suppressions(
    doc: Document, config, found: list[Diagnostic], enabled: list
) -> tuple[list[Diagnostic], tuple[tuple[Suppression, tuple[str, ...]], ...]]:
    """The findings no directive or allow entry suppresses, and the directives (with
    their selectors) that suppressed nothing.

    ``enabled`` are the rules that ran: a selector none of them answers to is not
    called unused, since another run (another ``--select``) may need it.
    """
    covers = _covers(doc)
    if not covers and not getattr(config, "allow", ()):
        return found, ()
    used: set[tuple[int, str | None]] = set()
    kept = []
    for d in found:
        hits = [c for c in covers if c.covers(d)]
        used.update((c.directive, c.selector) for c in hits)
        if not hits and not _allowed(d, doc.path, config):
            kept.append(d)
    unused = []
    for cover in covers:
        if (cover.directive, cover.selector) in used:
            continue
        if cover.selector is not None and not any(selects(cover.selector, r) for r in enabled):
            continue
        unused.append(cover)
    by_directive: dict[int, list[str]] = {}
    for cover in unused:
        by_directive.setdefault(cover.directive, []).append(cover.selector or "")
    report = tuple(
        (doc.suppressions[i], tuple(s for s in selectors if s)) for i, selectors in sorted(by_directive.items())
    )
    return kept, report
