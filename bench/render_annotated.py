"""Render an annotated copy of a report to PDF and PNG, to see the comments as Word shows them.

Run: python bench/render_annotated.py REPORT.docx [OUT_DIR]
     (no REPORT: the residue report from fixtures/residue_report.py is built and used)

It writes REPORT.reportlint.docx with ``reportlint annotate``, converts it to PDF with
LibreOffice (``soffice --headless --convert-to pdf``: the comments become PDF notes, in
the margin from LibreOffice 7.5 on; the highlighted matches show on the page) and the
PDF to one PNG per page with ``pdftoppm``.  Both tools must be on
PATH; when one is missing the script says which and exits 3.  No test depends on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MISSING_TOOL = 3


def _tool(*names: str) -> str | None:
    return next((shutil.which(n) for n in names if shutil.which(n)), None)


def main(argv: list[str]) -> int:
    soffice = _tool("soffice", "libreoffice")
    pdftoppm = _tool("pdftoppm")
    missing = [name for name, found in (("soffice (LibreOffice)", soffice), ("pdftoppm (poppler-utils)", pdftoppm))
               if not found]
    if missing:
        print(f"render_annotated: {' and '.join(missing)} not found on PATH; install to render", file=sys.stderr)
        return MISSING_TOOL
    out_dir = argv[1] if len(argv) > 1 else tempfile.mkdtemp(prefix="annotated-")
    os.makedirs(out_dir, exist_ok=True)
    if argv:
        report = argv[0]
    else:
        sys.path.insert(0, os.path.join(os.path.dirname(HERE), "fixtures"))
        from residue_report import build

        report = build(os.path.join(out_dir, "residue-report.docx"))
    from reportlint.annotate import annotate_path

    annotated = os.path.join(out_dir, os.path.basename(report).rsplit(".", 1)[0] + ".reportlint.docx")
    done = annotate_path(report, annotated)
    if done.error:
        print(f"render_annotated: {report}: {done.error}", file=sys.stderr)
        return 2
    # ExportNotesInMargin (LibreOffice 7.5+) puts comments beside the page; older versions ignore it.
    pdf_filter = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
    subprocess.run([soffice, "--headless", "--convert-to", pdf_filter, "--outdir", out_dir, annotated],
                   check=True, capture_output=True, timeout=300)
    pdf = annotated[: -len(".docx")] + ".pdf"
    if not os.path.exists(pdf):
        print(f"render_annotated: LibreOffice wrote no PDF for {annotated}", file=sys.stderr)
        return 2
    # pdftoppm complains about the note icons' boxes on stderr; the pages are fine.
    subprocess.run([pdftoppm, "-png", "-r", "80", pdf, pdf[: -len(".pdf")]], check=True, timeout=300,
                   capture_output=True)
    print(f"{done.anchored + done.noted} comments; PDF: {pdf}; PNG pages beside it in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
