"""Command line: parses options, calls the API, picks a formatter.  No rule logic here.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or unreadable input.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .formatters import AUTO, FORMATS
from .help import LocalizedCommand
from .i18n import LANGUAGES, choose_language

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FIX_FAIL_ON = SEVERITY_RANK["warning"]  # as for checking: info findings left do not fail a fix
LANG_HELP = ("Language of messages and tables: zh or en (default: the config key lang, else the locale: "
             "zh when LC_ALL, LC_MESSAGES or LANG starts with zh).")
# Every command takes --lang; resolve it with choose_language(lang, config.lang).
lang_option = click.option("--lang", type=click.Choice(LANGUAGES), help=LANG_HELP)


def _split(values: tuple[str, ...]) -> list[str] | None:
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return items or None


def _err(message: str) -> None:
    click.echo(f"reportlint: {message}", err=True)


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
@click.argument("paths", nargs=-1, type=click.Path())
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
    from .config import load_config
    from .errors import ConfigError

    if list_rules:
        from .formatters.table import rules_table
        from .registry import all_rules

        click.echo(rules_table(all_rules(), _language(lang, config_path, isolated)), nl=False)
        raise SystemExit(EXIT_CLEAN)
    if not paths:
        raise click.UsageError("give at least one file or directory to lint")
    try:
        config = load_config(config_path, isolated=isolated).with_options(
            select=_split(select),
            extend_select=_split(extend_select),
            ignore=_split(ignore),
            extend_exclude=list(exclude) or None,
            segmenter=segmenter,
            profile=profile,
            report_year=report_year,
        )
    except ConfigError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None
    lang = choose_language(lang, config.lang)
    known = _load_baseline(baseline_path) if baseline_path else None
    if dump_text:
        raise SystemExit(_dump(paths))
    if show_outline:
        raise SystemExit(_outline(paths, config, lang))
    from .api import lint_paths

    fix_failed = False
    if apply_fix:
        from .fix import fix_paths

        for fixed in fix_paths(paths, config):
            fix_failed |= _report_fix(fixed, err=True)
    result = lint_paths(paths, config, jobs=jobs, cache=not no_cache)
    if known is not None:
        from .baseline import apply_baseline

        result = apply_baseline(result, known, baseline_path)
    for f in result.errors:
        _err(f"{f.path}: {f.error}")
    colour = color == "always" or (color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    if output_path:
        colour = False
    if statistics:
        from .formatters.table import statistics as stats_table

        report = stats_table(result, lang)
    else:
        from .formatters import get_formatter

        report = get_formatter(fmt)(result, colour=colour, quiet=quiet, lang=lang)
    if output_path:
        _write_output(output_path, report)
    else:
        click.echo(report, nl=False, color=colour)
    if result.errors or fix_failed:
        raise SystemExit(EXIT_ERROR)
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[d.severity] <= threshold for d in result.diagnostics)
    raise SystemExit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


@cli.command("fix", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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


def _report_fix(fixed, err: bool = False, dry_run: bool = False) -> bool:
    """Say what a fix did to one file; True if the file could not be fixed."""
    if fixed.error:
        _err(f"{fixed.path}: {fixed.error}")
        return True
    if fixed.changed:
        verb = "would fix" if dry_run else "fixed"
        kept = f"; original kept as {fixed.backup}" if fixed.backup else ""
        click.echo(f"{verb}: {fixed.path} ({fixed.summary()}){kept}", err=err)
    for d in fixed.left_mixed:
        click.echo(f"{fixed.path}:{d.line}: {d.code} vendor text inside report text: edit the line by hand", err=err)
    remaining = len(fixed.remaining)
    if remaining and not err:
        click.echo(f"{fixed.path}: {remaining} finding{'s' if remaining != 1 else ''} left to fix by hand "
                   f"(run reportlint {fixed.path})")
    return False


@cli.command("slots", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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


def _language(option: str | None, config_path: str | None, isolated: bool) -> str:
    """The language for output that needs no config otherwise (--list-rules)."""
    from .config import load_config
    from .errors import ConfigError

    try:
        configured = load_config(config_path, isolated=isolated).lang
    except ConfigError:
        configured = None
    return choose_language(option, configured)


def _load_baseline(path: str):
    from .baseline import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as exc:
        _err(str(exc))
        raise SystemExit(EXIT_ERROR) from None


class _LocalizedGroup(click.Group):
    command_class = LocalizedCommand


@cli.group("baseline", cls=_LocalizedGroup, context_settings={"help_option_names": ["-h", "--help"]})
def baseline() -> None:
    """Record today's findings so that CI reports only new ones (lint with --baseline FILE)."""


@baseline.command("write", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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


def _write_output(path: str, report: str) -> None:
    from .formatters import write_report

    try:
        write_report(path, report)
    except OSError as exc:
        _err(f"{path}: cannot write the report: {exc.strerror or exc}")
        raise SystemExit(EXIT_ERROR) from None


def _each_file(paths, show) -> int:
    """Run ``show(path)`` for each path, with a header when there are several; a file that
    cannot be read gets its one-line error and exit status 2, the others still run."""
    from .errors import ReportlintError

    status = EXIT_CLEAN
    for path in paths:
        try:
            text = show(path)
        except ReportlintError as exc:
            _err(f"{path}: {exc}")
            status = EXIT_ERROR
            continue
        if len(paths) > 1:
            click.echo(f"==> {path} <==")
        click.echo(text, nl=False)
    return status


def _dump(paths) -> int:
    from .readers import read_path

    def show(path: str) -> str:
        doc = read_path(path)
        return "".join(f"{b.line}:{b.column}\t{b.location_label()}\t{b.text}\n" for b in doc.blocks)

    return _each_file(paths, show)


def _outline(paths, config, lang: str = "en") -> int:
    from .api import outline_report
    from .formatters.table import outline_table

    return _each_file(paths, lambda path: outline_table(outline_report(path, config), lang))


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
    except click.Abort:
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
