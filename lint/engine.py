"""The rule engine: runs the enabled rules over a document and sorts what they find.

It knows nothing about any single rule; rules come from the registry.
"""

from __future__ import annotations

from .diagnostics import Diagnostic
from .document import Document
from .registry import all_rules


def run_rules(doc: Document, config) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    overrides = dict(getattr(config, "severity", ()))
    for rule in all_rules():
        if config.enabled(rule):
            level = overrides.get(rule.code)
            for d in rule.check(doc, config):
                found.append(d._replace(severity=level) if level else d)
    # One finding per place and code: two shapes can describe the same span.
    unique = {(d.code, d.line, d.column, d.end_column, d.match): d for d in found}
    return sorted(unique.values(), key=Diagnostic.sort_key)
