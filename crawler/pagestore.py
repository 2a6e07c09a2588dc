"""The database side of unchanged pages (``crawler.pagecache``); ``ReviewStore`` mixes it in."""

from __future__ import annotations


class PageRecords:
    def record_parse(self, url: str, source: str, sha256: str, follow: str, parsed: str) -> None:
        """A page read in full, with no error: what it was, and where it led."""
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO page_parses (url, source, sha256, parsed, follow)"
                " VALUES (?, ?, ?, ?, ?)",
                (url, source, sha256, parsed, follow),
            )

    def touch_pages(self, pages: list[tuple[str, str]], seen_at: str) -> int:
        """Pages read again with nothing changed: their sightings, the reviews they belong to
        and the documents they list are seen now. One transaction for all of them."""
        with self.transaction():
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
            self.conn.execute("DELETE FROM touched")
            self.conn.executemany(
                "INSERT OR IGNORE INTO touched SELECT id FROM review_sources"
                " WHERE source = ? AND url = ?",
                pages,
            )
            count = self.conn.execute(
                "UPDATE review_sources SET last_seen = ? WHERE id IN (SELECT id FROM touched)",
                (seen_at,),
            ).rowcount
            self.conn.execute(
                "UPDATE reviews SET last_seen = ? WHERE id IN (SELECT review_id FROM"
                " review_sources WHERE id IN (SELECT id FROM touched))"
                " AND coalesce(last_seen, '') < ?",
                (seen_at, seen_at),
            )
            self.conn.execute(
                "UPDATE documents SET last_seen = ? WHERE url IN (SELECT url FROM"
                " sighting_documents WHERE sighting_id IN (SELECT id FROM touched))"
                " AND coalesce(last_seen, '') < ?",
                (seen_at, seen_at),
            )
        return count
