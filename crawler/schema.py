"""Every field of a review, defined once. The item spiders yield, the pipelines that clean it,
the store's columns, the fields merged from sightings and the full-text index are all read from
this list; nothing else restates it.

Roles:
- ``item``: a field of ``ReviewItem`` (what a spider or pipeline fills);
- ``column``: a column of ``reviews``;
- ``merged``: the review's value is the best sighting's (the area's own board first, then
  GOV.UK, the NSPCC, other boards);
- ``text``: plain text, cleaned of markup; ``list``: a list of texts (stored as JSON);
- ``content``: what a listing says about a review (the extractor's ``Review`` and the NSPCC
  ``Entry`` both carry these);
- ``fts``: searched by the full-text index.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    name: str
    type: type = str
    roles: frozenset[str] = field(default_factory=frozenset)
    doc: str = ""


def _f(name: str, roles: str, doc: str = "", type_: type = str) -> Field:
    return Field(name, type_, frozenset(roles.split()), doc)


FIELDS: list[Field] = [
    # Where it was seen (the sighting)
    _f("source", "item", "registry id, 'nspcc' or 'govuk'"),
    _f("source_kind", "item", "nspcc | govuk | partnership (own is decided when stored)"),
    _f("source_url", "item", "the page the review was listed on"),
    _f("source_area", "item", "the publishing board's canonical area"),
    _f("source_nation", "item"),
    _f("serves", "item", "children | adults"),
    # As the page words it
    _f("title", "item text", "the heading as the source wrote it (stored as source_title)"),
    _f("name", "item text", "what the page calls the review when it names no one"),
    _f("subject_kind", "item", "the extractor's reading: subject number name letter topic dated"),
    _f("area_text", "item text", "an area the entry itself names"),
    _f("type_text", "item text", "words that say what kind of review it is"),
    _f("published_text", "item text"),
    _f("documents", "item", "[{url, kind, title}]"),
    _f("evidence", "item", "why the extractor kept it"),
    # The review
    _f("pseudonym", "item column merged text fts", "the subject as a title shows it"),
    _f("review_type", "item column merged"),
    _f("nation", "item column merged"),
    _f("area", "item column merged text fts"),
    _f("area_code", "item column merged"),
    _f("area_codes", "item column merged list", "GSS codes the area stands for"),
    _f("region", "item column merged"),
    _f("published", "item column", "ISO, as precise as the most precise sighting"),
    _f("published_year", "item column", type_=int),
    _f("summary", "item column merged text content fts"),
    _f("incident", "item column merged"),
    _f("age_text", "item column merged"),
    _f("age_band", "item column merged"),
    _f("sex", "item column merged"),
    _f("incident_date", "item column merged"),
    _f("themes", "item column merged list content fts"),
    _f("keywords", "item column merged list content fts"),
    _f("recommendations", "item column merged text content fts"),
    _f("background", "item column merged text content"),
    _f("response", "item column merged text content"),
    _f("model", "item column merged text content"),
    _f("author", "item column merged text"),
    _f("status", "item column merged", "published no_longer_published unpublished delayed"),
    _f("name_key", "item column", "the structured subject key's canonical text"),
    _f("topics", "column list", "topics from the controlled vocabulary (crawler.normalise.topics)"),
]

# Columns of ``reviews`` that no sighting fills: identity, the display title, bookkeeping.
STORE_COLUMNS: dict[str, type] = {
    "id": str,
    "title": str,  # the display title built from subject, type and area
    "subject_kind": str,
    "guid": str,  # the feed's id for it: its first id, kept when the id changes
    "listed": int,
    "unlisted_since": str,
    "first_seen": str,
    "first_source": str,
    "first_url": str,
    "last_seen": str,
    "updated": str,
}


def names(role: str) -> list[str]:
    return [f.name for f in FIELDS if role in f.roles]


ITEM_FIELDS = names("item")
MERGED_FIELDS = names("merged")
TEXT_FIELDS = names("text")
LIST_FIELDS = names("list")
CONTENT_FIELDS = names("content")
FTS_COLUMNS = ["title", *names("fts")]
REVIEW_COLUMNS: dict[str, type] = {
    "id": str,
    "title": str,
    **{f.name: f.type for f in FIELDS if "column" in f.roles},
    **{k: v for k, v in STORE_COLUMNS.items() if k not in ("id", "title")},
}


@dataclass(kw_only=True)
class ReviewContent:
    """What a listing may say about a review besides its name and date (``content`` fields)."""

    summary: str | None = None
    themes: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    recommendations: str | None = None
    background: str | None = None
    response: str | None = None
    model: str | None = None

    def content(self) -> dict:
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


assert set(CONTENT_FIELDS) == set(ReviewContent.__dataclass_fields__), "content fields drifted"
