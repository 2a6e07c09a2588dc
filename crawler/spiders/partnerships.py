"""Every partnership and board in the source registry, read with the one shared extractor."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scrapy.http import TextResponse

from ..extract.extractor import Source as PageSource
from ..extract.extractor import extract
from ..extract.feeds import announces_review, read_feed
from ..extract.links import feed_links, next_pages, site_links
from ..extract.page import parse_html
from ..extract.review import Review
from ..items import ReviewItem
from ..registry import Source, load_registry
from ..replay import snapshot_path
from .base import ReviewSpider

PANEL = "Child Safeguarding Practice Review Panel"


def review_item(review: Review, source: Source, page_url: str) -> ReviewItem:
    """The item for one extracted review, as this source saw it on this page."""
    item = ReviewItem(
        source=source.id,
        source_kind="partnership",
        source_url=page_url,
        source_area=source.area,
        source_nation=source.nation,
        serves=source.serves,
        title=review.title,
        name=review.name,
        subject_kind=review.subject_kind,
        type_text=review.type_text,
        published_text=review.published,
        status=review.status,
        documents=review.documents,
        evidence=review.evidence,
        **review.content(),
    )
    if review.national:
        item["area_text"] = "National"
        item["review_type"] = "national_review"
        item["author"] = PANEL
    elif review.area_text:
        item["area_text"] = review.area_text
    elif review.area is not None:
        item["area_text"] = review.area.name
    return item


def listing_urls(urls) -> list[str]:
    """The registry's URLs, once each: a page listed as both http and https is read over https
    (reading it twice would give every relative link two addresses)."""
    secure = {u.split("://", 1)[1] for u in urls if u.startswith("https://")}
    return [u for u in urls if not (u.startswith("http://") and u.split("://", 1)[1] in secure)]


class PartnershipSpider(ReviewSpider):
    """Harvests the registry's pages: listings, and one level of per-review detail pages."""

    name = "partnerships"
    max_pages = 20  # of one paginated listing

    def __init__(self, sources: str | None = None, **kwargs):
        super().__init__(**kwargs)
        registry = load_registry()
        wanted = [s.strip() for s in sources.split(",")] if sources else None
        self.sources = [s for s in registry if wanted is None or s.id in wanted]
        self.by_id = {s.id: s for s in self.sources}
        self.explicit = wanted is not None
        self.skipped: list[str] = []
        # Each source's news feeds: named in the registry, remembered from earlier harvests,
        # or found on its pages in this one.
        self.feeds: dict[str, set[str]] = {s.id: set(s.feeds) for s in self.sources}
        self.requested_feeds: set[str] = set()

    @property
    def source_ids(self) -> list[str]:
        return [s.id for s in self.sources]

    @property
    def source_records(self) -> dict[str, dict]:
        records = {}
        for source in self.sources:
            record = self.registry_record(source)
            record["feeds"] = json.dumps(sorted(self.feeds.get(source.id, ())))
            records[source.id] = record
        return records

    def remembered_feeds(self) -> dict[str, list[str]]:
        """Feeds earlier harvests found, from the database's ``sources`` table."""
        found = {}
        for source_id, feeds in self.read_db(
            "SELECT id, feeds FROM sources WHERE feeds IS NOT NULL"
        ):
            try:
                found[source_id] = [f for f in json.loads(feeds) if isinstance(f, str)]
            except ValueError:
                continue
        return found

    def feed(self, source: Source, url: str):
        """A request for one of a source's feeds, once per harvest."""
        self.feeds.setdefault(source.id, set()).add(url)
        if url in self.requested_feeds:
            return None
        self.requested_feeds.add(url)
        return self.page(url, self.parse_feed, source=source.id)

    async def start(self):
        snapshot = self.settings.get("SNAPSHOT_DIR")
        if snapshot and not self.explicit:
            # Offline, a board with no saved page at all is not part of this harvest.
            root = Path(snapshot)
            self.skipped = [
                s.id for s in self.sources if not any(snapshot_path(root, u) for u in s.urls)
            ]
            self.sources = [s for s in self.sources if s.id not in self.skipped]
            if self.skipped:
                self.logger.info(
                    "%d sources have no saved pages in the snapshot", len(self.skipped)
                )
        remembered = self.remembered_feeds()
        for source in self.sources:
            for url in listing_urls(source.urls):
                yield self.page(url, self.parse_page, source=source.id, listing=True)
            for url in sorted({*source.feeds, *remembered.get(source.id, ())}):
                request = self.feed(source, url)
                if request is not None:
                    yield request
            for request in self.document_checks(source.id):
                yield request

    def parse_page(self, response):
        source = self.by_id[response.meta["source"]]
        return self.read_once(
            response, source.id, source.hints, lambda: self._parse_page(response, source)
        )

    def replay(self, follow: dict, source: str):
        if follow["kind"] == "feed":
            return self.feed(self.by_id[source], follow["url"])
        return self.page(follow["url"], self.parse_page, source=source, **follow["meta"])

    def _parse_page(self, response, source):
        if not isinstance(response, TextResponse):
            self.note(source.id, f"not a web page: {response.url}", response.meta.get("listing"))
            return
        detail_for = response.meta.get("detail_for")
        hints = source.hints
        tree = parse_html(response.body if response.encoding == "utf-8" else response.text)
        feeds = feed_links(tree, response.url)
        pages = next_pages(tree, response.url)
        linked = site_links(tree, response.url) if hints.get("follow") else []
        extraction = extract(
            tree,
            response.url,
            source=PageSource(source.area, source.nation, source.serves, hints.get("lists")),
            scope=hints.get("scope"),
            exclude=hints.get("exclude"),
            detail_for=detail_for,
        )
        for review in extraction.reviews:
            yield review_item(review, source, response.url)
        for url in feeds:
            request = self.feed(source, url)
            if request is not None:
                yield request
        if response.meta.get("detail"):
            return  # detail pages are followed one level only
        seen = response.meta.get("pages", 1)
        if seen < self.max_pages:
            for url in pages:
                yield self.page(
                    url, self.parse_page, source=source.id, listing=True, pages=seen + 1
                )
        if hints.get("no_follow"):
            return
        follow = hints.get("follow")
        followed = set()
        for url, candidate in extraction.follow:
            if follow and not re.search(follow, url):
                continue
            followed.add(url)
            yield self.page(
                url, self.parse_page, source=source.id, detail=True, detail_for=candidate.name
            )
        if follow:
            # The site's hint names its review pages, wherever they are linked (a "Recent
            # posts" sidebar, say): follow those too, reading each as a page of its own.
            for url in linked:
                if url not in followed and re.search(follow, url):
                    yield self.page(url, self.parse_page, source=source.id, detail=True)

    def parse_feed(self, response):
        """A news feed: follow each entry that announces a published review to its page, and
        read that page like any other (a review already known gains a sighting, not a twin)."""
        source = self.by_id[response.meta["source"]]
        entries, problem = read_feed(response.body, response.url)
        if problem:
            self.note(source.id, problem, False)
        for entry in entries:
            if announces_review(entry):
                yield self.page(
                    entry.link, self.parse_page, source=source.id, detail=True, via_feed=True
                )

    def note(self, source: str, message: str, fatal: bool) -> None:
        recorder = self.recorder
        if recorder:
            recorder.note_error(source, message, "listing" if fatal else None)
