"""JUnit XML, for CI systems that show test reports: one testsuite per file, one failing
testcase per finding (a clean file gets one passing testcase), an error for a file that
could not be read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import lazy_pattern
from ..i18n import localize
from .github import word_location

# XML 1.0 cannot carry most control characters, even escaped; Word text can hold them.
_NOT_XML = lazy_pattern.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(suite: ET.Element, name: str, path: str, line: int = 0) -> ET.Element:
    case = ET.SubElement(suite, "testcase", name=_xml(name), classname=_xml(path), file=_xml(path))
    if line > 0:
        case.set("line", str(line))
    return case


def _suite(root: ET.Element, path: str, tests: int, failures: int, errors: int) -> ET.Element:
    return ET.SubElement(root, "testsuite", name=_xml(path), tests=str(tests), failures=str(failures),
                         errors=str(errors), skipped="0")


def format_junit(result, lang: str = "en", **_options) -> str:
    root = ET.Element("testsuites", name="reportlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for f in result.files:
        if f.error is not None:
            case = _testcase(_suite(root, f.path, 1, 0, 1), "read", f.path)
            ET.SubElement(case, "error", message=_xml(f.error), type="unreadable").text = _xml(f"{f.path}: {f.error}")
            totals["tests"] += 1
            totals["errors"] += 1
            continue
        if not f.diagnostics:
            _testcase(_suite(root, f.path, 1, 0, 0), "reportlint", f.path)
            totals["tests"] += 1
            continue
        suite = _suite(root, f.path, len(f.diagnostics), len(f.diagnostics), 0)
        for d in f.diagnostics:
            message = localize(d, lang)
            where = f"{f.path}:{d.line}:{d.column}"
            if f.format == "docx":
                where += f" [{word_location(d)}]"
            case = _testcase(suite, f"{d.code} {d.name} at {d.line}:{d.column}", f.path, d.line)
            failure = ET.SubElement(case, "failure", message=_xml(message), type=d.severity)
            failure.text = _xml(f"{where}: {d.code} {message}\nmatch: {d.match}")
        totals["tests"] += len(f.diagnostics)
        totals["failures"] += len(f.diagnostics)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
