"""SARIF 2.1.0: the format code-scanning services read (GitHub code scanning, IDE viewers).

One run.  ``tool.driver.rules`` lists the rules that fired, in code order; each result points
at its rule by ``ruleId`` and ``ruleIndex``.  Columns count Unicode code points (the run says
so in ``columnKind``) and ``endColumn`` is exclusive, as in the JSON output.  For Word files
the line and column are those of the ``--dump-text`` view; ``logicalLocations`` say where the
text is in Word terms (part, story, paragraph, table cell).  Findings about a whole package
(line 0) have no region.  Files that could not be read are tool execution notifications,
and the invocation is then not successful.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..i18n import localize, rule_summary
from . import relative_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "reportlintMatch/v1"
HELP_EXAMPLES = 3


def artifact_location(path: str) -> dict:
    """A relative URI under %SRCROOT% (the current folder) when the file is inside it."""
    rel = relative_path(path)
    if os.path.isabs(rel) or rel.startswith("../"):
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def rule_descriptor(code: str, sample, lang: str = "en") -> dict:
    """The rule's metadata from the registry (or from a diagnostic, for a code it lacks)."""
    from ..registry import rule_by_code

    rule = rule_by_code(code)
    name, category = (rule.name, rule.category) if rule else (sample.name, sample.category)
    severity = rule.severity if rule else sample.severity
    summary = rule_summary(rule, lang) if rule else sample.name
    help_text = summary
    if rule:
        fails = [e.text for e in rule.examples if e.fails][:HELP_EXAMPLES]
        passes = [e.text for e in rule.examples if not e.fails][:HELP_EXAMPLES]
        if fails:
            help_text += "\nFinding: " + " | ".join(fails)
        if passes:
            help_text += "\nNot a finding: " + " | ".join(passes)
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": category, "tags": [category]},
    }


def logical_location(d) -> dict:
    """Where a Word finding is: the part, its story, the paragraph, the table cell."""
    steps = [d.part]
    if d.story:
        steps.append(d.story)
    if d.paragraph:
        steps.append(f"paragraph {d.paragraph}")
    if d.cell:
        steps.append(d.cell)
    properties = {"part": d.part, "paragraph": d.paragraph}
    for key in ("story", "cell", "heading"):
        if getattr(d, key):
            properties[key] = getattr(d, key)
    if d.section:
        properties["section"] = d.section
    return {
        "name": steps[-1],
        "fullyQualifiedName": " > ".join(steps),
        "kind": "element",
        "properties": properties,
    }


def fingerprint(uri: str, d, occurrence: int) -> str:
    """Stable across edits elsewhere in the file: no line or column, only what was found
    and which occurrence of the same finding in the file it is."""
    match = " ".join(d.match.split())
    key = "\x1f".join((uri, d.code, match, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif_result(d, location: dict, file_format: str, rule_index: int, occurrence: int, lang: str) -> dict:
    physical: dict = {"artifactLocation": location}
    if d.line > 0:
        physical["region"] = {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "snippet": {"text": d.match},
        }
    where: dict = {"physicalLocation": physical}
    if file_format == "docx":
        where["logicalLocations"] = [logical_location(d)]
    properties = {"category": d.category, "match": d.match}
    if d.snippet:
        properties["snippet"] = d.snippet
    if d.fix:
        properties["fix"] = d.fix
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": localize(d, lang)},
        "locations": [where],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(location["uri"], d, occurrence)},
        "properties": properties,
    }


def as_sarif(result, lang: str = "en") -> dict:
    samples = {}
    for d in result.diagnostics:
        samples.setdefault(d.code, d)
    codes = sorted(samples)
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for f in result.files:
        location = artifact_location(f.path)
        seen: Counter = Counter()
        for d in f.diagnostics:
            key = (d.code, " ".join(d.match.split()))
            results.append(sarif_result(d, location, f.format, index[d.code], seen[key], lang))
            seen[key] += 1
    notifications = [
        {
            "level": "error",
            "message": {"text": f.error},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(f.path)}}],
        }
        for f in result.errors
    ]
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportlint",
                        "version": __version__,
                        "rules": [rule_descriptor(code, samples[code], lang) for code in codes],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(os.getcwd())}},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def _folder_uri(folder: str) -> str:
    uri = Path(folder).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def format_sarif(result, lang: str = "en", **_options) -> str:
    return json.dumps(as_sarif(result, lang), ensure_ascii=False, indent=2) + "\n"
