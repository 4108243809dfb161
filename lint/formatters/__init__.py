"""Output formats.  Each formatter turns a LintResult into text for one stream.

``FORMATTERS`` is the registry: format name -> (module, function).  The CLI's ``--format``
choices come from it, so a new format is one module and one line here.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

FORMATTERS = {
    "text": ("text", "format_text"),
    "json": ("json", "format_json"),
    "jsonl": ("jsonl", "format_jsonl"),
    "sarif": ("sarif", "format_sarif"),
    "github": ("github", "format_github"),
    "junit": ("junit", "format_junit"),
}
FORMATS = tuple(FORMATTERS)
# Formats that can be written file by file as the results come in (a long run shows its
# first findings at once, and its output is made while other files are still linted):
# format name -> (module, class with ``file(file_result)`` and ``end()``, each giving text).
STREAMS = {
    "text": ("text", "TextStream"),
    "jsonl": ("jsonl", "JsonlStream"),
    "github": ("github", "GithubStream"),
}
# Not a format of its own: `github` inside GitHub Actions, `text` anywhere else.
AUTO = "auto"


def choose_format(name: str, environ: Mapping[str, str] = os.environ) -> str:
    """The format ``name`` stands for (resolves ``auto``)."""
    if name == AUTO:
        return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def get_formatter(name: str):
    return _load(*FORMATTERS[choose_format(name)])


def get_stream(name: str):
    """The stream class of a format (see ``STREAMS``), or None for a format written whole."""
    entry = STREAMS.get(choose_format(name))
    return None if entry is None else _load(*entry)


def _load(module: str, name: str):
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def relative_path(path: str) -> str:
    """``path`` relative to the current folder when it is inside it, with ``/`` separators:
    what code-scanning and CI annotations expect (paths relative to the checkout)."""
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:  # Windows: on another drive
        return path.replace(os.sep, "/")
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def write_report(path: str, text: str) -> None:
    """Write the report to ``path`` in one step (see :mod:`reportlint.atomic`)."""
    from ..atomic import write_atomically

    write_atomically(path, text.encode("utf-8"))
