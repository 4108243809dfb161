"""Tables for --statistics and --list-rules (tabulate)."""

from __future__ import annotations

from collections import Counter

from ..i18n import gettext, rule_summary


def _headers(names: list[str], lang: str) -> list[str]:
    return [gettext("text", n, lang) for n in names]


def statistics(result, lang: str = "en") -> str:
    from tabulate import tabulate

    counts = Counter((d.code, d.name, d.category, d.severity) for d in result.diagnostics)
    rows = [[n, code, name, category, severity] for (code, name, category, severity), n in sorted(counts.items())]
    return tabulate(rows, headers=_headers(["count", "code", "name", "category", "severity"], lang)) + "\n"


def rules_table(rules, lang: str = "en") -> str:
    from tabulate import tabulate

    rows = [[r.code, r.name, r.category, r.severity, rule_summary(r, lang)] for r in rules]
    return tabulate(rows, headers=_headers(["code", "name", "category", "severity", "summary"], lang)) + "\n"


def outline_table(report: dict, lang: str = "en") -> str:
    from tabulate import tabulate

    def tr(text: str) -> str:
        return gettext("text", text, lang)

    rows = [[m.block.line, m.level, m.text, m.title[:40]] for m in report["markers"]]
    headers = _headers(["line", "level", "marker", "heading"], lang)
    out = tabulate(rows, headers=headers) if rows else tr("(no numbered headings)")
    profile = report.get("profile")
    if profile is None:
        return out + "\n\n" + tr("profile: none (no report type named in the title; use --profile NAME)") + "\n"
    inferred = tr(" (inferred from the name)") if profile.get("inferred") else ""
    groups = [
        [g["label"], tr("required") if g.get("required") else tr("optional"),
         tr("line {line}: {word}").format(line=b.line, word=w) if b is not None else tr("MISSING")]
        for g, b, w in report.get("groups", [])
    ]
    table = tabulate(groups, headers=[tr("section"), "", tr("found")])
    return f"{out}\n\n{tr('profile: {name}').format(name=profile['name'])}{inferred}\n{table}\n"
