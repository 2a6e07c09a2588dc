"""The HTTP cache for re-harvests: always ask, never re-download what has not changed.

Scrapy's RFC2616Policy answers from the cache, without asking the site, while a cached page is
"fresh". With ``Last-Modified`` and no ``Cache-Control`` (common), fresh means 10% of the page's
age, so a listing last changed 30 days ago would not be asked for again for three days, and a
review added meanwhile would be missed. A daily harvest must see every change: this policy
sends every cached request again with its validators (``If-None-Match`` /
``If-Modified-Since``), whatever the site's caching headers say, and the site answers 304 with
no body when nothing changed. (``no-cache`` means the same: revalidate before use.)

``SqliteCacheStorage`` keeps the cache in one SQLite file (``HTTPCACHE_DIR/cache.db``): a
response is one row, written in batches, where Scrapy's filesystem storage writes seven files
and a folder per response. A revalidated (304) entry rewrites its timestamp and headers only;
the body it holds is the same.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from time import time

from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from w3lib.http import headers_dict_to_raw, headers_raw_to_dict


class RevalidatingPolicy(RFC2616Policy):
    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False


class SqliteCacheStorage:
    """Scrapy's cache storage interface over one SQLite file. Writes are committed every
    ``BATCH`` responses and when the spider closes; a harvest killed in between loses only
    cache entries (the next run asks for those pages in full), never the review database."""

    BATCH = 50

    def __init__(self, settings):
        self.path = Path(settings["HTTPCACHE_DIR"]) / "cache.db"
        self.expiration_secs = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.conn: sqlite3.Connection | None = None
        self.pending = 0

    def open_spider(self, spider) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, url TEXT, status INTEGER,"
            " response_url TEXT, headers BLOB, body BLOB, stored REAL)"
        )
        self._fingerprinter = spider.crawler.request_fingerprinter

    def close_spider(self, spider) -> None:
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
            self.conn.close()
            self.conn = None

    def _key(self, request) -> str:
        return self._fingerprinter.fingerprint(request).hex()

    def retrieve_response(self, spider, request):
        row = self.conn.execute(
            "SELECT status, response_url, headers, body, stored FROM responses WHERE key = ?",
            (self._key(request),),
        ).fetchone()
        if row is None:
            return None
        status, url, raw_headers, body, stored = row
        if 0 < self.expiration_secs < time() - stored:
            return None
        headers = Headers(headers_raw_to_dict(raw_headers))
        cls = responsetypes.from_args(headers=headers, url=url, body=body)
        request.meta["cache_timestamp"] = stored
        return cls(url=url, headers=headers, status=status, body=body)

    def store_response(self, spider, request, response) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
        raw = headers_dict_to_raw(response.headers)
        if "cached" in response.flags:  # a 304 freshened it: the body is the same
            self.conn.execute(
                "UPDATE responses SET headers = ?, stored = ? WHERE key = ?",
                (raw, time(), self._key(request)),
            )
        else:
            self.conn.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self._key(request), request.url, response.status, response.url, raw,
                 response.body, time()),
            )  # fmt: skip
        self.pending += 1
        if self.pending >= self.BATCH:
            self.conn.execute("COMMIT")
            self.pending = 0
