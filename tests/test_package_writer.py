"""The zip rewriter: changed members get new content, every other member keeps its bytes."""

from __future__ import annotations

import io
import zipfile

import pytest
from reportlint.package_writer import PackageWriteError, rewrite_package


class _Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek in, so it writes data descriptors (flag bit 3)."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.buffer += data
        return len(data)


def _package(streamed: bool = False) -> bytes:
    target = _Unseekable() if streamed else io.BytesIO()
    with zipfile.ZipFile(target, "w") as z:
        z.comment = b"kept comment"
        z.writestr("[Content_Types].xml", "<Types/>" * 50, zipfile.ZIP_DEFLATED)
        z.writestr("word/document.xml", "<w:document>旧</w:document>", zipfile.ZIP_DEFLATED)
        z.writestr("word/media/图片.png", b"\x89PNG" + bytes(range(256)), zipfile.ZIP_STORED)
    return bytes(target.buffer) if streamed else target.getvalue()


def _raw(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    offset = info.header_offset
    start = offset + 30 + int.from_bytes(data[offset + 26 : offset + 28], "little") + int.from_bytes(
        data[offset + 28 : offset + 30], "little")
    return data[start : start + info.compress_size]


@pytest.mark.parametrize("streamed", [False, True])
def test_changed_member_is_replaced_and_the_rest_keep_their_bytes(streamed):
    data = _package(streamed)
    out = rewrite_package(data, {"word/document.xml": "<w:document>新</w:document>".encode()},
                          {"word/comments.xml": b"<w:comments/>"})
    with zipfile.ZipFile(io.BytesIO(out)) as z, zipfile.ZipFile(io.BytesIO(data)) as before:
        assert z.testzip() is None
        assert z.namelist() == [*before.namelist(), "word/comments.xml"]
        assert z.read("word/document.xml").decode() == "<w:document>新</w:document>"
        assert z.read("word/comments.xml") == b"<w:comments/>"
        assert z.comment == b"kept comment"
        for name in ("[Content_Types].xml", "word/media/图片.png"):
            assert _raw(out, name) == _raw(data, name)
            assert z.getinfo(name).compress_type == before.getinfo(name).compress_type
            assert z.getinfo(name).date_time == before.getinfo(name).date_time


def test_nothing_changed_gives_the_same_bytes():
    data = _package()
    assert rewrite_package(data, {}) == data


def test_unknown_member_and_duplicate_addition_are_refused():
    data = _package()
    with pytest.raises(PackageWriteError):
        rewrite_package(data, {"word/missing.xml": b""})
    with pytest.raises(PackageWriteError):
        rewrite_package(data, {}, {"word/document.xml": b""})
