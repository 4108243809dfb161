"""Output formats.  Each formatter turns a LintResult into text for one stream."""

from __future__ import annotations

FORMATS = ("text", "json")


def get_formatter(name: str):
    if name == "json":
        from .json import format_json

        return format_json
    from .text import format_text

    return format_text
