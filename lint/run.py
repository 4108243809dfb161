"""What the commands do, without the option parser: checking paths, and the start of
every run.

:func:`main` is the ``reportlint`` program.  A plain ``reportlint PATH...`` (paths, and at most ``-q``
and ``--no-cache``, as a pre-commit hook or a script runs it) goes straight to :func:`run_check` with the
default options; anything else (an option, a command, no argument) goes to the option
parser in :mod:`reportlint.cli`, which calls the same :func:`run_check`.  Importing the
parser costs about three times Python's own start-up, as much as linting a clean report,
so a plain run does not pay for it.  A test holds the two paths to the same defaults.

Exit codes: 0 no findings, 1 findings, 2 usage, configuration or unreadable input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from contextlib import closing

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FIX_FAIL_ON = SEVERITY_RANK["warning"]  # as for checking: info findings left do not fail a fix
COMMANDS = frozenset({"check", "fix", "annotate", "slots", "baseline"})  # the parser's commands


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    options = _plain(args)
    if options is None:
        from .cli import main as parse_and_run

        return parse_and_run(args)
    try:
        return run_check([a for a in args if a not in _PLAIN_FLAGS], **options)
    except KeyboardInterrupt:  # as the parser's runs end: a new line, then status 2
        echo("", err=True)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (reportlint … | head): stop quietly, status 1
        _stdout_gone()
        return EXIT_FINDINGS


def _stdout_gone() -> None:
    """Send what is still written to standard output, whose reader has gone, nowhere."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (nothing left to flush)
    except (OSError, ValueError, AttributeError):
        pass


# Flags without a value that a plain run may carry, and the option each sets.
_PLAIN_FLAGS = {"-q": "quiet", "--quiet": "quiet", "--no-cache": "no_cache"}


def _plain(args: list[str]) -> dict[str, bool] | None:
    """The options of a plain run (paths, and at most the flags above), else None.  (On
    Windows the parser also expands wildcards, so every run there goes through it.)"""
    paths = [a for a in args if a not in _PLAIN_FLAGS]
    if not paths or os.name == "nt" or args[0] in COMMANDS or any(a.startswith("-") for a in paths):
        return None
    return {_PLAIN_FLAGS[a]: True for a in args if a in _PLAIN_FLAGS}


def echo(text: str, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Print to standard output (or error) as the option parser's ``echo`` does: terminal
    escape codes taken out unless in colour (``color``; None: when the stream is a
    terminal), UTF-8 on a stream that claims ASCII, flushed.  In a run that has loaded
    the parser (every run on Windows, where it also translates colours), its own ``echo``.
    Either way, a character the stream cannot encode (latin-1) is written escaped."""
    if "click" in sys.modules:
        import click

        try:
            click.echo(text, err=err, nl=nl, color=color)
            return
        except UnicodeEncodeError:
            pass  # (nothing was written: the text is encoded before it is written)
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    text = text + "\n" if nl else text
    if not (color if color is not None else _isatty(stream)):
        text = _strip_escapes(text)
    encoding = getattr(stream, "encoding", None) or "ascii"
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and _is_ascii(encoding):  # a misconfigured locale: write UTF-8
        stream.flush()
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()
        return
    try:
        stream.write(text)
    except UnicodeEncodeError:  # (a stream that cannot hold Chinese: escaped, not a crash)
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _is_ascii(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def _strip_escapes(text: str) -> str:
    """The text without terminal control sequences (ECMA-48 CSI, such as ``\\033[31m``)."""
    if "\033" not in text:
        return text
    import re

    return re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", text)


def error(message: str) -> None:
    echo(f"reportlint: {message}", err=True)


def split(values: Sequence[str]) -> list[str] | None:
    """``--select A,B --select C`` as ``[A, B, C]``; None when none is given."""
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return items or None


def run_check(
    paths: Sequence[str], *, fmt: str = "text", output_path: str | None = None, select: Sequence[str] = (),
    extend_select: Sequence[str] = (), ignore: Sequence[str] = (), exclude: Sequence[str] = (),
    statistics: bool = False, list_rules: bool = False, dump_text: bool = False, show_outline: bool = False,
    quiet: bool = False, config_path: str | None = None, isolated: bool = False, profile: str | None = None,
    report_year: int | None = None, segmenter: str | None = None, fail_on: str = "warning",
    exit_zero: bool = False, jobs: int | None = None, no_cache: bool = False, color: str = "auto",
    baseline_path: str | None = None, lang: str | None = None, apply_fix: bool = False,
) -> int:
    """Lint ``paths`` and print the report; the exit code.  The keywords are the check
    command's options (``--format`` is ``fmt``), with its defaults."""
    from .config import load_config
    from .errors import ConfigError
    from .i18n import choose_language

    if list_rules:
        from .formatters.table import rules_table
        from .registry import all_rules

        echo(rules_table(all_rules(), _language(lang, config_path, isolated)), nl=False)
        return EXIT_CLEAN
    try:
        config = load_config(config_path, isolated=isolated).with_options(
            select=split(select),
            extend_select=split(extend_select),
            ignore=split(ignore),
            extend_exclude=list(exclude) or None,
            segmenter=segmenter,
            profile=profile,
            report_year=report_year,
        )
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR
    lang = choose_language(lang, config.lang)
    known = None
    if baseline_path:
        from .baseline import BaselineError, load_baseline

        try:
            known = load_baseline(baseline_path)
        except BaselineError as exc:
            error(str(exc))
            return EXIT_ERROR
    if dump_text:
        return _dump(paths)
    if show_outline:
        return _outline(paths, config, lang)
    from .api import LintResult, iter_lint_paths

    fix_failed = False
    if apply_fix:
        from .fix import fix_paths

        for fixed in fix_paths(paths, config):
            fix_failed |= report_fix(fixed, err=True)
    colour = color == "always" or (color == "auto" and _isatty(sys.stdout) and "NO_COLOR" not in os.environ)
    if output_path:
        colour = False
    out = None  # a format written file by file, to standard output
    if not (statistics or output_path):
        from .formatters import get_stream

        if (stream := get_stream(fmt)) is not None:
            out = stream(colour=colour, quiet=quiet, lang=lang)
    threshold = SEVERITY_RANK[fail_on]
    kept: list = []  # (the files, for a report written whole)
    unread = failing = gone = False
    with closing(iter_lint_paths(paths, config, jobs=jobs, cache=not no_cache)) as linted:
        results = linted
        if known is not None:
            from .baseline import baseline_filter

            results = map(baseline_filter(known, baseline_path), linted)
        for f in results:
            if f.error is not None:
                error(f"{f.path}: {f.error}")
                unread = True
            failing = failing or any(SEVERITY_RANK[d.severity] <= threshold for d in f.diagnostics)
            if out is None:
                kept.append(f)
            elif (text := out.file(f)) and not gone:  # each file's findings go out as soon as they are in
                gone = _echo_unless_gone(text, colour)
    if out is not None:
        if (text := out.end()) and not gone:
            _echo_unless_gone(text, colour)
    else:
        result = LintResult(kept)
        if statistics:
            from .formatters.table import statistics as stats_table

            report = stats_table(result, lang)
        else:
            from .formatters import get_formatter

            report = get_formatter(fmt)(result, colour=colour, quiet=quiet, lang=lang)
        if output_path:
            from .formatters import write_report

            try:
                write_report(output_path, report)
            except OSError as exc:
                error(f"{output_path}: cannot write the report: {exc.strerror or exc}")
                return EXIT_ERROR
        else:
            echo(report, nl=False, color=colour)
    if unread or fix_failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


def _echo_unless_gone(text: str, colour: bool) -> bool:
    """Write a piece of a report; True if the reader of standard output has gone (``… | head``):
    then the run goes on without output, so that its exit status and the errors on
    standard error are those of the whole run, as when the report is written in one piece."""
    try:
        echo(text, nl=False, color=colour)
    except BrokenPipeError:
        _stdout_gone()
        return True
    return False


def report_fix(fixed, err: bool = False, dry_run: bool = False) -> bool:
    """Say what a fix did to one file; True if the file could not be fixed."""
    if fixed.error:
        error(f"{fixed.path}: {fixed.error}")
        return True
    if fixed.changed:
        verb = "would fix" if dry_run else "fixed"
        kept = f"; original kept as {fixed.backup}" if fixed.backup else ""
        echo(f"{verb}: {fixed.path} ({fixed.summary()}){kept}", err=err)
    for d in fixed.left_mixed:
        echo(f"{fixed.path}:{d.line}: {d.code} vendor text inside report text: edit the line by hand", err=err)
    remaining = len(fixed.remaining)
    if remaining and not err:
        echo(f"{fixed.path}: {remaining} finding{'s' if remaining != 1 else ''} left to fix by hand "
             f"(run reportlint {fixed.path})")
    return False


def _language(option: str | None, config_path: str | None, isolated: bool) -> str:
    """The language for output that needs no config otherwise (--list-rules)."""
    from .config import load_config
    from .errors import ConfigError
    from .i18n import choose_language

    try:
        configured = load_config(config_path, isolated=isolated).lang
    except ConfigError:
        configured = None
    return choose_language(option, configured)


def _each_file(paths: Sequence[str], show) -> int:
    """Run ``show(path)`` for each path, with a header when there are several; a file that
    cannot be read gets its one-line error and exit status 2, the others still run."""
    from .errors import ReportlintError

    status = EXIT_CLEAN
    for path in paths:
        try:
            text = show(path)
        except ReportlintError as exc:
            error(f"{path}: {exc}")
            status = EXIT_ERROR
            continue
        if len(paths) > 1:
            echo(f"==> {path} <==")
        echo(text, nl=False)
    return status


def _dump(paths: Sequence[str]) -> int:
    from .readers import read_path

    def show(path: str) -> str:
        doc = read_path(path)
        return "".join(f"{b.line}:{b.column}\t{b.location_label()}\t{b.text}\n" for b in doc.blocks)

    return _each_file(paths, show)


def _outline(paths: Sequence[str], config, lang: str = "en") -> int:
    from .api import outline_report
    from .formatters.table import outline_table

    return _each_file(paths, lambda path: outline_table(outline_report(path, config), lang))
