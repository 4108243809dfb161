"""The rule registry: every rule of every family listed in ``reportlint.rules.MODULES``."""

from __future__ import annotations

import importlib
from functools import lru_cache

from .diagnostics import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    from reportlint import rules

    found: list[Rule] = []
    for name in rules.MODULES:
        module = importlib.import_module(f"reportlint.rules.{name}")
        found.extend(module.RULES)
    codes = [r.code for r in found]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule codes: {sorted(duplicates)}")
    return tuple(sorted(found, key=lambda r: r.code))


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code == code), None)
