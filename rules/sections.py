"""Section rules: the parts a report of its type must have (category ``structure``).

The report type is read from the title (the first lines of the body): the
longest profile title it contains wins, so 述职述廉述效报告 is not taken for a
plain 述职报告.  ``--profile NAME`` (or ``profile`` in the config) chooses a
profile by name, ``--profile none`` turns the check off.  Profiles are data:
``rules/data/profiles/*.toml``, one per report type, each a list of section
groups with the words that show a group is there.

A group is found when one of its words occurs in a heading (with the first
sentence of its section) or in an unnumbered paragraph (the whole paragraph
when it is short, its first two sentences otherwise): headings are free-form
in practice (``四、清正廉洁，政府形象实现新提升``), so words, not exact titles,
decide.

RL405 missing-section (warning)
    A required part of the report type is missing, for example a 述职述廉述效报告
    with no 述廉 part.  The message names the profile and what was expected;
    profiles inferred rather than published (述职述廉述效报告) say so.

    PASS::

        2023年度述职述廉报告
        一、履职情况
        全年完成各项工作。
        二、廉洁自律情况
        严格执行八项规定。
        三、存在的不足
        四、今后打算

    FAIL::

        2023年度述职述廉报告
        一、履职情况
        全年完成各项工作。
        二、存在的不足
        三、今后打算

RL412 plan-too-long (info)
    For the 述职 family: the 今后打算 part (from the heading that opens it to
    the end) is over a fifth of the text ([010-sz] in the reference;
    ``plan_max_share`` in the profile).  A convention, not a rule: info.

    PASS::

        2023年度述职报告
        一、履职情况
        全年完成招商引资、项目建设、民生保障、社会治理、生态环保等各项工作任务，成效明显。
        狠抓作风建设，深化放管服改革，政务服务事项网上可办率达到98%，群众满意度持续提升。
        二、今后打算
        继续努力。

    FAIL::

        2023年度述职报告
        一、履职情况
        全年完成各项工作任务。
        二、今后打算
        下一步将聚焦招商引资、项目建设、民生保障和社会治理，继续努力。

RL414 section-order (warning)
    For report types with a conventional order (``ordered = true`` in the
    profile: 述职报告, 述职述廉报告, 述责述廉报告, 工作总结, 调研报告, 整改报告, 对照检查材料):
    a level-1 heading that names one section group comes after a heading of a
    later group (存在问题 before 履职情况).  Headings that name no group or two
    groups are not evidence either way.

    PASS::

        2023年度述职报告
        一、履职情况
        全年完成各项工作。
        二、存在的不足
        短板明显。
        三、今后打算
        继续努力。

    FAIL::

        2023年度述职报告
        一、存在的不足
        短板明显。
        二、履职情况
        全年完成各项工作。
        三、今后打算
        继续努力。
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache

from reportlint import lazy_pattern
from reportlint.diagnostics import Diagnostic, Example, Rule
from reportlint.document import HEADING, Block, Document
from reportlint.i18n import msg
from reportlint.outline import find_marker, outline

from ._data import DATA_DIR, load_toml

CATEGORY = "structure"
TITLE_LINES = 8
SHORT_PARAGRAPH = 300
_SENTENCE = lazy_pattern.compile(r"(?<=[。！？；])")


@lru_cache(maxsize=1)
def profiles() -> dict[str, dict]:
    """Profiles by name, from rules/data/profiles/*.toml."""
    folder = os.path.join(DATA_DIR, "profiles")
    found = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            data = load_toml(f"profiles/{name}")
            found[data["name"]] = {**data, "key": name[:-5]}
    return found


def all_profiles(config=None) -> dict[str, dict]:
    """Built-in profiles plus the user's (``profiles`` in the config; same name replaces)."""
    found = dict(profiles())
    for profile in getattr(config, "profiles", ()) or ():
        found[profile["name"]] = {**profile, "key": profile["name"]}
    return found


def profile_by_name(name: str, config=None) -> dict | None:
    for profile in all_profiles(config).values():
        if name in (profile["name"], profile["key"]):
            return profile
    return None


def detect(doc: Document, config=None) -> tuple[dict, Block] | None:
    """The profile named by the title, and the title block."""
    body = doc.body_lines()[:TITLE_LINES]
    best: tuple[int, dict, Block] | None = None
    for block in body:
        text = block.text.strip()
        if block.kind != HEADING and (len(text) > 40 or "。" in text):
            continue  # only title-like lines name the report type
        for profile in all_profiles(config).values():
            for title in profile["titles"]:
                if title in block.text and (best is None or len(title) > best[0]):
                    best = (len(title), profile, block)
        if best is not None:
            break
    return (best[1], best[2]) if best else None


def _evidence(doc: Document, title: Block) -> list[tuple[Block, str]]:
    """Texts in which section words count: headings with their first sentence, short paragraphs."""
    out = []
    for block in doc.blocks:
        if block.part != "body" or block is title or not block.text.strip():
            continue
        sentences = [s for s in _SENTENCE.split(block.text) if s]
        if block.kind == HEADING or len(block.text) <= SHORT_PARAGRAPH and find_marker(block) is None:
            out.append((block, block.text))
        else:
            out.append((block, "".join(sentences[:2])))
    return out


def check_config(config, where: str) -> None:
    """Registry hook: ``profile`` must name a known profile (or be ``none``)."""
    from reportlint.errors import ConfigError

    if config.profile in (None, "none") or profile_by_name(config.profile, config) is not None:
        return
    names = ", ".join(sorted(all_profiles(config)))
    raise ConfigError(f"{where}: unknown profile {config.profile!r} (known: {names}, or none)")


def describe_outline(doc: Document, config) -> dict:
    """Registry hook for ``--outline``: the report type chosen and where each of its
    section groups was found (``groups``: (group, block or None, word))."""
    chosen = choose_profile(doc, config)
    return {
        "profile": chosen[0] if chosen else None,
        "groups": group_matches(doc, *chosen) if chosen else [],
    }


def choose_profile(doc: Document, config) -> tuple[dict, Block] | None:
    """The profile to check and the title block, following --profile / config / the title
    (worked out once per document: three rules ask)."""
    cached = doc.meta.get("_profile")
    if cached is not None and cached[0] is config:
        return cached[1]
    chosen = _choose_profile(doc, config)
    doc.meta["_profile"] = (config, chosen)
    return chosen


def _choose_profile(doc: Document, config) -> tuple[dict, Block] | None:
    choice = getattr(config, "profile", None)
    if choice == "none":
        return None
    detected = detect(doc, config)
    if not choice:
        return detected
    profile = profile_by_name(choice, config)
    title = detected[1] if detected else next((b for b in doc.blocks if b.text.strip()), None)
    if profile is None or title is None:
        return None
    return profile, title


def group_matches(doc: Document, profile: dict, title: Block) -> list[tuple[dict, Block | None, str]]:
    """Each group of the profile with the first block that shows it and the word that did."""
    evidence = _evidence(doc, title)
    out = []
    for group in profile["groups"]:
        hit = next(((b, w) for b, text in evidence for w in group["any"] if w in text), None)
        out.append((group, hit[0] if hit else None, hit[1] if hit else ""))
    return out


def _level_one_headings(doc: Document, title: Block) -> list[tuple[Block, str]]:
    """Level-1 headings (from the outline, so a table of contents is left out) and
    level-1 heading styles, in document order."""
    markers = {id(m.block): m for m in outline(doc) if m.level == 1}
    out = []
    for block in doc.blocks:
        if block.part != "body" or block is title:
            continue
        if id(block) in markers:
            out.append((block, markers[id(block)].title))
        elif block.kind == HEADING and block.level == 1 and find_marker(block) is None:
            out.append((block, block.text))
    return out


def _order(doc: Document, config) -> Iterator[Diagnostic]:
    chosen = choose_profile(doc, config)
    if chosen is None or not chosen[0].get("ordered"):
        return
    profile, title = chosen
    groups = profile["groups"]
    latest = -1
    for block, head in _level_one_headings(doc, title):
        hits = [i for i, g in enumerate(groups) if any(w in head for w in g["any"])]
        if len(hits) != 1:
            continue  # no group, or a heading that names two (问题产生的原因): no evidence of order
        index = hits[0]
        if index < latest:
            yield ORDER.diagnostic(
                block, 0, len(block.text.rstrip()),
                msg("{profile}: the {part} part comes after {previous}; the usual order is {order}",
                    profile=profile["name"], part=groups[index]["label"], previous=groups[latest]["label"],
                    order=" → ".join(g["label"] for g in groups)),
            )
        latest = max(latest, index)


def _plan_share(doc: Document, config) -> Iterator[Diagnostic]:
    chosen = choose_profile(doc, config)
    if chosen is None or "plan_group" not in chosen[0]:
        return
    profile, title = chosen
    group = next((g for g in profile["groups"] if g["id"] == profile["plan_group"]), None)
    body = [b for b in doc.blocks if b.part == "body" and b is not title and b.text.strip()]
    total = sum(len(b.text) for b in body)
    markers = {id(m.block): m for m in outline(doc)}
    start = next((i for i, b in enumerate(body) if group and any(
        w in (markers[id(b)].title if id(b) in markers else b.text if b.kind == HEADING else "")
        for w in group["any"]
    )), None)
    if start is None or not total:
        return
    share = sum(len(b.text) for b in body[start:]) / total
    if share > profile["plan_max_share"]:
        block = body[start]
        yield PLAN_SHARE.diagnostic(
            block, 0, len(block.text.rstrip()),
            msg("the {part} part is {share:.0%} of the text; a {profile} keeps it under {limit:.0%}",
                part=group["label"], share=share, profile=profile["name"], limit=profile["plan_max_share"]),
        )


def _missing(doc: Document, config) -> Iterator[Diagnostic]:
    chosen = choose_profile(doc, config)
    if chosen is None:
        return
    profile, title = chosen
    for group, block, _word in group_matches(doc, profile, title):
        if block is not None or not group.get("required"):
            continue
        words = "/".join(group["any"][:4])
        note = msg(" (profile inferred from the report type's name)") if profile.get("inferred") else ""
        start = len(title.text) - len(title.text.lstrip())
        yield MISSING.diagnostic(
            title, start, len(title.text.rstrip()),
            msg("{profile} has no {part} part: expected a section about {words}{note}",
                profile=profile["name"], part=group["label"], words=words, note=note),
        )


MISSING = Rule(
    "RL405", "missing-section", CATEGORY, "warning", "Required part of the report type missing", _missing,
    (
        Example("2023年度述职述廉报告\n一、履职情况\n全年完成各项工作。\n二、廉洁自律情况\n严格执行八项规定。\n"
                "三、存在的不足\n四、今后打算", False),
        Example("2023年度述职述廉报告\n一、履职情况\n全年完成各项工作。\n二、存在的不足\n三、今后打算", True),
    ),
)

PLAN_SHARE = Rule(
    "RL412", "plan-too-long", CATEGORY, "info", "今后打算 part over its share of the text", _plan_share,
    (
        Example("2023年度述职报告\n一、履职情况\n全年完成招商引资、项目建设、民生保障、社会治理、生态环保等各项工作任务，成效明显。\n"
                "狠抓作风建设，深化放管服改革，政务服务事项网上可办率达到98%，群众满意度持续提升。\n二、今后打算\n继续努力。",
                False),
        Example("2023年度述职报告\n一、履职情况\n全年完成各项工作任务。\n二、今后打算\n"
                "下一步将聚焦招商引资、项目建设、民生保障和社会治理，继续努力。", True),
    ),
)
ORDER = Rule(
    "RL414", "section-order", CATEGORY, "warning", "Sections out of their conventional order", _order,
    (
        Example("2023年度述职报告\n一、履职情况\n全年完成各项工作。\n二、存在的不足\n短板明显。\n三、今后打算\n继续努力。",
                False),
        Example("2023年度述职报告\n一、存在的不足\n短板明显。\n二、履职情况\n全年完成各项工作。\n三、今后打算\n继续努力。",
                True),
    ),
)

RULES = (MISSING, PLAN_SHARE, ORDER)
