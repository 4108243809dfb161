"""JSON Lines: one object per diagnostic, each with its file's path and format and the
fields of the JSON v1 diagnostic (see json.py), so a stream can be filtered line by line."""

from __future__ import annotations

import json


def format_jsonl(result, **_options) -> str:
    lines = [
        json.dumps({"path": f.path, "format": f.format, **d.to_json()}, ensure_ascii=False)
        for f in result.files
        for d in f.diagnostics
    ]
    return "".join(line + "\n" for line in lines)
