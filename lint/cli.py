"""Command line: parses options and hands them to :mod:`reportlint.run`, which does the work
(a plain ``reportlint PATH...`` skips this parser).  No rule logic here.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or unreadable input.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .formatters import AUTO, FORMATS
from .help import LocalizedCommand
from .i18n import LANGUAGES, choose_language
from .run import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, FIX_FAIL_ON, SEVERITY_RANK, run_check
from .run import error as _err
from .run import report_fix as _report_fix
from .run import split as _split

LANG_HELP = ("Language of messages and tables: zh or en (default: the config key lang, else the locale: "
             "zh when LC_ALL, LC_MESSAGES or LANG starts with zh).")
# Files to lint are not checked here: one that cannot be read gets its one-line error from
# the reader, and the others are still linted (as in a plain run, which has no parser).
_PATHS = click.Path(readable=False)
# Every command takes --lang; resolve it with choose_language(lang, config.lang).
lang_option = click.option("--lang", type=click.Choice(LANGUAGES), help=LANG_HELP)


class _DefaultGroup(click.Group):
    """``reportlint PATH...`` means ``reportlint check PATH...``."""

    command_class = LocalizedCommand  # every command's --help follows --lang

    def parse_args(self, ctx, args):
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """reportlint: find template residue in reports."""


@cli.command("check", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=_PATHS)
@click.option("--format", "fmt", type=click.Choice([*FORMATS, AUTO]), default="text", show_default=True,
              help="Output format (auto: github inside GitHub Actions, else text).")
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes (RL101), prefixes (RL1), names or categories; comma-separated.")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Rules to add to the selection (same forms as --select); turns on opt-in rules such as RL516.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching GLOB when walking directories.")
@click.option("--statistics", is_flag=True, help="Print a table of counts per rule instead of each finding.")
@click.option("--list-rules", is_flag=True, help="Print the table of rules and exit.")
@click.option("--dump-text", is_flag=True, help="Print the text the rules see, one block per line with its location.")
@click.option("--outline", "show_outline", is_flag=True,
              help="Print the numbered headings and how they match the report-type profile.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source excerpts, no summary.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--profile", metavar="NAME",
              help="Report type for the section rules (default: from the title; 'none' turns them off).")
@click.option("--report-year", type=click.IntRange(1900, 2200), metavar="YEAR",
              help="The year the report covers, when its title does not say.")
@click.option("--segmenter", type=click.Choice(["rjieba", "jieba"]), help="Word segmenter backend.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit status 1 (info findings are shown but pass by default).")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even when there are findings (errors reading files still exit 2).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core when linting many files).")
@click.option("--no-cache", is_flag=True,
              help="Lint every file afresh: neither reuse nor keep findings of unchanged files.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output (auto: only on a terminal).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings not in this baseline (make one: reportlint baseline write FILE PATH...).")
@click.option("--fix", "apply_fix", is_flag=True, help="Remove vendor residue first (as `reportlint fix`), then lint.")
@click.version_option(__version__, "--version", prog_name="reportlint", message="%(prog)s %(version)s")
@lang_option
def check(paths, fmt, output_path, select, extend_select, ignore, exclude, statistics, list_rules, dump_text,
          show_outline, quiet, config_path, isolated, profile, report_year, segmenter, fail_on, exit_zero, jobs,
          no_cache, color, baseline_path, lang, apply_fix) -> None:
    """Lint PATHS (.docx, .md, .txt files; directories are searched recursively).

    \b
    Exit status: 0 clean (or only findings below --fail-on), 1 findings,
    2 usage, config or unreadable input.
    Rules: reportlint --list-rules
    Other commands: slots, fix, annotate, baseline (reportlint COMMAND --help)
    """
    if not paths and not list_rules:
        raise click.UsageError("give at least one file or directory to lint")
    raise SystemExit(run_check(
        paths, fmt=fmt, output_path=output_path, select=select, extend_select=extend_select, ignore=ignore,
        exclude=exclude, statistics=statistics, list_rules=list_rules, dump_text=dump_text,
        show_outline=show_outline, quiet=quiet, config_path=config_path, isolated=isolated, profile=profile,
        report_year=report_year, segmenter=segmenter, fail_on=fail_on, exit_zero=exit_zero, jobs=jobs,
        no_cache=no_cache, color=color, baseline_path=baseline_path, lang=lang, apply_fix=apply_fix,
    ))


@cli.command("fix", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=_PATHS)
@click.option("--diff", "show_diff", is_flag=True, help="Show what would change, write nothing.")
@click.option("--backup", is_flag=True, help="Keep the original beside the file as PATH.bak (PATH.bak2 … if taken).")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (as for checking).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (as for checking).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip paths matching GLOB when walking directories.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@lang_option
def fix(paths, show_diff, backup, select, ignore, exclude, config_path, isolated, lang) -> None:
    """Remove vendor residue from PATHS: vendor lines and blocks, hidden vendor runs,
    vendor watermarks and property values.  Placeholders are never changed.

    \b
    Exit status: 0 nothing at or above warning left, 1 findings remain
    (placeholders …), 2 usage or config errors, or a file that cannot be
    fixed (unreadable, encrypted, signed, read-only).
    """
    from .config import load_config
    from .errors import ConfigError
    from .fix import fix_paths

    try:
        config = load_config(config_path, isolated=isolated).with_options(
            select=_split(select), ignore=_split(ignore), extend_exclude=list(exclude) or None
        )
    except ConfigError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    status = EXIT_CLEAN
    for fixed in fix_paths(paths, config, write=not show_diff, backup=backup):
        if show_diff:
            click.echo(fixed.diff, nl=False)
        if _report_fix(fixed, err=show_diff, dry_run=show_diff):
            status = EXIT_ERROR
        elif status == EXIT_CLEAN and any(SEVERITY_RANK[d.severity] <= FIX_FAIL_ON for d in fixed.remaining):
            status = EXIT_FINDINGS
    raise SystemExit(status)


@cli.command("annotate", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=_PATHS)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Where to write the copy (one input only; default: NAME.reportlint.docx beside it).")
@click.option("--lang", type=click.Choice(["en", "zh"]),
              help="Language of the comments (default: zh when the document is mostly Chinese).")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (as for checking).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (as for checking).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
def annotate(paths, output, lang, select, ignore, config_path, isolated) -> None:
    """Write a copy of each Word file with a comment on every finding.

    \b
    The copy (NAME.reportlint.docx) has a Word comment by "reportlint" on each
    finding's text, highlighted; walk them with Word's Next Comment.  The
    original is never changed.  Exit status: 0 copies written, 2 a file
    that cannot be annotated (not .docx, unreadable) or bad options.
    """
    from .annotate import annotate_path
    from .config import load_config
    from .errors import ConfigError

    if output and len(paths) > 1:
        raise click.UsageError("-o/--output takes one input file")
    try:
        config = load_config(config_path, isolated=isolated).with_options(select=_split(select), ignore=_split(ignore))
    except ConfigError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    status = EXIT_CLEAN
    for path in paths:
        done = annotate_path(path, output, config, lang)
        if done.error:
            _err(f"{path}: {done.error}")
            status = EXIT_ERROR
            continue
        count = done.anchored + done.noted
        click.echo(f"annotated: {done.output} ({count} comment{'s' if count != 1 else ''}: "
                   f"{done.anchored} on the text, {done.noted} on the first paragraph)")
    raise SystemExit(status)


@cli.command("slots", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=_PATHS)
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write to FILE instead of standard output (CSV gets a UTF-8 byte order mark for Excel).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@lang_option
def slots(paths, fmt, output, config_path, isolated, lang) -> None:
    """List the slots still to fill in PATHS: where, the text around them, what belongs there.

    \b
    Exit status: 0 no slots, 1 slots listed, 2 usage, config or unreadable input.
    """
    from .api import lint_paths
    from .config import load_config
    from .errors import ConfigError
    from .slots import collect_slots, format_slots, slots_config, write_output

    try:
        config = slots_config(load_config(config_path, isolated=isolated))
    except ConfigError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    result = lint_paths(paths, config)
    for f in result.errors:
        _err(f"{f.path}: {f.error}")
    found = collect_slots(result)
    text = format_slots(found, fmt, choose_language(lang, config.lang))
    if output:
        try:
            write_output(output, text, fmt)
        except OSError as exc:
            _err(f"{output}: cannot write: {exc.strerror or exc}")
            raise SystemExit(EXIT_ERROR) from None
    else:
        click.echo(text, nl=False)
    if result.errors:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_FINDINGS if found else EXIT_CLEAN)


class _LocalizedGroup(click.Group):
    command_class = LocalizedCommand


@cli.group("baseline", cls=_LocalizedGroup, context_settings={"help_option_names": ["-h", "--help"]})
def baseline() -> None:
    """Record today's findings so that CI reports only new ones (lint with --baseline FILE)."""


@baseline.command("write", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=_PATHS)
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (as for linting).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (as for linting).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Worker processes.")
@lang_option
def baseline_write(file, paths, select, ignore, config_path, isolated, jobs, lang) -> None:
    """Lint PATHS and write their findings to the baseline FILE (JSON, for version control).

    Exit status 0, or 2 when the config is invalid, a file cannot be read (the others
    are still recorded) or FILE cannot be written.
    """
    from .api import lint_paths
    from .baseline import BaselineError, write_baseline
    from .config import load_config
    from .errors import ConfigError

    try:
        config = load_config(config_path, isolated=isolated).with_options(select=_split(select), ignore=_split(ignore))
    except ConfigError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    result = lint_paths(paths, config, jobs=jobs)
    for f in result.errors:
        _err(f"{f.path}: {f.error}")
    try:
        total, added, dropped = write_baseline(result, file)
    except BaselineError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    files = len(result.files) - len(result.errors)
    click.echo(f"Wrote {total} findings in {files} file{'s' if files != 1 else ''} to {file} "
               f"({added} added, {dropped} dropped).", err=True)
    raise SystemExit(EXIT_ERROR if result.errors else EXIT_CLEAN)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    try:
        cli.main(args=argv, prog_name="reportlint", standalone_mode=False)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except (click.Abort, KeyboardInterrupt):  # (the parser turns Ctrl-C into Abort)
        return EXIT_ERROR
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
