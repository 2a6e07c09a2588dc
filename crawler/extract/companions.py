"""Companions: an item that names no subject of its own (a document link, a date line, a "Key
themes" line, a summary) belongs to the record just before it in the same section, by DOM
proximity before names. A date line with no record before it dates the record after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..normalise.vocabulary import is_plural_type, not_a_review, strip_type_words
from .documents import names_only_a_document
from .fields import date_of, is_date_line

if TYPE_CHECKING:
    from .records import Record


def _is_companion(record: Record) -> bool:
    """A document or line that names no review of its own, and is not about something else
    ("Child mental health: learning from case reviews", "Safeguarding procedures")."""
    title = record.title.text
    return (
        record.subject is None
        and record.kind != "section"
        and not not_a_review(title)
        and not is_plural_type(title)
    )


def attach_companions(records: list[Record]) -> list[Record]:
    """Fold each record that names no one into the record it belongs to."""
    out: list[Record] = []
    companion = [_is_companion(r) for r in records]
    for index, record in enumerate(records):
        if not companion[index]:
            out.append(record)
            continue
        previous = out[-1] if out and out[-1].path == record.path else None
        following = next(
            (
                r
                for r, c in zip(records[index + 1 :], companion[index + 1 :], strict=False)
                if not c
            ),
            None,
        )
        if is_date_line(record.title.text) and not record.links:
            # A date line dates the record before it if that has no date of its own, else the
            # record after it ("9 May 2023" above "Child Iris Safeguarding Practice Review").
            # Alone, it is no record ("Last updated: 4 March 2024").
            if previous is not None and previous.dateline is None and not _dated(previous):
                previous.companions.append(record)
            elif following is not None and following.path == record.path:
                following.dateline = record.title.text
            continue
        if previous is not None and previous.subject is not None and _belongs(record, previous):
            previous.companions.append(record)
        else:
            out.append(record)
    return out


def _belongs(record: Record, previous: Record) -> bool:
    """A nameless item follows the review before it when it is one of its documents ("Executive
    summary", "Learning brief"), speaks of it, or is prose about it; an item titled by some
    other topic ("Self Neglect", "Emollients and Smoking") is a thing of its own."""
    title = record.title.text
    if not record.links or names_only_a_document(title):
        return True
    key = previous.subject.name.lower() if previous.subject else ""
    if key and key in title.lower():
        return True
    words = re.findall(r"[A-Za-z]{3,}", strip_type_words(title))
    return not words or any(w.lower() in _DOCUMENT_WORDS for w in words[:2])


# Words that begin a document's title ("Executive Capacity – Learning Briefing" does not).
_DOCUMENT_WORDS = {
    "overview", "full", "final", "executive", "summary", "learning", "brief", "briefing", "seven",
    "minute", "one", "page", "action", "plan", "response", "press", "media", "statement",
    "letter", "home", "office", "agency", "agencies", "board", "partnership", "report", "read",
    "download", "click", "here", "view", "the", "easy", "terms", "timeline", "practitioner",
    "podcast", "presentation", "slides", "recorded", "video", "panel", "chair", "independent",
    "improvement", "progress", "update", "appendix", "recommendations", "findings", "key",
}  # fmt: skip


def _dated(record: Record) -> bool:
    texts = [line.text for line in record.all_lines]
    return date_of(texts[:1], title=True) is not None or date_of(texts[1:]) is not None
