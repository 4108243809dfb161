"""Human output: ``path:line:col: CODE message`` and the line with the match marked."""

from __future__ import annotations

from ..i18n import DEFAULT_LANGUAGE, gettext, localize

CONTEXT_CHARS = 36
_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    try:
        return sum(map(_WIDTHS.__getitem__, text))
    except KeyError:  # a character not met before: look up the text's new ones
        import unicodedata  # (1.4 ms to load: only output with source lines needs it)

        for ch in set(text).difference(_WIDTHS):
            _WIDTHS[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return sum(map(_WIDTHS.__getitem__, text))


# Each character's width, once looked up (the lookup costs five times a dictionary's).
_WIDTHS: dict[str, int] = {}


def excerpt(source: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of ``source`` around [start, end) and the match's place in it."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(source), end + CONTEXT_CHARS)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(source) else ""
    window = prefix + source[lo:hi].replace("\t", " ") + suffix
    offset = len(prefix) + start - lo
    return window, offset, offset + (end - start)


def format_diagnostic(d, path: str, colour: bool = False, show_source: bool = True, lang: str = "en") -> str:
    severity = f"{_COLOURS[d.severity]}{d.code}{_RESET}" if colour else d.code
    suffix = ""
    if d.part != "body" or d.cell:
        where = f"{d.part} ¶{d.paragraph}" if d.paragraph else d.part
        if d.cell:
            where = f"{where} {d.cell}".strip()
        suffix = f" [{where}]" if where else ""
    head = f"{_BOLD}{path}{_RESET}" if colour else path
    message = d.message if lang == DEFAULT_LANGUAGE else localize(d, lang)  # (the English is the text itself)
    line = f"{head}:{d.line}:{d.column}: {severity} {message}{suffix}"
    if not show_source or not d.source:
        return line
    start = d.column - d.source_column
    end = start + len(d.match)
    window, s, e = excerpt(d.source, start, end)
    pad = " " * display_width(window[:s])
    marks = "^" * max(1, display_width(window[s:e]))
    if colour:
        marks = f"{_COLOURS[d.severity]}{marks}{_RESET}"
    return f"{line}\n    {window}\n    {pad}{marks}"


class TextStream:
    """The text format one file at a time: :meth:`file` for each file's result in turn,
    then :meth:`end` for the summary."""

    def __init__(self, colour: bool = False, quiet: bool = False, lang: str = "en", **_options) -> None:
        self.colour, self.quiet, self.lang = colour, quiet, lang
        self.count = self.files = self.errors = 0

    def file(self, f) -> str:
        self.files += 1
        self.errors += f.error is not None
        self.count += len(f.diagnostics)
        colour, show_source, lang = self.colour, not self.quiet, self.lang
        return "".join(format_diagnostic(d, f.path, colour, show_source, lang) + "\n" for d in f.diagnostics)

    def end(self) -> str:
        if self.quiet:
            return ""
        count, files, lang = self.count, self.files, self.lang
        found = f"Found {{count}} problem{'s' if count != 1 else ''} in {{files}} file{'s' if files != 1 else ''}"
        summary = gettext("text", found, lang).format(count=count, files=files)
        if self.errors:
            summary += gettext("text", " ({errors} could not be read)", lang).format(errors=self.errors)
        return summary + ("。" if lang == "zh" else ".") + "\n"


def format_text(result, colour: bool = False, quiet: bool = False, lang: str = "en", **_options) -> str:
    stream = TextStream(colour, quiet, lang)
    return "".join(map(stream.file, result.files)) + stream.end()
