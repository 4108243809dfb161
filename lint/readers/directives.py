"""The wording of reportlint directives, shared by the readers that find them.

Readers only recognise and split a directive; what it does is decided in
``lint/suppression.py``.
"""

from __future__ import annotations

import re

from .. import lazy_pattern

# <!-- reportlint-disable RL101, RL102 -->: the verb, then codes (comma or space separated).
MARKDOWN = lazy_pattern.compile(r"^\s*reportlint-([A-Za-z-]+)(?:[\s:]+(.*?))?\s*$", re.DOTALL)
# A Word comment whose whole text is "reportlint: ignore" or "reportlint: ignore RL101, RL102".
WORD = lazy_pattern.compile(r"^\s*reportlint\s*[:：]\s*ignore\b(.*?)\s*$", re.DOTALL | re.IGNORECASE)


def split_selectors(text: str | None) -> tuple[str, ...]:
    return tuple(s for s in re.split(r"[\s,，、]+", text or "") if s)


def markdown_directive(comment: str) -> tuple[str, tuple[str, ...]] | None:
    """(verb, selectors) of an HTML comment's content, or None when it is not a directive."""
    m = MARKDOWN.match(comment)
    if m is None:
        return None
    return m.group(1).lower(), split_selectors(m.group(2))


def word_directive(comment: str) -> tuple[str, ...] | None:
    """The selectors of a Word comment that is an ignore directive (empty: all), or None."""
    m = WORD.match(comment)
    return None if m is None else split_selectors(m.group(1))
