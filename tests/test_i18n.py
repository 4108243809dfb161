"""Messages, rule summaries and --help in Chinese: the catalogue is complete and used."""

from __future__ import annotations

import ast
import glob
import os
import pickle
import re
import string

import click
import pytest
from conftest import EXAMPLES, ROOT, SEED, requires_shared
from reportlint.i18n import Message, catalogue, choose_language, localize, msg, translate

# Rules, and the Word reader whose descriptions (comment 1 by 张三) some messages quote.
RULE_SOURCES = sorted(
    glob.glob(os.path.join(ROOT, "rules", "*.py")) + glob.glob(os.path.join(ROOT, "lint", "readers", "*.py"))
)
HAN = re.compile("[\u4e00-\u9fff]")


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    return f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)


def rule_templates() -> set[str]:
    """Every template a rule can produce: the literal first argument of msg() and N_()."""
    found = set()
    for path in RULE_SOURCES:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in ("msg", "N_"):
                assert node.args and isinstance(node.args[0], ast.Constant), (
                    f"{os.path.basename(path)}:{node.lineno}: msg()/N_() need a literal template"
                )
                found.add(node.args[0].value)
    return found


def fields(template: str) -> list[tuple[str, str]]:
    return sorted((name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None)


def test_every_rule_template_has_a_chinese_translation_with_the_same_placeholders():
    zh = catalogue("zh")["messages"]
    templates = rule_templates()
    assert len(templates) > 70
    missing = sorted(t for t in templates if t not in zh)
    assert missing == []
    mismatched = [t for t in templates if fields(t) != fields(zh[t])]
    assert mismatched == []
    assert all(HAN.search(zh[t]) for t in templates)


def test_catalogue_holds_no_template_that_no_rule_produces():
    assert sorted(set(catalogue("zh")["messages"]) - rule_templates()) == []


def test_rules_build_every_message_with_msg():
    """A message written as a plain or f-string literal would have no translation."""
    literal = []
    for path in RULE_SOURCES:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _call_name(node) in ("diagnostic", "package_diagnostic")):
                continue
            position = 3 if _call_name(node) == "diagnostic" else 2
            args = node.args[position : position + 1] + [k.value for k in node.keywords if k.arg == "message"]
            literal += [
                f"{os.path.basename(path)}:{node.lineno}" for a in args if isinstance(a, (ast.Constant, ast.JoinedStr))
            ]
    assert literal == []


def _report_texts() -> list[str]:
    paths = glob.glob(os.path.join(ROOT, "fixtures", "corpus", "*.*")) + glob.glob(os.path.join(EXAMPLES, "*"))
    return [p for p in paths if p.endswith((".txt", ".md", ".docx"))]


def test_every_finding_on_the_corpus_comes_from_a_translated_template():
    from reportlint import lint_paths
    from reportlint.registry import all_rules

    diagnostics = list(lint_paths(_report_texts()).diagnostics)
    from reportlint import lint_text

    for rule in all_rules():
        for example in rule.examples:
            diagnostics += lint_text(example.text)
    templates = rule_templates()
    assert len({d.code for d in diagnostics}) > 30
    for d in diagnostics:
        assert isinstance(d.message, Message), (d.code, d.message)
        assert d.message.template in templates, (d.code, d.message.template)
        assert HAN.search(localize(d, "zh")), (d.code, localize(d, "zh"))


def test_every_rule_summary_has_a_translation():
    from reportlint.registry import all_rules

    summaries = catalogue("zh")["summaries"]
    assert sorted(summaries) == sorted(r.code for r in all_rules())


def test_every_command_and_option_help_has_a_translation():
    from reportlint.cli import cli

    helps, commands = catalogue("zh")["help"], catalogue("zh")["commands"]
    for name, command in cli.commands.items():
        assert name in commands
        ctx = click.Context(command)
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and param.help:
                assert param.help in helps, (name, param.help)


@requires_shared(SEED)
def test_seed_messages_in_chinese(run_cli):
    result = run_cli("--lang", "zh", "--format", "json", SEED)
    assert result.code == 1
    diags = result.diagnostics()
    assert all(HAN.search(d["message"]) and "expected" not in d["message"] for d in diags)
    first_amount = next(d for d in diags if d["code"] == "RL101" and d["line"] == 9)
    assert first_amount["message"] == "未填写的占位符“X”：应填写金额（亿元）"
    choice = next(d for d in diags if d["code"] == "RL110")
    assert choice["message"] == "未选定的备选项“县（区）”：只保留一项"
    english = run_cli("--format", "json", SEED).diagnostics()
    assert [(d["code"], d["line"], d["column"]) for d in diags] == [(d["code"], d["line"], d["column"]) for d in english]


@requires_shared(SEED)
def test_seed_text_output_in_chinese(run_cli):
    out = run_cli("--lang", "zh", SEED).out
    assert "RL101 未填写的占位符“X”：应填写百分比" in out
    assert out.rstrip().endswith("在 1 个文件中发现 85 个问题。")


def test_language_follows_the_locale(run_cli, monkeypatch, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全县完成生产总值X亿元。\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "应填写金额（亿元）" in run_cli(str(path)).out
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert "expected an amount in 亿元" in run_cli(str(path)).out


def test_config_key_lang_and_option_override(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全县完成生产总值X亿元。\n", encoding="utf-8")
    config = tmp_path / ".reportlint.toml"
    config.write_text('lang = "zh"\n', encoding="utf-8")
    assert "应填写金额（亿元）" in run_cli("--config", str(config), str(path)).out
    assert "expected an amount" in run_cli("--config", str(config), "--lang", "en", str(path)).out


def test_unknown_lang_in_config_is_a_config_error(run_cli, tmp_path):
    config = tmp_path / ".reportlint.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    result = run_cli("--config", str(config), str(config))
    assert result.code == 2
    assert "lang must be one of en, zh" in result.err


def test_help_in_chinese(run_cli):
    result = run_cli("--lang", "zh", "--help")
    assert result.code == 0
    assert "用法：" in result.out and "只运行这些规则" in result.out
    assert "用法：" in run_cli("slots", "--help", "--lang=zh").out
    assert "Usage:" in run_cli("--help").out


def test_list_rules_in_chinese(run_cli):
    out = run_cli("--list-rules", "--lang", "zh").out
    assert "X/×/Ｘ 占位符未替换为数值" in out


def test_slots_in_chinese(run_cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全县完成生产总值X亿元，增长X%。\n", encoding="utf-8")
    out = run_cli("slots", "--lang", "zh", str(path)).out
    assert "应填写" in out and "金额（亿元）" in out and "百分比" in out
    rows = run_cli("slots", "--lang", "zh", "--format", "csv", str(path)).out.splitlines()
    assert rows[0].startswith("path,line,column")  # column ids stay English for scripts
    assert rows[1].endswith("金额（亿元）,未填写的占位符“X”：应填写金额（亿元）")


def test_missing_translation_falls_back_to_english():
    assert translate(msg("no such template {x}", x=1), "zh") == "no such template 1"
    assert translate("plain text", "zh") == "plain text"


def test_nested_messages_are_translated():
    message = msg("unfilled blank '{slot}': expected {expects}", slot="____", expects=msg("a percentage"))
    assert message == "unfilled blank '____': expected a percentage"
    assert translate(message, "zh") == "未填写的空白“____”：应填写百分比"


def test_messages_survive_worker_processes():
    message = msg("unfilled template slot '{slot}': expected {expects}", slot="X", expects=msg("an amount"))
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and translate(copy, "zh") == "未填写的占位符“X”：应填写金额"


@pytest.mark.parametrize(
    ("option", "configured", "environ", "expected"),
    [
        (None, None, {}, "en"),
        (None, None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        (None, "zh", {"LANG": "en_US.UTF-8"}, "zh"),
        ("en", "zh", {"LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_choose_language(option, configured, environ, expected):
    assert choose_language(option, configured, environ) == expected


def test_outline_and_statistics_in_chinese(run_cli):
    path = os.path.join(ROOT, "fixtures", "structure_claims", "02_shuzhi_faults.txt")
    outline = run_cli("--outline", "--lang", "zh", path).out
    assert "文种：述职报告" in outline and "必备" in outline
    assert "代码" in run_cli("--statistics", "--lang", "zh", path).out
