"""Word leftovers: what Word's Document Inspector would flag, and Word's own placeholders.

These rules read what the Word reader found besides plain text (comments,
revisions, fields, package parts).  They never fire on .txt or .md files.
Findings about the package as a whole (macros, embedded files …) have line
and column 0.  Severities are defaults; ``ignore`` any code you do not want.

Category ``hidden`` (change any severity with the ``severity`` table in the config):

RL301 comment-left (warning)
    A reviewer's comment is still in the document (``story`` names its number
    and author).  Delete comments before sending: 审阅 → 删除 → 删除文档中的所有批注.

RL302 tracked-change (warning)
    An insertion or deletion is still tracked: the reader lints the final view
    (insertions in, deletions out), but the other layer travels with the file.
    Accept or reject all changes: 审阅 → 接受 → 接受所有修订.

RL303 hidden-text (warning)
    Text formatted as hidden (``w:vanish`` or ``w:specVanish``, directly or
    through its style, or a hidden table row): Word does not show or print it,
    but it is in the file.  ``w:webHidden`` text is printed, so it is not hidden
    text.

RL304 invisible-text (warning)
    Text the colour of what is behind it (white on a white page, or on a run,
    paragraph or cell shaded the same colour) or text of 2 points or less.

RL305 text-watermark (info)
    A text watermark in a header: Word's VML text-path shape, or a DrawingML
    shape placed behind the text (its text is also linted, so vendor text in it
    is an RL201 finding too).

RL306 picture-watermark (info)
    A picture watermark in a header: its text, if any, is in the image and
    cannot be checked.

RL307 personal-info (info)
    Author, last editor, company or manager in the document properties.

RL308 macros (warning)
    The package holds a VBA project (``vbaProject.bin``).

RL309 embedded-object (info)
    Embedded files (OLE objects, packages): their content is not linted.

RL310 imported-content (warning)
    ``altChunk`` content that Word imports when it opens the file (HTML, RTF,
    another document): not linted.

RL311 external-reference (info)
    Links to outside content: an attached template, linked objects or
    pictures, INCLUDETEXT/INCLUDEPICTURE/LINK fields.

RL312 unshown-header-footer (warning)
    A header or footer part that Word never displays (a first-page header
    without "different first page", an even-page header without "different odd
    and even"): whatever it says travels unseen.

RL313 custom-xml (info)
    Custom XML data parts (data behind bound content controls, add-in data).

Category ``placeholder``:

RL109 control-placeholder (error)
    A content control still showing its placeholder (``w:showingPlcHdr`` or
    Word's "Placeholder Text" style), such as "单击或点击此处输入文字。".  A
    ``DefaultPlaceholder_*`` reference alone is not taken as evidence: Word keeps
    it after the user has typed over the prompt.

RL111 unmerged-field (error)
    A mail-merge field (MERGEFIELD) never merged: the page shows ``«Name»``.

RL112 form-field-default (warning)
    A legacy form text field still showing its default text.

PASS and FAIL examples for these rules are Word files built in the tests
(``tests/rules/test_docx_leftovers.py``, ``fixtures/kitchen_sink.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Diagnostic, Rule
from reportlint.document import Document, Feature
from reportlint.i18n import N_, Message

from ._slots import prompt_expectation

HIDDEN = "hidden"
# These rules read Word structure, so their PASS/FAIL examples are Word files built
# in tests/rules/test_docx_leftovers.py rather than text snippets.
WORD_ONLY = True


def _from_features(kinds: tuple[str, ...], messages: tuple[str, ...]):
    """A check that reports every feature of the given kinds; messages take {detail}."""

    def check(doc: Document, config) -> Iterator[Diagnostic]:
        rule = _BY_KIND[kinds[0]]
        seen = set()
        for f in doc.features:
            if f.kind not in kinds:
                continue
            key = (f.kind, f.detail, f.block.line if f.block else 0, f.start)
            if key in seen:
                continue
            seen.add(key)
            yield _diagnostic(rule, f, Message(messages[kinds.index(f.kind)], detail=f.detail))

    return check


def _diagnostic(rule: Rule, f: Feature, message: str) -> Diagnostic:
    if f.block is None:
        return rule.package_diagnostic(f.part, f.detail, message)
    start, end = f.start, max(f.end, f.start)
    if start == end == 0 and f.block.text:
        end = len(f.block.text)
    # Word's own slots (content controls, merge fields) say in their text what they want: «单位名称»
    expects = prompt_expectation(f.block.text[start:end]) if rule.category == "placeholder" else None
    return rule.diagnostic(f.block, start, end, message, expects=expects)


def _rule(code: str, name: str, category: str, severity: str, summary: str, kind: str, message: str,
          *more: str) -> Rule:
    """``more`` adds further (kind, message) pairs reported under the same code."""
    kinds = (kind, *more[0::2])
    messages = (message, *more[1::2])
    rule = Rule(code, name, category, severity, summary, _from_features(kinds, messages))
    for k in kinds:
        _BY_KIND[k] = rule
    return rule


_BY_KIND: dict[str, Rule] = {}

RULES = (
    _rule("RL301", "comment-left", HIDDEN, "warning", "Reviewer comment left in the document", "comment",
          N_("comment left in the document ({detail}): delete it before sending")),
    _rule("RL302", "tracked-change", HIDDEN, "warning", "Tracked change left unaccepted", "insertion",
          N_("tracked insertion not accepted ({detail}): accept or reject all changes"),
          "deletion", N_("tracked deletion not accepted: {detail}")),
    _rule("RL303", "hidden-text", HIDDEN, "warning", "Text formatted as hidden", "hidden",
          N_("hidden text: '{detail}'")),
    _rule("RL304", "invisible-text", HIDDEN, "warning", "White or tiny text nobody sees", "invisible",
          N_("invisible text (white or 2 pt or less): '{detail}'")),
    _rule("RL305", "text-watermark", HIDDEN, "info", "Text watermark in a header", "watermark-text",
          N_("text watermark: '{detail}'")),
    _rule("RL306", "picture-watermark", HIDDEN, "info", "Picture watermark in a header", "watermark-picture",
          N_("picture watermark ({detail}): its text cannot be checked")),
    _rule("RL307", "personal-info", HIDDEN, "info", "Names in the document properties", "personal-info",
          N_("personal information in the properties: {detail}")),
    _rule("RL308", "macros", HIDDEN, "warning", "VBA macros in the package", "macros",
          N_("the file carries macros ({detail})")),
    _rule("RL309", "embedded-object", HIDDEN, "info", "Embedded file (not linted)", "embedded-object",
          N_("embedded object not linted: {detail}")),
    _rule("RL310", "imported-content", HIDDEN, "warning", "altChunk content imported on open (not linted)",
          "altchunk", N_("imported content not linted: {detail}")),
    _rule("RL311", "external-reference", HIDDEN, "info", "Link to outside content", "external-reference",
          N_("external reference: {detail}")),
    _rule("RL312", "unshown-header-footer", HIDDEN, "warning", "Header or footer Word never displays",
          "undisplayed-part", N_("{detail}: its content travels unseen")),
    _rule("RL313", "custom-xml", HIDDEN, "info", "Custom XML data part", "custom-xml",
          N_("custom XML data: {detail}")),
    _rule("RL109", "control-placeholder", "placeholder", "error", "Content control still showing its placeholder",
          "placeholder-control", N_("content control '{detail}' still shows its placeholder text")),
    _rule("RL111", "unmerged-field", "placeholder", "error", "Mail-merge field never merged", "mergefield",
          N_("mail-merge field '{detail}' was never merged")),
    _rule("RL112", "form-field-default", "placeholder", "warning", "Form field still at its default text",
          "form-default", N_("form field still shows its default text '{detail}'")),
)
