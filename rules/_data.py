"""Loading the rule data files in ``rules/data`` (one entry a line, ``#`` comments; TOML).

Each TOML file has a pre-parsed copy beside it, ``NAME.toml.json``, made by
:func:`write_parsed_copies` and holding the checksum and size of the TOML it was made
from: a run with nothing in its cache (the first after installing) loads that instead of
parsing TOML, ~10 ms sooner.  A copy that does not match its TOML is not used (a test
fails on one, so that it is made again).
"""

from __future__ import annotations

import os
import zlib
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
    path = data_path(name)
    return data_cache.load(path, lambda raw: _parsed(path, raw))


PARSED = ".json"  # what the pre-parsed copy's name adds to its TOML's


def _parsed(path: str, raw: bytes) -> dict[str, Any]:
    """The tables of the TOML ``raw`` (the content of ``path``): from the pre-parsed copy
    when it was made from these bytes, else parsed."""
    import json  # (only a run with nothing in its cache reads the copies)

    try:
        with open(path + PARSED, encoding="utf-8") as fh:
            copy = json.load(fh)
        if copy["crc32"] == zlib.crc32(raw) and copy["size"] == len(raw):
            return copy["tables"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return data_cache.parse_toml(raw)


def parsed_copy(path: str) -> str:
    """The pre-parsed copy of a TOML file, as its ``.toml.json`` file holds it."""
    import json

    with open(path, "rb") as fh:
        raw = fh.read()
    copy = {"crc32": zlib.crc32(raw), "size": len(raw), "tables": data_cache.parse_toml(raw)}
    return json.dumps(copy, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def toml_files() -> list[str]:
    """The data files that are TOML, with their paths."""
    found = []
    for folder, _dirs, files in os.walk(DATA_DIR):
        found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".toml")]
    return sorted(found)


def write_parsed_copies() -> list[str]:
    """Make every TOML data file's pre-parsed copy again (run from a source checkout after
    editing the data: ``python -c "from reportlint.rules._data import write_parsed_copies;
    write_parsed_copies()"``); the copies written."""
    written = []
    for path in toml_files():
        text = parsed_copy(path)
        try:
            with open(path + PARSED, encoding="utf-8") as fh:
                if fh.read() == text:
                    continue
        except OSError:
            pass
        with open(path + PARSED, "w", encoding="utf-8") as fh:
            fh.write(text)
        written.append(path + PARSED)
    return written
