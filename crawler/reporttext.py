"""Text from archived reports, page by page, and the facts a report's front page can give.

PDFs are read with pypdfium2 (PDFium: fast, Apache/BSD licensed), DOCX with python-docx. Every
input gets an answer, never an exception: a file that is not a report, a PDF with no text
layer (a scan: OCR is out of scope), an encrypted PDF, a damaged or truncated file, and a ZIP
that would expand past the cap (a zip bomb dressed as DOCX) each get their own status.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from . import patterns as rx
from .normalise.dates import find_dates
from .normalise.review_types import review_type_from_words

# A DOCX whose parts would expand beyond this is refused before anything is unzipped.
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_RATIO = 200  # compressed-to-expanded; real Word files stay far below this
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES = {"pdf": "application/pdf", "docx": DOCX_TYPE}  # the kinds archived, by kind
# A page with fewer letters than this has no usable text layer.
MIN_LETTERS = 20


@dataclass
class Extracted:
    """What a downloaded file turned out to be.

    ``kind``: pdf, docx, or None (not a report). ``status``: text, no_text_layer, encrypted,
    damaged, not_a_document or too_large. ``pages``: the text of each page (page 1 first).
    """

    kind: str | None
    status: str
    pages: list[str] = field(default_factory=list)
    note: str | None = None
    metadata_date: str | None = None  # YYYY-MM-DD from the PDF's own metadata

    @property
    def text_chars(self) -> int:
        return sum(len(p) for p in self.pages)


def sniff(body: bytes) -> str | None:
    """pdf or docx from the bytes themselves (never from the URL or the server's word)."""
    if b"%PDF-" in body[:1024]:
        return "pdf"
    if body[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    return None


def extract(body: bytes) -> Extracted:
    """Pages of text from a PDF or DOCX; a status for anything else."""
    if not body:
        return Extracted(None, "not_a_document", note="empty file (0 bytes)")
    kind = sniff(body)
    if kind == "pdf":
        return _pdf(body)
    if kind == "docx":
        return _docx(body)
    head = body[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return Extracted(None, "not_a_document", note="a web page, not a report")
    return Extracted(None, "not_a_document", note="neither a PDF nor a Word (DOCX) file")


def _pdf(body: bytes) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return Extracted("pdf", "encrypted", note="the PDF needs a password to open")
        return Extracted("pdf", "damaged", note=f"the PDF cannot be read ({_reason(exc)})")
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_tidy(textpage.get_text_bounded()))
                finally:
                    textpage.close()
            finally:
                page.close()
        metadata_date = _pdf_date(pdf.get_metadata_dict())
    except pdfium.PdfiumError as exc:
        return Extracted("pdf", "damaged", note=f"the PDF cannot be read ({_reason(exc)})")
    finally:
        pdf.close()
    if not pages:
        return Extracted("pdf", "damaged", note="the PDF has no pages")
    return _with_text("pdf", pages, metadata_date)


def _docx(body: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            packed = sum(info.compress_size for info in archive.infolist()) or 1
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return Extracted("docx", "damaged", note=f"the Word file cannot be read ({exc})")
    if expanded > MAX_UNZIPPED or (expanded > 10 * 1024 * 1024 and expanded / packed > MAX_RATIO):
        return Extracted(
            "docx", "too_large", note=f"expands to {expanded // (1024 * 1024)} MB when unzipped"
        )
    try:
        import docx

        document = docx.Document(io.BytesIO(body))
        pages = _docx_pages(document)
    except Exception as exc:  # python-docx raises many kinds on a broken file
        return Extracted("docx", "damaged", note=f"the Word file cannot be read ({_reason(exc)})")
    return _with_text("docx", pages, None)


_PAGE_BREAK = rx.compile(r'<w:br [^>]*w:type="page"|<w:lastRenderedPageBreak')


def _docx_pages(document) -> list[str]:
    """A Word file has no fixed pages: its explicit page breaks (and the breaks Word recorded
    when it last laid the file out) divide it, so page numbers match what a reader sees."""
    pages: list[list[str]] = [[]]
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            xml = block.xml if hasattr(block, "xml") else ""
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))
            breaks = len(_PAGE_BREAK.findall(xml))
            if breaks and pages[-1]:
                pages.append([])
            if text.strip():
                pages[-1].append(text)
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [
                        "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                        for cell in row.iterchildren()
                        if cell.tag.endswith("}tc")
                    ]
                    pages[-1].append(" | ".join(c for c in cells if c.strip()))
    return [_tidy("\n".join(lines)) for lines in pages if lines] or [""]


def _with_text(kind: str, pages: list[str], metadata_date: str | None) -> Extracted:
    if not any(len(re.findall(r"[A-Za-z]", p)) >= MIN_LETTERS for p in pages):
        return Extracted(
            kind,
            "no_text_layer",
            pages=[],
            note=f"{len(pages)} page(s) with no text layer (a scan; not read: no OCR)",
            metadata_date=metadata_date,
        )
    return Extracted(kind, "text", pages=pages, metadata_date=metadata_date)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _reason(exc: Exception) -> str:
    message = str(exc).strip() or type(exc).__name__
    return message[:120]


def _pdf_date(metadata: dict) -> str | None:
    for key in ("CreationDate", "ModDate"):
        m = re.match(r"D:(\d{4})(\d{2})(\d{2})", metadata.get(key) or "")
        if m and 1990 <= int(m.group(1)) <= 2100 and "01" <= m.group(2) <= "12":
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


# -- the front page --------------------------------------------------------------------------

_PUBLISHED_CUE = rx.compile(r"\b(published|publication date|date of publication)\b", re.I)


@dataclass
class FrontPage:
    """What a report's first page says, with where each fact came from."""

    published: str | None = None
    review_type: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)


def front_page_facts(extracted: Extracted) -> FrontPage:
    """The publication date and the review type a report's front page states.

    The date is one printed beside "published" on the first page, else the only month-precise
    date on it (a cover's "March 2023"), else the PDF's own creation date; the type is the one
    the first page names. Reports quote many dates, so later pages are never used.
    """
    facts = FrontPage()
    first = extracted.pages[0] if extracted.pages else ""
    first = first[:1500]
    dates = [d for d in find_dates(first) if d.precision >= 2]
    cued = [d for d in dates if _PUBLISHED_CUE.search(first[max(0, d.start - 40) : d.start])]
    if cued:
        facts.published = cued[0].iso
        facts.provenance["published"] = "from the report's front page"
    elif len({d.iso for d in dates}) == 1:
        facts.published = dates[0].iso
        facts.provenance["published"] = "from the report's front page"
    elif extracted.metadata_date:
        facts.published = extracted.metadata_date
        facts.provenance["published"] = "from the report file's metadata"
    found_type = review_type_from_words(first[:600])
    if found_type:
        facts.review_type = found_type
        facts.provenance["review_type"] = "from the report's front page"
    return facts
