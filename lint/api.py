"""The one entry point used by the CLI, the hook and the tests."""

from __future__ import annotations

import fnmatch
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from functools import lru_cache

from .config import Config, relative_to_root
from .diagnostics import Diagnostic
from .errors import describe_failure
from .records import TYPE_CHECKING

if TYPE_CHECKING:  # a run whose files all come from the result cache never builds a document
    from .document import Document


class FileResult:
    """One file's findings, or the reason it could not be linted."""

    __slots__ = ("path", "format", "diagnostics", "error")

    def __init__(self, path: str, format: str, diagnostics: list[Diagnostic] | None = None,  # noqa: A002
                 error: str | None = None) -> None:
        self.path = path
        self.format = format
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.error = error

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return (self.path, self.format, self.diagnostics, self.error) == \
            (other.path, other.format, other.diagnostics, other.error)

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return (f"FileResult(path={self.path!r}, format={self.format!r}, "
                f"diagnostics={self.diagnostics!r}, error={self.error!r})")

    def __reduce__(self):
        # Results come back from worker processes by the thousand diagnostics: as plain
        # tuples they pickle in less than half the time named tuples take (whose pickling
        # runs Python code for each one).
        rows = [(*d[:-1], tuple(d[-1]) if d[-1] is not None else None) for d in self.diagnostics]
        return (_file_result, (self.path, self.format, rows, self.error))


def _file_result(path: str, fmt: str, rows: list[tuple], error: str | None) -> FileResult:
    """A FileResult as FileResult.__reduce__ packed it."""
    from .diagnostics import Expectation

    new = tuple.__new__
    return FileResult(path, fmt, [
        new(Diagnostic, (*row[:-1], new(Expectation, row[-1]) if row[-1] is not None else None)) for row in rows
    ], error)


class LintResult:
    """The files of one run, in the order given."""

    __slots__ = ("files",)

    def __init__(self, files: list[FileResult] | None = None) -> None:
        self.files: list[FileResult] = [] if files is None else files

    def __eq__(self, other: object) -> bool:
        return self.files == other.files if isinstance(other, LintResult) else NotImplemented

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return f"LintResult(files={self.files!r})"

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def errors(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]


def lint_document(doc: Document, config: Config | None = None) -> list[Diagnostic]:
    from .engine import run_rules

    return run_rules(doc, config or Config())


def lint_text(text: str, format: str = "txt", config: Config | None = None, path: str = "<text>") -> list[Diagnostic]:
    """Lint a string as a .txt ("txt") or Markdown ("md") document."""
    from .readers import read_text

    if format not in ("txt", "md"):
        raise ValueError("lint_text takes format 'txt' or 'md'")
    return lint_document(read_text(path, text, format), config)


def _excluded(path: str, config: Config) -> bool:
    """Does an exclude glob match the path (relative to the config's folder) or one of its parts?"""
    rel = _case(relative_to_root(path, config.root))
    matches = _exclude_pattern((*config.exclude, *config.extend_exclude)).match
    return matches(rel) is not None or any(matches(part) is not None for part in rel.split("/"))


@lru_cache(maxsize=16)
def _exclude_pattern(globs: tuple[str, ...]):
    """One regex for all the globs (as ``fnmatch.fnmatch`` matches each, case as the platform has it)."""
    import re

    return re.compile("|".join(fnmatch.translate(_case(g.rstrip("/"))) for g in globs) or "(?!)")


def _case(text: str) -> str:
    """A path or glob as ``fnmatch.fnmatch`` compares them (on Windows lower case, and ``\\``
    and ``/`` alike), with ``/`` between its parts."""
    return os.path.normcase(text).replace(os.sep, "/")


def _annotated_copy(name: str) -> bool:
    """``报告.reportlint.docx``, written by ``reportlint annotate``: its findings are the original's."""
    return os.path.splitext(name)[0].endswith(".reportlint")


def expand_paths(paths: Iterable[str], config: Config) -> Iterator[tuple[str, str | None]]:
    """Files to lint: given files as they are, directories recursed over lintable suffixes.

    Yields (path, error): error is set for a path that does not exist.
    """
    from .readers import format_of

    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _excluded(os.path.join(folder, d), config))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if format_of(full) and not name.startswith("~$") and not _excluded(full, config) \
                            and not _annotated_copy(name):
                        yield full, None
        elif os.path.exists(path):
            yield path, None
        else:
            yield path, "no such file or directory"


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Reading and linting allocate many small objects without reference cycles; the
    cycle collector's passes over them cost 10-20% on large Word files (measured), and
    they are freed by reference counting anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_path(path: str, config: Config) -> FileResult:
    from .readers import format_of, read_path

    fmt = format_of(path) or "txt"
    result = FileResult(path=path, format=fmt)
    try:
        with _without_cycle_collector():
            doc = read_path(path, fmt, config.limits())
            result.diagnostics = lint_document(doc, config)
    except Exception as exc:  # a bug must not hide the other files' findings
        result.error = describe_failure(exc)
    return result


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 8


def _worker_count(jobs: int | None, files: int) -> int:
    if jobs is not None and jobs > 0:
        return min(jobs, max(1, files))
    if files < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8, files // 4))


def lint_paths(
    paths: Iterable[str], config: Config | None = None, jobs: int | None = None, cache: bool = False
) -> LintResult:
    """Lint files and directories; unreadable files become errors, not exceptions.

    ``jobs``: processes that lint at once, this one included (None: one per core when
    there are many files).
    ``cache``: reuse and keep findings of unchanged files (:mod:`reportlint.result_cache`).
    Results keep the order of the paths given.
    """
    with closing(iter_lint_paths(paths, config, jobs, cache)) as results:
        return LintResult(list(results))


def iter_lint_paths(
    paths: Iterable[str], config: Config | None = None, jobs: int | None = None, cache: bool = False
) -> Iterator[FileResult]:
    """:func:`lint_paths` one file at a time: each file's result in the order of the paths,
    as soon as it and those before it are linted (the files are found first).  Close the
    iterator (``contextlib.closing``) to stop early: worker processes are stopped too."""
    config = config or Config()
    todo: list[tuple[int, str]] = []
    slots: list[FileResult | None] = []
    tickets: dict[int, tuple | None] = {}
    store = None
    if cache:
        from .result_cache import ResultCache

        store = ResultCache(config)
    for path, missing in expand_paths(paths, config):
        if missing:
            from .readers import format_of

            slots.append(FileResult(path, format_of(path) or "txt", error=missing))
            continue
        if store is not None:
            hit, tickets[len(slots)] = store.get(path)
            if hit is not None:
                slots.append(hit)
                continue
        todo.append((len(slots), path))
        slots.append(None)
    workers = _worker_count(jobs, len(todo))
    if workers > 1:
        done = _lint_parallel([p for _, p in todo], config, workers)
    else:
        done = (lint_path(p, config) for _, p in todo)
    with closing(done):
        pending = iter(todo)
        for index, slot in enumerate(slots):
            if slot is None:
                _, path = next(pending)
                slot = next(done)
                if store is not None:
                    store.put(path, tickets.get(index), slot)
            slots[index] = None  # (handed on: not kept)
            yield slot


def _warm_up(config: Config) -> None:
    from .readers import read_text

    # (no vendor line: what only vendor text needs, such as the regex module, is loaded by
    # the workers that meet one; most runs never do)
    sample = "关于XX的报告\n联系电话：12345678（单位名称）**镇、20__年  月  日{{x}} TBD 县（区）长，增长5%\n"
    lint_document(read_text("<warm-up>", sample), config)
    config.limits()  # (as lint_path asks for each file: its module loaded once, before forking)


def _lint_parallel(paths: list[str], config: Config, workers: int) -> Iterator[FileResult]:
    """The results of ``paths`` in order, each as soon as it is in, from ``workers``
    processes (this one included)."""
    import pickle

    from . import workers as forked

    fork = forked.can_fork()
    if fork:
        _warm_up(config)  # forked workers inherit loaded rules, data and compiled patterns
        gc.freeze()  # and the collector leaves what they inherit alone (no copy-on-write)
        done = forked.run(
            len(paths), workers, lambda i: _lint_packed(paths[i], config), pickle.loads,
            lambda i: lint_path(paths[i], config), lambda: _lint_in_pool(paths, config, workers, fork),
        )
    else:
        done = _lint_in_pool(paths, config, workers, fork)
    # The collector is off while results are made and taken in, not while the caller has
    # one (nor left off by a caller that never finishes); what was frozen for the children
    # is unfrozen once they are started, with the first result.
    frozen = fork
    with closing(done):
        while True:
            try:
                with _without_cycle_collector():
                    result = next(done, None)
            finally:
                if frozen:
                    gc.unfreeze()
                    frozen = False
            if result is None:
                return
            yield result


def _lint_in_pool(paths: list[str], config: Config, workers: int, fork: bool) -> Iterator[FileResult]:
    """Worker processes of multiprocessing's pool (where the system cannot fork, or for
    more files than the task pipe holds); ``fork``: started by forking this process."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    context = multiprocessing.get_context("fork" if fork else None)
    chunk = max(1, len(paths) // (workers * 16))
    # (the children start with the collector on, as on their own: they may be forked while it is off)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=gc.enable)
    try:
        for packed in pool.map(partial(_lint_packed, config=config), paths, chunksize=chunk):
            yield pickle.loads(packed)
    finally:  # (stopped early: the files not yet begun are dropped, not linted)
        pool.shutdown(wait=True, cancel_futures=True)


def _lint_packed(path: str, config: Config) -> bytes:
    """A worker's result, pickled while the cycle collector is off: thousands of
    diagnostics make it run many passes otherwise (measured: half the transfer time)."""
    import pickle

    result = lint_path(path, config)
    with _without_cycle_collector():
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def outline_report(path: str, config: Config | None = None) -> dict:
    """The outline of one file and what the rule families make of it (for --outline):
    ``markers``, plus each family's ``describe_outline`` (the sections family adds
    ``profile`` and ``groups``)."""
    from .outline import outline
    from .readers import read_path
    from .registry import hooks

    config = config or Config()
    doc = read_path(path, None, config.limits())
    report: dict = {"markers": outline(doc)}
    for describe in hooks("describe_outline"):
        report.update(describe(doc, config))
    return report
