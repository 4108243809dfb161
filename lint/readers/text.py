"""Plain text: decoding (UTF-8/16 with BOM, GB18030 and friends) and line splitting."""

from __future__ import annotations

import codecs

from ..document import Document, text_line
from ..errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of files that are not text whatever their name says.
_NOT_TEXT = (
    (b"PK\x03\x04", "a zip package (a Word .docx?) named as text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a binary Office file (legacy .doc?) named as text"),
    (b"%PDF-", "a PDF file, not text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
)

# The Chinese encodings charset detection may name; GB18030 is their superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz"}


def decode(data: bytes) -> str:
    """Decode a text file's bytes, or raise ReadError saying why not."""
    return decode_with_encoding(data)[0]


def decode_with_encoding(data: bytes) -> tuple[str, str, bytes]:
    """(text, encoding, byte-order mark) of a text file, so a fixer can write it back the same way."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, bom
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding} after its byte-order mark ({exc.reason})") from None
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise ReadError(what)
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise ReadError("binary data (NUL bytes), not text")
    text, encoding = _decode_legacy(data)
    return text, encoding, b""


def _decode_legacy(data: bytes) -> tuple[str, str]:
    # Most non-UTF-8 Chinese text is GBK/GB18030; GB18030 decodes every GBK file.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = "gb18030" if best.encoding.lower() in _GB_FAMILY else best.encoding
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            pass
    if text is not None:
        return text, "gb18030"
    raise ReadError("cannot decode: not UTF-8, UTF-16 or GB18030 text")


def _looks_chinese(text: str) -> bool:
    sample = text[:4000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    odd = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or ch in "\ufffd")
    return han >= 2 and odd == 0 and han * 4 >= len(sample.strip()) // 4


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and CR only, so line numbers agree with editors."""
    if "\r" in text:  # (most files have none: two copies of the text saved)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_plain(path: str, text: str) -> Document:
    doc = Document(path=path, format="txt")
    paragraph = 0
    for number, line in enumerate(split_lines(text), start=1):
        if not line.strip():
            continue
        paragraph += 1
        doc.blocks.append(text_line(line, number, paragraph))
    return doc
