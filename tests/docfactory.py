"""Report files made on the spot for the archive tests: real PDFs (fpdf2) and DOCX
(python-docx), and the broken kinds a harvest meets."""

from __future__ import annotations

import io
import zipfile


def pdf(pages: list[str], *, title: str | None = None, password: str | None = None) -> bytes:
    """A PDF with one page per string (the text wraps), optionally needing ``password``."""
    from fpdf import FPDF

    doc = FPDF()
    doc.set_auto_page_break(auto=False)
    if title:
        doc.set_title(title)
    doc.set_creation_date(__import__("datetime").datetime(2021, 4, 12))
    if password:
        doc.set_encryption(owner_password="owner-" + password, user_password=password)
    for text in pages:
        doc.add_page()
        doc.set_font("Helvetica", size=11)
        doc.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(doc.output())


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are pictures only: no text layer, as a scanned report has."""
    from fpdf import FPDF

    doc = FPDF()
    for _ in range(pages):
        doc.add_page()
        doc.set_fill_color(40, 40, 40)
        for row in range(20):
            doc.rect(20, 20 + row * 12, 170, 4, style="F")
    return bytes(doc.output())


def docx(pages: list[str]) -> bytes:
    """A Word file with an explicit page break between the strings."""
    import docx as python_docx
    from docx.enum.text import WD_BREAK

    document = python_docx.Document()
    for index, text in enumerate(pages):
        for para in text.split("\n\n"):
            document.add_paragraph(para)
        if index < len(pages) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(expanded_mb: int = 40) -> bytes:
    """A small ZIP that calls itself a Word file and expands to ``expanded_mb`` MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (expanded_mb << 20))
    return out.getvalue()


HTML_PAGE = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Sorry, that page has moved</h1></body></html>"
