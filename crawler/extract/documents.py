"""Links that are documents, what kind of document each one is, and which link texts say
nothing about their document ("here", "Download")."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .. import patterns as rx
from ..normalise.names import FILE_MARK

DOCUMENT_EXTENSIONS = (
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".ppt", ".pptx", ".xls", ".xlsx", ".mp3", ".mp4",
    ".m4a", ".wav",
)  # fmt: skip
# Hosted files without a file name: shared documents, and recorded briefings on video sites.
_HOSTED = rx.compile(
    r"^(?:docs\.google\.com/(?:document|presentation|spreadsheets|file)|drive\.google\.com/"
    r"(?:file|open)|(?:www\.)?youtube\.com/watch|youtu\.be/|(?:player\.)?vimeo\.com/\d)",
    re.I,
)
# Where sites serve files without an extension: CMS download paths and handlers.
_DOWNLOAD_PATH = rx.compile(
    r"/(?:wp-content/uploads|sites/default/files|media|files|uploads|downloads?|documents?/download"
    r"|assets|attachments?|getfile|filetransfer|file|storage)/|chttphandler\.ashx|hapi\.dll/filetransfer"
    r"|/download\b|objview\.aspx?|download(?:_info)?\.(?:php|aspx?)|getdocument|viewfile|\.ashx\b"
    r"|[?&](?:download|file|fileid|docid|documentid|attachment|object_id)=",
    re.I,
)
_DOWNLOAD_WORDS = rx.compile(r"\bdownload\b|\(\s*(?:pdf|docx?|word)\b|\bpdf\b", re.I)

# Most specific first: a "response to the review" is a response even though it says review.
_KINDS = [
    (
        "committee_report",
        r"committee|cabinet|scrutiny|council meeting|members'? report|report to (?:the )?(?:council|board)",
    ),
    (
        "action_plan",
        r"action plan|improvement plan|actions? (?:log|tracker)|recommendations and action",
    ),
    # A quality-assurance letter about a review (the Home Office's on a DHR) is neither the
    # review nor the board's response to it; nor are its terms of reference or a timeline.
    (
        "other",
        r"quality assurance|\bqa (?:panel )?letter|home office|terms of reference|timeline"
        r"|easy[- ]read|\bpanel (?:report|feedback|letter)",
    ),
    (
        "response",
        r"response|media statement|press (?:release|statement)|statements?\b|letter\b|reply"
        r"|improvement report",
    ),
    (
        "learning_brief",
        r"learning brief|learning summary|summary of (?:the )?learning|lessons? (?:learn[ta]|learned|from)"
        r"|(?:7|seven)[\s-]*minute|briefing|one[\s-]*page|1[\s-]*page|practitioner|key learning"
        r"|learning points|poster|infographic|learning (?:note|sheet|review summary|for publication)"
        r"|bitesize|podcast|presentation|powerpoint|slides|video|webinar|animation",
    ),
    (
        "executive_summary",
        r"executive (?:summary|report)|exec\.? summary|summary report|\bsummary\b",
    ),
    ("full_report", r"overview report|full report|final report|main report|full review"),
]
# ModernGov serves every committee paper from /documents/s<number>/ (council.lancashire.gov.uk,
# bradford.moderngov.co.uk, mycouncil.oxfordshire.gov.uk).
_COMMITTEE_PAPER = rx.compile(r"/documents/s\d{3,}/", re.I)
_COMPILED_KINDS = [(k, rx.compile(p, re.I)) for k, p in _KINDS]
# Words that say "the review's report" without saying which document: the report only if no
# description says something more specific ("David's SAR" linking an executive summary).
_REPORT = rx.compile(
    r"\breport\b|\breview\b|\bscr\b|\bcspr\b|\blcspr\b|\bspr\b|\bsar\b|\bdhr\b|\bcpr\b|\bapr\b",
    re.I,
)
VAGUE = rx.compile(
    r"^\W*(?:(?:please )?click (?:here|on this link)|here|this link|link|download(?: (?:it|now|here"
    r"|the (?:file|document|pdf)))?|view|open|read more|more|pdf|docx?|word|(?:read|view|access) "
    r"(?:it|the \w+) here|read (?:it|online)|continue reading|find out more)\W*$",
    re.I,
)
# A title that names only a document, no review: "Executive summary", "Action plan (PDF)".
_DOCUMENT_WORDS = rx.compile(
    r"\b(?:overview|full|final|main|the|sanitised|anonymised|published|review|summary|report|reports"
    r"|executive|exec|learning|brief|briefing|briefings|note|notes|sheet|seven|7|minute|one|1|page"
    r"|practitioner|practitioners|action|plan|response|responses|media|press|release|statement"
    r"|letter|from|to|of|and|with|for|a|an|home|office|quality|assurance|panel|feedback|terms"
    r"|reference|timeline|summary|poster|infographic|presentation|slides|podcast|recorded|powerpoint"
    r"|easy|read|version|welsh|english|agency|agencies|board|partnership|partnership's|board's"
    r"|recommendations|findings|key|lessons|learnt|learned|publication|appendix|appendices|chair"
    r"|chair's|independent|reviewer|author|foreword|video|document|documents|download|pdf|word"
    r"|file|here|click|view|progress|update|updated|improvement|plans|our|its|their|thematic)\b",
    re.I,
)


@lru_cache(maxsize=8192)
def is_document_url(url: str) -> bool:
    parts = urlsplit(url)
    if _HOSTED.match(f"{parts.hostname or ''}{parts.path}"):
        return True
    path = unquote(parts.path).lower()
    if path.endswith(DOCUMENT_EXTENSIONS):
        return True
    return bool(_DOWNLOAD_PATH.search(path + ("?" + parts.query if parts.query else "")))


@lru_cache(maxsize=8192)
def is_document_link(url: str, text: str = "", title: str = "") -> bool:
    """A link to a document: by its URL, or, without an extension, by what its text says
    ("Overview report (PDF, 1.2MB)", "Download the report")."""
    if is_document_url(url):
        return True
    words = f"{text} {title}"
    return bool(FILE_MARK.search(words) or _DOWNLOAD_WORDS.search(words))


def file_name(url: str) -> str:
    path = unquote(urlsplit(url).path)
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[-_]+", " ", re.sub(r"\.\w{2,4}$", "", name))


def names_only_a_document(text: str) -> bool:
    """'Executive summary', 'Learning Briefing (PDF 300KB)', 'here': a document's name, no review's."""
    rest = FILE_MARK.sub(" ", text)
    rest = re.sub(r"[\W\d_]+", " ", _DOCUMENT_WORDS.sub(" ", rest))
    return not rest.strip() and bool(text.strip())


def _specific(text: str | None) -> str | None:
    """The kind the text names first ("Overview Report and Action Plan" is the report)."""
    if not text or VAGUE.match(text):
        return None
    found = []
    for order, (kind, pattern) in enumerate(_COMPILED_KINDS):
        m = pattern.search(text)
        if m:
            found.append((m.start(), order, kind))
    return min(found)[2] if found else None


def classify_document(*texts: str | None, url: str | None = None) -> str:
    """The kind of a document from what describes it, nearest first: its link text, its file
    name, then the words around it (its sentence, its record's title). A specific word ("action
    plan", "executive summary") anywhere in that order beats a plain "report" or "SAR"."""
    link, context = (texts[0] if texts else None), texts[1:]
    named = file_name(url) if url else None
    for text in (link, named):
        kind = _specific(text)
        if kind:
            return kind
    if url and _COMMITTEE_PAPER.search(url):
        return "committee_report"  # a paper of a council's committee system, not the review's own
    if link and not VAGUE.match(link) and _REPORT.search(link):
        return "full_report"
    for index, text in enumerate(context):
        if index == 1 and named and _REPORT.search(named):
            return "full_report"  # "LCSPR Child Cameron January 2023.pdf": the review's own file
        kind = _specific(text)
        if kind:
            return kind
    if any(t and _REPORT.search(t) for t in (named, *context)):
        return "full_report"
    return "full_report" if url and is_document_url(url) else "other"
