"""Regular expressions compiled the first time they are used.

Compiling is the largest part of a short run: the standard compiler walks every code
point of a character class, so one class of Chinese characters (``[\\u4e00-\\u9fff]``)
costs about a millisecond, and a clean report never needs most of the rules' patterns.
Modules declare their patterns with :func:`compile` here instead of :func:`re.compile`;
the first call of any matching method compiles the pattern and binds the compiled
pattern's own methods to the instance, so later calls cost what they would on a
``re.Pattern``.
"""

from __future__ import annotations

import re

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
            self._compiled = compiled = re.compile(self.pattern, self.flags)
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
