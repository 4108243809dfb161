"""Records: classes declared as with typing.NamedTuple, made without importing typing."""

from __future__ import annotations

import pickle

import pytest
from reportlint.records import NamedTuple


class Span(NamedTuple):
    """A stretch of text."""

    text: str
    start: int
    end: int = 0
    tag: str | None = None

    def length(self) -> int:
        return self.end - self.start


def test_a_record_is_a_named_tuple_with_its_methods_and_defaults():
    span = Span("X亿元", 3)
    assert isinstance(span, tuple) and span == ("X亿元", 3, 0, None)
    assert Span._fields == ("text", "start", "end", "tag") and Span._field_defaults == {"end": 0, "tag": None}
    assert Span("ab", 1, 4).length() == 3 and Span.__doc__ == "A stretch of text."
    assert span._replace(end=5) == Span("X亿元", 3, 5) and span._asdict()["text"] == "X亿元"
    assert repr(span) == "Span(text='X亿元', start=3, end=0, tag=None)"
    assert pickle.loads(pickle.dumps(span)) == span and Span.__module__ == __name__


def test_a_field_without_a_default_cannot_follow_one_with_a_default():
    with pytest.raises(TypeError):
        class Wrong(NamedTuple):  # noqa: F841 - the class statement is what fails
            first: int = 0
            second: str


def test_a_lint_run_does_not_import_typing(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "报告.txt"
    path.write_text("关于2024年度工作情况的报告\n全县完成生产总值X亿元，增长6.5%。\n", encoding="utf-8")
    code = "import sys, runpy\nsys.argv = ['reportlint', '-q', '--no-cache', sys.argv[1]]\n" \
           "try:\n    runpy.run_module('reportlint', run_name='__main__')\nexcept SystemExit:\n    pass\n" \
           "print('typing' in sys.modules)"
    runs = [subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
            for _ in range(2)]  # (the first may parse the data files: tomllib imports typing)
    assert runs[1].stdout.split()[-1] == "False", runs[1].stderr
