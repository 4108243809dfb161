"""The command line: exit codes, formats, selection, errors, lazy imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES

TEMPLATE = "述职人：某某\n全年完成投资X亿元，增长X%。\n"
CLEAN = "全年完成投资12.5亿元，同比增长6.1%。\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "template.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    return tmp_path


def test_clean_file_exits_0(run_cli, files):
    result = run_cli(str(files / "clean.txt"))
    assert result.code == 0
    assert "Found 0 problems" in result.out


def test_findings_exit_1_with_locations(run_cli, files):
    result = run_cli(str(files / "template.txt"))
    assert result.code == 1
    assert f"{files / 'template.txt'}:2:7: RL101 unfilled template slot 'X': expected an amount in 亿元" in result.out


def test_unreadable_file_exits_2_and_others_are_still_linted(run_cli, files):
    result = run_cli("--format", "json", str(files / "broken.docx"), str(files / "template.txt"))
    assert result.code == 2
    data = result.json()
    assert data["errors"] == [{"path": str(files / "broken.docx"), "message": "damaged or truncated zip package"}]
    assert len(data["files"]) == 1 and data["files"][0]["diagnostics"]
    assert result.err.strip() == f"reportlint: {files / 'broken.docx'}: damaged or truncated zip package"


def test_missing_path_exits_2(run_cli, tmp_path):
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.code == 2
    assert "no such file or directory" in result.err


def test_no_paths_is_a_usage_error(run_cli):
    assert run_cli().code == 2


def test_unknown_option_is_a_usage_error(run_cli, files):
    assert run_cli("--no-such-option", str(files)).code == 2


def test_directories_are_searched_recursively(run_cli, files):
    sub = files / "sub"
    sub.mkdir()
    (sub / "more.md").write_text("# 标题\n\nXX村\n", encoding="utf-8")
    (sub / "ignored.csv").write_text("XX", encoding="utf-8")
    data = run_cli("--format", "json", str(files)).json()
    paths = sorted(os.path.basename(f["path"]) for f in data["files"])
    assert paths == ["clean.txt", "more.md", "template.txt"]


def test_exclude_glob(run_cli, files):
    data = run_cli("--format", "json", "--exclude", "template.*", "--exclude", "*.docx", str(files)).json()
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["clean.txt"]


def test_json_contract_fields(run_cli, files):
    data = run_cli("--format", "json", str(files / "template.txt")).json()
    assert data["version"] == 1 and data["errors"] == []
    f = data["files"][0]
    assert f["format"] == "txt"
    d = f["diagnostics"][0]
    assert set(d) >= {
        "code", "name", "category", "severity", "message", "match", "line", "column",
        "end_line", "end_column", "part", "paragraph", "heading",
    }
    assert (d["code"], d["match"], d["line"], d["column"], d["end_column"]) == ("RL102", "某某", 1, 5, 7)


@pytest.mark.parametrize(
    "args,codes",
    [
        (["--select", "RL101"], ["RL101", "RL101"]),
        (["--select", "RL10"], ["RL102", "RL101", "RL101"]),
        (["--ignore", "x-slot"], ["RL102"]),
        (["--select", "placeholder", "--ignore", "RL101,RL102"], []),
    ],
)
def test_select_and_ignore(run_cli, files, args, codes):
    result = run_cli("--format", "json", *args, str(files / "template.txt"))
    assert [d["code"] for d in result.diagnostics()] == codes


def test_unknown_selector_is_a_config_error(run_cli, files):
    result = run_cli("--select", "RL999", str(files / "template.txt"))
    assert result.code == 2
    assert "unknown rule selector 'RL999'" in result.err


def test_statistics_table(run_cli, files):
    result = run_cli("--statistics", str(files / "template.txt"))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].split() == ["count", "code", "name", "category", "severity"]
    assert any(line.split()[:2] == ["2", "RL101"] for line in lines)


def test_list_rules(run_cli):
    result = run_cli("--list-rules")
    assert result.code == 0
    assert "RL101" in result.out and "x-slot" in result.out and "watermark" in result.out


def test_quiet_prints_findings_only(run_cli, files):
    out = run_cli("-q", str(files / "template.txt")).out.splitlines()
    assert len(out) == 3 and all(": RL10" in line for line in out)


def test_text_output_marks_the_match_under_full_width_text(run_cli, files):
    out = run_cli(str(files / "template.txt")).out.splitlines()
    i = out.index(next(line for line in out if ":2:7:" in line))
    source, marks = out[i + 1], out[i + 2]
    assert source == "    全年完成投资X亿元，增长X%。"
    assert marks == "    " + " " * 12 + "^"


def test_colour_only_when_asked(run_cli, files):
    assert "\x1b[" not in run_cli(str(files / "template.txt")).out
    assert "\x1b[" in run_cli("--color", "always", str(files / "template.txt")).out


def test_dump_text(run_cli, files):
    result = run_cli("--dump-text", str(files / "template.txt"))
    assert result.code == 0
    assert result.out.splitlines() == ["1:1\tbody ¶1\t述职人：某某", "2:1\tbody ¶2\t全年完成投资X亿元，增长X%。"]


def test_dump_text_of_unreadable_file_exits_2(run_cli, files):
    assert run_cli("--dump-text", str(files / "broken.docx")).code == 2


def test_examples_lint_with_findings(run_cli):
    result = run_cli("--format", "json", EXAMPLES)
    assert result.code == 1
    by_file = {os.path.basename(f["path"]): f["diagnostics"] for f in result.json()["files"]}
    assert by_file["体检中心工作简报（无问题示例）.txt"] == []
    assert all(by_file[name] for name in by_file if "无问题" not in name)


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def _imported_after(args: list[str], modules: tuple[str, ...], entry: str = "run") -> list[str]:
    """The exit code of ``main(args)`` in a fresh interpreter, then whether each module was imported."""
    proc = _python(
        f"import sys\nfrom reportlint.{entry} import main\ncode = main({args!r})\n"
        f"print(code, *(m in sys.modules for m in {modules!r}))"
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()[-1 - len(modules):]


def test_version_does_not_import_the_segmenter():
    assert _imported_after(["--version"], ("rjieba", "jieba", "lxml"), "cli") == ["0", "False", "False", "False"]


def test_file_without_cjk_does_not_import_the_segmenter(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Quarterly report. Revenue grew 4% on an XL order; see Windows XP notes.\n", encoding="utf-8")
    assert _imported_after(["-q", str(path)], ("rjieba", "jieba"), "cli") == ["0", "False", "False"]


def test_many_files_without_vendor_lines_do_not_import_regex(tmp_path):
    """``regex`` (40 ms to import) serves the vendor-credit patterns only: the warm-up before
    the worker processes start must not load it for a run of files without vendor text."""
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text("关于2024年度工作情况的报告\n全县完成生产总值X亿元，增长6.5%。\n",
                                                encoding="utf-8")
    assert _imported_after(["-q", "--no-cache", "--jobs", "2", str(tmp_path)], ("regex",)) == ["1", "False"]


def test_python_dash_m_works(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "reportlint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("reportlint ")


def test_console_script_exit_code(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(TEMPLATE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "reportlint", "--format", "json", str(path)], capture_output=True)
    assert proc.returncode == 1
    assert json.loads(proc.stdout.decode("utf-8"))["files"][0]["diagnostics"]


def test_fail_on_and_exit_zero(run_cli, tmp_path):
    path = tmp_path / "dates.txt"
    path.write_text("本报告于2024年  月  日审议通过。\n", encoding="utf-8")  # RL105 is a warning
    assert run_cli(str(path)).code == 1
    assert run_cli("--fail-on", "error", str(path)).code == 0
    assert run_cli("--exit-zero", str(path)).code == 0
    assert "RL105" in run_cli("--fail-on", "error", str(path)).out


def test_info_findings_do_not_fail_by_default(run_cli, tmp_path):
    from docx_builder import write_docx

    path = str(tmp_path / "props.docx")
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>王五</dc:creator></cp:coreProperties>'
    )
    rel = ("rIdC", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
           "docProps/core.xml")
    write_docx(path, ["<w:p><w:r><w:t>正文。</w:t></w:r></w:p>"], parts={"docProps/core.xml": core}, package_rels=[rel])
    result = run_cli("--format", "json", path)
    assert [d["code"] for d in result.diagnostics()] == ["RL307"]
    assert result.code == 0
    assert run_cli("--fail-on", "info", path).code == 1


def test_a_plain_run_does_not_import_the_option_parser(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("关于2024年度工作情况的报告\n全年完成地区生产总值286.4亿元，同比增长6.5%。\n", encoding="utf-8")
    assert _imported_after([str(path)], ("click",)) == ["0", "False"]
    assert _imported_after(["--format", "json", str(path)], ("click",)) == ["0", "True"]


def test_the_plain_path_has_the_option_parsers_defaults():
    import inspect

    from reportlint.cli import check, cli
    from reportlint.run import COMMANDS, _plain, run_check

    assert set(cli.commands) == COMMANDS  # a path named like a command goes to the parser
    defaults = {name: p.default for name, p in inspect.signature(run_check).parameters.items() if name != "paths"}
    with check.make_context("check", ["report.txt"]) as ctx:  # what the parser hands the command
        parsed = {name: value for name, value in ctx.params.items() if name != "paths"}
    assert parsed == defaults
    for flags in (["-q"], ["--quiet", "--no-cache"], ["--no-cache"]):
        args = [*flags, "a.txt", "b.txt"]
        with check.make_context("check", list(args)) as ctx:
            parsed = {name: value for name, value in ctx.params.items() if value != defaults.get(name)}
        assert parsed == {"paths": ("a.txt", "b.txt"), **_plain(args)}, flags


def test_plain_and_parsed_runs_give_the_same_report(tmp_path, capsys):
    from reportlint import cli, run

    (tmp_path / "报告.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("全年完成地区生产总值286.4亿元。\n", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    for args in ([str(tmp_path)], [str(tmp_path / "clean.txt")], [str(tmp_path / "报告.txt"), str(tmp_path / "nope.md")],
                 ["-q", str(tmp_path)], [str(tmp_path), "--no-cache", "--quiet"]):
        plain = run.main(args), capsys.readouterr()
        parsed = cli.main(args), capsys.readouterr()
        assert plain == parsed, args


def test_a_path_named_like_a_command_goes_to_the_parser(tmp_path, monkeypatch, run_cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fix").write_text("x", encoding="utf-8")
    result = run_cli("fix")
    assert result.code == 2 and "Usage" in result.err  # the fix command, wanting a path


def _plain_run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    """The program in a fresh interpreter (so the option parser is not loaded), output as bytes."""
    code = "import sys\nfrom reportlint.run import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=120,
                          env={**os.environ, **env})


def test_a_plain_run_prints_as_the_option_parser_does(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("全县完成生产总值X亿元\033[31m红\033[0m\033[38:5:1m\033[2 q\033[>4m\n", encoding="utf-8")
    piped = _plain_run([str(path)])
    assert piped.returncode == 1 and b"\033" not in piped.stdout  # escape codes out when not in colour
    assert "全县完成生产总值X亿元".encode() in piped.stdout
    parsed = _plain_run(["--format", "text", str(path)])  # (an option: through the parser)
    assert (parsed.returncode, parsed.stdout, parsed.stderr) == (1, piped.stdout, piped.stderr)
    ascii_locale = _plain_run([str(path)], PYTHONIOENCODING="ascii")
    assert ascii_locale.stdout == piped.stdout  # a stream that claims ASCII gets UTF-8
    for args in ([str(path)], ["--format", "text", str(path)]):  # a stream that cannot hold Chinese
        latin1 = _plain_run(args, PYTHONIOENCODING="latin-1")
        assert (latin1.returncode, latin1.stderr) == (1, b"") and b"\\u5168\\u53bf" in latin1.stdout, args


def test_the_parser_leaves_unreadable_files_to_the_reader(run_cli, tmp_path, monkeypatch):
    """A file that cannot be read gets the reader's one-line error and the others are still
    linted, through the parser as in a plain run (not a usage error that lints nothing)."""
    path = tmp_path / "t.txt"
    path.write_text(TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    result = run_cli("--format", "json", str(path))
    assert result.code == 1 and "Usage" not in result.err and result.diagnostics()


def test_a_plain_run_stops_quietly_when_the_reader_goes_away(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(TEMPLATE * 200, encoding="utf-8")  # more output than a pipe holds
    code = "import sys\nfrom reportlint.run import main\nsys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1 and err == b""


def test_an_interrupted_plain_run_exits_2(monkeypatch, capsys):
    from reportlint import run

    def interrupted(*_args, **_options):
        raise KeyboardInterrupt

    monkeypatch.setattr(run, "run_check", interrupted)
    assert run.main(["report.txt"]) == 2


@pytest.mark.parametrize("extra, status", [(["--exit-zero"], 0), ([], 1), (["broken"], 2)])
def test_a_reader_that_goes_away_leaves_the_exit_status_of_the_whole_run(tmp_path, extra, status):
    # (reportlint … | head -1: the findings go out file by file; the run goes on without
    # output, so that a CI step's status is what it would be with the whole report)
    for i in range(40):
        (tmp_path / f"r{i:02d}.txt").write_text(TEMPLATE * 300, encoding="utf-8")
    if "broken" in extra:
        (tmp_path / "zz_broken.docx").write_bytes(b"PK\x03\x04 not really")
        extra = []
    command = [sys.executable, "-m", "reportlint", "check", *extra, "--no-cache", str(tmp_path)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(str(tmp_path).encode())
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == status
    assert "Traceback" not in err
    assert ("zz_broken.docx: damaged or truncated zip package" in err) == (status == 2)


@pytest.mark.skipif(os.name != "posix", reason="closes a descriptor before the program starts")
@pytest.mark.parametrize("args", [[], ["check", "--format", "json"], ["--statistics"]])
def test_a_closed_standard_output_is_no_crash(files, args):
    # (reportlint … >&-: Python then has no sys.stdout; the findings still set the status)
    command = [sys.executable, "-m", "reportlint", *args, str(files / "template.txt")]
    done = subprocess.run(command, capture_output=False, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1),
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr == b""
