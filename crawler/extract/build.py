"""Stage 5: a kept record's review. Its name (the subject, else its type and date), published
date, status, summary and themes, its documents by DOM proximity, the review page it links
to, and its area (``place``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import patterns as rx
from ..normalise.dates import year_of
from ..normalise.names import name_key
from ..normalise.review_types import normalise_review_type
from ..normalise.vocabulary import TYPE_ACRONYMS, TYPE_LABELS, not_a_review
from .classify import BRIEFINGS, Decision
from .documents import VAGUE, classify_document, is_document_link
from .fields import date_of, dated, is_date_line, status_of, summary_of, themes_of
from .page import Page
from .place import area_of
from .records import Record, _first_sentence
from .review import Review
from .subjects import subject_of

# A news post's own date dates what it says is published now ("published today", "we publish").
_TODAY = rx.compile(
    r"\b(?:today|this week)\b|\b(?:is|are|we|also|now) (?:now )?publish(?:es|ing)?\b|\bpublishes\b",
    re.I,
)
_FULL = rx.compile(r"(?i)overview report|full report|final report|executive summary")
_SENTENCE = rx.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def name_of(record: Record, page: Page, source) -> str:
    subject = record.subject
    if subject is not None and subject.kind != "dated":
        return subject.name
    type_text = _type_text(record, page, source)
    return _unnamed(record, type_text, source, _published(record, page))


def _type_text(record: Record, page: Page, source, nearby: str = "") -> str:
    """Words that may say the review's type, nearest first."""
    return type_words(own_words(record), _type_context(record, page, source, nearby))


def type_words(*contexts: str) -> str:
    """Contexts that may say a review's type, nearest first, as ``review_type_from_words``
    reads them (the first that names a type decides)."""
    return " | ".join(c for c in contexts if c)


def _type_context(record: Record, page: Page, source, nearby: str = "") -> str:
    """Around the record, nearest first: its headings, the page, the registry, the paragraphs."""
    label = TYPE_LABELS.get(source.lists or "")
    return type_words(*reversed(record.path), page.context, label, nearby[:600])


def own_words(record: Record) -> str:
    """The record's own words, the first of its type contexts: its title and its lines."""
    body = " ".join(line.text for line in record.all_lines if line is not record.title)
    return type_words(record.title.text, body[:600])


_HEAD = rx.compile(r"\s+[–—-]\s+|:\s")


def _title_date(record: Record) -> str | None:
    """A date in the title itself; in a long line, in its head before the first dash or colon
    ("Person 1 (November 2020) – concerning …"). A bracketed year after a name is a death's
    year when the record says so ("… the death of Charlotte in 2015"), else a publication's."""
    title = record.title.text
    head = title if len(title.split()) <= 12 else _HEAD.split(title, maxsplit=1)[0]
    if len(head.split()) > 12:
        head = _first_sentence(title)  # "Latest LCSPR 'Child Cameron' January 2023 now published."
    if len(head.split()) > 12:
        return date_of([title])
    found = [d for d in dated(head) if d.role in ("published", "other", "death")]
    if not found and head != title:
        # "… – Final Report (Published November 2021)", "… – LCSPR report – August 2021"
        tail = [d for d in dated(title) if d.role in ("published", "other")]
        ending = [d for d in tail if not title[d.end :].strip(" )]–-.")]
        found = [d for d in tail if d.role == "published"] or ending
    deaths = {d.iso for d in dated(record.text) if d.role == "incident"}
    found = [d for d in found if d.role != "death" or d.iso not in deaths]
    if not found:
        return None
    return max(found, key=lambda d: (d.role == "published", d.iso.count("-"), -d.start)).iso


def _cell_date(record: Record) -> str | None:
    """A table row's date cell ("Mr A | 15 January 2025 | Full report")."""
    for index, cell in enumerate(record.cells[1:], 1):
        column = record.header[index] if index < len(record.header) else ""
        if is_date_line(cell.text) or re.search(r"(?i)publi|date", column):
            found = date_of([cell.text], title=True)
            if found:
                return found
    return None


def _published(record: Record, page: Page, nearby: str = "") -> str | None:
    body = [line.text for line in record.all_lines if line is not record.title]
    found = _title_date(record)
    if found and found.count("-") < 2:
        # "… Thematic Review 2021" over "The review was published on the 27th of July 2021"
        finer = [
            d.iso
            for text in body
            for d in dated(text)
            if d.role == "published" and d.iso.startswith(found) and len(d.iso) > len(found)
        ]
        found = finer[0] if finer else found
    found = found or _cell_date(record) or date_of(body)
    if not found and record.dateline:
        found = date_of([record.dateline])
    if not found and record.context_date:
        found = record.context_date
    for heading in reversed(record.path):
        if found:
            break
        if not_a_review(heading):
            continue  # "Safeguarding Children Annual Report 2018/19" dates the annual report
        found = date_of([heading], title=is_date_line(heading) or len(heading.split()) <= 6)
    if not found and page.date and (_TODAY.search(record.text) or _TODAY.search(nearby)):
        found = page.date  # a news post that says "published today"
    return found


def _clause(text: str, start: int) -> str:
    """The sentence of ``text`` a link at ``start`` sits in, up to the link."""
    begin = 0
    for m in _SENTENCE.finditer(text[:start]):
        begin = m.end()
    return text[begin:start]


def _documents(record: Record, review: Review, page: Page | None = None) -> None:
    title = record.title.text
    briefings = page is not None and bool(BRIEFINGS.search(page.context))
    for line in record.all_lines:
        for link in line.links:
            if urlsplit(link.url).scheme not in ("http", "https"):
                continue
            if not is_document_link(link.url, link.text, link.title):
                continue
            clause = _clause(line.text, link.start)
            kind = classify_document(link.text, clause, title, url=link.url)
            if briefings and kind == "full_report" and not _FULL.search(link.text):
                kind = "learning_brief"  # on a page of briefings, a review's link is its briefing
            name = link.text if not VAGUE.match(link.text) else (clause or line.text)[:200]
            review.add_document(link.url.split("#")[0], kind, name.strip() or None)


def _detail_url(record: Record, page: Page) -> str | None:
    from .classify import _READ_MORE, _same_site

    here = page.url.split("#")[0]
    for link in [*record.title.links, *(k for k in record.links if _READ_MORE.match(k.text))]:
        target = link.url.split("#")[0]
        if (
            _same_site(page.host, link.url)
            and target != here
            and not is_document_link(link.url, link.text, link.title)
        ):
            return target
    return None


def _unnamed(record: Record, type_text: str, source, published: str | None) -> str:
    """A review that names no one goes by its type and date: 'DHR June 2017', 'DHR 2020'."""
    kind = normalise_review_type(type_text, source.nation, source.serves, year_of(published))
    acronym = TYPE_ACRONYMS.get(kind or "", TYPE_LABELS.get(kind or "", "Review").title())
    found = [d for d in dated(record.title.text) if d.role in ("published", "other")]
    when = found[0].iso if found else published
    return f"{acronym} {_spoken(when)}".strip()


def _spoken(iso: str | None) -> str:
    """2017-06 -> 'June 2017', 2021-03-03 -> '3 March 2021' (a name, whatever the page's format)."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{months[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"


def _status(record: Record) -> str | None:
    """What the record's own lines say (a long note beside it explains another's status)."""
    own = [line.text for line in record.lines]
    own += [c.text for c in record.companions if len(c.text.split()) <= 12]
    if record.kind == "row":
        own = [cell.text for cell in record.cells[1:]] or own
    return status_of(" ".join(own)) or status_of(" | ".join(reversed(record.path)))


def review_of(
    record: Record,
    decision: Decision,
    page: Page,
    source,
    surroundings: str = "",
    nearby: str = "",
) -> Review | None:
    """``surroundings``: the page's headings and left-out records; ``nearby``: the left-out
    records under the same headings (a news post's paragraphs around the one naming the child,
    "… is today publishing a Child Safeguarding Practice Review")."""
    area, national, elsewhere = area_of(record, source)
    if elsewhere and area is None and not national:
        return None  # another area's review whose area the page does not name
    published = _published(record, page, nearby)
    subject = record.subject
    texts = [line.text for line in record.all_lines]
    review = Review(
        name=name_of(record, page, source),
        title=record.title.text,
        subject_kind=subject.kind if subject else "dated",  # unnamed: its type and date
        area=area,
        national=national,
        published=published,
        own_words=own_words(record),
        type_context=_type_context(record, page, source, nearby),
        status=_status(record),
        summary=summary_of(texts[1:]),
        themes=next((t for t in map(themes_of, texts) if t), []),
        detail_url=_detail_url(record, page),
        evidence={**decision.as_dict(), "subject_rule": subject.how if subject else None},
    )
    review.type_text = type_words(review.own_words, review.type_context)
    _documents(record, review, page)
    # "Reports are removed after 18 months": a listed review without its documents.
    bare = review.status is None and not review.documents and not review.detail_url
    if bare and status_of(surroundings) == "no_longer_published":
        review.status = "no_longer_published"
    return review


def detail_review(name: str, judged, page: Page, source) -> Review:
    """A review's own page: every document on it is the review's, unless a record there is
    plainly another review's."""
    named = subject_of(name, topic_ok=True)
    review = Review(
        name=name,
        title=page.h1 or name,
        type_text=page.context,
        subject_kind=named.kind if named is not None else "dated",
    )
    key = name_key(name)
    texts: list[str] = []
    for record, decision in judged:
        other = record.key and name_key(record.subject.name) != key and record.subject.strong
        if decision.kept and other:
            continue
        _documents(record, review)
        texts.extend(line.text for line in record.all_lines)
    review.type_text = " | ".join([page.h1, " ".join(texts)[:800], page.context])
    review.published = date_of([page.h1], title=True) or date_of(texts) or page.date
    review.status = status_of(" ".join(texts))
    review.summary = summary_of(texts)
    review.evidence = {"detail_page": page.url}
    return review
