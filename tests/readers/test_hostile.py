"""Hostile .docx files: each is rejected with a clear message, quickly and in little memory.

Every case runs in its own process so its time and peak memory can be measured.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import time
import zipfile

import pytest
from docx_builder import CONTENT_TYPES, PACKAGE_RELS, document_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MAX_SECONDS = 1.0
MAX_MIB = 100


def _package(path, document: bytes, extra=None, compress=zipfile.ZIP_DEFLATED) -> str:
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="word/document.xml"))
        z.writestr("_rels/.rels", PACKAGE_RELS.format(main="word/document.xml"))
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return str(path)


def billion_laughs(path):
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    doc = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>'
    return _package(path, doc.encode())


def external_entity(path):
    doc = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    return _package(path, doc.encode())


def deep_nesting(path):
    depth = 10_000
    doc = f"<w:document {W}><w:body>" + "<w:customXml>" * depth + "</w:customXml>" * depth + "</w:body></w:document>"
    return _package(path, doc.encode())


def huge_text_node(path):
    doc = document_xml([f"<w:p><w:r><w:t>{'X' * (20 * 1024 * 1024)}</w:t></w:r></w:p>"]).encode()
    return _package(path, doc)


def zip_bomb(path):
    """A 1 GiB document.xml that compresses to about 1 MB."""
    size = 1024**3
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="word/document.xml"))
        z.writestr("_rels/.rels", PACKAGE_RELS.format(main="word/document.xml"))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (8 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return str(path)


def many_members(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main="word/document.xml"))
        z.writestr("_rels/.rels", PACKAGE_RELS.format(main="word/document.xml"))
        z.writestr("word/document.xml", document_xml([]))
        for i in range(60_000):
            z.writestr(f"word/media/x{i}.bin", b"")
    return str(path)


def lying_sizes(path):
    """The central directory says document.xml is 100 bytes; it inflates to 5 MB."""
    real = document_xml([f"<w:p><w:r><w:t>{'甲' * 1_500_000}</w:t></w:r></w:p>"]).encode()
    _package(path, real)
    data = bytearray(open(path, "rb").read())
    name = b"word/document.xml"
    for header, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(header + b"")
        while at >= 0:
            name_at = at + (46 if header == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<I", 100)
            at = data.find(header, at + 4)
    with open(path, "wb") as fh:
        fh.write(data)
    return str(path)


def duplicate_names(path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _package(path, document_xml([]).encode(), extra={"word/document.xml": b"<x/>", "WORD/Document.xml": b"<y/>"})
    return str(path)


CASES = {
    "billion-laughs": (billion_laughs, "DTD"),
    "external-entity": (external_entity, "DTD"),
    "deep-nesting": (deep_nesting, "not well-formed"),
    "huge-text-node": (huge_text_node, "zip bomb|not well-formed|limit"),
    "zip-bomb": (zip_bomb, "over the limit|zip bomb"),
    "many-members": (many_members, "members, over the limit"),
    "lying-sizes": (lying_sizes, "damaged|larger than"),
    "duplicate-names": (duplicate_names, "two members named"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Builds each hostile file once per module (the zip bomb takes a few seconds)."""
    folder = tmp_path_factory.mktemp("hostile")
    built: dict[str, str] = {}

    def get(case: str) -> str:
        if case not in built:
            built[case] = CASES[case][0](folder / f"{case}.docx")
        return built[case]

    return get


def _run_cli(path: str) -> tuple[int, str]:
    code = "import sys\nfrom reportlint.cli import main\nsys.exit(main(['-q', sys.argv[1]]))"
    proc = subprocess.run([sys.executable, "-c", code, path], capture_output=True, timeout=60)
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_rejected_quickly(hostile, case):
    message = CASES[case][1]
    path = hostile(case)
    import re

    from reportlint.errors import ReadError
    from reportlint.readers import read_path

    start = time.perf_counter()
    with pytest.raises(ReadError, match=message):
        read_path(path)
    assert time.perf_counter() - start < MAX_SECONDS

    code, err = _run_cli(path)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and re.search(message, lines[0]), err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", ["zip-bomb", "huge-text-node", "billion-laughs", "many-members"])
def test_hostile_file_memory(hostile, case):
    path = hostile(case)
    code = (
        "import resource, sys\nfrom reportlint.errors import ReadError\nfrom reportlint.readers import read_path\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    read_path(sys.argv[1])\nexcept ReadError:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=60)
    grown_mib = int(out.stdout.strip()) / 1024
    assert grown_mib < MAX_MIB, f"{case} grew {grown_mib:.0f} MiB"
