"""JSON Lines: one object per diagnostic, each with its file's path and format and the
fields of the JSON v1 diagnostic (see json.py), so a stream can be filtered line by line."""

from __future__ import annotations

import json


class JsonlStream:
    """The format one file at a time (:meth:`file`, then :meth:`end`, which adds nothing)."""

    def __init__(self, **_options) -> None:
        pass

    def file(self, f) -> str:
        return "".join(
            json.dumps({"path": f.path, "format": f.format, **d.to_json()}, ensure_ascii=False) + "\n"
            for d in f.diagnostics
        )

    def end(self) -> str:
        return ""


def format_jsonl(result, **_options) -> str:
    return "".join(map(JsonlStream().file, result.files))
