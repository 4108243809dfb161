"""Readers: bytes of one file -> :class:`~reportlint.document.Document`.

A reader knows nothing about rules.  :func:`read_path` picks the reader by the
file's suffix and turns every failure into a one-line :class:`ReadError`.
"""

from __future__ import annotations

import os

from ..errors import ReadError
from ..records import TYPE_CHECKING

if TYPE_CHECKING:  # (format_of is asked of every path, also those the result cache answers)
    from ..document import Document

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
WORD_SUFFIXES = {".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx"}
SUFFIXES = {**TEXT_SUFFIXES, **WORD_SUFFIXES}

# One file is read into memory whole; reports are small, this guards the rest.
MAX_FILE_BYTES = 256 * 1024 * 1024


def format_of(path: str) -> str | None:
    """The document format for a path ("txt", "md", "docx"), or None if not lintable."""
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def read_bytes(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ReadError(f"file is {size // (1024 * 1024)} MiB, over the 256 MiB limit")
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None


def read_document(path: str, data: bytes, fmt: str | None = None, limits=None) -> Document:
    """Parse ``data`` (the bytes of ``path``) as ``fmt`` (default: by suffix).

    ``limits`` (a :class:`~reportlint.readers.package.Limits`) bounds what a Word
    package may make the reader do.
    """
    fmt = fmt or format_of(path) or "txt"
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path, data, limits)
    from .text import decode

    text = decode(data)
    return read_text(path, text, fmt)


def read_text(path: str, text: str, fmt: str = "txt") -> Document:
    if fmt == "md":
        from .markdown import read_markdown

        return read_markdown(path, text)
    from .text import read_plain

    return read_plain(path, text)


def read_path(path: str, fmt: str | None = None, limits=None) -> Document:
    return read_document(path, read_bytes(path), fmt, limits)
