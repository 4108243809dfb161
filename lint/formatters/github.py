"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

``::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RL101 x-slot::message``
(``warning`` and ``notice`` for the other severities).  Escaping follows the Actions
runner: ``%``, CR and LF in the message; also ``:`` and ``,`` in the properties.
"""

from __future__ import annotations

from ..i18n import localize
from . import relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def word_location(d) -> str:
    """Where a Word finding is in Word terms (its line is in the --dump-text view)."""
    where = f"{d.part} ¶{d.paragraph}" if d.paragraph else d.part
    if d.cell:
        where = f"{where} {d.cell}"
    if d.story:
        where = f"{where}, {d.story}"
    return where


def annotation(d, path: str, file_format: str, lang: str = "en") -> str:
    message = localize(d, lang)
    if file_format == "docx":
        message = f"{message} [{word_location(d)}]"
    props: dict[str, object] = {"file": path}
    if d.line > 0:
        props.update(line=d.line, col=d.column, endLine=d.end_line, endColumn=d.end_column)
    props["title"] = f"{d.code} {d.name}"
    return command(COMMANDS[d.severity], message, **props)


class GithubStream:
    """The format one file at a time (:meth:`file`, then :meth:`end`, which adds nothing)."""

    def __init__(self, lang: str = "en", **_options) -> None:
        self.lang = lang

    def file(self, f) -> str:
        path = relative_path(f.path)
        if f.error is not None:
            return command("error", f.error, file=path, title="unreadable file") + "\n"
        return "".join(annotation(d, path, f.format, self.lang) + "\n" for d in f.diagnostics)

    def end(self) -> str:
        return ""


def format_github(result, lang: str = "en", **_options) -> str:
    return "".join(map(GithubStream(lang).file, result.files))
