"""Shared test helpers: paths, the CLI runner, fixture builders."""

from __future__ import annotations

import json
import os
import sys
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SEED = os.path.join(SHARED, "seed", "county-head-annual-report-template.txt")
DOCX_CORPUS = os.path.join(SHARED, "corpora", "docx-real")
EXAMPLES = os.path.join(ROOT, "fixtures", "examples")

sys.path.insert(0, os.path.join(ROOT, "fixtures"))

# The data cache of this run (and of the CLI processes it starts) goes to a folder of
# its own, never to the user's cache folder.
os.environ["REPORTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="reportlint-test-cache-")
os.environ.pop("REPORTLINT_NO_CACHE", None)


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def json(self) -> dict:
        return json.loads(self.out)

    def diagnostics(self) -> list[dict]:
        return [d for f in self.json()["files"] for d in f["diagnostics"]]


@pytest.fixture
def run_cli(capsys):
    from reportlint.run import main  # the program: plain runs skip the option parser

    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def lint():
    """lint(text, format="txt") -> list of diagnostics, with default settings."""
    from reportlint import lint_text
    from reportlint.config import Config

    def run(text: str, format: str = "txt", **settings):
        return lint_text(text, format=format, config=Config(**settings))

    return run


def matches(diagnostics, code_prefix: str = "") -> list[str]:
    return [d.match for d in diagnostics if d.code.startswith(code_prefix)]


def requires_shared(path: str):
    return pytest.mark.skipif(not os.path.exists(path), reason=f"{path} not present")


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """A cache folder of the test's own (the data cache and the result cache)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    return folder


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Messages follow the locale (--lang's default): pin it so output does not depend
    on the machine running the tests."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
