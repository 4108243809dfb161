"""``--help`` in the chosen language: click commands whose help text comes from the catalogue.

click reads help text when the decorators run, before anyone has said which language
they want, and handles ``--help`` as soon as it meets it (before ``--lang`` is read).  So
the command looks at the raw arguments itself: ``--lang`` there, else the config key
``lang``, else the locale.  The English text is the key into the catalogue's ``[help]``
table (options) and ``[commands]`` table (a command's description, by command name).
"""

from __future__ import annotations

import inspect

import click

from .i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue, choose_language, gettext

_META_KEY = "reportlint.lang"


def _option_value(args: list[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def help_language(args: list[str]) -> str:
    """The language ``--help`` should use, given the raw command-line arguments."""
    chosen = _option_value(args, "--lang")
    if chosen in LANGUAGES:
        return chosen
    from .config import load_config
    from .errors import ConfigError

    configured = None
    if "--isolated" not in args:
        try:
            configured = load_config(_option_value(args, "--config")).lang
        except (ConfigError, OSError):
            configured = None  # the command itself will report a broken config
    return choose_language(None, configured)


class LocalizedCommand(click.Command):
    """A click command whose ``--help`` follows ``--lang``, the config and the locale."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if any(a in ("-h", "--help") for a in args):
            ctx.meta[_META_KEY] = help_language(args)
        return super().parse_args(ctx, args)

    @staticmethod
    def _lang(ctx: click.Context) -> str:
        return ctx.meta.get(_META_KEY, DEFAULT_LANGUAGE)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = self._lang(ctx)
        if lang == DEFAULT_LANGUAGE:
            return super().format_usage(ctx, formatter)
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), gettext("text", "Usage: ", lang))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = self._lang(ctx)
        text = catalogue(lang).get("commands", {}).get(self.name or "") if lang != DEFAULT_LANGUAGE else None
        if text is None:
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(inspect.cleandoc(text))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = self._lang(ctx)
        if lang == DEFAULT_LANGUAGE:
            return super().format_options(ctx, formatter)
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            names, text = record
            english = getattr(param, "help", None)
            if english and text.startswith(english):
                text = gettext("help", english, lang) + text[len(english):]
            text = text.replace("[default: ", gettext("text", "[default: ", lang))
            rows.append((names, text))
        if rows:
            with formatter.section(gettext("text", "Options", lang)):
                formatter.write_dl(rows)


def help_texts(command: click.Command) -> list[str]:
    """Every option help text of ``command`` (for the catalogue test)."""
    return [p.help for p in command.params if isinstance(p, click.Option) and p.help]
