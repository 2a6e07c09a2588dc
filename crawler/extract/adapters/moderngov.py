"""ModernGov (and other committee systems'): a committee report page is one document about one
review, not a listing. Its labelled lines ("Meeting:", "Title:") say which review; the page
itself is the review's committee report."""

from __future__ import annotations

import re

from ... import patterns as rx
from ...normalise.vocabulary import type_named
from ..blocks import blocks_of
from ..fields import dated
from ..review import Review
from ..segment import flatten
from ..subjects import subject_of
from . import Claim

_MODERNGOV_PATH = rx.compile(
    r"/(?:ie|mg)(?:IssueDetails|IssueHistoryHome|ListDocuments|DecisionDetails|Ai)\.aspx", re.I
)
_TITLE_LABELS = ("title", "subject", "report title", "report", "issue")


def labelled(blocks) -> dict[str, str]:
    """'Meeting: …', 'Title: …' lines, as paragraphs or as two-cell table rows."""
    found: dict[str, str] = {}
    for block in blocks[:80]:
        if block.tag == "tr" and len(block.cells) == 2:
            key, value = block.cells[0].text, block.cells[1].text
        elif ":" in block.text:
            key, value = block.text.split(":", 1)
        else:
            continue
        key = key.strip().rstrip(":").strip().lower()
        if key and len(key) <= 25 and value.strip():
            found.setdefault(key, value.strip())
    return found


def _heading(units, page) -> str:
    """The item's own heading: the page's h1, unless that is the platform's ("Agenda item",
    "Issue - decisions") and the item's title under it names a review type."""
    if page.h1 and type_named(page.h1):
        return page.h1
    headings = [u.title.text for u in flatten(units) if u.kind in ("heading", "section")]
    after = headings[headings.index(page.h1) + 1 :] if page.h1 in headings else headings
    if after and type_named(after[0]):
        return after[0]
    return page.h1


def claim(page, units, context) -> Claim | None:
    blocks = blocks_of(units)
    labels = labelled(blocks)
    if not ({"meeting", "committee"} & set(labels)) and not _MODERNGOV_PATH.search(page.url):
        return None
    title = next((labels[k] for k in _TITLE_LABELS if k in labels), None) or _heading(units, page)
    subject = subject_of(title)
    if subject is None:
        return None
    meeting = labels.get("meeting") or labels.get("committee") or ""
    review = Review(
        name=subject.name,
        title=title,
        subject_kind=subject.kind,
        type_text=title,
        evidence={"adapter": "moderngov", "title": title},
    )
    review.add_document(page.url, "committee_report", f"{meeting}: {title}".strip(": "))
    for block in blocks:
        published = [d for d in dated(block.text) if d.role == "published"]
        if published:
            review.published = max(published, key=lambda d: d.iso.count("-")).iso
            break
    return Claim([review], list(units), whole_page=True)
