"""GOV.UK: the Child Safeguarding Practice Review Panel publishes national reviews there.

A board's page that links a GOV.UK publication in a national context ("National reviews", "the
Panel") lists a national review; its other links in the same item are that review's documents.
Only English boards' pages: elsewhere "the Panel" is a board's own.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ... import patterns as rx
from ..classify import DENY
from ..documents import VAGUE, classify_document, is_document_link
from ..fields import date_of
from ..review import Review
from ..segment import Unit, flatten
from . import Claim

NATIONAL_HOSTS = {"www.gov.uk", "gov.uk", "assets.publishing.service.gov.uk"}
NATIONAL = rx.compile(r"\bnational\b|\bpanel\b|across (?:the country|england)|\bnationally\b", re.I)
_NOT_A_REVIEW = rx.compile(
    r"briefing|guidance|annual report|template|register|terms of reference|response to", re.I
)
_INQUIRY = rx.compile(r"inquiry|inquest", re.I)
_DATES = rx.compile(r"\s*[(\[]?\s*(?:published\s*)?[A-Z]?[a-z]*\.?\s*\d{4}\s*[)\]]?\s*$")


def _publication(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host not in NATIONAL_HOSTS:
        return False
    return host == "assets.publishing.service.gov.uk" or parts.path.startswith(
        "/government/publications/"
    )


def _name(text: str) -> str:
    from ...normalise.names import FILE_MARK

    text = FILE_MARK.sub(" ", text)
    return re.sub(r"\s+", " ", _DATES.sub("", text)).strip(" -–:,")


def claim(page, units: list[Unit], context) -> Claim | None:
    nation = getattr(context, "nation", None)
    if nation not in (None, "England"):
        return None
    page_national = bool(NATIONAL.search(page.context))
    headings: dict[int, str] = {}
    reviews, taken = [], []
    for unit in flatten(units):
        if unit.kind in ("heading", "section"):
            headings = {r: t for r, t in headings.items() if r < unit.rank}
            headings[unit.rank] = unit.title.text
            continue
        links = [k for line in unit.lines for k in line.links]
        national = [k for k in links if _publication(k.url)]
        if not national:
            continue
        first = national[0]
        text = first.text if not VAGUE.match(first.text) else unit.lines[0].text
        context_words = " ".join([unit.lines[0].text, *headings.values()])
        if not (NATIONAL.search(context_words) or page_national):
            continue
        if DENY.search(text) or _NOT_A_REVIEW.search(text) or len(text.split()) < 2:
            continue
        if _INQUIRY.search(first.url) or _INQUIRY.search(text):
            continue  # a public inquiry (Climbié, Rotherham) is not a case review
        if classify_document(text) in ("executive_summary", "learning_brief", "response"):
            continue
        review = Review(
            name=_name(text),
            title=text,
            national=True,
            published=date_of([text], title=True) or date_of([unit.lines[0].text]),
            type_text="national review",
            evidence={"adapter": "govuk", "link": first.url},
        )
        for link in links:
            if _publication(link.url) or is_document_link(link.url, link.text):
                kind = "full_report" if is_document_link(link.url, link.text) else "other"
                if link is not first:
                    kind = classify_document(link.text, url=link.url)
                review.add_document(link.url, kind, link.text)
        reviews.append(review)
        taken.append(unit)
    return Claim(reviews, taken) if reviews else None
