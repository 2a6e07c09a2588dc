"""The extractor for board and partnership pages, whatever their layout. Stages, one job each:

1. ``page``: parse once, remove the page furniture, keep the page's own context.
2. ``adapters``: platforms (NSPCC entries, ModernGov committee pages, GOV.UK links) take what
   they understand.
3. ``segment`` and ``records``: the rest is cut into candidate records by its structure.
4. ``classify``: a small logistic model says which records are reviews, and why.
5. This module: each kept record's fields (``fields``, ``subjects``), its documents by DOM
   proximity (``documents``), its area, then one review per subject on the page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..normalise.areas import Area, find_area_in, resolve_area, same_place
from ..normalise.dates import more_precise, year_of
from ..normalise.names import name_key
from ..normalise.review_types import normalise_review_type
from ..normalise.vocabulary import TYPE_ACRONYMS, TYPE_LABELS
from .adapters import adapters
from .adapters.govuk import NATIONAL, NATIONAL_HOSTS
from .classify import BRIEFINGS, Context, Decision, Model, classify
from .documents import VAGUE, classify_document, is_document_link
from .fields import date_of, dated, is_date_line, status_of, summary_of, themes_of
from .page import Page, load_page
from .records import Record, candidates, same_subject
from .review import Extraction, Review
from .segment import sectionise, units_of, without

_ELSEWHERE = re.compile(
    r"other (?:areas|local authorities|partnerships|boards|safeguarding)|elsewhere"
    r"|across (?:the country|england)|published by other",
    re.I,
)
# Set to a list to collect every record's decision (bench/accuracy.py fits the model on them).
DECISION_LOG: list | None = None
# A news post's own date dates what it says is published now ("published today", "we publish").
_LOCAL = re.compile(r"\blocal\b", re.I)
_FULL = re.compile(r"(?i)overview report|full report|final report|executive summary")
_TODAY = re.compile(
    r"\b(?:today|this week)\b|\b(?:is|are|we|also|now) (?:now )?publish(?:es|ing)?\b|\bpublishes\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


class Source:
    """What the registry says of the board whose page this is."""

    def __init__(self, area=None, nation=None, serves=None, lists=None):
        self.area: Area | None = resolve_area(area) if isinstance(area, str) else area
        self.nation = nation or (self.area.nation if self.area else None)
        self.serves = serves
        self.lists = lists


def extract(
    html,
    url: str,
    *,
    source: Source | None = None,
    scope: str | None = None,
    exclude: list[str] | None = None,
    detail_for: str | None = None,
    model: Model | None = None,
) -> Extraction:
    """The reviews one page lists, and every record's decision."""
    source = source or Source()
    page = load_page(html, url, scope=scope, exclude=exclude)
    context = Context(page.host, page.context, source.lists, detail_for)
    units = units_of(page.content, url)
    if page.date is None:
        page.date = _byline(units)
    reviews: list[Review] = []
    decisions: list[tuple[str, dict]] = []
    for hook in adapters():
        claim = hook(page, units, source)
        if claim is None:
            continue
        reviews.extend(claim.reviews)
        decisions.extend((r.title, r.evidence) for r in claim.reviews)
        if claim.whole_page:
            return Extraction(reviews, [], decisions, page.context)
        units = without(units, {id(u) for u in claim.units})
    records = candidates(sectionise(units), page_url=url)
    judged = classify(records, context, model)
    surroundings = " ".join(
        [*(h for r in records for h in r.path), *(r.text for r, d in judged if not d.kept)]
    )
    for record, decision in judged:
        name = _name(record, page, source)
        decisions.append((record.title.text, {"kept": decision.kept, **decision.as_dict()}))
        if DECISION_LOG is not None:
            how = record.subject.how if record.subject else "none"
            DECISION_LOG.append((url, name, {**decision.features, "rule:" + how: 1.0}))
        if decision.kept:
            review = review_of(record, decision, page, source, surroundings)
            if review is not None:
                reviews.append(review)
    reviews = dedupe(reviews)
    if detail_for:
        reviews = [detail_review(detail_for, judged, page, source)]
    follow = [(r.detail_url, r) for r in reviews if r.detail_url and not detail_for]
    return Extraction(reviews, follow, decisions, page.context)


def clear_caches() -> None:
    """Forget what the pure text functions remember (for a benchmark's cold rounds)."""
    from ..normalise import dates, names, vocabulary
    from . import fields, records, subjects

    for function in (
        dates._find_dates,
        vocabulary.type_named,
        vocabulary.is_plural_type,
        vocabulary.not_a_review,
        names.strip_title,
        names.find_pseudonym,
        names.looks_like_name,
        names.known_first_names,
        fields._dated,
        fields.is_date_line,
        subjects.subject_of,
        records.title_subject,
    ):
        function.cache_clear()


def _byline(units) -> str | None:
    """A news post's own date, written as a line under its title ("Wednesday, June 14, 2017")."""
    for unit in units[:4]:
        text = unit.title.text
        if unit.kind in ("item", "line") and is_date_line(text) and not unit.title.links:
            return date_of([text])
    return None


def _name(record: Record, page: Page, source: Source) -> str:
    subject = record.subject
    if subject is not None and subject.kind != "dated":
        return subject.name
    type_text = _type_text(record, page, source)
    return _unnamed(record, type_text, source, _published(record, page))


def _type_text(record: Record, page: Page, source: Source) -> str:
    title = record.title.text
    body = " ".join(line.text for line in record.all_lines if line is not record.title)
    label = TYPE_LABELS.get(source.lists or "")
    return " | ".join(
        p for p in [title, body[:600], *reversed(record.path), page.context, label] if p
    )


_HEAD = re.compile(r"\s+[–—-]\s+|:\s")


def _title_date(record: Record) -> str | None:
    """A date in the title itself; in a long line, in its head before the first dash or colon
    ("Person 1 (November 2020) – concerning …"). A bracketed year after a name is a death's
    year when the record says so ("… the death of Charlotte in 2015"), else a publication's."""
    title = record.title.text
    head = title if len(title.split()) <= 12 else _HEAD.split(title, maxsplit=1)[0]
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


def _published(record: Record, page: Page) -> str | None:
    body = [line.text for line in record.all_lines if line is not record.title]
    found = _title_date(record) or _cell_date(record) or date_of(body)
    if not found and record.dateline:
        found = date_of([record.dateline])
    if not found and record.context_date:
        found = record.context_date
    for heading in reversed(record.path):
        if found:
            break
        found = date_of([heading], title=is_date_line(heading) or len(heading.split()) <= 6)
    if not found and page.date and _TODAY.search(record.text):
        found = page.date  # a news post that says "published today"
    return found


def _area(record: Record, source: Source) -> tuple[Area | None, bool, bool]:
    """(another area, national, elsewhere): whose review it is when not the board's own."""
    own = source.area
    title = record.title.text
    if record.subject is not None:
        start = record.subject.start
        title = title[:start] + " " + title[start + len(record.subject.name) :]
    exclude = {own.name} if own else set()
    for text in [title, *reversed(record.path)]:
        area = find_area_in(text, exclude=exclude)
        if not area or area.kind in ("nation", "national", "anonymous"):
            continue
        if not (own and same_place(area, own)):
            return area, False, False
        if own.kind == "partnership" and area.code in own.codes and text is title:
            # A board of several authorities: the one its review names is the review's area.
            return area, False, False
    hosted = {_host_area(k.url) for k in record.links if is_document_link(k.url, k.text)}
    if len(hosted) == 1 and None not in hosted:
        area = hosted.pop()  # every document on another board's site ("haringeylscb.org")
        if area.kind not in ("nation", "national") and not (own and same_place(area, own)):
            return area, False, False
    panel = source.nation in (None, "England")
    links = [urlsplit(k.url).hostname for k in record.links]
    # A heading over local and national reviews alike says nothing of this one.
    words = " ".join([record.title.text, *(h for h in record.path if not _LOCAL.search(h))])
    national = panel and (
        bool(
            re.search(
                r"national (?:child safeguarding practice )?review|national panel", words, re.I
            )
        )
        or (any(h in NATIONAL_HOSTS for h in links) and bool(NATIONAL.search(words)))
    )
    elsewhere = any(_ELSEWHERE.search(h) for h in record.path)
    return None, national, elsewhere


_HOST_WORDS = re.compile(
    r"www\d?|gov|org|co|uk|com|net|wales|scot|info|l?sc[bp]s?|sabs?|csp|s?sp|lsab|safeguarding|safer"
    r"|partnership|board|children|adults?|council|cc|mbc|bc|dc|the"
)


def _host_area(url: str) -> Area | None:
    """The area a site's name is made of ("www.coventrylscb.org.uk" is Coventry's board)."""
    labels = (urlsplit(url).hostname or "").lower().split(".")
    for label in labels:
        rest = " ".join(p for p in re.split(r"[-_]", label) if not _HOST_WORDS.fullmatch(p))
        rest = re.sub(r"^(?:l?sc[bp]|sab|safeguarding)|(?:l?sc[bp]|sab|safeguarding)$", "", rest)
        if len(rest) >= 4:
            area = resolve_area(rest)
            if area is not None:
                return area
    return None


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


def _unnamed(record: Record, type_text: str, source: Source, published: str | None) -> str:
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
    record: Record, decision: Decision, page: Page, source: Source, surroundings: str = ""
) -> Review | None:
    area, national, elsewhere = _area(record, source)
    if elsewhere and area is None and not national:
        return None  # another area's review whose area the page does not name
    type_text = _type_text(record, page, source)
    published = _published(record, page)
    subject = record.subject
    texts = [line.text for line in record.all_lines]
    review = Review(
        name=_name(record, page, source),
        title=record.title.text,
        subject_kind=subject.kind if subject else None,
        area=area,
        national=national,
        published=published,
        type_text=type_text,
        status=_status(record),
        summary=summary_of(texts[1:]),
        themes=next((t for t in map(themes_of, texts) if t), []),
        detail_url=_detail_url(record, page),
        evidence={**decision.as_dict(), "subject_rule": subject.how if subject else None},
    )
    _documents(record, review, page)
    # "Reports are removed after 18 months": a listed review without its documents.
    bare = review.status is None and not review.documents and not review.detail_url
    if bare and status_of(surroundings) == "no_longer_published":
        review.status = "no_longer_published"
    return review


def _key(review: Review) -> str:
    return name_key(review.name) or review.name.lower()


def dedupe(reviews: list[Review]) -> list[Review]:
    """One review per subject on a page: its sightings' documents and fields together."""
    out: list[Review] = []
    for review in reviews:
        same = next(
            (
                r
                for r in out
                if same_subject(_key(r), _key(review))
                and (r.area or None) == (review.area or None)
                and r.national == review.national
                and _years_agree(r.published, review.published)
            ),
            None,
        )
        if same is None:
            out.append(review)
            continue
        for document in review.documents:
            same.add_document(document["url"], document["kind"], document["title"])
        same.published = more_precise(same.published, review.published)
        for field in ("status", "summary", "detail_url", "subject_kind", "area_text"):
            if getattr(same, field) is None:
                setattr(same, field, getattr(review, field))
        same.themes = same.themes or review.themes
    return out


def _years_agree(a: str | None, b: str | None) -> bool:
    ya, yb = year_of(a), year_of(b)
    return ya is None or yb is None or abs(ya - yb) <= 1


def detail_review(name: str, judged, page: Page, source: Source) -> Review:
    """A review's own page: every document on it is the review's, unless a record there is
    plainly another review's."""
    review = Review(name=name, title=page.h1 or name, type_text=page.context)
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
