"""Findings of files linted before, kept per user, so that an unchanged file is not
linted again (the approach of ruff and ESLint's ``--cache``).

An entry holds one file's findings and is used only when all of these are as they
were when it was written:

- the file's content (its size, CRC-32 and Adler-32: an edit is seen whatever the
  clock says);
- the path as given and the settings (``repr`` of the :class:`~reportlint.config.Config`,
  which holds the command-line options too);
- the code that made the findings: reportlint's version and the size and modification
  time of every module and data file of the installed package (so an edited rule in a
  development checkout counts), and of the segmenter and parser modules it uses.

Files that could not be read are never stored (their error is found again, cheaply).
Entries live in the data cache's folder (:func:`reportlint.data_cache.cache_dir`), one
per path and settings, rewritten atomically; ``REPORTLINT_NO_CACHE=1`` or ``--no-cache``
turns the cache off, and a folder that cannot be written only costs time.
"""

from __future__ import annotations

import os
import zlib
from functools import lru_cache

from . import data_cache

# Modules outside the package whose behaviour shapes findings.
_DEPENDENCIES = ("rjieba", "jieba", "lxml", "charset_normalizer", "regex")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The version and every source and data file of reportlint and the modules it uses."""
    from importlib.machinery import PathFinder  # (importlib.util costs 3 ms more to import)

    from . import __version__
    from .registry import rules_folder

    parts = [__version__]
    roots = {os.path.dirname(os.path.abspath(__file__)), rules_folder()}  # this package, its rules
    for root in sorted(roots):
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".txt")):
                    full = os.path.join(folder, name)
                    stat = os.stat(full)
                    parts.append(f"{os.path.relpath(full, root)}:{stat.st_size}:{stat.st_mtime_ns}")
    for name in _DEPENDENCIES:
        spec = PathFinder.find_spec(name)
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            stat = os.stat(spec.origin)
            parts.append(f"{name}:{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}")
    text = "\n".join(parts).encode("utf-8", "surrogatepass")
    return f"{len(text)}-{zlib.crc32(text):08x}-{zlib.adler32(text):08x}"


class ResultCache:
    """Lookups and stores for one run (one set of settings)."""

    def __init__(self, config) -> None:
        folder = data_cache.cache_dir()
        self.folder = os.path.join(folder, "results") if folder else None
        self.settings = repr(config)
        self.code = code_fingerprint() if self.folder else ""

    def _entry(self, path: str) -> str:
        where = f"{os.path.abspath(path)}\n{path}\n{self.settings}".encode("utf-8", "surrogatepass")
        return os.path.join(self.folder, f"{zlib.crc32(where):08x}{zlib.adler32(where):08x}")

    def _key(self, path: str) -> tuple | None:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError:
            return None
        return (path, self.settings, self.code, len(raw), zlib.crc32(raw), zlib.adler32(raw))

    def get(self, path: str):
        """The stored result for ``path`` and its key, or (None, key) to store one later."""
        if self.folder is None:
            return None, None
        key = self._key(path)
        if key is None:
            return None, None
        try:
            import pickle

            with open(self._entry(path), "rb") as fh:
                stored_key, result = pickle.load(fh)
        except Exception:  # missing, damaged or from another Python: lint again
            return None, key
        return (result, key) if stored_key == key else (None, key)

    def put(self, path: str, key: tuple | None, result) -> None:
        if self.folder is None or key is None or result.error is not None:
            return
        import pickle

        payload = pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)
        data_cache.write_atomically(self._entry(path), payload)
