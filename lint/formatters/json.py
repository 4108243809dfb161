"""The JSON contract (version 1): other tools parse it; keep the fields stable."""

from __future__ import annotations

import json

from ..i18n import localize

SCHEMA_VERSION = 1


def as_dict(result, lang: str = "en") -> dict:
    """``message`` is in ``lang``; every other field is the same in every language."""
    return {
        "version": SCHEMA_VERSION,
        "files": [
            {"path": f.path, "format": f.format, "diagnostics": [_diagnostic(d, lang) for d in f.diagnostics]}
            for f in result.files
            if f.error is None
        ],
        "errors": [{"path": f.path, "message": f.error} for f in result.errors],
    }


def _diagnostic(d, lang: str) -> dict:
    out = d.to_json()
    if lang != "en":
        out["message"] = localize(d, lang)
    return out


def format_json(result, lang: str = "en", **_options) -> str:
    return json.dumps(as_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
