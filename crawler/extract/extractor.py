"""The extractor for board and partnership pages, whatever their layout. Stages, one job each:

1. ``page``: parse once, remove the page furniture, keep the page's own context.
2. ``adapters``: platforms (NSPCC entries, ModernGov committee pages, GOV.UK links) take what
   they understand.
3. ``segment`` and ``records``: the rest is cut into candidate records by its structure.
4. ``classify``: a small logistic model says which records are reviews, and why.
5. ``build``: each kept record's review: its fields (``fields``, ``subjects``), documents by
   DOM proximity (``documents``) and area (``place``). This module then keeps one review per
   subject on the page.
"""

from __future__ import annotations

from ..normalise.areas import Area, resolve_area
from ..normalise.dates import more_precise, year_of
from ..normalise.names import name_key
from .adapters import adapters
from .build import detail_review, name_of, review_of, type_words
from .classify import Context, Model, classify
from .fields import date_of, is_date_line
from .page import load_page
from .records import candidates, same_subject
from .review import Extraction, Review
from .segment import sectionise, units_of, without

# Set to a list to collect every record's decision (bench/accuracy.py fits the model on them).
DECISION_LOG: list | None = None


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
    # A story: the one kept record under its headings, told with the paragraphs around it.
    nearby: dict[tuple, list[str]] = {}
    kept_under: dict[tuple, int] = {}
    for record, decision in judged:
        if not decision.kept:
            nearby.setdefault(record.path, []).append(record.text)
        else:
            kept_under[record.path] = kept_under.get(record.path, 0) + 1
    for record, decision in judged:
        name = name_of(record, page, source)
        decisions.append((record.title.text, {"kept": decision.kept, **decision.as_dict()}))
        if DECISION_LOG is not None:
            how = record.subject.how if record.subject else "none"
            DECISION_LOG.append((url, name, {**decision.features, "rule:" + how: 1.0}))
        if decision.kept:
            story = kept_under.get(record.path) == 1
            around = " ".join(nearby.get(record.path, [])) if story else ""
            review = review_of(record, decision, page, source, surroundings, around)
            if review is not None:
                reviews.append(review)
    reviews = dedupe(reviews)
    if detail_for:
        reviews = [detail_review(detail_for, judged, page, source)]
    follow = [(r.detail_url, r) for r in reviews if r.detail_url and not detail_for]
    return Extraction(reviews, follow, decisions, page.context)


def clear_caches() -> None:
    """Forget what the pure text functions remember (for a benchmark's cold rounds)."""
    from ..normalise import dates, names, topics, vocabulary
    from . import classify, documents, fields, links, page, records, subjects

    for function in (
        dates._find_dates,
        vocabulary.type_named,
        vocabulary.is_plural_type,
        vocabulary.not_a_review,
        names.strip_title,
        names.find_pseudonym,
        names.looks_like_name,
        names.known_first_names,
        names.name_key,
        fields._dated,
        fields.is_date_line,
        fields.status_of,
        classify._site,
        classify._web,
        subjects.subject_of,
        records.title_subject,
        documents.is_document_url,
        documents.is_document_link,
        links._join,
        page.xpath,
        topics._topics_of_text,
    ):
        function.cache_clear()


def _byline(units) -> str | None:
    """A news post's own date, written as a line under its title ("Wednesday, June 14, 2017")."""
    for unit in units[:4]:
        text = unit.title.text
        if unit.kind in ("item", "line") and is_date_line(text) and not unit.title.links:
            return date_of([text])
    return None


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
        _hear_own_words(same, review)
        same.published = more_precise(same.published, review.published)
        for field in ("status", "summary", "detail_url", "subject_kind", "area_text"):
            if getattr(same, field) is None:
                setattr(same, field, getattr(review, field))
        same.themes = same.themes or review.themes
    return out


def _hear_own_words(same: Review, other: Review) -> None:
    """Each sighting's own words come before any heading's: a review listed as three rows (its
    terms of reference, its summary, its "CPR Report") is typed by what its rows say, before
    the heading above them ("Adult Practice Reviews") or the page's words."""
    if not other.own_words or other.own_words in same.own_words:
        return
    same.own_words = type_words(same.own_words, other.own_words)
    same.type_text = type_words(same.own_words, same.type_context)


def _years_agree(a: str | None, b: str | None) -> bool:
    ya, yb = year_of(a), year_of(b)
    return ya is None or yb is None or abs(ya - yb) <= 1
