"""Configuration discovery and validation."""

from __future__ import annotations

import os

import pytest
from reportlint.config import Config, load_config
from reportlint.errors import ConfigError


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_config(tmp_path):
    cfg = load_config(start=str(tmp_path / "nowhere"), isolated=True)
    assert cfg == Config(root=cfg.root)


def test_pyproject_section_is_found_from_a_subfolder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nignore = ["RL105"]\n')
    sub = tmp_path / "reports" / "2024"
    sub.mkdir(parents=True)
    cfg = load_config(start=str(sub))
    assert cfg.ignore == ("RL105",) and cfg.root == str(tmp_path)


def test_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / ".reportlint.toml", 'select = ["placeholder"]\n')
    inner = tmp_path / "proj"
    inner.mkdir()
    write(inner / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(start=str(inner)).select == ("placeholder",)


def test_dot_file_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["RL101"]\n')
    write(tmp_path / ".reportlint.toml", 'select = ["RL110"]\n')
    assert load_config(start=str(tmp_path)).select == ("RL110",)


@pytest.mark.parametrize(
    "text,message",
    [
        ('selcet = ["RL101"]\n', "unknown setting 'selcet'"),
        ('select = "RL999"\n', "unknown rule selector 'RL999'"),
        ("select = 3\n", "select must be a list of strings"),
        ('segmenter = "pkuseg"\n', "segmenter must be one of"),
        ("select = [\n", "invalid TOML"),
        ('extend-vendor-phrases = ["x"]\n', "2 or more characters"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, text, message):
    path = write(tmp_path / ".reportlint.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_config(str(path))


def test_bad_config_exits_2_with_one_line(run_cli, tmp_path, monkeypatch):
    write(tmp_path / ".reportlint.toml", "nonsense = 1\n")
    (tmp_path / "a.txt").write_text("XX村", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("a.txt")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "unknown setting 'nonsense'" in result.err


def test_extend_allow_silences_a_word(lint):
    text = "本院新购X刀治疗系统，开展XR刀项目。引进X光伏板。"
    assert [d.match for d in lint(text)] == ["X"]
    assert lint("建成X光伏电站", extend_allow=("X光伏",)) == []


def test_extend_vendor_phrases(lint):
    text = "一、工作成效\n全年完成各项任务。\n墨语公文坊"
    assert lint(text) == []
    assert [d.code for d in lint(text, extend_vendor_phrases=("墨语公文坊",))] == ["RL201"]


def test_exclude_is_relative_to_the_config_folder(run_cli, tmp_path, monkeypatch):
    write(tmp_path / ".reportlint.toml", 'extend-exclude = ["drafts"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text("XX村", encoding="utf-8")
    (tmp_path / "final.txt").write_text("12村", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = run_cli("--format", "json", ".").json()
    assert [f["path"] for f in data["files"]] == ["./final.txt"]


def test_jieba_backend_gives_the_same_answers(lint):
    text = "建成X光伏电站，拍X光片检查，新建XX线下门店。"
    fast = [(d.match, d.column) for d in lint(text)]
    slow = [(d.match, d.column) for d in lint(text, segmenter="jieba")]
    assert fast == slow == [("X", 3), ("XX", 18)]


def test_package_limits_are_configurable(run_cli, tmp_path, monkeypatch):
    from docx_builder import paragraph, write_docx

    write_docx(str(tmp_path / "r.docx"), [paragraph("全年完成X亿元")])
    monkeypatch.chdir(tmp_path)
    assert run_cli("r.docx").code == 1
    (tmp_path / ".reportlint.toml").write_text("max-members = 3\n", encoding="utf-8")
    result = run_cli("r.docx")
    assert result.code == 2 and "over the limit of 3" in result.err


def test_bad_limit_is_a_config_error(tmp_path):
    path = tmp_path / ".reportlint.toml"
    path.write_text('max-part-mib = "big"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="max-part-mib must be a whole number"):
        load_config(str(path))


def test_user_profiles(run_cli, tmp_path, monkeypatch):
    (tmp_path / ".reportlint.toml").write_text(
        '[profiles."季度汇报"]\ntitles = ["季度工作汇报"]\n'
        'groups = [{ label = "风险提示", any = ["风险"] }, { label = "下季度安排", any = ["下季度"] }]\n',
        encoding="utf-8",
    )
    (tmp_path / "r.txt").write_text("第三季度工作汇报\n一、完成情况\n各项工作稳步推进。\n二、下季度安排\n继续推进。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    diags = run_cli("--format", "json", "--select", "RL405", "r.txt").diagnostics()
    assert [d["message"].split(":")[0] for d in diags] == ["季度汇报 has no 风险提示 part"]


def test_bad_user_profile(tmp_path):
    path = tmp_path / ".reportlint.toml"
    path.write_text('[profiles.x]\ngroups = [{ words = ["a"] }]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="group 1 needs 'any'"):
        load_config(str(path))


def test_severity_overrides(run_cli, tmp_path, monkeypatch):
    (tmp_path / ".reportlint.toml").write_text('[severity]\nRL105 = "info"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("本报告于2024年  月  日审议通过。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("--format", "json", "r.txt")
    assert [(d["code"], d["severity"]) for d in result.diagnostics()] == [("RL105", "info")]
    assert result.code == 0


def test_bad_severity(tmp_path):
    path = tmp_path / ".reportlint.toml"
    path.write_text('[severity]\nRL999 = "info"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown rule code"):
        load_config(str(path))
    path.write_text('[severity]\nRL105 = "fatal"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must be one of"):
        load_config(str(path))


def test_exclude_globs_match_as_fnmatch_matches_each(tmp_path):
    """The exclude globs are matched as one regex; each must match as ``fnmatch`` would,
    against the path relative to the config's folder or any one of its parts."""
    import fnmatch

    from reportlint.api import _excluded

    globs = ["drafts", "*.bak.txt", "archive/2023/*", "[0-9]*年*", "草稿?", "docs/**/old"]
    paths = ["drafts/a.txt", "reports/drafts", "a.bak.txt", "x/a.bak.txt", "archive/2023/b.md", "archive/2024/b.md",
             "2024年报告.txt", "reports/2024年/a.txt", "草稿1/a.txt", "草稿12/a.txt", "docs/x/old", "docs/old",
             "report.txt", "Drafts/a.txt"]
    for glob in globs:
        config = Config(root=str(tmp_path), exclude=(), extend_exclude=(glob,))
        for rel in paths:
            parts = rel.split("/")
            expected = fnmatch.fnmatch(rel, glob) or any(fnmatch.fnmatch(p, glob) for p in parts)
            assert _excluded(os.path.join(str(tmp_path), *parts), config) == expected, (glob, rel)


def test_exclude_globs_on_windows_match_as_fnmatch_does_there(monkeypatch):
    """On Windows fnmatch ignores case and takes ``\\`` and ``/`` alike (simulated here)."""
    import ntpath
    import types

    from reportlint import api, config

    windows = types.SimpleNamespace(path=ntpath, sep="\\", getcwd=lambda: "C:\\proj")
    monkeypatch.setattr(api, "os", windows)
    monkeypatch.setattr(config, "os", windows)
    api._exclude_pattern.cache_clear()
    cases = [("drafts\\*", "C:\\proj\\drafts\\a.md", True), ("drafts/*", "C:\\proj\\drafts\\a.md", True),
             ("Drafts/*", "C:\\proj\\drafts\\a.md", True), ("sub\\tmp*", "C:\\proj\\sub\\tmp1\\a.md", True),
             ("*.BAK.md", "C:\\proj\\x\\y.bak.md", True), ("archive\\*", "C:\\proj\\drafts\\a.md", False),
             ("*.md", "D:\\other\\a.md", True)]  # (another drive: no relative path, the absolute one)
    for glob, path, expected in cases:
        assert api._excluded(path, Config(root="C:\\proj", exclude=(glob,))) == expected, glob
    api._exclude_pattern.cache_clear()


def test_settings_are_an_immutable_record():
    import pickle

    config = Config(select=("RL1",), lang="zh")
    assert config == Config(select=("RL1",), lang="zh") and hash(config) == hash(Config(select=("RL1",), lang="zh"))
    assert config != ("RL1",) and not isinstance(config, tuple)
    assert config.replace(lang="en").lang == "en" and config.lang == "zh"
    assert pickle.loads(pickle.dumps(config)) == config  # (how settings reach worker processes)
    assert Config(root=None).root is None and Config().root == os.getcwd()
    assert "select=('RL1',)" in repr(config)
    with pytest.raises(AttributeError):
        config.select = ()
    with pytest.raises(TypeError):
        Config(selekt=("RL1",))
    with pytest.raises(TypeError):
        config.replace(selekt=())
