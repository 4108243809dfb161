"""The registry lists every rule module; every rule is documented and carries examples."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import textwrap

import pytest
from reportlint import rules
from reportlint.config import Config
from reportlint.diagnostics import CATEGORIES, SEVERITIES
from reportlint.registry import all_rules

RULES = all_rules()


def test_every_rule_module_is_registered():
    on_disk = {m.name for m in pkgutil.iter_modules([os.path.dirname(rules.__file__)]) if not m.name.startswith("_")}
    assert on_disk == set(rules.MODULES)


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for r in RULES:
        assert r.code.startswith("RL") and r.code[2:].isdigit() and len(r.code) == 5
        assert r.name == r.name.lower() and " " not in r.name
        assert r.category in CATEGORIES and r.severity in SEVERITIES


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented_in_its_module_docstring(rule):
    module = importlib.import_module(rule.check.__module__)
    assert f"{rule.code} {rule.name}" in module.__doc__


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_pass_and_fail_examples(rule):
    module = importlib.import_module(rule.check.__module__)
    if getattr(module, "WORD_ONLY", False):
        tests = os.path.join(os.path.dirname(__file__), f"test_{module.__name__.rsplit('.', 1)[-1]}.py")
        with open(tests, encoding="utf-8") as fh:
            assert rule.code in fh.read(), f"{rule.code} has no Word example in {tests}"
        return
    assert any(e.fails for e in rule.examples), "no FAIL example"
    assert any(not e.fails for e in rule.examples), "no PASS example"


EXAMPLES = [(r, e) for r in RULES for e in r.examples]


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=lambda x: getattr(x, "code", None) or x.text[:20])
def test_rule_example(rule, example):
    from reportlint import lint_text

    config = Config(extend_select=(rule.code,))
    found = [d for d in lint_text(example.text, format=example.format, config=config) if d.code == rule.code]
    if not example.fails:
        assert found == [], f"{rule.code} fired on PASS example {example.text!r}"
    elif example.matches:
        assert [d.match for d in found] == list(example.matches)
    else:
        assert found, f"{rule.code} missed FAIL example {example.text!r}"


def test_readme_documents_every_rule():
    readme = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
    if not os.path.exists(readme):
        pytest.skip("README not beside the tests")
    with open(readme, encoding="utf-8") as fh:
        text = fh.read()
    for r in RULES:
        assert f"| {r.code} | {r.name} |" in text, f"{r.code} missing from README"


def docstring_examples(doc: str, code: str) -> list[tuple[str, bool]]:
    """The PASS/FAIL examples of one rule in its module docstring.

    ``PASS: a | b`` lists one-line examples (``\\n`` in the text stands for a line
    break); ``PASS::`` introduces one indented literal block (a multi-line example).
    """
    lines = doc.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{code} "))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"RL\d{3} ", lines[i])), len(lines))
    found, i = [], start + 1
    while i < end:
        stripped = lines[i].strip()
        m = re.match(r"(PASS|FAIL)(::|:)\s*(.*)", stripped)
        if m and m.group(2) == "::":
            indent = len(lines[i]) - len(lines[i].lstrip())
            block, i = [], i + 1
            while i < end and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                block.append(lines[i])
                i += 1
            found.append((textwrap.dedent("\n".join(block)).strip("\n"), m.group(1) == "FAIL"))
            continue
        if m:
            found += [(t.strip().replace("\\n", "\n"), m.group(1) == "FAIL") for t in m.group(3).split(" | ")]
        i += 1
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_examples_are_tested_examples(rule):
    module = importlib.import_module(rule.check.__module__)
    shown = docstring_examples(module.__doc__, rule.code)
    if getattr(module, "WORD_ONLY", False):
        assert shown == []
        return
    tested = {(e.text.strip("\n"), e.fails) for e in rule.examples}
    assert {fails for _, fails in shown} == {False, True}, "the docstring needs a PASS and a FAIL example"
    assert [s for s in shown if s not in tested] == []


def test_only_the_registry_in_lint_knows_the_rule_families():
    """The engine, config, API and formatters reach rules through the registry (its
    rule list and hooks), never by importing a family."""
    lint_dir = os.path.dirname(importlib.import_module("reportlint.registry").__file__)
    offenders = []
    for folder, _dirs, files in os.walk(lint_dir):
        for name in files:
            path = os.path.join(folder, name)
            if name.endswith(".py") and name != "registry.py":
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                if re.search(r"^\s*(from reportlint\.rules\b|from \.+rules\b|import reportlint\.rules)", text, re.M):
                    offenders.append(os.path.relpath(path, lint_dir))
    assert offenders == []


def test_family_hooks_are_found_by_name():
    from reportlint.errors import ConfigError
    from reportlint.registry import hooks

    assert [h.__module__ for h in hooks("check_config")] == ["reportlint.rules.sections"]
    assert hooks("no_such_hook") == ()
    with pytest.raises(ConfigError, match="unknown profile 'nonsense'"):
        Config(profile="nonsense").validate()
