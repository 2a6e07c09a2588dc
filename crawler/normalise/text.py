"""Readable text from scraped text: summaries without link residue, document titles that say
what the document is, and a test that a display title is a title (not a sentence, a file label
or a date run into a heading)."""

from __future__ import annotations

import re

from .. import patterns as rx
from .names import FILE_MARK
from .vocabulary import strip_type_words

_SENTENCES = rx.compile(r"(?<=[.!?])\s+(?=[A-Z‘“'\"(])")
# A sentence that only points at links: "Click here for the Patrick report.", "The full report
# is available here and a 7 minute briefing here.", "Download the Child Ava report | …",
# "Read on for more details and some useful links."
_RESIDUE = rx.compile(
    r"^(?:please\s+)?(?:click|tap)\b|^(?:read|download|view|see|open|access|find|visit)\b"
    r"(?!\s+(?:was|were|is|are)\b)"
    r"|\b(?:is|are|can be)\s+(?:available|found|accessed|downloaded|read)\s+(?:here|below|above"
    r"|by clicking|via the links?|from the links?|on (?:the|our) \w+(?: \w+)? (?:web)?(?:site|page))"
    r"|\bhere\W*$|\buseful links\b|\s\|\s",
    re.I,
)
_VERB_LEAD = rx.compile(
    r"^(?:you can |please )?(?:click(?:\s+here)?(?:\s+to)?\s+)?(?:read|download|view|open|see|access)"
    r"(?:\s+(?:a copy of|the|our|this|a))*\s+",
    re.I,
)
_VAGUE_NOUN = rx.compile(r"^(?:note|report|document|copy|file|it|this|here|pdf)$", re.I)
_SAYS_NOTHING = rx.compile(
    r"^\W*(?:(?:please )?click here|here|this link|link|download(?: here| now)?|read more|more"
    r"|view|open|pdf|docx?|word|document|file|read online|continue reading|find out more"
    r"|(?:published|updated|posted)(?: on)?)?\W*$",
    re.I,
)
_DATE_ONLY = rx.compile(
    r"^\W*(?:(?:published|updated|posted|date)\W*(?:on\s+)?)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\W*$"
    r"|^\W*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\W*$",
    re.I,
)
KIND_LABELS = {
    "full_report": "Report",
    "executive_summary": "Executive summary",
    "learning_brief": "Learning brief",
    "action_plan": "Action plan",
    "response": "Response",
    "committee_report": "Committee report",
    "other": "Document",
}


def clean_summary(text: str | None) -> str | None:
    """The summary's sentences, without the ones that only point at links, and without the
    spaces and full stops links leave behind ("… on the Salford website ." ⇒ "website.")."""
    if not text:
        return None
    kept = [s for s in _SENTENCES.split(text.strip()) if s and not _RESIDUE.search(s)]
    out = " ".join(kept)
    out = re.sub(r"\s+([.,;:!?])", r"\1", out)
    out = re.sub(r"([.!?])(?:\s*\.)+", r"\1", out)
    out = re.sub(r"\(\s*\)|\[\s*\]", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip(" |-–")
    return out or None


def document_title(
    title: str | None, kind: str | None, subject: str | None, url: str | None = None
) -> str | None:
    """A document's title that says what it is: 'Download' or 'Published 7 September 2017'
    for Child N's executive summary becomes 'Executive summary: Child N'; 'Read the overview
    report' becomes 'Overview report: Child N'; a title that names something stays."""
    label = KIND_LABELS.get(kind or "other", "Document")
    # A title that says nothing: the file's name tells two briefings of one review apart.
    vague = _file_words(url) or subject
    text = FILE_MARK.sub(" ", title or "")
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" -–—:|,")
    if not text or _SAYS_NOTHING.match(text) or _DATE_ONLY.match(text):
        return f"{label}: {vague}" if vague else label
    lead = re.sub(r"(?i)\s+(?:here|below|online)$", "", _VERB_LEAD.sub("", text)).strip(" .")
    if lead != text and (not lead or _VAGUE_NOUN.match(lead)):
        return f"{label}: {vague}" if vague else label
    if lead and lead != text and _only_a_document(lead):
        text = lead[0].upper() + lead[1:]
    if subject and _only_a_document(text) and subject.lower() not in text.lower():
        return f"{text}: {subject}"
    return text


def document_tail(label: str, title: str | None, sep: str = ": ") -> str:
    """What to show after a document's kind label: nothing when the title is the label, the
    rest of a title that begins with it ("Executive summary: Child M" after "Executive
    summary"; " (English): APR 01/2022" after "Report"), else ``sep`` and the title. Never
    "Executive summary: Executive summary: Child M"."""
    if not title or title.casefold() == label.casefold():
        return ""
    head, rest = title[: len(label)], title[len(label) :]
    if head.casefold() == label.casefold() and not rest[:1].isalnum():
        return rest
    return sep + title


def _file_words(url: str | None) -> str | None:
    """A file's name as words, when it says something ("Briefing-Note-Supervision-Orders.pdf"
    is "Briefing Note Supervision Orders"; "doc-1234.pdf" says nothing)."""
    if not url:
        return None
    from ..extract.documents import file_name

    words = file_name(url).split()
    if sum(bool(re.search(r"[A-Za-z]{2,}", w)) for w in words) < 2 or len(" ".join(words)) > 80:
        return None
    text = " ".join(w if w.isupper() else w.capitalize() for w in words)
    return text


def _only_a_document(text: str) -> bool:
    """'SAR Report', 'Case review', 'Executive summary (PDF)': a document's name, no one's."""
    from ..extract.documents import names_only_a_document

    rest = strip_type_words(text)
    rest = re.sub(r"(?i)\b(?:case|review|reviews)\b", " ", rest)
    return names_only_a_document(rest) or not re.search(r"[A-Za-z]{2,}", rest)


# What a display title must never be: a sentence, a file label, a date run into a heading.
_FILE_LABEL = rx.compile(
    r"\.(?:pdf|docx?|pptx?)\b|\(\s*(?:pdf|docx?|word)\b|\b\d+(?:\.\d+)?\s?(?:kb|mb)\b"
    r"|\b(?:overview report|executive summary|learning brief|7[- ]minute briefing)\b",
    re.I,
)
_GLUED_DATE = rx.compile(r"(?:19|20)\d\d[A-Za-z]|^\W*\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b")
_SENTENCE_LIKE = rx.compile(
    r"[.!?]\s+[A-Z]|[a-z]\.$|\b(?:was|were|is|are)\s+(?:\d+|aged|born|a|an|the|not|killed)\b"
    r"|\b(?:published|publishes|commissioned|lived|died)\b"
)


def title_problem(title: str) -> str | None:
    """Why ``title`` is not a display title ("sentence", "file label", "glued date"), or None."""
    if _FILE_LABEL.search(title):
        return "file label"
    if _GLUED_DATE.search(title):
        return "glued date"
    if _SENTENCE_LIKE.search(title) or len(title.split()) > _longest(title):
        return "sentence"
    return None


def _longest(title: str) -> int:
    """How many words ``title`` may have: 18, or 32 for a short head and its subtitle ("Out of
    routine: a review of sudden unexpected death in infancy (SUDI) in families where …", as
    national reviews are titled): a sentence scraped as a name seldom opens that way."""
    head, colon, rest = title.partition(":")
    titled = colon and 1 <= len(head.split()) <= 6 and not _TOLD.search(rest)
    return 32 if titled else 18


# Words that tell a story rather than name one: "… the review found that the school had …".
_TOLD = rx.compile(r"\b(?:found|finds|said|says|had|has|then|would|could)\b", re.I)
