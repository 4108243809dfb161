"""The JSON contract (version 1): other tools parse it; keep the fields stable."""

from __future__ import annotations

import json

SCHEMA_VERSION = 1


def as_dict(result) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "files": [
            {"path": f.path, "format": f.format, "diagnostics": [d.to_json() for d in f.diagnostics]}
            for f in result.files
            if f.error is None
        ],
        "errors": [{"path": f.path, "message": f.error} for f in result.errors],
    }


def format_json(result, **_options) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
