"""Per-source harvest accounting and health: what each run did, and whether a source is well.

A source is ``failing`` when none of its listing pages could be fetched, or a page could not be
parsed; ``suspect`` when it yields far fewer reviews than it used to (a layout change, not mass
deletion); and ``ok`` otherwise. A dead URL among several is recorded as an error of an ``ok``
run. Only an ``ok`` run may mark reviews as no longer listed, and only on pages it read.
"""

from __future__ import annotations

import json
import logging
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from scrapy import signals

from .database import release_store, shared_store, utc_now

logger = logging.getLogger(__name__)

SUSPECT_RATIO = 0.5


@dataclass
class SourceRun:
    requests: int = 0
    responses: Counter = field(default_factory=Counter)
    bytes: int = 0
    errors: list[str] = field(default_factory=list)
    fatal: bool = False
    listing_ok: int = 0
    listing_failed: int = 0
    pages_ok: set[str] = field(default_factory=set)

    @property
    def failed(self) -> bool:
        return self.fatal or (self.listing_failed > 0 and self.listing_ok == 0)


def health_state(failed: bool, reviews: int, typical: int | None) -> str:
    """ok, failing or suspect, from this run and what the source usually yields."""
    if failed:
        return "failing"
    if typical and (reviews == 0 or (typical >= 3 and reviews < SUSPECT_RATIO * typical)):
        return "suspect"
    return "ok"


def typical_yield(previous: list) -> int | None:
    counts = [
        row["items"]
        for row in previous
        if row["state"] == "ok" and row["items"] and not row["incremental"]
    ]
    return int(statistics.median(counts)) if counts else None


class HarvestRecorder:
    """A Scrapy extension that records one ``harvests`` row per source when a spider closes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.runs: dict[str, SourceRun] = defaultdict(SourceRun)
        self.progress = crawler.settings.get("SCR_PROGRESS")
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_error, signal=signals.spider_error)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def request_scheduled(self, request, spider=None):
        source = request.meta.get("source")
        if source:
            self.runs[source].requests += 1

    def request_dropped(self, request, spider=None):
        """A duplicate the scheduler refused was never requested; if a redirect led back to a
        page already asked for, that is a redirect loop."""
        source = request.meta.get("source")
        if not source:
            return
        self.runs[source].requests -= 1
        redirects = request.meta.get("redirect_urls")
        if redirects and request.url in redirects:
            kind = "listing" if request.meta.get("listing") else None
            self.note_error(source, f"redirect loop at {redirects[0]}", kind)

    def response_received(self, response, request, spider=None):
        source = request.meta.get("source")
        if not source:
            return
        run = self.runs[source]
        run.responses[str(response.status)] += 1
        run.bytes += len(response.body)
        if 200 <= response.status < 300 or response.status == 304:
            run.pages_ok.add(request.url)
            if request.meta.get("listing"):
                run.listing_ok += 1
        if self.progress:
            self.progress(f"{response.status} {source} {response.url}")

    def spider_error(self, failure, response, spider=None):
        source = response.meta.get("source") if response is not None else None
        if source:
            self.note_error(
                source, f"{failure.type.__name__} parsing {response.url}: {failure.value}", "fatal"
            )

    def item_error(self, item, response, spider=None, failure=None):
        """A pipeline failed on an item: the item is lost, and the run says so."""
        source = item.get("source") if hasattr(item, "get") else None
        if source and failure is not None:
            self.note_error(
                source, f"{failure.type.__name__} storing {item.get('title')!r}: {failure.value}"
            )

    def note_error(self, source: str, message: str, kind: str | None = None) -> None:
        """Record an error: ``listing`` (a listing page failed), ``fatal``, or None (minor)."""
        run = self.runs[source]
        run.errors.append(message[:1000])
        if kind == "fatal":
            run.fatal = True
        elif kind == "listing":
            run.listing_failed += 1
        if self.progress:
            self.progress(f"ERR {source} {message[:200]}")

    def spider_closed(self, spider, reason):
        settings = self.crawler.settings
        stats = self.crawler.stats
        store = shared_store(settings.get("SCR_DB_PATH"))
        started = settings.get("SCR_RUN_STARTED") or utc_now()
        finished = utc_now()
        try:
            for source in getattr(spider, "source_ids", []):
                run = self.runs[source]
                if reason not in ("finished",):
                    run.fatal = True
                    run.errors.append(f"harvest ended early: {reason}")
                reviews = stats.get_value(f"scr/source/{source}/reviews", 0)
                previous = store.previous_harvests(source)
                partial = source in getattr(spider, "partial_sources", set())
                # An incremental run is not compared with full ones, and unlists nothing.
                typical = None if partial else typical_yield(previous)
                state = health_state(run.failed, reviews, typical)
                if state == "suspect":
                    run.errors.append(
                        f"suspect: {reviews} reviews where it usually lists {typical}; "
                        "existing records left as they were"
                    )
                store.record_harvest(
                    {
                        "run_id": settings.get("SCR_RUN_ID"),
                        "source": source,
                        "started": started,
                        "finished": finished,
                        "state": state,
                        "requests": run.requests,
                        "responses": json.dumps(dict(run.responses), sort_keys=True),
                        "bytes": run.bytes,
                        "items": reviews,
                        "new_reviews": stats.get_value(f"scr/source/{source}/new", 0),
                        "updated_reviews": stats.get_value(f"scr/source/{source}/updated", 0),
                        "errors": json.dumps(run.errors, ensure_ascii=False),
                        "error_count": len(run.errors),
                        "incremental": int(partial),
                        "no_subject": stats.get_value(f"scr/source/{source}/no_subject", 0),
                        "archived": stats.get_value(f"scr/source/{source}/archived", 0),
                        "documents_checked": sum(
                            stats.get_value(f"scr/source/{source}/documents_{s}", 0)
                            for s in ("available", "gone", "changed")
                        ),
                    }
                )
                self._update_source(store, spider, source, state, run, reviews, typical, finished)
                if state == "ok" and not partial:
                    pages = run.pages_ok if run.listing_failed else None
                    store.mark_unlisted(source, started, finished[:10], pages=pages)
        finally:
            release_store(store)

    def _update_source(self, store, spider, source, state, run, reviews, typical, finished):
        existing = store.get_source(source)
        record = dict(getattr(spider, "source_records", {}).get(source, {"id": source}))
        record.update(
            id=source,
            state=state,
            last_run=finished,
            last_items=reviews,
            typical_items=typical_yield(store.previous_harvests(source)),
        )
        if state == "ok":
            record.update(last_success=finished, failing_since=None, last_error=None)
        else:
            record["last_error"] = run.errors[-1] if run.errors else state
            since = existing["failing_since"] if existing and existing["failing_since"] else None
            record["failing_since"] = since or finished
        store.upsert_source(record)
