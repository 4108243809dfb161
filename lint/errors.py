"""Errors that end one file's lint (exit 2) without stopping the others."""

from __future__ import annotations


class ReportlintError(Exception):
    """Base class: the message is shown to the user as is, on one line."""


class ReadError(ReportlintError):
    """A file could not be read: wrong type, damaged, encrypted, undecodable."""


class ConfigError(ReportlintError):
    """The configuration is invalid."""
