"""Errors that end one file's lint (exit 2) without stopping the others."""

from __future__ import annotations


class ReportlintError(Exception):
    """Base class: the message is shown to the user as is, on one line."""


class ReadError(ReportlintError):
    """A file could not be read: wrong type, damaged, encrypted, undecodable."""


class ConfigError(ReportlintError):
    """The configuration is invalid."""


def describe_failure(exc: BaseException, advice: str = "please report it with the file") -> str:
    """The one-line message for an exception that ended one file's work: ours as they are,
    the resource limits Python hits on hostile files, and anything else as a bug to report."""
    if isinstance(exc, ReportlintError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "document nesting too deep"
    if isinstance(exc, MemoryError):
        return "out of memory while reading"
    detail = " ".join(str(exc).split())
    return f"internal error ({type(exc).__name__}: {detail}); {advice}"
