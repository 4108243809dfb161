"""Languages for messages and help: ``en`` (the messages as rules write them) and ``zh``.

``localize(diagnostic, lang)`` is the one call formatters, ``annotate`` and ``slots`` use to
show a diagnostic's message in the chosen language.

How it works (gettext's idea, kept small): a rule builds its message with
``msg(template, **args)``.  The result is the English text, as before, but it remembers
the template and the arguments.  ``data/messages.zh.toml`` maps each English template
to a Chinese one with the same ``{placeholders}``; ``localize`` fills that in.  An
argument may itself be a ``Message`` (``expected {expects}`` with ``an amount in {unit}``)
and is translated too.  Anything without a translation stays English.  Templates kept as
data (tables of messages filled in later) are marked with ``N_`` where they are written
and filled in with ``Message(template, **args)``; ``msg`` takes only a literal.  So a
test finds every template in the source (the literal arguments of ``msg`` and ``N_``)
and checks that it has a translation with the same placeholders.
"""

from __future__ import annotations

import os
from functools import cache

from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


class Message(str):
    """A message in English that remembers the template and arguments it was made from."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Message:
        self = super().__new__(cls, template.format(**args))
        self.template = template
        self.args = args
        return self

    def __reduce__(self):
        # Diagnostics travel between worker processes by the thousand: restore the text
        # as it is, without formatting the template again.
        return (restore_message, (str(self), self.template, self.args))


def restore_message(text: str, template: str, args: dict[str, Any]) -> Message:
    """A message as it was made (its text is not formatted again)."""
    self = str.__new__(Message, text)
    self.template = template
    self.args = args
    return self


def msg(template: str, /, **args: Any) -> Message:
    """A rule's message: ``template`` is English with ``{name}`` placeholders, written
    here as a literal so that the catalogue test can find it."""
    return Message(template, **args)


def N_(template: str) -> str:  # noqa: N802 - gettext's name for "a template, translated later"
    """Mark a template stored as data (filled in later with ``msg``)."""
    return template


@cache
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """The translations for ``lang``: tables ``messages``, ``summaries``, ``help``, ``text``."""
    path = os.path.join(CATALOGUE_DIR, f"messages.{lang}.toml")
    if lang == DEFAULT_LANGUAGE or not os.path.exists(path):
        return {}
    from .data_cache import load_toml  # only --lang zh reads the catalogue

    return load_toml(path)


def translate(text: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """A message (or a plain string) in ``lang``; English where no translation exists."""
    if lang == DEFAULT_LANGUAGE or not isinstance(text, Message):
        return str(text)
    target = catalogue(lang).get("messages", {}).get(text.template)
    if target is None:
        return str(text)
    args = {k: translate(v, lang) if isinstance(v, Message) else v for k, v in text.args.items()}
    try:
        return target.format(**args)
    except (KeyError, IndexError, ValueError):
        return str(text)  # a broken translation must not hide the finding


def localize(diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    """The diagnostic's message in ``lang`` (English when no translation exists)."""
    return translate(diagnostic.message, lang)


def gettext(section: str, text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """An entry of the catalogue's ``section`` (``summaries`` by rule code, ``help`` and
    ``text`` by their English text), or ``text`` itself."""
    if lang == DEFAULT_LANGUAGE:
        return text
    return catalogue(lang).get(section, {}).get(text, text)


def rule_summary(rule, lang: str = DEFAULT_LANGUAGE) -> str:
    if lang == DEFAULT_LANGUAGE:
        return rule.summary
    return catalogue(lang).get("summaries", {}).get(rule.code, rule.summary)


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """``zh`` when the locale (LC_ALL, LC_MESSAGES, LANG, the first one set) is Chinese."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def choose_language(option: str | None, configured: str | None = None, environ: dict[str, str] | None = None) -> str:
    """``--lang`` wins, then the config key ``lang``, then the locale."""
    return option or configured or language_from_environment(environ)
