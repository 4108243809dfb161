"""Limits on what a Word package may make the reader do (kept apart from the zip code so
that reading a text file never imports it)."""

from __future__ import annotations

from ..records import NamedTuple


class Limits(NamedTuple):
    max_members: int = 5000
    max_part_bytes: int = 32 * 1024 * 1024
    max_total_xml: int = 128 * 1024 * 1024
    max_ratio: int = 100
    ratio_floor: int = 1024 * 1024  # the ratio is checked for parts larger than this


DEFAULT_LIMITS = Limits()
