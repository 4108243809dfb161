"""The result cache: an unchanged file is not linted again, and nothing else changes."""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from reportlint import api, result_cache
from reportlint.config import Config

TEMPLATE = "关于2024年度工作情况的报告\n全县完成生产总值X亿元，增长X%。\n本文由酷乐文行整理，咨询QQ206157060\n"
FILLED = "关于2024年度工作情况的报告\n全县完成生产总值286.4亿元，增长6.5%。\n"


@pytest.fixture
def linted(monkeypatch):
    """The paths api.lint_path was asked to lint (so a cache hit shows as no call)."""
    calls: list[str] = []
    real = api.lint_path

    def counting(path, config):
        calls.append(os.path.basename(path))
        return real(path, config)

    monkeypatch.setattr(api, "lint_path", counting)
    return calls


def report(folder, name: str = "报告.txt", text: str = TEMPLATE):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def findings(result) -> list[tuple]:
    return [(f.path, d.code, d.line, d.column, d.match, str(d.message)) for f in result.files for d in f.diagnostics]


def test_an_unchanged_file_is_not_linted_again(tmp_path, cache_folder, linted):
    path = report(tmp_path)
    first = api.lint_paths([path], Config(), cache=True)
    second = api.lint_paths([path], Config(), cache=True)
    assert linted == ["报告.txt"]
    assert findings(second) == findings(first) and findings(first)
    assert [f.path for f in second.files] == [path]


def test_an_edit_of_the_same_size_is_linted(tmp_path, cache_folder, linted):
    path = report(tmp_path)
    stat = os.stat(path)
    api.lint_paths([path], Config(), cache=True)
    edited = TEMPLATE.replace("X亿元", "Y亿元")
    report(tmp_path, text=edited)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = api.lint_paths([path], Config(), cache=True)
    assert linted == ["报告.txt", "报告.txt"]
    assert [d.match for d in result.diagnostics if d.code == "RL101"] == ["X"]  # only 增长X% is left


def test_other_settings_are_another_entry(tmp_path, cache_folder, linted):
    path = report(tmp_path)
    everything = api.lint_paths([path], Config(), cache=True)
    slots_only = api.lint_paths([path], Config(select=("RL101",)), cache=True)
    assert linted == ["报告.txt", "报告.txt"]
    assert {d.code for d in slots_only.diagnostics} == {"RL101"}
    assert {d.code for d in everything.diagnostics} > {"RL101"}
    assert findings(api.lint_paths([path], Config(), cache=True)) == findings(everything)
    assert len(linted) == 2


def test_new_code_is_a_miss(tmp_path, cache_folder, linted, monkeypatch):
    path = report(tmp_path)
    api.lint_paths([path], Config(), cache=True)
    monkeypatch.setattr(result_cache, "code_fingerprint", lambda: "another version of the rules")
    api.lint_paths([path], Config(), cache=True)
    assert linted == ["报告.txt", "报告.txt"]


def test_the_code_fingerprint_covers_the_rule_data():
    result_cache.code_fingerprint.cache_clear()
    before = result_cache.code_fingerprint()
    from reportlint.registry import rules_folder

    data = os.path.join(rules_folder(), "data", "x_allow.txt")
    stat = os.stat(data)
    try:
        os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        result_cache.code_fingerprint.cache_clear()
        assert result_cache.code_fingerprint() != before
    finally:
        os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        result_cache.code_fingerprint.cache_clear()


def test_unreadable_files_are_never_stored(tmp_path, cache_folder):
    broken = tmp_path / "报告.docx"
    broken.write_bytes(b"not a zip at all")
    for _ in range(2):
        result = api.lint_paths([str(broken), str(tmp_path / "missing.txt")], Config(), cache=True)
        assert [bool(f.error) for f in result.files] == [True, True]
    assert not list((cache_folder).rglob("results/*"))


def test_a_damaged_entry_is_linted_again(tmp_path, cache_folder, linted):
    path = report(tmp_path)
    first = api.lint_paths([path], Config(), cache=True)
    for entry in cache_folder.rglob("results/*"):
        entry.write_bytes(b"\x80\x05not a pickle")
    again = api.lint_paths([path], Config(), cache=True)
    assert linted == ["报告.txt", "报告.txt"]
    assert findings(again) == findings(first)


def test_the_api_caches_only_when_asked(tmp_path, cache_folder, linted):
    path = report(tmp_path)
    api.lint_paths([path], Config())
    api.lint_paths([path], Config())
    assert linted == ["报告.txt", "报告.txt"]
    assert not cache_folder.exists()


def test_many_files_hit_without_starting_workers(tmp_path, cache_folder, monkeypatch):
    paths = [report(tmp_path, f"报告{i:02d}.txt", TEMPLATE if i % 2 else FILLED) for i in range(12)]
    first = api.lint_paths(paths, Config(), jobs=2, cache=True)

    def no_workers(*_args, **_kwargs):
        raise AssertionError("every file should come from the cache")

    monkeypatch.setattr(api, "_lint_parallel", no_workers)
    monkeypatch.setattr(api, "lint_path", no_workers)
    second = api.lint_paths(paths, Config(), jobs=2, cache=True)
    assert findings(second) == findings(first)


@pytest.mark.parametrize(("fmt", "lang"), [("text", "en"), ("json", "en"), ("text", "zh"), ("sarif", "zh")])
def test_cli_output_is_the_same_from_the_cache(tmp_path, cache_folder, run_cli, fmt, lang):
    path = report(tmp_path)
    report(tmp_path, "clean.md", "# 关于2024年度工作情况的报告\n\n全县完成生产总值286.4亿元。\n")
    runs = [run_cli("--format", fmt, "--lang", lang, str(tmp_path)) for _ in range(2)]
    assert runs[0].code == runs[1].code == 1
    assert runs[0].out == runs[1].out and "RL101" in runs[0].out
    assert fmt == "sarif" or path in runs[0].out  # (SARIF writes the path as a URI)
    assert list(cache_folder.rglob("results/*"))


def test_no_cache_neither_reuses_nor_keeps(tmp_path, cache_folder, run_cli, linted):
    path = report(tmp_path)
    run_cli("--no-cache", path)
    run_cli("--no-cache", path)
    assert linted == ["报告.txt", "报告.txt"]
    assert not list(cache_folder.rglob("results/*"))


def test_every_field_of_a_finding_comes_back(tmp_path, cache_folder):
    from reportlint.diagnostics import Diagnostic

    assert Diagnostic._fields[4] == "message" and Diagnostic._fields[-1] == "expects"
    path = report(tmp_path, text=TEMPLATE + "县（区）长述职报告\n")
    first = api.lint_paths([path], Config(), cache=True)
    second = api.lint_paths([path], Config(), cache=True)
    assert [tuple(d) for d in second.diagnostics] == [tuple(d) for d in first.diagnostics]
    assert [(d.message.template, d.message.args) for d in second.diagnostics] == [
        (d.message.template, d.message.args) for d in first.diagnostics
    ]
    assert any(d.expects is not None and d.expects.options for d in second.diagnostics)
    assert any(d.fix for d in second.diagnostics)


def test_a_run_answered_by_the_cache_loads_no_rule_and_no_parser(tmp_path, cache_folder):
    """What keeps a re-run cheap: no rule family, engine or TOML parser is imported."""
    path = report(tmp_path)
    code = (
        "import sys\nfrom reportlint.cli import main\ncode = main(['-q', sys.argv[1]])\n"
        "print(code, any(m.startswith('reportlint.rules.') for m in sys.modules),"
        " 'reportlint.engine' in sys.modules, 'tomllib' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    assert runs[0].stdout.split()[-3:-1] == ["True", "True"], runs[0].stderr
    assert runs[1].stdout.split()[-4:] == ["1", "False", "False", "False"], runs[1].stderr


def test_a_pipe_is_linted_and_never_kept(tmp_path, cache_folder):
    import threading

    fifo = tmp_path / "报告.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(TEMPLATE)

    writer = threading.Thread(target=feed)
    writer.start()
    result = api.lint_paths([str(fifo)], Config(), cache=True)
    writer.join(timeout=10)
    assert "X" in [d.match for d in result.diagnostics]
    assert not list(cache_folder.rglob("results/*"))


def test_a_file_saved_while_it_is_linted_is_not_kept(tmp_path, cache_folder, monkeypatch):
    path = report(tmp_path)
    real = api.lint_path

    def lint_then_save(p, config):
        result = real(p, config)
        report(tmp_path, text=FILLED)  # the writer saves while the linter runs
        return result

    monkeypatch.setattr(api, "lint_path", lint_then_save)
    api.lint_paths([path], Config(), cache=True)
    assert not list(cache_folder.rglob("results/*"))


def test_long_allow_patterns_that_differ_late_are_other_settings(tmp_path):
    from reportlint.config import AllowEntry

    head = "^" + "X" * 205
    one = Config(allow=(AllowEntry(reason="r", pattern=re.compile(head + "|^X$")),))
    two = Config(allow=(AllowEntry(reason="r", pattern=re.compile(head + "|^XX$")),))
    assert result_cache.ResultCache(one).settings != result_cache.ResultCache(two).settings


def test_a_dangling_link_in_the_code_only_leaves_it_out(tmp_path):
    (tmp_path / "rules.py").write_text("x = 1\n", encoding="utf-8")
    os.symlink(tmp_path / "gone", tmp_path / ".#rules.py")
    os.symlink(tmp_path / "gone.toml", tmp_path / "data.toml")
    parts: list[str] = []
    result_cache._stat_tree(str(tmp_path), "", parts)
    assert [p.split(":")[0] for p in parts] == ["rules.py"]


def test_results_from_worker_processes_are_the_ones_linted_here(tmp_path):
    """Worker processes send results back packed as plain tuples: every field, message
    (with its template and arguments) and expectation comes back as it was."""
    import pickle

    from reportlint.diagnostics import Diagnostic

    assert Diagnostic._fields[-1] == "expects"  # (what FileResult.__reduce__ packs apart)
    paths = [report(tmp_path, f"报告{i:02d}.txt", TEMPLATE if i % 2 else FILLED) for i in range(9)]
    paths += [*sorted(glob.glob(os.path.join(EXAMPLES, "*"))), str(tmp_path / "missing.txt")]
    here = api.lint_paths(paths, Config(), jobs=1)
    there = api.lint_paths(paths, Config(), jobs=2)
    assert there == here and any(f.error for f in there.files)
    for mine, theirs in zip(here.diagnostics, there.diagnostics, strict=True):
        assert type(theirs.message) is type(mine.message) and theirs.message.args == mine.message.args
        assert type(theirs.expects) is type(mine.expects)
    copy = pickle.loads(pickle.dumps(here.files[1]))
    assert copy == here.files[1] and copy.diagnostics[0].expects.kind == "amount"
