"""What the extractor hands to a spider: the reviews a page lists, each with what decided it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..normalise.areas import Area
from ..schema import ReviewContent


@dataclass
class Review(ReviewContent):
    name: str  # the subject (Child Q, DHR 12) or, for a review about no one, its short title
    title: str  # the title as the page words it
    subject_kind: str | None = None  # subject | number | name | letter | topic | None
    area: Area | None = None  # another area than the board's, when the page says so
    area_text: str | None = None  # the area an entry's heading names ("2016 - Bristol - ...")
    national: bool = False  # a national review by the Child Safeguarding Practice Review Panel
    published: str | None = None  # ISO, as precise as the page
    type_text: str = ""  # words that say what kind of review it is, nearest first
    own_words: str = ""  # type_text's nearest part: the record's own words
    type_context: str = ""  # and the rest: its headings, the page, the registry
    status: str | None = None
    documents: list[dict] = field(default_factory=list)  # {"url", "kind", "title"}
    detail_url: str | None = None  # its own page on the board's site, to follow
    evidence: dict = field(default_factory=dict)  # the decision: score, features, by whom

    def add_document(self, url: str, kind: str, title: str | None) -> None:
        for document in self.documents:
            if document["url"] == url:
                if document["kind"] == "other" and kind != "other":
                    document["kind"] = kind
                return
        self.documents.append({"url": url, "kind": kind, "title": title})


@dataclass
class Extraction:
    reviews: list[Review]
    follow: list[tuple[str, Review]] = field(default_factory=list)  # detail pages to read
    decisions: list[tuple[str, dict]] = field(default_factory=list)  # every record: title, why
    page_words: str = ""
