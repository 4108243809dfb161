"""Languages for messages and help: ``en`` (the messages as rules write them) and ``zh``.

``localize(diagnostic, lang)`` is the one call formatters, ``annotate`` and ``slots`` use to
show a diagnostic's message in the chosen language.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh")


def localize(diagnostic, lang: str = "en") -> str:
    """The diagnostic's message in ``lang`` (English until a catalogue says otherwise)."""
    return diagnostic.message
