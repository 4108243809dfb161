"""Safe access to an OOXML package: sniffing, zip limits, hardened XML parsing.

Nothing here trusts the file.  Before unzipping, the first bytes say what the
file really is (encrypted, legacy .doc, RTF, web page, ODT …).  The zip
directory is checked before any member is read, and only the parts the reader
asks for are read, each under a size and compression-ratio limit.  XML is
parsed with DTDs, entities and network access off.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from functools import lru_cache

from ..errors import ReadError
from .limits import DEFAULT_LIMITS, Limits

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"




def _utf16(name: str) -> bytes:
    return name.lower().encode("utf-16-le")


def sniff(data: bytes) -> None:
    """Raise ReadError unless ``data`` looks like a zip package."""
    if not data:
        raise ReadError("empty file")
    head = data[:8]
    if head == CFB_MAGIC:
        lowered = data.lower()
        if _utf16("EncryptionInfo") in lowered or _utf16("EncryptedPackage") in lowered:
            raise ReadError("encrypted: remove the open password and lint again")
        if _utf16("WordDocument") in lowered:
            raise ReadError("a legacy Word 97-2003 (.doc) file: save it as .docx and lint again")
        raise ReadError("an OLE compound file, not a .docx package")
    if data.startswith(b"{\\rtf"):
        raise ReadError("an RTF file, not a .docx: save it as .docx and lint again")
    if data.startswith(b"%PDF"):
        raise ReadError("a PDF file, not a .docx")
    if not data.startswith(b"PK\x03\x04") and not data.startswith(b"PK\x05\x06"):
        text = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if b"pkg:package" in text:
            raise ReadError("a Word XML (Flat OPC) file, not a .docx: save it as .docx and lint again")
        if b"w:worddocument" in text or b"<?mso-application" in text:
            raise ReadError("a Word 2003 XML file, not a .docx: save it as .docx and lint again")
        if text.startswith(b"mime-version") or b"multipart/related" in text:
            raise ReadError("a web archive (MHT) saved with a Word name: save it as .docx and lint again")
        if text.startswith((b"<html", b"<!doctype html")) or b"<html" in text[:512]:
            raise ReadError("a web page saved with a Word name: save it as .docx and lint again")
        raise ReadError("not a Word document (no zip package signature)")


class Package:
    """A zip package opened for reading with limits."""

    def __init__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._xml_read = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise ReadError("damaged or truncated zip package") from None
        except NotImplementedError as exc:
            raise ReadError(f"unsupported zip package ({exc})") from None
        except (OSError, ValueError, EOFError, KeyError, IndexError, struct.error):
            raise ReadError("damaged zip package") from None
        infos = self.zip.infolist()
        if len(infos) > limits.max_members:
            raise ReadError(f"package has {len(infos)} members, over the limit of {limits.max_members}")
        self.members: dict[str, zipfile.ZipInfo] = {}
        lowered: set[str] = set()
        for info in infos:
            if info.filename.endswith("/"):
                continue
            key = info.filename.lower()
            if key in lowered:
                raise ReadError(f"package has two members named {info.filename!r} (ignoring case)")
            lowered.add(key)
            _check_unicode_path(info)
            self.members[info.filename] = info
        self._by_lower = {name.lower(): name for name in self.members}
        if "mimetype" in self.members:
            kind = self._read_raw("mimetype", 200)
            if b"opendocument" in kind:
                raise ReadError("an OpenDocument file (.odt), not a .docx: save it as .docx and lint again")
        if "[content_types].xml" not in self._by_lower:
            raise ReadError("zip file without [Content_Types].xml: not an Office document")

    def find(self, name: str) -> str | None:
        """The member name for a part name, compared case-insensitively (OPC rule)."""
        return self._by_lower.get(name.lstrip("/").lower())

    def _read_raw(self, name: str, limit: int) -> bytes:
        info = self.members[name]
        if info.flag_bits & 0x1:
            raise ReadError(f"part {name} is encrypted inside the zip")
        if info.file_size > limit:
            raise ReadError(f"part {name} is {info.file_size} bytes, over the limit of {limit}")
        if (
            info.file_size > self.limits.ratio_floor
            and info.file_size > self.limits.max_ratio * max(1, info.compress_size)
        ):
            raise ReadError(f"part {name} expands {info.file_size // max(1, info.compress_size)}x: zip bomb?")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except zipfile.BadZipFile as exc:
            raise ReadError(f"part {name} is damaged ({exc})") from None
        except (OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
            raise ReadError(f"part {name} cannot be read ({exc})") from None
        if len(data) > limit:
            raise ReadError(f"part {name} is larger than its zip entry says")
        return data

    def read_xml_bytes(self, name: str) -> bytes:
        member = self.find(name)
        if member is None:
            raise ReadError(f"part {name} is missing")
        remaining = self.limits.max_total_xml - self._xml_read
        data = self._read_raw(member, min(self.limits.max_part_bytes, max(0, remaining)))
        self._xml_read += len(data)
        return data

    def xml(self, name: str):
        """Parse a part with the hardened parser; None if the part is absent."""
        if self.find(name) is None:
            return None
        return parse_xml(self.read_xml_bytes(name), name)

    def rels(self, part: str) -> list[tuple[str, str, str, str]]:
        """(id, type suffix, target part name or URL, target mode) for ``part``'s relationships."""
        folder, base = posixpath.split(part.lstrip("/"))
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        if root is None:
            return []
        out = []
        for rel in root:
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            rtype = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            mode = rel.get("TargetMode", "Internal")
            if mode != "External":
                target = _resolve(folder, target)
            out.append((rel.get("Id", ""), rtype, target, mode))
        return out

    def related(self, part: str, rtype: str) -> list[str]:
        return [t for _id, kind, t, mode in self.rels(part) if kind.lower() == rtype.lower() and mode != "External"]

    def main_part(self) -> str:
        for _id, kind, target, _mode in self.rels("/"):
            if kind == "officeDocument" and self.find(target):
                return self.find(target)
        fallback = self.find("word/document.xml")
        if fallback:
            return fallback
        raise ReadError("no main document part (not a Word document?)")


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def _check_unicode_path(info: zipfile.ZipInfo) -> None:
    """Reject an Info-ZIP unicode path field (0x7075) that names another file."""
    extra = info.extra
    i = 0
    while i + 4 <= len(extra):
        tag = int.from_bytes(extra[i : i + 2], "little")
        size = int.from_bytes(extra[i + 2 : i + 4], "little")
        body = extra[i + 4 : i + 4 + size]
        if tag == 0x7075 and len(body) >= 5:
            try:
                name = body[5:].decode("utf-8")
            except UnicodeDecodeError:
                raise ReadError(f"member {info.filename!r} has an invalid unicode path field") from None
            if name != info.filename:
                raise ReadError(f"member {info.filename!r} claims another name ({name!r}) in its unicode path field")
        i += 4 + size


@lru_cache(maxsize=1)
def _parser():
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        dtd_validation=False,
    )


def parse_xml(data: bytes, name: str):
    from lxml import etree

    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if b"<!DOCTYPE" in head or b"<!doctype" in head or b"<!ENTITY" in data[:65536]:
        raise ReadError(f"part {name} declares a DTD, which OOXML forbids")
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"part {name} is not well-formed XML ({exc.msg})") from None
