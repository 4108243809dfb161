"""RL205 converted-copy (opt-in) on real-looking text."""

from __future__ import annotations

COPY = "青溪縣文化館2024年度工作匯報\n現將全年工作匯(huì)報(bào)如下。\n進一步完善總分館結(jié)構(gòu)。\n"


def converted(lint, text, **settings):
    return [(d.line, d.match) for d in lint(text, **settings) if d.code == "RL205"]


def test_a_converted_copy_is_reported_once_when_selected(lint):
    assert converted(lint, COPY, select=("RL205",)) == [(2, "匯(huì)")]


def test_it_is_opt_in(lint):
    assert converted(lint, COPY) == []
    assert converted(lint, COPY, select=("watermark",)) == []


def test_a_language_lesson_and_english_brackets_are_not_copies(lint):
    text = "“结(jié)”字读第二声，“构(gòu)”字读第四声。\nThe word (résumé) is French.\n"
    assert converted(lint, text, select=("RL205",)) == []


def test_a_copy_with_pinyin_without_tone_marks(lint):
    text = "文(wen)章(zhang)来源：中央政府网 发(fa)布时(shi)间(jian)：2023年5月6日\n"
    assert [d.match for d in lint(text, extend_select=("RL205",)) if d.code == "RL205"] == ["文(wen)"]
    english = "我们制定了工作计划(plan)并开展(an)调研(men)活动(huo)与评估(ping)。"
    assert [d for d in lint(english, extend_select=("RL205",)) if d.code == "RL205"] == []
