"""Write a changed copy of a zip package, every untouched member byte for byte.

Python's zipfile recompresses what it writes, so a member copied through it
changes its bytes (and Word's own deflate settings are lost).  Here untouched
members are copied as they are in the file: local header, compressed data and
data descriptor, and their central-directory record, in the original order;
only the members given new content are deflated again.  New members are added
at the end.  Zip64 packages (over 4 GiB or 65,535 members: never a report) are
refused.
"""

from __future__ import annotations

import struct
import time
import zlib

from .errors import ReportlintError

_LOCAL_SIG = b"PK\x03\x04"
_CENTRAL_SIG = b"PK\x01\x02"
_END_SIG = b"PK\x05\x06"
_DESCRIPTOR_SIG = b"PK\x07\x08"
_UTF8_NAME = 0x800
_DESCRIPTOR_FLAG = 0x8
_DEFLATED = 8


class PackageWriteError(ReportlintError):
    """The package cannot be rewritten safely (its zip structure is unusual)."""


def _end_record(data: bytes) -> int:
    at = data.rfind(_END_SIG, max(0, len(data) - 65557))
    if at < 0:
        raise PackageWriteError("no end of central directory record")
    return at


def _central_records(data: bytes) -> tuple[list[tuple[str, bytes]], bytes]:
    """(name, central record) of each member in directory order, and the archive comment."""
    end = _end_record(data)
    (_sig, disk, _disk_cd, _count_here, count, size, offset, comment_len) = struct.unpack(
        "<4sHHHHIIH", data[end : end + 22]
    )
    if disk != 0 or count == 0xFFFF or offset == 0xFFFFFFFF or size == 0xFFFFFFFF:
        raise PackageWriteError("a multi-disk or Zip64 package")
    records = []
    at = offset
    for _ in range(count):
        if data[at : at + 4] != _CENTRAL_SIG:
            raise PackageWriteError("damaged central directory")
        name_len, extra_len, comment = struct.unpack("<HHH", data[at + 28 : at + 34])
        length = 46 + name_len + extra_len + comment
        record = data[at : at + length]
        flags = struct.unpack("<H", record[8:10])[0]
        raw_name = record[46 : 46 + name_len]
        name = raw_name.decode("utf-8" if flags & _UTF8_NAME else "cp437")
        records.append((name, record))
        at += length
    return records, data[end + 22 : end + 22 + comment_len]


def _local_entry(data: bytes, central: bytes) -> bytes:
    """The local header, data and data descriptor of a member, as they are in the file."""
    flags, = struct.unpack("<H", central[8:10])
    compressed, = struct.unpack("<I", central[20:24])
    offset, = struct.unpack("<I", central[42:46])
    if data[offset : offset + 4] != _LOCAL_SIG:
        raise PackageWriteError("damaged local header")
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    end = offset + 30 + name_len + extra_len + compressed
    if flags & _DESCRIPTOR_FLAG:
        end += 16 if data[end : end + 4] == _DESCRIPTOR_SIG else 12
    return data[offset:end]


def _dos_now() -> tuple[int, int]:
    t = time.localtime()
    dos_time = (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2)
    return dos_time, ((t.tm_year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday


def _deflate(content: bytes) -> bytes:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def _new_entry(name: str, content: bytes, central: bytes | None, offset: int) -> tuple[bytes, bytes]:
    """(local entry, central record) for new content, keeping what the old record
    says about the member (times, attributes, extra fields) where there is one."""
    raw_name = name.encode("utf-8")
    packed = _deflate(content)
    crc = zlib.crc32(content)
    if central is not None:
        made_by, needed, flags = struct.unpack("<HHH", central[4:10])
        mtime, mdate = struct.unpack("<HH", central[12:16])
        internal, external = struct.unpack("<HI", central[36:42])
        flags &= ~_DESCRIPTOR_FLAG
    else:
        made_by, needed, internal, external = 20, 20, 0, 0
        flags = _UTF8_NAME if not name.isascii() else 0
        mtime, mdate = _dos_now()
    local = struct.pack(
        "<4sHHHHHIIIHH", _LOCAL_SIG, needed, flags, _DEFLATED, mtime, mdate, crc, len(packed), len(content),
        len(raw_name), 0,
    ) + raw_name + packed
    record = struct.pack(
        "<4sHHHHHHIIIHHHHHII", _CENTRAL_SIG, made_by, needed, flags, _DEFLATED, mtime, mdate, crc, len(packed),
        len(content), len(raw_name), 0, 0, 0, internal, external, offset,
    ) + raw_name
    return local, record


def rewrite_package(data: bytes, changed: dict[str, bytes], added: dict[str, bytes] | None = None) -> bytes:
    """The package ``data`` with the members in ``changed`` given new content and the
    members in ``added`` appended; every other member is copied byte for byte."""
    records, comment = _central_records(data)
    names = {name for name, _ in records}
    missing = set(changed) - names
    if missing:
        raise PackageWriteError(f"no member {sorted(missing)[0]!r} to change")
    out = bytearray()
    directory = bytearray()
    for name, central in records:
        offset = len(out)
        if offset > 0xFFFFFFFF:
            raise PackageWriteError("the package would need Zip64")
        if name in changed:
            local, record = _new_entry(name, changed[name], central, offset)
        else:
            local = _local_entry(data, central)
            record = central[:42] + struct.pack("<I", offset) + central[46:]
        out += local
        directory += record
    count = len(records)
    for name, content in (added or {}).items():
        if name in names:
            raise PackageWriteError(f"member {name!r} exists already")
        local, record = _new_entry(name, content, None, len(out))
        out += local
        directory += record
        count += 1
    start = len(out)
    out += directory
    out += struct.pack("<4sHHHHIIH", _END_SIG, 0, 0, count, count, len(directory), start, len(comment)) + comment
    return bytes(out)
