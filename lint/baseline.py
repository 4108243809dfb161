"""Baseline: the findings a repository already has, so CI reports only new ones.

An entry is keyed on the file's path (relative to the baseline file's folder, with
``/``), the rule code and the matched text with white space collapsed, and holds a
count, not line numbers: editing elsewhere in a file does not invalidate it.  When a
file has more findings for a key than the baseline counts, the later ones (in
document order) are reported.

The file is pretty, sorted JSON so that it diffs well in version control::

    {
      "version": 1,
      "findings": [
        {"code": "RL101", "count": 2, "match": "X", "path": "reports/2023.txt"}
      ]
    }
"""

from __future__ import annotations

import json
import os
from collections import Counter

from .atomic import write_atomically
from .errors import ReportlintError

VERSION = 1
_ENTRY_KEYS = ("path", "code", "match", "count")

Key = tuple[str, str, str]


class BaselineError(ReportlintError):
    """The baseline file cannot be read or is not a reportlint baseline."""


def _root(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def _key(path: str, code: str, match: str, root: str) -> Key:
    from .config import relative_to_root

    return relative_to_root(path, root), code, " ".join(match.split())


def counts(result, baseline_path: str) -> Counter:
    """Findings of a lint result counted by baseline key (files that could not be read
    have none)."""
    root = _root(baseline_path)
    return Counter(_key(f.path, d.code, d.match, root) for f in result.files for d in f.diagnostics)


def write_baseline(result, baseline_path: str) -> tuple[int, int, int]:
    """Write the baseline of ``result`` to ``baseline_path`` atomically.

    Returns (findings it holds, findings added, findings dropped) against the baseline
    it replaces (none there, or unreadable: everything is added), so that a baseline
    that grows does not grow unnoticed.
    """
    found = counts(result, baseline_path)
    try:
        before = load_baseline(baseline_path) if os.path.exists(baseline_path) else Counter()
    except BaselineError:
        before = Counter()
    entries = [
        {"path": path, "code": code, "match": match, "count": n}
        for (path, code, match), n in sorted(found.items())
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        write_atomically(baseline_path, text.encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot write the baseline: {exc.strerror or exc}") from None
    return sum(found.values()), sum((found - before).values()), sum((before - found).values())


def load_baseline(baseline_path: str) -> Counter:
    """The counts a baseline file holds, by key; :class:`BaselineError` if it cannot."""
    try:
        with open(baseline_path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{baseline_path}: baseline file not found (write one with 'reportlint baseline write')") \
            from None
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot read the baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{baseline_path}: the baseline is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{baseline_path}: the baseline is not valid JSON ({exc.msg}, line {exc.lineno})") \
            from None
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError(f"{baseline_path}: not a reportlint baseline (no 'findings')")
    if data.get("version") != VERSION:
        raise BaselineError(f"{baseline_path}: baseline version {data.get('version')!r} is not supported "
                            f"(this reportlint reads version {VERSION})")
    if not isinstance(data["findings"], list):
        raise BaselineError(f"{baseline_path}: 'findings' must be a list")
    root = _root(baseline_path)
    found: Counter = Counter()
    for i, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or any(k not in entry for k in _ENTRY_KEYS):
            raise BaselineError(f"{baseline_path}: finding {i} needs {', '.join(_ENTRY_KEYS)}")
        path, code, match, n = (entry[k] for k in _ENTRY_KEYS)
        if not all(isinstance(v, str) for v in (path, code, match)):
            raise BaselineError(f"{baseline_path}: finding {i}: path, code and match must be strings")
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise BaselineError(f"{baseline_path}: finding {i}: count must be a whole number of 1 or more")
        # Keys are stored relative to the baseline's folder; normalise them the same way.
        found[_key(os.path.join(root, path), code, match, root)] += n
    return found


def apply_baseline(result, known: Counter, baseline_path: str):
    """A copy of ``result`` without the findings the baseline accounts for: per key, the
    first ``count`` findings in document order are known, the rest are new."""
    from .api import LintResult

    new_only = baseline_filter(known, baseline_path)
    return LintResult([new_only(f) for f in result.files])


def baseline_filter(known: Counter, baseline_path: str):
    """What :func:`apply_baseline` does, one file's result at a time (a function of a
    FileResult, for results that come in file by file)."""
    from .api import FileResult

    root = _root(baseline_path)

    def new_only(f):
        seen: Counter = Counter()
        new = []
        for d in f.diagnostics:
            key = _key(f.path, d.code, d.match, root)
            seen[key] += 1
            if seen[key] > known.get(key, 0):
                new.append(d)
        return FileResult(f.path, f.format, new, f.error)

    return new_only
