"""Links that are documents, and what kind of document each one is."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..normalise.names import FILE_MARK

DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".ppt", ".pptx", ".xls", ".xlsx")
_DOWNLOAD_PATH = re.compile(
    r"/(?:wp-content/uploads|sites/default/files|media|files|uploads|downloads?|documents?|assets"
    r"|attachments?|getfile|filetransfer|file)/|chttphandler\.ashx|hapi\.dll/filetransfer"
    r"|/download\b|[?&](?:download|file|docid|documentid|attachment)=",
    re.I,
)
_SIZE_MARK = FILE_MARK

# Most specific first: a "response to the review" is a response even though it says review.
_KINDS = [
    (
        "committee_report",
        r"committee|cabinet|scrutiny|council meeting|members'? report|report to (?:the )?(?:council|board)",
    ),
    ("action_plan", r"action plan|improvement plan|actions? (?:log|tracker)"),
    # A quality-assurance letter about a review (the Home Office's on a DHR) is neither the
    # review nor the board's response to it.
    ("other", r"quality assurance|\bqa (?:panel )?letter"),
    (
        "response",
        r"response|media statement|press (?:release|statement)|statement\b|letter\b|reply",
    ),
    (
        "learning_brief",
        r"learning brief|learning summary|summary of (?:the )?learning|lessons? (?:learn[ta]|learned|from)"
        r"|(?:7|seven)[\s-]*minute|briefing|one[\s-]*page|1[\s-]*page|practitioner|key learning"
        r"|learning points|poster|infographic|learning (?:note|sheet|review summary)|bitesize|podcast",
    ),
    ("executive_summary", r"executive summary|exec\.? summary|summary report|\bsummary\b"),
    (
        "full_report",
        r"overview report|full report|final report|the report|main report|\breport\b|\breview\b"
        r"|\bscr\b|\bcspr\b|\blcspr\b|\bspr\b|\bsar\b|\bdhr\b|\bcpr\b|\bapr\b",
    ),
]
_COMPILED_KINDS = [(k, re.compile(p, re.I)) for k, p in _KINDS]
_VAGUE_LINK = re.compile(
    r"^\W*(?:click )?(?:here|this link|link|download|view|read more|more|pdf|open)\W*$", re.I
)


def is_document_url(url: str) -> bool:
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    if path.endswith(DOCUMENT_EXTENSIONS):
        return True
    return bool(_DOWNLOAD_PATH.search(path + ("?" + parts.query if parts.query else "")))


def is_document_link(url: str, text: str = "") -> bool:
    return is_document_url(url) or bool(_SIZE_MARK.search(text or ""))


def file_name(url: str) -> str:
    path = unquote(urlsplit(url).path)
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[-_]+", " ", re.sub(r"\.\w{2,4}$", "", name))


def classify_document(*texts: str | None, url: str | None = None) -> str:
    """The kind of a document from the first of its descriptions that says (link text first)."""
    candidates = [t for t in texts if t and not _VAGUE_LINK.match(t)]
    if url:
        candidates.append(file_name(url))
    for text in candidates:
        for kind, pattern in _COMPILED_KINDS:
            if pattern.search(text):
                return kind
    return "full_report" if url and is_document_url(url) else "other"
