"""A per-user cache of parsed data files, so that a run need not parse TOML.

Parsing the rule data (``rules/data/*.toml``) and a project's config takes a short run
longer than linting a clean report does, and importing the TOML parser costs as much
again.  :func:`load` keeps what a parser made of a file, in the ``marshal`` format,
keyed by the file's path, size and CRC-32 (so an edit is seen whatever the clock says),
the Python version and reportlint's version.  A missing, stale or damaged entry is
parsed again and rewritten (atomically); a folder that cannot be written is passed
over: the cache only ever saves time, it never changes a result.

Where: ``$REPORTLINT_CACHE_DIR``, else the platform's user cache folder
(``$XDG_CACHE_HOME/reportlint``, ``~/.cache/reportlint``, ``~/Library/Caches/reportlint``,
``%LOCALAPPDATA%\\reportlint\\Cache``).  ``REPORTLINT_NO_CACHE=1`` neither reads nor writes.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Callable

from . import __version__
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def cache_dir() -> str | None:
    """This version's cache folder, or None when caching is off."""
    if os.environ.get("REPORTLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return None
    base = os.environ.get("REPORTLINT_CACHE_DIR")
    if not base:
        if sys.platform == "win32":
            base = os.path.join(os.environ.get("LOCALAPPDATA") or os.path.expanduser("~"), "reportlint", "Cache")
        elif sys.platform == "darwin":
            base = os.path.expanduser(os.path.join("~", "Library", "Caches", "reportlint"))
        else:
            base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "reportlint")
    return os.path.join(base, f"{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}")


def load(path: str, parse: Callable[[bytes], Any]) -> Any:
    """``parse(content of path)``, from the cache when the file is unchanged.

    Errors reading ``path`` and errors of ``parse`` propagate as they would uncached.
    """
    with open(path, "rb") as fh:
        raw = fh.read()
    folder = cache_dir()
    if folder is None:
        return parse(raw)
    source = os.path.abspath(path)
    key = (source, len(raw), zlib.crc32(raw))
    where = zlib.crc32(source.encode("utf-8", "surrogatepass"))
    entry = os.path.join(folder, f"{os.path.basename(source)}-{where:08x}")
    value = read_entry(entry, key)
    if value is MISSING:  # missing, stale or damaged: parse again
        value = parse(raw)
        write_entry(entry, key, value)
    return value


def load_toml(path: str) -> dict[str, Any]:
    """A TOML file's tables (the parser's errors, all ``ValueError``, propagate)."""
    return load(path, parse_toml)


def parse_toml(raw: bytes) -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # imported only when the cache has no entry
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(raw.decode("utf-8"))


MISSING = object()  # what read_entry gives for no usable entry


def read_entry(entry: str, key: Any) -> Any:
    """The value stored in the cache file ``entry`` under ``key``; MISSING when there is no
    such file, it holds another key, or it is damaged (its checksum does not match)."""
    try:
        with open(entry, "rb") as fh:
            raw = fh.read()
        if len(raw) < 4 or int.from_bytes(raw[:4], "little") != zlib.crc32(raw[4:]):
            return MISSING
        stored = marshal.loads(raw[4:])
    except (OSError, EOFError, ValueError, TypeError):
        return MISSING
    return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key else MISSING


def write_entry(entry: str, key: Any, value: Any) -> None:
    """Store ``value`` under ``key`` in the cache file ``entry`` (marshal, with a checksum,
    atomically); a value marshal cannot hold (a TOML date) is not stored."""
    try:
        payload = marshal.dumps((key, value))
    except ValueError:
        return
    write_atomically(entry, zlib.crc32(payload).to_bytes(4, "little") + payload)


def write_atomically(entry: str, payload: bytes) -> None:
    """Write a cache entry so that readers see the old entry or the new one, never half;
    a folder that cannot be written is passed over."""
    temporary = f"{entry}.{os.getpid()}.{os.urandom(4).hex()}.tmp"  # (threads of one process too)
    try:
        os.makedirs(os.path.dirname(entry), exist_ok=True)
        with open(temporary, "wb") as fh:
            fh.write(payload)
        os.replace(temporary, entry)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
