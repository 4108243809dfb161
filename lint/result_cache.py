"""Findings of files linted before, kept per user, so that an unchanged file is not
linted again (the approach of ruff and ESLint's ``--cache``).

An entry holds one file's findings and is used only when all of these are as they
were when it was written:

- the file's content (its size, CRC-32 and Adler-32: an edit is seen whatever the
  clock says);
- the path as given and the settings (every field of the :class:`~reportlint.config.Config`,
  which holds the command-line options too, patterns in full);
- the code that made the findings: reportlint's version and the size and modification
  time of every module and data file of the installed package (so an edited rule in a
  development checkout counts), and of the segmenter and parser modules it uses.

Files that could not be read are never stored (their error is found again, cheaply), nor
anything but regular files (reading a pipe for its key would consume it), nor a file that
changed while it was linted.
Entries live in the data cache's folder (:func:`reportlint.data_cache.cache_dir`), one
per path and settings, rewritten atomically; ``REPORTLINT_NO_CACHE=1`` or ``--no-cache``
turns the cache off, and a folder that cannot be written only costs time.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from functools import lru_cache

from . import data_cache

# Modules outside the package whose behaviour shapes findings.
_DEPENDENCIES = ("rjieba", "jieba", "lxml", "charset_normalizer", "regex", "opencc")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The version and every source and data file of reportlint and the modules it uses."""
    from importlib.machinery import PathFinder  # (importlib.util costs 3 ms more to import)

    from . import __version__
    from .registry import rules_folder

    parts = [__version__]
    for root in sorted({os.path.dirname(os.path.abspath(__file__)), rules_folder()}):  # this package, its rules
        _stat_tree(root, "", parts)
    for name in _DEPENDENCIES:
        spec = PathFinder.find_spec(name)
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            info = os.stat(spec.origin)
            parts.append(f"{name}:{spec.origin}:{info.st_size}:{info.st_mtime_ns}")
    text = "\n".join(parts).encode("utf-8", "surrogatepass")
    return f"{len(text)}-{zlib.crc32(text):08x}-{zlib.adler32(text):08x}"


def _stat_tree(folder: str, prefix: str, parts: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    _stat_tree(entry.path, f"{prefix}{entry.name}/", parts)
            elif entry.name.endswith((".py", ".toml", ".txt")):
                try:
                    info = entry.stat()
                except OSError:  # a dangling link (an editor's lock file): not part of the code
                    continue
                parts.append(f"{prefix}{entry.name}:{info.st_size}:{info.st_mtime_ns}")


def _state(info: os.stat_result) -> tuple:
    """What changes when a file is written (cheaper to compare than its content again)."""
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class ResultCache:
    """Lookups and stores for one run (one set of settings)."""

    def __init__(self, config) -> None:
        folder = data_cache.cache_dir()
        self.folder = os.path.join(folder, "results") if folder else None
        self.settings = repr(_settings_key(config))
        try:
            self.code = code_fingerprint() if self.folder else ""
        except OSError:  # the package cannot be read through: no cache rather than a wrong one
            self.folder, self.code = None, ""

    def _entry(self, path: str) -> str:
        where = f"{os.path.abspath(path)}\n{path}\n{self.settings}".encode("utf-8", "surrogatepass")
        return os.path.join(self.folder, f"{zlib.crc32(where):08x}{zlib.adler32(where):08x}")

    def _key(self, path: str) -> tuple | None:
        """The entry's key and the file's state as it was read, or None for what must not be
        cached (a pipe, a device: reading it for the key would consume it)."""
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                return None
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError:
            return None
        key = (path, self.settings, self.code, len(raw), zlib.crc32(raw), zlib.adler32(raw))
        return key, _state(info)

    def get(self, path: str):
        """The stored result for ``path`` and a ticket to store one later (None: never)."""
        if self.folder is None:
            return None, None
        ticket = self._key(path)
        if ticket is None:
            return None, None
        record = data_cache.read_entry(self._entry(path), ticket[0])
        if record is data_cache.MISSING:
            return None, ticket
        try:
            return _result(record), ticket
        except Exception:  # a record of another shape: lint again
            return None, ticket

    def put(self, path: str, ticket: tuple | None, result) -> None:
        if self.folder is None or ticket is None or result.error is not None:
            return
        key, state = ticket
        try:
            if _state(os.stat(path)) != state:
                return  # the file changed while it was linted: these findings may be of either version
        except OSError:
            return
        data_cache.write_entry(self._entry(path), key, _record(result))  # (not kept if marshal cannot hold it)


def _settings_key(value):
    """Settings as plain values for the key (``repr`` of a compiled pattern cuts it short)."""
    if isinstance(value, re.Pattern):
        return ("re", value.pattern, value.flags)
    if hasattr(value, "_fields") and not isinstance(value, type):  # the settings and their allow entries
        return (type(value).__name__, tuple((name, _settings_key(getattr(value, name))) for name in value._fields))
    if isinstance(value, (tuple, list)):
        return tuple(_settings_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(k), _settings_key(v)) for k, v in value.items()))
    return value


# A result is stored as plain values (marshal needs no import, which is most of a short
# run's saving, and with the rebuild reads about as fast as pickle): each diagnostic as a
# tuple of its fields, a message (and a
# message among another's arguments) as a tagged (text, template, arguments) and an
# expectation as a tuple.
_MESSAGE = "\x00message"


def _plain(value, message_type):
    if isinstance(value, message_type):
        return (_MESSAGE, str(value), value.template, {k: _plain(v, message_type) for k, v in value.args.items()})
    return value


def _restored(value, restore):
    if type(value) is tuple and len(value) == 4 and value[0] == _MESSAGE:
        return restore(value[1], value[2], {k: _restored(v, restore) for k, v in value[3].items()})
    return value


def _record(result) -> tuple:
    from .i18n import Message

    rows = [
        (*d[:4], _plain(d.message, Message), *d[5:-1], tuple(d.expects) if d.expects is not None else None)
        for d in result.diagnostics
    ]
    return (result.path, result.format, rows)


def _result(record: tuple):
    from .api import FileResult
    from .diagnostics import Diagnostic, Expectation
    from .i18n import restore_message

    path, fmt, rows = record
    diagnostics = [
        Diagnostic(*row[:4], _restored(row[4], restore_message), *row[5:-1],
                   Expectation(*row[-1]) if row[-1] is not None else None)
        for row in rows
    ]
    return FileResult(path=path, format=fmt, diagnostics=diagnostics)
