"""Write reviews to SQLite, one savepoint per item, committed in batches, and count outcomes per
source."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import MutableMapping

from ..database import ReviewStore, release_store, shared_store, utc_now
from ..items import DocumentCheck, PageParsed, PageUnchanged
from ..normalise.areas import resolve_area, same_place


def source_kind_for(adapter: MutableMapping) -> str:
    """A partnership's sighting of its own area's review outranks its copies of others'."""
    kind = adapter.get("source_kind") or "partnership"
    if kind != "partnership":
        return kind
    own = resolve_area(adapter.get("source_area"))
    review_area = resolve_area(adapter.get("area"))
    return "own" if same_place(own, review_area) else "partnership"


class StorePipeline:
    BATCH = 200
    COMMIT_EVERY = 0.5  # seconds

    def __init__(self, db_path: str, seen_at: str, stats=None):
        self.db_path = db_path
        self.seen_at = seen_at
        self.stats = stats
        self.store: ReviewStore | None = None
        self.review_ids: dict[str, set[str]] = defaultdict(set)
        self.unchanged: list[tuple[str, str]] = []
        self.pending = 0
        self.committed = time.monotonic()
        self.failed_pages: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            settings.get("SCR_DB_PATH"), settings.get("SCR_RUN_STARTED") or utc_now(), crawler.stats
        )

    def open_spider(self, spider=None):
        self.store = shared_store(self.db_path)

    def _touch(self) -> None:
        """Pages unchanged since their last good parse: their sightings are seen, in one write."""
        if self.unchanged and self.store:
            self.store.touch_pages(self.unchanged, self.seen_at)
            for source, _ in self.unchanged:
                self.review_ids[source]  # counted at the end, with the pages read in full
            if self.stats:
                self.stats.inc_value("scr/pages_unchanged", len(self.unchanged))
        self.unchanged = []

    def close_spider(self, spider=None):
        self._touch()
        if self.store:
            self.store.commit_batch()
        if self.stats and self.store:
            for source in self.review_ids:
                # Counted at the end: a review's id can change while later items regroup it.
                seen = self.store.conn.execute(
                    "SELECT count(DISTINCT review_id) FROM review_sources WHERE source = ?"
                    " AND last_seen >= ?",
                    (source, self.seen_at),
                ).fetchone()[0]
                self.stats.set_value(f"scr/source/{source}/reviews", seen)
        if self.store:
            release_store(self.store)

    def process_item(self, item, spider=None):
        """Writes are committed at the end of a page (its PageParsed or PageUnchanged) once
        COMMIT_EVERY seconds have passed since the last commit, or every BATCH items, and at
        the end. A page's reviews and its parse record commit together, so a harvest killed
        between commits reads those pages again next time and loses nothing."""
        self.store.begin_batch()
        self.pending += 1
        try:
            return self._process(item)
        finally:
            now = time.monotonic()
            if self.pending >= self.BATCH or (
                now - self.committed >= self.COMMIT_EVERY
                and isinstance(item, (PageParsed, PageUnchanged))
            ):
                self.store.commit_batch()
                self.pending = 0
                self.committed = now

    def _process(self, item):
        if isinstance(item, PageUnchanged):
            self.unchanged.append((item["source"], item["url"]))
            if len(self.unchanged) >= 200:
                self._touch()
            return item
        if isinstance(item, PageParsed):
            if item["url"] not in self.failed_pages:
                self.store.record_parse(item["url"], item["source"], item["sha256"],
                                        item["follow"], self.seen_at)  # fmt: skip
            return item
        if isinstance(item, DocumentCheck):
            self.store.set_document_status(item["url"], item["status"], self.seen_at)
            changed = item["status"] == "available" and self.store.document_changed(
                item["url"], item.get("etag"), item.get("last_modified")
            )
            if changed and self.stats:
                self.stats.inc_value(f"scr/source/{item['source']}/documents_changed")
            if self.stats:
                self.stats.inc_value(f"scr/source/{item['source']}/documents_{item['status']}")
            return item
        source = item["source"]
        try:
            result = self.store.save_review(
                dict(item),
                source=source,
                source_kind=source_kind_for(item),
                seen_at=self.seen_at,
            )
        except Exception:
            self.failed_pages.add(item.get("source_url"))  # read it in full next time
            raise
        self.review_ids[source].add(result.review_id)
        if self.stats:
            self.stats.inc_value(f"scr/source/{source}/{result.outcome}")
        return item
