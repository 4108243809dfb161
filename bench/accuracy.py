"""Precision and recall on the labelled corpus in fixtures/corpus/ (a benchmark, not a test).

Run: python bench/accuracy.py [--verbose] [CORPUS_DIR]

A corpus whose labels.tsv has a ``code`` column (fixtures/structure_claims) is
scored per rule instead: file, line, code and match (``*`` for any match).

A finding counts as correct when a label has the same file, line, category
and (for placeholders) the same exact match text.  Watermark labels are per
line: the finding's line must be labelled.  Prints precision and recall per
category and precision per rule; --verbose lists every miss and false alarm.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(os.path.dirname(HERE), "fixtures", "corpus")
CATEGORIES = ("placeholder", "watermark")


def load_labels(corpus: str) -> Counter:
    labels: Counter = Counter()
    with open(os.path.join(corpus, "labels.tsv"), encoding="utf-8", newline="") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        key = (row["file"], int(row["line"]), row["category"], row["match"] if row["category"] == "placeholder" else "")
        labels[key] += 1
    return labels


def findings(corpus: str) -> tuple[Counter, dict]:
    from reportlint.api import lint_paths
    from reportlint.config import Config

    found: Counter = Counter()
    codes: dict = {}
    names = sorted(n for n in os.listdir(corpus) if n.endswith((".txt", ".md")) and n != "README.md")
    result = lint_paths([os.path.join(corpus, n) for n in names], Config(root=corpus), jobs=1)
    for f in result.files:
        if f.error:
            raise SystemExit(f"{f.path}: {f.error}")
        name = os.path.relpath(f.path, corpus)
        for d in f.diagnostics:
            if d.category not in CATEGORIES:
                continue
            key = (name, d.line, d.category, d.match if d.category == "placeholder" else "")
            found[key] += 1
            codes.setdefault(key, []).append(d.code)
    return found, codes


def score(labels: Counter, found: Counter, codes: dict) -> dict:
    report = {}
    for category in CATEGORIES:
        lab = Counter({k: v for k, v in labels.items() if k[2] == category})
        got = Counter({k: v for k, v in found.items() if k[2] == category})
        true_pos = sum((lab & got).values())
        report[category] = {
            "labels": sum(lab.values()),
            "found": sum(got.values()),
            "tp": true_pos,
            "precision": true_pos / sum(got.values()) if got else 1.0,
            "recall": true_pos / sum(lab.values()) if lab else 1.0,
            "missed": sorted((lab - got).elements()),
            "false": sorted((got - lab).elements()),
        }
    per_rule: dict[str, list[int]] = {}
    for key, count in found.items():
        correct = min(count, labels.get(key, 0))
        for i, code in enumerate(codes[key]):
            stats = per_rule.setdefault(code, [0, 0])
            stats[0] += 1
            stats[1] += 1 if i < correct else 0
    report["rules"] = per_rule
    return report


def rule_labels(corpus: str) -> list[dict] | None:
    """Labels of a per-rule corpus (header ``file line code match``), or None."""
    with open(os.path.join(corpus, "labels.tsv"), encoding="utf-8", newline="") as fh:
        rows = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    if "code" not in (reader.fieldnames or []):
        return None
    return [dict(r, line=int(r["line"])) for r in reader]


def score_rules(corpus: str, labels: list[dict], categories: tuple[str, ...] = ("structure", "claim")) -> dict:
    """Precision and recall per rule: a finding is right when a label has its file, line and
    code, and its match (or ``*``)."""
    from reportlint.api import lint_paths
    from reportlint.config import Config

    names = sorted(n for n in os.listdir(corpus) if n.endswith((".txt", ".md")) and n != "README.md")
    result = lint_paths([os.path.join(corpus, n) for n in names], Config(root=corpus), jobs=1)
    unused = list(labels)
    stats: dict[str, dict] = {}
    false, missed = [], []
    for f in result.files:
        name = os.path.relpath(f.path, corpus)
        for d in f.diagnostics:
            if d.category not in categories:
                continue
            s = stats.setdefault(d.code, {"found": 0, "tp": 0, "labels": 0})
            s["found"] += 1
            hit = next((lab for lab in unused if lab["file"] == name and lab["line"] == d.line
                        and lab["code"] == d.code and lab["match"] in ("*", d.match)), None)
            if hit is not None:
                unused.remove(hit)
                s["tp"] += 1
            else:
                false.append((name, d.line, d.code, d.match))
    for lab in labels:
        stats.setdefault(lab["code"], {"found": 0, "tp": 0, "labels": 0})["labels"] += 1
    missed = [(lab["file"], lab["line"], lab["code"], lab["match"]) for lab in unused]
    return {"rules": stats, "false": false, "missed": missed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    per_rule = rule_labels(args.corpus)
    if per_rule is not None:
        report = score_rules(args.corpus, per_rule)
        print(f"corpus: {args.corpus} ({len(per_rule)} labels, per rule)")
        print(f"{'rule':<6} {'labels':>6} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7}")
        for code, st in sorted(report["rules"].items()):
            precision = st["tp"] / st["found"] if st["found"] else 1.0
            recall = st["tp"] / st["labels"] if st["labels"] else 1.0
            print(f"{code:<6} {st['labels']:>6} {st['found']:>6} {st['tp']:>7} {precision:>9.3f} {recall:>7.3f}")
        total_found = sum(st["found"] for st in report["rules"].values())
        total_tp = sum(st["tp"] for st in report["rules"].values())
        total_labels = sum(st["labels"] for st in report["rules"].values())
        print(f"all    {total_labels:>6} {total_found:>6} {total_tp:>7} "
              f"{(total_tp / total_found if total_found else 1):>9.3f} "
              f"{(total_tp / total_labels if total_labels else 1):>7.3f}")
        if args.verbose:
            for kind in ("missed", "false"):
                for key in report[kind]:
                    print(f"{kind:>6}: {key[0]}:{key[1]} {key[2]} {key[3]!r}")
        return 0
    labels = load_labels(args.corpus)
    found, codes = findings(args.corpus)
    report = score(labels, found, codes)
    files = len([n for n in os.listdir(args.corpus) if n.endswith((".txt", ".md")) and n != "README.md"])
    print(f"corpus: {args.corpus} ({files} documents, {sum(labels.values())} labels)")
    print(f"{'category':<12} {'labels':>6} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7}")
    for category in CATEGORIES:
        r = report[category]
        print(
            f"{category:<12} {r['labels']:>6} {r['found']:>6} {r['tp']:>7} {r['precision']:>9.3f} {r['recall']:>7.3f}"
        )
    print("precision per rule: " + ", ".join(
        f"{code} {ok}/{n} = {ok / n:.3f}" for code, (n, ok) in sorted(report["rules"].items())
    ))
    if args.verbose:
        for category in CATEGORIES:
            for kind in ("missed", "false"):
                for key in report[category][kind]:
                    print(f"{kind:>6} {category}: {key[0]}:{key[1]} {key[3]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
