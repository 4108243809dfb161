"""Regular expressions compiled the first time they are used.

Compiling is the largest part of a short run: the standard compiler walks every code
point of a character class, so one class of Chinese characters (``[\\u4e00-\\u9fff]``)
costs about a millisecond, and a clean report never needs most of the rules' patterns.
Modules declare their patterns with :func:`compile` here instead of :func:`re.compile`;
the first call of any matching method compiles the pattern and binds the compiled
pattern's own methods to the instance, so later calls cost what they would on a
``re.Pattern``.

:func:`program` compiles at once, through a per-user cache of compiled programs: the
parse and code generation of every pattern a run needs cost about 20 ms, a cached
program is turned into a pattern in microseconds.  The cache is one file in the data
cache's folder (see :mod:`reportlint.data_cache`), keyed by each pattern's source and
flags and valid for one Python build; it is read once, on the first compile, and
written back (atomically) at exit when the run compiled a pattern it did not hold.
The engine checks every program it is given, and the file carries a checksum, so a
damaged or foreign file is passed over and the patterns compiled as usual: the cache
only ever saves time, it never changes a match.  Only patterns of the package's own
sources and data go through it (never a user's), so it stays small (about 100 KB).
Within a process, what the compiler makes of each character class is kept, so that a
class several patterns hold (the Chinese blocks) is worked out once.
"""

from __future__ import annotations

import os
import re
import sys

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A ``re.Pattern`` in waiting: the matching methods of ``re.Pattern``, plus
    ``pattern``, ``flags`` and :meth:`compiled` for code that needs the real thing."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = compiled = program(self.pattern, self.flags)
            for name in _METHODS:  # instance attributes win over the class methods set below
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def _delegate(name: str):
    def method(self: LazyPattern, *args, **kwargs):
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = method.__qualname__ = name
    method.__doc__ = f"``re.Pattern.{name}``, compiling the pattern first."
    return method


for _name in _METHODS:  # search, match, finditer ...: until the first call
    setattr(LazyPattern, _name, _delegate(_name))


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 - mirrors re.compile
    return LazyPattern(pattern, flags)


MAX_PROGRAMS = 2000  # beyond this, new patterns are compiled but not kept
_FILE = "patterns"
_programs: dict | None = None  # (source, flags) -> (flags, code, groups, groupindex, indexgroup)
_added = False


def program(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache of compiled programs when it holds it."""
    global _added
    programs = _load() if _programs is None else _programs
    key = (pattern, int(flags))
    stored = programs.get(key)
    if stored is not None:
        try:
            return _make(pattern, stored)
        except Exception:  # noqa: BLE001 - a program the engine refuses: compile it afresh
            del programs[key]
    try:
        record = _build(pattern, int(flags))
        compiled = _make(pattern, record)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - an engine whose internals differ: no caching
        return re.compile(pattern, flags)
    if len(programs) < MAX_PROGRAMS:
        programs[key] = record
        if not _added:
            _added = True
            import atexit

            atexit.register(save)
    return compiled


def _build(pattern: str, flags: int) -> tuple:
    """What ``re.compile`` hands the engine: final flags, program, group count and names."""
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover
        import sre_compile as _compiler
        import sre_parse as _parser
    parsed = _parser.parse(pattern, flags)
    optimize = _compiler._optimize_charset
    _compiler._optimize_charset = _once(optimize)  # (for this build only)
    try:
        code = [int(op) for op in _compiler._code(parsed, flags)]  # (opcodes are int subclasses)
    finally:
        _compiler._optimize_charset = optimize
    groupindex = {str(name): int(i) for name, i in parsed.state.groupdict.items()}
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


# Character classes the compiler has worked out in this process, by their parsed items.
# The compiler walks every code point of a class: a class of the Chinese blocks costs
# ~1.5 ms each time a pattern holds it, and a run with nothing in its cache compiles it
# in a dozen patterns.  Classes with case folding are not kept.
_CHARSETS: dict[tuple, tuple[list, bool]] = {}


def _once(optimize):
    """The compiler's class optimiser, remembering what it made of each class."""
    def optimize_once(charset, iscased=None, fixup=None, fixes=None):
        if iscased is not None or fixup is not None or fixes is not None:
            return optimize(charset, iscased, fixup, fixes)
        key = tuple(charset)
        found = _CHARSETS.get(key)
        if found is None:
            found = _CHARSETS[key] = optimize(charset)
        return list(found[0]), found[1]

    return optimize_once


def _make(pattern: str, record: tuple) -> re.Pattern:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = record
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _stamp() -> str:
    import _sre

    return f"{sys.version}|{sys.implementation.name}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"


def _path() -> str | None:
    from .data_cache import cache_dir

    folder = cache_dir()
    return None if folder is None else os.path.join(folder, _FILE)


def _load() -> dict:
    """The cached programs (an empty table when there are none, or they are not for this Python)."""
    global _programs
    _programs = _read(_path())
    return _programs


def _read(path: str | None) -> dict:
    from .data_cache import MISSING, read_entry

    programs = MISSING if path is None else read_entry(path, _stamp())
    return programs if isinstance(programs, dict) else {}


def save() -> None:
    """Write the programs compiled by this run into the cache, beside those already there
    (run at exit; a folder that cannot be written is passed over)."""
    from .data_cache import write_entry

    path = _path()
    if path is None or not _programs:
        return
    merged = _read(path)
    if len(merged) + len(_programs) > MAX_PROGRAMS:
        merged = {}
    merged.update(_programs)
    write_entry(path, _stamp(), merged)
