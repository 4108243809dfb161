"""Loading the rule data files in ``rules/data`` (one entry a line, ``#`` comments)."""

from __future__ import annotations

import os
from functools import cache

from reportlint import data_cache
from reportlint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(name: str) -> str:
    return os.path.join(DATA_DIR, name)


@cache
def load_lines(name: str) -> tuple[tuple[str, str], ...]:
    """Entries of a line list as (entry, reason); blank and comment lines skipped."""
    entries = []
    with open(data_path(name), encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            entry, _, reason = line.partition("  #")
            entries.append((entry.strip(), reason.strip()))
    return tuple(entries)


@cache
def load_toml(name: str) -> dict[str, Any]:
    return data_cache.load_toml(data_path(name))
