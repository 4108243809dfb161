"""Apply fixes safely: take vendor residue out of a file and nothing else.

A fix never loses data.  Only findings the vendor rules mark ``fix="delete-line"``
are applied (placeholders are never "fixed": what belongs in a slot is the
author's call).  Fixing repeats until no fixable finding is left, so a second
run changes nothing.  The file is written atomically (a temporary file in the
same folder, then a rename) with its permissions, and a text file keeps its
encoding, byte-order mark and line endings.  An encrypted, signed or
unreadable file is never written.
"""

from __future__ import annotations

import difflib
import os
import shutil
from dataclasses import dataclass, field

from . import lazy_pattern
from .atomic import write_atomically
from .config import Config
from .diagnostics import Diagnostic
from .errors import ReadError, describe_failure

# Removing a vendor line can put the next one into the vendor zone of the head or tail
# of the document; a few rounds reach the fixed point on any real report.
MAX_ROUNDS = 5
_LINE_BREAK = lazy_pattern.compile(r"(\r\n|\r|\n)")


@dataclass
class FixResult:
    path: str
    format: str
    # (what, where, text) of each removal: ("line", "12", "…") or ("paragraph", "word/header1.xml", "…")
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    diff: str = ""
    remaining: list[Diagnostic] = field(default_factory=list)
    # vendor findings not fixed because their line also holds report text
    left_mixed: list[Diagnostic] = field(default_factory=list)
    backup: str | None = None
    error: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for what, _where, _text in self.removed:
            counts[what] = counts.get(what, 0) + 1
        return ", ".join(f"{n} {_plural(what, n)} removed" for what, n in counts.items())


def _plural(what: str, n: int) -> str:
    return what if n == 1 or what == "hidden text" else what + "s"


def fix_path(path: str, config: Config | None = None, write: bool = True, backup: bool = False) -> FixResult:
    """Fix one file; ``write=False`` only works out the change (for ``--diff``)."""
    from .readers import format_of, read_bytes

    config = config or Config()
    fmt = format_of(path) or "txt"
    result = FixResult(path, fmt)
    try:
        data = read_bytes(path)
        if fmt == "docx":
            new = _fix_docx(path, data, config, result)
        else:
            new = _fix_text(path, data, fmt, config, result)
        if result.changed and write:
            if not os.stat(path).st_mode & 0o222 or not os.access(path, os.W_OK):
                raise ReadError("read-only: not fixed (make it writable to fix it)")
            if backup:
                result.backup = _backup(path)
            write_atomically(path, new)
    except OSError as exc:
        result.error = f"cannot write: {exc.strerror or exc}"
    except Exception as exc:  # a bug: the file is left as it was, the other files still run
        result.error = describe_failure(exc, "not fixed, please report it with the file")
    return result


def fix_paths(paths, config: Config | None = None, write: bool = True, backup: bool = False) -> list[FixResult]:
    from .api import expand_paths
    from .readers import format_of

    config = config or Config()
    results = []
    for path, missing in expand_paths(paths, config):
        if missing:
            results.append(FixResult(path, format_of(path) or "txt", error=missing))
        else:
            results.append(fix_path(path, config, write=write, backup=backup))
    return results


# -- text files ---------------------------------------------------------------------------


def _fix_text(path: str, data: bytes, fmt: str, config: Config, result: FixResult) -> bytes:
    from .api import lint_document
    from .fix_docx import fixable
    from .readers import read_text
    from .readers.text import decode_with_encoding

    text, encoding, bom = decode_with_encoding(data)
    if bom + text.encode(encoding) != data:
        raise ReadError(f"cannot write {encoding} text back unchanged; not fixed")
    original = text
    for _round in range(MAX_ROUNDS + 1):
        diagnostics = lint_document(read_text(path, text, fmt), config)
        doomed = {d.line for d in diagnostics if fixable(d) and d.line > 0}
        if not doomed or _round == MAX_ROUNDS:
            break
        lines = _lines_with_ends(text)
        result.removed += [("line", str(n), lines[n - 1].rstrip("\r\n")) for n in sorted(doomed)]
        text = "".join(line for n, line in enumerate(lines, start=1) if n not in doomed)
    result.remaining = diagnostics
    result.left_mixed = _left_mixed(diagnostics)
    if text != original:
        result.diff = "".join(
            difflib.unified_diff(
                _lines_with_ends(original), _lines_with_ends(text), fromfile=path, tofile=path + " (fixed)"
            )
        )
    return bom + text.encode(encoding)


def _left_mixed(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Vendor findings without a fix: their line holds report text too."""
    return [d for d in diagnostics if d.category == "watermark" and d.fix is None]


def _lines_with_ends(text: str) -> list[str]:
    """Lines as the text reader numbers them (LF, CRLF, CR), each with its own line end."""
    pieces = _LINE_BREAK.split(text)
    lines = [pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "") for i in range(0, len(pieces), 2)]
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# -- Word files ---------------------------------------------------------------------------


def _fix_docx(path: str, data: bytes, config: Config, result: FixResult) -> bytes:
    from .api import lint_document
    from .docx_edit import open_for_edit
    from .fix_docx import fixable, remove_residue

    removals = []
    for _round in range(MAX_ROUNDS + 1):
        pkg = open_for_edit(path, data, config.limits())
        if _round == 0 and pkg.signed():
            raise ReadError("digitally signed: a fix would break the signature; remove it first")
        diagnostics = lint_document(pkg.document, config)
        if _round == MAX_ROUNDS:
            break  # the last round only says what is left
        done = remove_residue(pkg, [d for d in diagnostics if fixable(d)])
        if not done:
            break
        removals += done
        data = pkg.save()
    result.remaining = diagnostics
    result.left_mixed = _left_mixed(diagnostics)
    result.removed = [(r.what, r.member, r.text) for r in removals]
    by_part: dict[str, list[str]] = {}
    for r in removals:
        by_part.setdefault(r.member, []).append(f"- {r.what}: {r.text}\n")
    result.diff = "".join(f"--- {path} {member}\n" + "".join(items) for member, items in by_part.items())
    return data


# -- writing ------------------------------------------------------------------------------


def _backup(path: str) -> str:
    """Copy the original to ``PATH.bak`` (``PATH.bak2``, ``PATH.bak3`` … when taken):
    an earlier backup is never overwritten."""
    target, n = path + ".bak", 1
    while os.path.exists(target):
        n += 1
        target = f"{path}.bak{n}"
    shutil.copy2(path, target)
    return target
