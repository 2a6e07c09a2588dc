"""The base every scr-digest spider uses: per-source requests, errors and health records."""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from ..items import DocumentCheck, PageParsed, PageUnchanged
from ..pagecache import follow_record, page_digest
from ..politeness import header_text

# What some failures mean, when Twisted gives no message of its own.
_PLAIN_WORDS = {
    "ResponseDataLossError": "the response was cut short (truncated body)",
    "ResponseFailed": "the response was cut short",
    "ConnectionRefusedError": "connection refused",
    "TimeoutError": "timed out",
    "TCPTimedOutError": "timed out",
    "DNSLookupError": "no such host",
    "ConnectionLost": "the connection was lost",
}


def due_for_check(rows, now: datetime, days: int = 7, limit: int = 200) -> list[str]:
    """The documents to re-check today, of ``rows`` (url, checked).

    Never checked: at once. Otherwise each document has its own day of the cycle, from a
    stable hash of its URL, so a daily harvest re-checks about 1/``days`` of them, the same
    ones each week, and no run carries them all. One not checked for two cycles (its day was
    missed) is checked at the next run. Never one checked less than a cycle ago, less a day."""
    today = now.date().toordinal() % days
    recent = (now - timedelta(days=days - 1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    overdue = (now - timedelta(days=2 * days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    due = []
    for url, checked in rows:
        if not checked:
            due.append((0, "", url))
        elif checked < overdue:
            due.append((1, checked, url))
        elif checked < recent and zlib.crc32(url.encode()) % days == today:
            due.append((2, checked, url))
    return [url for _, _, url in sorted(due)[:limit]]


class ReviewSpider(scrapy.Spider):
    """Use this for any spider that harvests reviews for one or more sources.

    Subclasses list their ``source_ids`` and build requests with ``self.page(...)``, which tags
    each request with its source so the health recorder can count it, and routes failures to
    ``on_error``. When every listing page (``listing=True``) fails, the source is ``failing``.
    """

    source_ids: list[str] = []

    @property
    def source_records(self) -> dict[str, dict]:
        """Rows for the ``sources`` table, by source id."""
        return {}

    def page(
        self, url: str, callback, *, source: str, listing: bool = False, **meta
    ) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            meta={"source": source, "listing": listing, **meta},
        )

    def on_error(self, failure):
        request = failure.request
        source = request.meta.get("source")
        if isinstance(failure.value, HttpError):
            message = f"HTTP {failure.value.response.status} for {request.url}"
        else:
            detail = failure.getErrorMessage() or _PLAIN_WORDS.get(failure.type.__name__, "")
            message = f"{failure.type.__name__} for {request.url}: {detail}".rstrip(": ")
        self.logger.warning("%s: %s", source, message)
        recorder = self.recorder
        if recorder and source:
            recorder.note_error(source, message, "listing" if request.meta.get("listing") else None)

    # -- pages read before (crawler.pagecache) ------------------------------------------------

    def parsed_pages(self) -> dict[str, tuple[str, str]]:
        """The digest and follow-ups of every page of this spider's sources read before."""
        if not hasattr(self, "_parsed"):
            self._parsed = {}
            settings = getattr(self, "settings", None)
            if settings is not None and settings.getbool("SCR_SKIP_UNCHANGED", True):
                wanted = set(self.source_ids)
                for url, source, sha, follow in self.read_db(
                    "SELECT url, source, sha256, follow FROM page_parses"
                ):
                    if source in wanted:
                        self._parsed[url] = (sha, follow)
        return self._parsed

    def read_once(self, response, source: str, hints: dict | None, parse):
        """``parse()``'s output for this page, unless the page is what its last good parse
        read: then only a PageUnchanged, and the requests it led to (``self.replay``)."""
        digest = page_digest(response.body, hints)
        previous = self.parsed_pages().get(response.url)
        if previous is not None and previous[0] == digest:
            yield PageUnchanged(url=response.url, source=source)
            for follow in json.loads(previous[1] or "[]"):
                request = self.replay(follow, source)
                if request is not None:
                    yield request
            return
        follows = []
        for output in parse():
            if isinstance(output, scrapy.Request):
                follows.append(follow_record(output))
            yield output
        yield PageParsed(url=response.url, source=source, sha256=digest, follow=json.dumps(follows))

    def replay(self, follow: dict, source: str):
        """The request a recorded follow-up stands for (see ``crawler.pagecache``)."""
        raise NotImplementedError

    @property
    def recorder(self):
        from ..health import HarvestRecorder

        extensions = getattr(getattr(self, "crawler", None), "extensions", None)
        for middleware in getattr(extensions, "middlewares", ()):
            if isinstance(middleware, HarvestRecorder):
                return middleware
        return None

    def read_db(self, sql: str, *params) -> list[tuple]:
        """Rows from the harvest's database, read-only; none when it does not exist yet (or
        the spider runs outside a harvest, in tests)."""
        settings = getattr(self, "settings", None)
        path = settings.get("SCR_DB_PATH") if settings is not None else None
        if not path or not Path(path).exists():
            return []
        # One connection for the spider's run (it reads once per source: a connection each
        # cost about 1 ms), each read seeing what is committed by then; closed with the spider.
        conn = getattr(self, "_reader", None)
        try:
            if conn is None:
                conn = self._reader = sqlite3.connect(
                    f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False
                )
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self.logger.warning("could not read %s: %s", path, exc)
            self._drop_reader()  # the next read connects afresh
            return []

    def _drop_reader(self) -> None:
        conn = getattr(self, "_reader", None)
        if conn is not None:
            self._reader = None
            conn.close()

    def closed(self, reason) -> None:
        """Scrapy calls this when the spider closes."""
        self._drop_reader()

    def document_checks(self, source: str):
        """HEAD requests re-checking the documents ``source`` listed: a 404 or 410 marks a
        document gone (never deleted). See ``due_for_check`` for which, and when."""
        settings = getattr(self, "settings", None)
        if settings is None or not settings.getbool("SCR_CHECK_DOCUMENTS"):
            return
        days = settings.getint("SCR_DOCUMENT_RECHECK_DAYS", 7)
        rows = self.read_db("SELECT url, checked FROM documents WHERE source = ?", source)
        for url in due_for_check(rows, datetime.now(UTC), days):
            yield scrapy.Request(
                url,
                method="HEAD",
                callback=self.document_checked,
                errback=self.document_unreachable,
                meta={"source": source, "handle_httpstatus_list": [404, 410], "document": True},
                priority=-10,
            )

    def document_checked(self, response):
        status = "gone" if response.status in (404, 410) else "available"
        yield DocumentCheck(
            url=response.request.url,
            source=response.meta["source"],
            status=status,
            http_status=response.status,
            etag=header_text(response, b"ETag"),
            last_modified=header_text(response, b"Last-Modified"),
        )

    def document_unreachable(self, failure):
        """A document whose site is down or refuses HEAD is left as it was."""
        request = failure.request
        self.logger.info("document check failed for %s: %s", request.url, failure.value)

    @staticmethod
    def registry_record(source, kind: str = "partnership") -> dict:
        return {
            "id": source.id,
            "name": source.name,
            "kind": kind,
            "nation": source.nation,
            "serves": source.serves,
            "area": source.area,
            "urls": json.dumps(list(source.urls)),
        }
