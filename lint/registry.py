"""The rule registry: every rule of every family listed in ``reportlint.rules.MODULES``.

Besides ``RULES``, a family may export hooks, module-level functions the rest of the
program calls without knowing which family answers:

- ``check_config(config, where)``: raise ``ConfigError`` for a setting the family owns
  that has a bad value (an unknown report-type profile);
- ``describe_outline(doc, config) -> dict``: what the family knows about a document's
  outline, merged into ``reportlint --outline``'s report (the report type and its parts).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from functools import cache, lru_cache

from .diagnostics import Rule


def _families() -> list:
    from reportlint import rules

    return [importlib.import_module(f"reportlint.rules.{name}") for name in rules.MODULES]


def rules_folder() -> str:
    """The folder of the rule families and their data (what a result cache must watch)."""
    from reportlint import rules

    return os.path.dirname(os.path.abspath(rules.__file__))


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for module in _families():
        found.extend(module.RULES)
    codes = [r.code for r in found]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule codes: {sorted(duplicates)}")
    return tuple(sorted(found, key=lambda r: r.code))


@cache
def hooks(name: str) -> tuple[Callable, ...]:
    """Every family's module-level function ``name``, in registry order."""
    return tuple(getattr(m, name) for m in _families() if callable(getattr(m, name, None)))


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code == code), None)
