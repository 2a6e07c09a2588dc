"""A daily harvest sees every change: each listing is asked for on every run, with its
validators, whatever caching headers the site sends; an unchanged one costs a 304 and no body."""

from __future__ import annotations

import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from crawler.normalise.areas import resolve_area

from .conftest import query, run_scr
from .localsite import free_port

pytestmark = pytest.mark.network_local

FAST = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "RETRY_TIMES=0", "SCR_ARCHIVE=False"]
MONTH_AGO = time.time() - 30 * 86400


def page(names: list[str]) -> bytes:
    items = "".join(
        f"<h3>{n} - Child Safeguarding Practice Review (published 3 March 2023)</h3>"
        f"<p>The partnership published the review of {n} on 3 March 2023.</p>"
        f'<ul><li><a href="/docs/{n.lower().replace(" ", "-")}.pdf">{n} full report</a></li></ul>'
        for n in names
    )
    return f"<html><body><main><h1>Case reviews</h1>{items}</main></body></html>".encode()


class Site:
    """One listing whose content, ``Last-Modified`` and caching headers the test sets."""

    def __init__(self, regime: str):
        self.regime = regime  # none | last-modified | max-age
        self.body = page(["Child A", "Child B"])
        self.modified = MONTH_AGO
        self.log: list[tuple[str, int]] = []  # (path, status)

    def change(self, names: list[str]) -> None:
        self.body = page(names)
        self.modified = MONTH_AGO + 86400  # changed, but still an old page by its date

    def serve(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path != "/reviews/":
                    return self._send(404, b"not here", {})
                headers = {}
                etag = f'"{hash(site.body) & 0xFFFFFFFF:x}"'
                if site.regime == "last-modified":
                    headers["Last-Modified"] = formatdate(site.modified, usegmt=True)
                    since = self.headers.get("If-Modified-Since")
                    if since == headers["Last-Modified"]:
                        return self._send(304, b"", headers)
                if site.regime == "max-age":
                    headers["Cache-Control"] = "max-age=86400"
                    headers["ETag"] = etag
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", headers)
                return self._send(200, site.body, headers)

            def _send(self, status, body, headers):
                site.log.append((self.path, status))
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def harvest(tmp_path, site: Site):
    registry = tmp_path / "registry.yml"
    area = resolve_area("Kent")
    registry.write_text(yaml.safe_dump([{
        "id": "kent-scp", "name": "Kent Safeguarding Children Partnership", "nation": "England",
        "serves": "children", "area": area.name, "area_codes": [area.code],
        "urls": [f"http://127.0.0.1:{site.port}/reviews/"],
    }]), encoding="utf-8")  # fmt: skip
    args = ["harvest", "kent-scp", "--db", str(tmp_path / "reviews.db"), "-q"]
    for setting in FAST:
        args += ["-s", setting]
    result = run_scr(*args, env={"SCR_REGISTRY": str(registry)})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.parametrize("regime", ["none", "last-modified", "max-age"])
def test_a_listing_that_changes_the_next_day_is_read_again(tmp_path, regime):
    site = Site(regime).serve()
    try:
        harvest(tmp_path, site)

        def names():
            rows = query(tmp_path / "reviews.db", "SELECT pseudonym FROM reviews")
            return sorted(r["pseudonym"] for r in rows)

        assert names() == ["Child A", "Child B"]
        site.change(["Child A", "Child B", "Child C"])
        harvest(tmp_path, site)
        assert names() == ["Child A", "Child B", "Child C"]
        listing = [status for path, status in site.log if path == "/reviews/"]
        assert listing == [200, 200]  # asked both times; the change came back in full
        harvest(tmp_path, site)  # nothing changed: still asked, and answered cheaply
        listing = [status for path, status in site.log if path == "/reviews/"]
        assert listing == [200, 200, 200 if regime == "none" else 304]
        assert names() == ["Child A", "Child B", "Child C"]
    finally:
        site.close()


def test_an_unchanged_page_is_not_read_again_but_its_reviews_are_seen(tmp_path):
    site = Site("max-age").serve()
    db = tmp_path / "reviews.db"
    try:
        harvest(tmp_path, site)
        before = {r["id"]: r for r in query(db, "SELECT * FROM review_sources")}
        reviews_before = {r["id"]: r for r in query(db, "SELECT * FROM reviews")}
        [parse] = query(db, "SELECT * FROM page_parses")
        assert parse["url"].endswith("/reviews/") and parse["source"] == "kent-scp"
        time.sleep(1.1)
        result = harvest(tmp_path, site)
        [run] = query(db, "SELECT * FROM harvests ORDER BY id DESC LIMIT 1")
        assert (run["state"], run["items"], run["new_reviews"], run["updated_reviews"]) == (
            "ok",
            2,
            0,
            0,
        )
        assert "kent-scp" in result.stdout
        after = {r["id"]: r for r in query(db, "SELECT * FROM review_sources")}
        assert set(after) == set(before)
        for sighting_id, row in after.items():
            assert row["last_seen"] > before[sighting_id]["last_seen"]  # seen again
            assert row["fields"] == before[sighting_id]["fields"]  # not re-saved
        for review_id, row in {r["id"]: r for r in query(db, "SELECT * FROM reviews")}.items():
            assert row["updated"] == reviews_before[review_id]["updated"]
            assert row["last_seen"] > reviews_before[review_id]["last_seen"]
        # a change is read in full again
        site.change(["Child A", "Child B", "Child C"])
        harvest(tmp_path, site)
        assert len(query(db, "SELECT * FROM reviews")) == 3
    finally:
        site.close()


def test_a_page_digest_changes_with_the_code_or_the_hints():
    from crawler import pagecache

    body = b"<html>same</html>"
    first = pagecache.page_digest(body, {"scope": "main"})
    assert first == pagecache.page_digest(body, {"scope": "main"})
    assert first != pagecache.page_digest(body, {"scope": "article"})
    assert first != pagecache.page_digest(body + b" ", {"scope": "main"})
    import unittest.mock

    with unittest.mock.patch.object(pagecache, "code_version", lambda: "another-release"):
        assert pagecache.page_digest(body, {"scope": "main"}) != first


def test_document_rechecks_are_spread_across_the_week_in_a_stable_order():
    from datetime import UTC, datetime, timedelta
    from itertools import pairwise

    from crawler.spiders.base import due_for_check

    urls = [f"https://example.org/reports/{n}.pdf" for n in range(7000)]
    checked: dict[str, str | None] = dict.fromkeys(urls)
    history: dict[str, list[int]] = {u: [] for u in urls}
    counts = []
    start = datetime(2026, 1, 1, 6, tzinfo=UTC)
    for day in range(28):
        now = start + timedelta(days=day)
        due = due_for_check([(u, checked[u]) for u in urls], now, 7, limit=100_000)
        for url in due:
            checked[url] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
            history[url].append(day)
        counts.append(len(due))
    assert counts[0] == 7000  # never checked: at once
    assert all(900 <= n <= 1100 for n in counts[7:]), counts  # then about a seventh a day
    for days in history.values():
        gaps = {b - a for a, b in pairwise(days[1:])}
        assert gaps <= {7}  # the same weekday each week, once settled
        assert max(b - a for a, b in pairwise(days)) <= 13
    # a document's day is its own: the same on another run of the same day
    now = start + timedelta(days=30)
    rows = [(u, checked[u]) for u in urls]
    assert due_for_check(rows, now, 7, limit=100_000) == due_for_check(rows, now, 7, limit=100_000)


def test_the_cache_keeps_one_row_per_page_and_a_304_rewrites_only_headers(tmp_path):
    from types import SimpleNamespace

    from scrapy.http import HtmlResponse, Request
    from scrapy.settings import Settings
    from scrapy.utils.request import RequestFingerprinter

    from crawler.cache import SqliteCacheStorage

    settings = Settings({"HTTPCACHE_DIR": str(tmp_path), "HTTPCACHE_EXPIRATION_SECS": 0})
    spider = SimpleNamespace(crawler=SimpleNamespace(request_fingerprinter=RequestFingerprinter()))
    storage = SqliteCacheStorage(settings)
    storage.open_spider(spider)
    request = Request("https://example.org/reviews/")
    body = b"<html><body>Child A</body></html>"
    storage.store_response(
        spider, request, HtmlResponse(request.url, body=body, headers={"ETag": '"v1"'})
    )
    cached = storage.retrieve_response(spider, request)
    assert (cached.body, cached.headers[b"ETag"]) == (body, b'"v1"')
    # a 304 freshened it: Scrapy stores the cached response again, flagged "cached"
    freshened = HtmlResponse(
        request.url, body=body, headers={"ETag": '"v1"', "Date": "now"}, flags=["cached"]
    )
    storage.conn.execute("UPDATE responses SET body = ? WHERE 1", (b"sentinel",))
    storage.store_response(spider, request, freshened)
    again = storage.retrieve_response(spider, request)
    assert again.body == b"sentinel"  # the body was not written again
    assert again.headers[b"Date"] == b"now"
    storage.close_spider(spider)
    import sqlite3 as sqlite

    conn = sqlite.connect(tmp_path / "cache.db")
    assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 1
    conn.close()


def test_an_overridden_delay_is_also_where_autothrottle_starts():
    """`-s DOWNLOAD_DELAY=0.3`: AutoThrottle starts each site at its start delay (2 s by default)
    and a run of 304s never shortens it, so the start delay follows the override."""
    from crawler.harvest import with_start_delay

    assert with_start_delay({"DOWNLOAD_DELAY": "0.3"}) == {
        "DOWNLOAD_DELAY": "0.3",
        "AUTOTHROTTLE_START_DELAY": "0.3",
    }
    asked = {"DOWNLOAD_DELAY": "0.3", "AUTOTHROTTLE_START_DELAY": "5"}
    assert with_start_delay(asked) == asked
    assert with_start_delay({"RETRY_TIMES": "1"}) == {"RETRY_TIMES": "1"}


def test_a_run_starts_in_a_later_second_than_any_before_it(tmp_path, monkeypatch):
    """What a run saw is stamped with its start, to the second: two back-to-back runs of a
    small source must not share one (the second would count the first's sightings as its own)."""
    from crawler import harvest
    from crawler.database import ReviewStore, utc_now

    store = ReviewStore(tmp_path / "reviews.db")
    assert harvest._later_than_any_run(store)  # an empty database: no wait
    now = utc_now()
    store.conn.execute(
        "INSERT INTO harvests (run_id, source, started) VALUES ('r1', 's', ?)", (now,)
    )
    assert harvest._later_than_any_run(store) > now
    # A sighting stamped by a run that died before writing its harvests row counts too.
    store.conn.execute("DELETE FROM harvests")
    store.save_review({"source_url": "https://x.org/r", "title": "Child A", "name_key": "child-a"},
                      source="s", source_kind="own", seen_at=utc_now())  # fmt: skip
    latest = store.conn.execute("SELECT max(last_seen) FROM review_sources").fetchone()[0]
    assert harvest._later_than_any_run(store) > latest
    # A stamp from the future (a clock set back, a database from elsewhere) is not waited for.
    store.conn.execute("UPDATE review_sources SET last_seen = '2999-01-01T00:00:00Z'")
    monkeypatch.setattr(harvest.time, "sleep", lambda s: pytest.fail("waited"))
    assert harvest._later_than_any_run(store) < "2999"
    store.close()
