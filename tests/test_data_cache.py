"""The per-user cache of parsed data files: it saves time and never changes a result."""

from __future__ import annotations

import os

import pytest
from reportlint import data_cache
from reportlint.config import ConfigError, load_file


class CountingParser:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, raw: bytes) -> dict:
        self.calls += 1
        return {"text": raw.decode("utf-8"), "lines": raw.decode("utf-8").splitlines()}


def test_an_unchanged_file_is_parsed_once(tmp_path, cache_folder):
    source = tmp_path / "phrases.toml"
    source.write_text("酷乐文行\n仅供学习\n", encoding="utf-8")
    parse = CountingParser()
    first = data_cache.load(str(source), parse)
    second = data_cache.load(str(source), parse)
    assert first == second == {"text": "酷乐文行\n仅供学习\n", "lines": ["酷乐文行", "仅供学习"]}
    assert parse.calls == 1
    assert any(cache_folder.rglob("phrases.toml-*"))


def test_an_edit_of_the_same_size_and_time_is_seen(tmp_path, cache_folder):
    source = tmp_path / "phrases.toml"
    source.write_text("酷乐文行\n", encoding="utf-8")
    stat = os.stat(source)
    parse = CountingParser()
    data_cache.load(str(source), parse)
    source.write_text("范文网站\n", encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data_cache.load(str(source), parse)["lines"] == ["范文网站"]
    assert parse.calls == 2


def test_a_damaged_entry_is_parsed_again(tmp_path, cache_folder):
    source = tmp_path / "phrases.toml"
    source.write_text("酷乐文行\n", encoding="utf-8")
    parse = CountingParser()
    data_cache.load(str(source), parse)
    for entry in cache_folder.rglob("phrases.toml-*"):
        entry.write_bytes(b"\x00not marshal")
    assert data_cache.load(str(source), parse)["lines"] == ["酷乐文行"]
    assert parse.calls == 2


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "phrases.toml"
    source.write_text("酷乐文行\n", encoding="utf-8")
    parse = CountingParser()
    assert data_cache.load(str(source), parse)["lines"] == ["酷乐文行"]
    assert data_cache.load(str(source), parse)["lines"] == ["酷乐文行"]
    assert parse.calls == 2


def test_no_cache_neither_reads_nor_writes(tmp_path, cache_folder, monkeypatch):
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    source = tmp_path / "phrases.toml"
    source.write_text("酷乐文行\n", encoding="utf-8")
    parse = CountingParser()
    data_cache.load(str(source), parse)
    data_cache.load(str(source), parse)
    assert parse.calls == 2
    assert not cache_folder.exists()
    assert data_cache.cache_dir() is None


def test_a_value_marshal_cannot_hold_is_returned_uncached(tmp_path, cache_folder):
    source = tmp_path / "dated.toml"
    source.write_text("since = 2024-12-20\n", encoding="utf-8")
    assert str(data_cache.load_toml(str(source))["since"]) == "2024-12-20"
    assert str(data_cache.load_toml(str(source))["since"]) == "2024-12-20"
    assert not any(cache_folder.rglob("dated.toml-*"))


def test_the_folder_is_per_version_of_reportlint_and_python(cache_folder):
    from reportlint import __version__

    folder = data_cache.cache_dir()
    assert folder.startswith(str(cache_folder))
    assert __version__ in os.path.basename(folder)


@pytest.mark.parametrize("content", [b"select = [\n", b"select = ['RL1']\n\xff\xfe"])
def test_a_broken_config_is_an_error_with_or_without_a_cache_entry(tmp_path, cache_folder, content):
    config = tmp_path / ".reportlint.toml"
    config.write_bytes(content)
    for _ in range(2):
        with pytest.raises(ConfigError, match="invalid TOML"):
            load_file(str(config))


def test_a_config_edit_takes_effect_at_once(tmp_path, cache_folder):
    config = tmp_path / ".reportlint.toml"
    config.write_text('select = ["RL1"]\n', encoding="utf-8")
    assert load_file(str(config)).select == ("RL1",)
    config.write_text('select = ["RL2"]\n', encoding="utf-8")
    assert load_file(str(config)).select == ("RL2",)
