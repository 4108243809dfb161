"""Suppression directives that do nothing, or that reportlint cannot read.

Category ``suppression``.  A directive that no longer suppresses anything hides
the next real finding in its place, so it is reported, as ruff reports an unused
``noqa`` (RUF100).  Directives are Markdown comments (``<!-- reportlint-disable
RL101 -->`` …) and Word comments reading ``reportlint: ignore RL101``; see
"Suppressing findings" in the README.

RL001 unused-suppression (info)
    A directive, or one of its selectors, that suppressed no finding in this run.
    A selector none of the enabled rules answers to (say ``RL201`` under
    ``--select placeholder``) is not called unused.  Config ``per-file-ignores``
    and ``allow`` entries are not checked: with only some files linted (a
    pre-commit hook) an entry for the other files would look unused.  These
    findings go through the directives too: ``<!-- reportlint-disable-file
    RL001 -->`` silences them for one file.

    PASS::

        <!-- reportlint-disable-next-line RL101 -->
        全县完成生产总值X亿元。

    PASS::

        <!-- reportlint-disable RL110 -->
        县（区）长述职报告
        <!-- reportlint-enable -->

    FAIL::

        <!-- reportlint-disable-next-line RL101 -->
        全县完成生产总值286.4亿元。

    FAIL::

        <!-- reportlint-disable-file RL101, RL110 -->
        全县完成生产总值X亿元。

RL002 invalid-suppression (warning)
    A directive reportlint cannot read: an unknown verb (``reportlint-disabel``)
    or an unknown selector (``RL999``).  It suppresses nothing for the unknown
    part, and says so here rather than stopping the run.

    PASS::

        <!-- reportlint-disable watermark -->
        正文。

    PASS::

        <!-- 这里是普通备注 -->
        正文。

    FAIL::

        <!-- reportlint-disable RL999 -->
        正文。

    FAIL::

        <!-- reportlint-disabel -->
        正文。
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.config import check_selector
from reportlint.diagnostics import Diagnostic, Example, Rule, find_snippet
from reportlint.document import Document, Suppression
from reportlint.errors import ConfigError
from reportlint.i18n import msg
from reportlint.suppression import KINDS

SUPPRESSION = "suppression"


def _invalid(s: Suppression) -> str | None:
    """Why a directive cannot be read, or None."""
    if s.kind not in KINDS or (s.kind == "ignore" and s.block is None):  # "ignore" is for Word comments
        known = ", ".join(k for k in KINDS if k != "ignore")
        return msg("unknown directive 'reportlint-{kind}' (known: {known})", kind=s.kind, known=known)
    for selector in s.selectors:
        try:
            check_selector(selector)
        except ConfigError:
            return msg("unknown rule selector '{selector}' in a suppression directive", selector=selector)
    return None


def _diagnostic(rule: Rule, s: Suppression, message: str) -> Diagnostic:
    if s.block is not None:  # a Word comment: its own text block
        return rule.diagnostic(s.block, 0, len(s.block.text), message)
    return Diagnostic(
        code=rule.code, name=rule.name, category=rule.category, severity=rule.severity, message=message,
        match=s.text, line=s.line, column=s.column, end_line=s.end_line, end_column=s.end_column,
        snippet=find_snippet(s.text, 0, len(s.text)), source=s.text if s.line == s.end_line else "",
        source_column=s.column,
    )


def check_unused(doc: Document, config) -> Iterator[Diagnostic]:
    for s, selectors in doc.unused_suppressions:
        if _invalid(s) is not None:
            continue  # RL002 says what is wrong with it
        if selectors and len(selectors) < len(s.selectors):
            what = ", ".join(selectors)
            message = msg("unused suppression: {what} suppressed nothing here; remove {what}", what=what)
            yield _diagnostic(UNUSED, s, message)
        else:
            yield _diagnostic(UNUSED, s, msg("unused suppression: it suppressed nothing; remove it"))


def check_invalid(doc: Document, config) -> Iterator[Diagnostic]:
    for s in doc.suppressions:
        problem = _invalid(s)
        if problem is not None:
            yield _diagnostic(INVALID, s, problem)


UNUSED = Rule(
    "RL001", "unused-suppression", SUPPRESSION, "info", "Suppression directive that suppressed nothing",
    check_unused,
    examples=(
        Example("<!-- reportlint-disable-next-line RL101 -->\n全县完成生产总值X亿元。", False, format="md"),
        Example("<!-- reportlint-disable RL110 -->\n县（区）长述职报告\n<!-- reportlint-enable -->", False,
                format="md"),
        Example("<!-- reportlint-disable-next-line RL101 -->\n全县完成生产总值286.4亿元。", True,
                ("<!-- reportlint-disable-next-line RL101 -->",), format="md"),
        Example("<!-- reportlint-disable-file RL101, RL110 -->\n全县完成生产总值X亿元。", True,
                ("<!-- reportlint-disable-file RL101, RL110 -->",), format="md"),
    ),
    after_suppression=True,
)
INVALID = Rule(
    "RL002", "invalid-suppression", SUPPRESSION, "warning", "Suppression directive reportlint cannot read",
    check_invalid,
    examples=(
        Example("<!-- reportlint-disable watermark -->\n正文。", False, format="md"),
        Example("<!-- 这里是普通备注 -->\n正文。", False, format="md"),
        Example("<!-- reportlint-disable RL999 -->\n正文。", True, ("<!-- reportlint-disable RL999 -->",), format="md"),
        Example("<!-- reportlint-disabel -->\n正文。", True, format="md"),
    ),
)

RULES = (UNUSED, INVALID)
