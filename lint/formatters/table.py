"""Tables for --statistics and --list-rules (tabulate)."""

from __future__ import annotations

from collections import Counter


def statistics(result) -> str:
    from tabulate import tabulate

    counts = Counter((d.code, d.name, d.category, d.severity) for d in result.diagnostics)
    rows = [[n, code, name, category, severity] for (code, name, category, severity), n in sorted(counts.items())]
    return tabulate(rows, headers=["count", "code", "name", "category", "severity"]) + "\n"


def rules_table(rules) -> str:
    from tabulate import tabulate

    rows = [[r.code, r.name, r.category, r.severity, r.summary] for r in rules]
    return tabulate(rows, headers=["code", "name", "category", "severity", "summary"]) + "\n"
