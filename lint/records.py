"""``NamedTuple`` for the records a lint run makes (tokens, blocks, diagnostics …), without
importing ``typing``: that import alone cost a run 3-5 ms, a tenth of linting a short file.

Records are declared as with ``typing.NamedTuple`` (annotated fields, defaults, methods, a
docstring) and are the same kind of class: a ``collections.namedtuple`` with the class
body's methods set on it.  Type checkers see ``typing.NamedTuple`` itself.  Modules that
need names from ``typing`` for annotations only import them under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False  # (as typing's, without importing it; type checkers take it as True)

if TYPE_CHECKING:
    from typing import NamedTuple
else:

    class _RecordMeta(type):
        """Makes ``class Name(NamedTuple): field: type = default …`` a named tuple."""

        def __new__(mcs, name, bases, namespace):
            if not bases:  # NamedTuple itself
                return super().__new__(mcs, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            defaults = [namespace[f] for f in fields if f in namespace]
            if any(f in namespace for f in fields[: len(fields) - len(defaults)]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = collections.namedtuple(name, fields, defaults=defaults, module=namespace.get("__module__"))
            for key, value in namespace.items():
                if key not in fields and key not in ("__module__", "__annotations__", "__classcell__"):
                    setattr(record, key, value)
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            return record

    class NamedTuple(metaclass=_RecordMeta):
        """The base a record class names (its metaclass makes it a named tuple)."""
