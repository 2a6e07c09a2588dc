"""Turn what a page said into the data model's values, with the pure normalisers."""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from .. import patterns as rx
from ..items import ReviewItem
from ..normalise.areas import ANONYMOUS, NATIONS, resolve_area
from ..normalise.dates import normalise_date, year_of
from ..normalise.facts import summary_facts
from ..normalise.names import name_key, normalise_pseudonym, review_name
from ..normalise.review_types import normalise_review_type
from ..normalise.subject_key import display, key_for
from ..normalise.text import document_title
from ..normalise.vocabulary import TYPE_NATION

_ISO = rx.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SCOTTISH_WORDS = rx.compile(r"significant case review|child protection committee\b", re.I)


def normalise_item(adapter: MutableMapping) -> None:
    """Fill the model's fields from the raw ones. Pure apart from mutating ``adapter``."""
    area = resolve_area(adapter.get("area_text") or adapter.get("area"))
    if area is None and not adapter.get("area_text"):
        area = resolve_area(adapter.get("source_area"))
    if area is not None:
        adapter["area"] = area.name
        adapter["area_code"] = area.code
        adapter["area_codes"] = list(area.codes)
        adapter["region"] = area.region
        nation = area.nation
    else:
        adapter["area"] = adapter.get("area_text") or adapter.get("area")
        adapter["area_codes"] = []
        nation = None

    title = adapter.get("title")
    kind = adapter.get("subject_kind")
    named = adapter.get("pseudonym") or adapter.get("name") or title
    pseudonym = None if kind in ("dated", "topic") else normalise_pseudonym(named)
    adapter["pseudonym"] = pseudonym
    name = adapter.get("name") or title
    key = key_for(pseudonym, review_name(name) or name, kind)
    adapter["name_key"] = key.text if key else name_key(review_name(name) or name)
    subject = display(pseudonym) if pseudonym else None
    for document in adapter.get("documents") or []:
        document["title"] = document_title(
            document.get("title"), document.get("kind"), subject, document.get("url")
        )

    published = adapter.get("published")
    if not (published and _ISO.match(published)):
        published = normalise_date(adapter.get("published_text") or published)
    adapter["published"] = published
    adapter["published_year"] = year_of(published)

    facts = summary_facts(adapter.get("summary"))
    for field, value in facts.as_dict().items():
        if not adapter.get(field):
            adapter[field] = value
    if area is None or area.name == ANONYMOUS:
        nation = adapter.get("nation") or nation
    type_words = " ".join(t for t in (adapter.get("type_text"), title) if t)
    kind = adapter.get("review_type") or normalise_review_type(
        type_words,
        nation or adapter.get("source_nation"),
        adapter.get("serves"),
        # Undated, the year of what happened says which era's type it is (an incident in 2021
        # was reviewed as a CSPR, not an SCR).
        year_of(published) or year_of(adapter.get("incident_date")),
    )
    adapter["review_type"] = kind
    if nation is None and kind in TYPE_NATION:
        nation = TYPE_NATION[kind]
    if nation is None and _SCOTTISH_WORDS.search(type_words):
        nation = "Scotland"
    if nation is None:
        # An anonymous review is the source's nation's unless its words say otherwise.
        nation = adapter.get("source_nation") if adapter.get("source_nation") in NATIONS else None
    adapter["nation"] = nation


class NormalisePipeline:
    def process_item(self, item, spider=None):
        if isinstance(item, ReviewItem):
            normalise_item(item)
        return item
