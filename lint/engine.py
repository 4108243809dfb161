"""The rule engine: runs the enabled rules over a document, applies suppressions, sorts
what they find.

It knows nothing about any single rule; rules come from the registry.  Rules marked
``after_suppression`` run last, once ``doc.unused_suppressions`` is known.
"""

from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from .config import selects
from .diagnostics import Diagnostic
from .document import Document
from .registry import all_rules
from .suppression import apply_suppressions, file_ignores


def _enabled(config) -> tuple:
    """The rules a config turns on (the same for every document it lints: worked out once)."""
    try:
        return _enabled_by(config)
    except TypeError:  # (a config that cannot be hashed)
        return tuple(rule for rule in all_rules() if config.enabled(rule))


@lru_cache(maxsize=8)
def _enabled_by(config) -> tuple:
    return tuple(rule for rule in all_rules() if config.enabled(rule))


# Diagnostic.sort_key, as a getter that makes no Python call per diagnostic
_PLACE = attrgetter("line", "column", "code")


def run_rules(doc: Document, config) -> list[Diagnostic]:
    overrides = dict(getattr(config, "severity", ()))
    ignored_here = file_ignores(config, doc.path)
    enabled = [rule for rule in _enabled(config) if not any(selects(s, rule) for s in ignored_here)]

    def run(rule) -> list[Diagnostic]:
        level = overrides.get(rule.code)
        return [d._replace(severity=level) if level else d for d in rule.check(doc, config)]

    found = [d for rule in enabled if not rule.after_suppression for d in run(rule)]
    # One finding per place and code: two shapes can describe the same span.
    unique = {(d.code, d.line, d.column, d.end_column, d.match): d for d in found}
    kept, doc.unused_suppressions = apply_suppressions(doc, config, list(unique.values()), enabled)
    later = [d for rule in enabled if rule.after_suppression for d in run(rule)]
    if later:  # so that a directive can silence RL001 too
        later, _ = apply_suppressions(doc, config, later, enabled)
    kept += later
    return sorted(kept, key=_PLACE)
