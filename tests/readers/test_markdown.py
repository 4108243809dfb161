"""Markdown reader: code and comments are not prose; headings are blocks."""

from __future__ import annotations

from reportlint.document import HEADING
from reportlint.readers import read_text

MD = """# 2024年工作总结

## 一、主要成绩

全年增长X%。

```
代码里的 XX 不算
```

    缩进代码 XX 不算

行内 `XX` 不算，但 XX 算。

<!-- 备注 XX
跨行备注 XX -->

第二部分
--------

~~~python
XX = 1
~~~
"""


def test_code_and_comments_are_skipped(lint):
    diags = [d for d in lint(MD, format="md") if d.category == "placeholder"]
    assert [(d.line, d.column, d.match) for d in diags] == [(5, 5, "X"), (13, 14, "XX")]


def test_headings_become_heading_blocks_with_levels():
    doc = read_text("t.md", MD, "md")
    heads = [(b.line, b.level, b.text) for b in doc.blocks if b.kind == HEADING]
    assert heads == [(1, 1, "2024年工作总结"), (3, 2, "一、主要成绩"), (18, 2, "第二部分")]


def test_heading_column_is_the_first_word():
    doc = read_text("t.md", "### 三、XX工作\n", "md")
    block = doc.blocks[0]
    assert (block.column, block.text) == (5, "三、XX工作")


def test_findings_carry_the_nearest_heading(lint):
    diags = lint("# 标题\n\n## 一、经济\n\n增长X%\n", format="md")
    assert diags[0].heading == "一、经济"


def test_list_items_are_linted(lint):
    assert [d.match for d in lint("- 完成XX户改造\n- 新增X个网点\n", format="md")] == ["XX", "X"]


def test_emphasis_is_not_a_star_slot(lint):
    assert lint("这是**重点工作**，要抓好。\n", format="md") == []
