"""The pre-commit hook (.pre-commit-hooks.yaml), installed and run for real by pre-commit."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT

HOOKS_FILE = os.path.join(ROOT, ".pre-commit-hooks.yaml")
WORD_EXAMPLE = "县政府工作报告（含Word修订）.docx"


def pre_commit_command() -> list[str] | None:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    found = shutil.which("pre-commit")
    return [found] if found else None


PRE_COMMIT = pre_commit_command()
needs_pre_commit = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="pre-commit or git is not installed"
)


def git(cwd, *args: str) -> str:
    identity = ["-c", "user.name=reportlint tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=cwd, env=clean_env(), check=True, capture_output=True,
                          text=True)
    return done.stdout


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without git's per-repository variables (set when the suite itself runs
    inside a git hook) and without GITHUB_ACTIONS (the hook's output format stays text)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "GITHUB_ACTIONS"}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory):
    """This checkout as a one-commit repository (uncommitted changes included) and its commit.

    ``pre-commit try-repo`` would build the hook environment afresh on every run (it keeps its
    store in a temporary folder); a fixed commit named in a config, as users name a release,
    lets both runs share one environment in one PRE_COMMIT_HOME."""
    source = tmp_path_factory.mktemp("hook-source")
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        src = os.path.join(ROOT, name)
        if os.path.isfile(src):
            os.makedirs(os.path.dirname(os.path.join(source, name)), exist_ok=True)
            shutil.copy2(src, os.path.join(source, name))
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "snapshot")
    return source, git(source, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def repo(tmp_path, hook_source):
    """A project whose .pre-commit-config.yaml uses the hook, as the README shows."""
    source, rev = hook_source
    git(tmp_path, "init", "-q")
    config = f"repos:\n  - repo: {json.dumps(str(source))}\n    rev: {rev}\n    hooks:\n      - id: reportlint\n"
    (tmp_path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def run_hook(home, repo, *files: str) -> subprocess.CompletedProcess:
    git(repo, "add", "-A")
    return subprocess.run(
        [*PRE_COMMIT, "run", "reportlint", "--color", "never", "--files", *files],
        cwd=repo, env=clean_env(PRE_COMMIT_HOME=str(home)), capture_output=True, text=True, encoding="utf-8",
    )


@needs_pre_commit
def test_hook_fails_on_a_report_with_slots(pre_commit_home, repo):
    (repo / "述职报告.txt").write_text("述职人：某某\n全年完成投资X亿元，增长X%。\n", encoding="utf-8")
    (repo / "总结.markdown").write_text("# 上半年工作总结\n\n全镇新建XX个项目。\n", encoding="utf-8")
    shutil.copy(os.path.join(EXAMPLES, WORD_EXAMPLE), repo / WORD_EXAMPLE)
    done = run_hook(pre_commit_home, repo, "述职报告.txt", "总结.markdown", WORD_EXAMPLE)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "述职报告.txt:2:7: RL101" in done.stdout
    assert "总结.markdown:3:5: RL101" in done.stdout
    assert f"{WORD_EXAMPLE}:10:1: RL101" in done.stdout


@needs_pre_commit
def test_hook_passes_a_clean_report(pre_commit_home, repo):
    (repo / "工作总结.md").write_text("# 重点项目进展情况\n\n全镇新建12个项目，完成投资3.5亿元。\n", encoding="utf-8")
    (repo / "notes.csv").write_text("XX,X亿元\n", encoding="utf-8")
    done = run_hook(pre_commit_home, repo, "工作总结.md", "notes.csv")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"reportlint\.+Passed", done.stdout)


def test_hook_selects_reports_by_name():
    yaml = pytest.importorskip("yaml")
    with open(HOOKS_FILE, encoding="utf-8") as fh:
        (hook,) = yaml.safe_load(fh)
    assert (hook["id"], hook["entry"], hook["language"]) == ("reportlint", "reportlint", "python")
    assert "types" not in hook  # pre-commit tags .docx as binary, so `types: [text]` would drop it
    pattern = re.compile(hook["files"])
    for name in ("报告.txt", "a/总结.md", "b.markdown", "c.docx", "D.DOCX"):
        assert pattern.search(name), name
    for name in ("e.pdf", "f.docx.bak", "g.csv"):
        assert not pattern.search(name), name


@needs_pre_commit
def test_try_repo_against_this_checkout(tmp_path, hook_source):
    """What a user runs to try the hook before adding it: ``pre-commit try-repo`` (it builds the
    hook environment in a store of its own each time, so this test takes a while)."""
    source, _rev = hook_source
    git(tmp_path, "init", "-q")
    (tmp_path / "述职报告.txt").write_text("述职人：某某\n全年完成投资X亿元，增长X%。\n", encoding="utf-8")
    (tmp_path / "工作总结.md").write_text("# 重点项目进展情况\n\n全镇新建12个项目，完成投资3.5亿元。\n", encoding="utf-8")
    git(tmp_path, "add", "-A")

    def try_repo(name: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(source), "reportlint", "--color", "never", "--files", name],
            cwd=tmp_path, env=clean_env(), capture_output=True, text=True, encoding="utf-8",
        )

    failed = try_repo("述职报告.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "述职报告.txt:2:7: RL101" in failed.stdout
    passed = try_repo("工作总结.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"reportlint\.+Passed", passed.stdout)
