"""The SQLite store: the public schema, and idempotent, merging, never-deleting writes.

Each source's sighting of a review is kept as a provenance row (``review_sources``) holding the
fields that source saw. The ``reviews`` row is recomputed from all its sightings, so the result
does not depend on the order sources are harvested in, and a re-harvest of unchanged pages
changes nothing but ``last_seen``.

Writes use explicit ``BEGIN IMMEDIATE`` transactions on a connection in autocommit mode;
sqlite-utils is used for creating and migrating the schema, never inside a transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from .normalise.dates import more_precise, year_of
from .normalise.names import name_key, slug

SCHEMA_VERSION = 1

REVIEW_COLUMNS: dict[str, type] = {
    "id": str,
    "title": str,
    "pseudonym": str,
    "name_key": str,
    "review_type": str,
    "nation": str,
    "area": str,
    "area_code": str,
    "area_codes": str,  # JSON array of GSS codes the area stands for
    "region": str,
    "published": str,
    "published_year": int,
    "summary": str,
    "incident": str,
    "age_text": str,
    "age_band": str,
    "sex": str,
    "incident_date": str,
    "themes": str,  # JSON array
    "keywords": str,  # JSON array
    "recommendations": str,
    "background": str,
    "response": str,
    "model": str,
    "author": str,
    "status": str,
    "listed": int,
    "unlisted_since": str,
    "first_seen": str,
    "first_source": str,  # the source that found it first
    "first_url": str,  # and the page it was found on
    "last_seen": str,
    "updated": str,
}
DOCUMENT_COLUMNS: dict[str, type] = {
    "url": str,
    "review_id": str,
    "kind": str,
    "title": str,
    "source": str,
    "status": str,  # available | gone
    "gone_since": str,
    "checked": str,
    "first_seen": str,
    "last_seen": str,
}
REVIEW_SOURCE_COLUMNS: dict[str, type] = {
    "id": str,
    "review_id": str,
    "source": str,
    "source_kind": str,  # own | govuk | nspcc | partnership
    "url": str,
    "seen_title": str,
    "fields": str,  # JSON: what this source said about the review
    "evidence": str,  # JSON: why the extractor took it (score and features, or the adapter)
    "listed": int,
    "unlisted_since": str,
    "first_seen": str,
    "last_seen": str,
}
HARVEST_COLUMNS: dict[str, type] = {
    "id": int,
    "run_id": str,
    "source": str,
    "started": str,
    "finished": str,
    "state": str,  # ok | failing | suspect
    "requests": int,
    "responses": str,  # JSON {status: count}
    "bytes": int,
    "items": int,
    "new_reviews": int,
    "updated_reviews": int,
    "errors": str,  # JSON array of messages
    "error_count": int,
    "incremental": int,  # 1 when the run asked only for what changed since the last one
}
SOURCE_COLUMNS: dict[str, type] = {
    "id": str,
    "name": str,
    "kind": str,
    "nation": str,
    "serves": str,
    "area": str,
    "urls": str,
    "feeds": str,
    "state": str,
    "last_error": str,
    "failing_since": str,
    "last_run": str,
    "last_success": str,
    "last_items": int,
    "typical_items": int,
}
FTS_COLUMNS = ["title", "pseudonym", "area", "summary", "themes", "recommendations", "keywords"]

# Which sighting wins a field: the area's own board, then GOV.UK, the NSPCC, then others.
SOURCE_PRIORITY = {"own": 0, "govuk": 1, "nspcc": 2, "partnership": 3}
MERGED_FIELDS = [
    "title",
    "pseudonym",
    "review_type",
    "nation",
    "area",
    "area_code",
    "area_codes",
    "region",
    "summary",
    "incident",
    "age_text",
    "age_band",
    "sex",
    "incident_date",
    "themes",
    "keywords",
    "recommendations",
    "background",
    "response",
    "model",
    "author",
    "status",
]
DOCUMENT_KINDS = (
    "full_report",
    "executive_summary",
    "learning_brief",
    "action_plan",
    "response",
    "committee_report",
    "other",
)
STATUSES = ("published", "no_longer_published", "unpublished", "delayed")


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class HarvestLocked(RuntimeError):
    """Another harvest holds the database."""


@dataclass
class SaveResult:
    review_id: str
    outcome: str  # new | updated | unchanged


def _json(value) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False)


def _short_title_key(title: str | None) -> str | None:
    """The key of a title's part before a subtitle ("The myth of invisible men: safeguarding
    children under 1 …"); None when what follows the colon only numbers a part ("phase 2")."""
    text = re.sub(r"[(\[][^)\]]*\d{4}[^)\]]*[)\]]", " ", str(title or ""))  # "(Apr 2023)"
    head, sep, rest = text.partition(":")
    if not sep or len(rest.split()) < 3:
        return None
    return name_key(head)


def _years_compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or abs(a - b) <= 1


class ReviewStore:
    """All reads and writes of the review database."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    def close(self) -> None:
        self.conn.close()

    # -- schema -----------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create missing tables, columns, indexes and the full-text index. Never drops data."""
        db = self.db
        specs = [
            ("reviews", REVIEW_COLUMNS, "id"),
            ("documents", DOCUMENT_COLUMNS, "url"),
            ("review_sources", REVIEW_SOURCE_COLUMNS, "id"),
            ("harvests", HARVEST_COLUMNS, "id"),
            ("sources", SOURCE_COLUMNS, "id"),
        ]
        for name, columns, pk in specs:
            table = db[name]
            if not table.exists():
                table.create(columns, pk=pk)
            else:
                existing = set(table.columns_dict)
                for column, kind in columns.items():
                    if column not in existing:
                        table.add_column(column, kind)
        indexes = [
            ("reviews", ["name_key"]),
            ("reviews", ["published"]),
            ("reviews", ["first_seen"]),
            ("reviews", ["area"]),
            ("documents", ["review_id"]),
            ("review_sources", ["review_id"]),
            ("review_sources", ["source"]),
            ("harvests", ["source", "started"]),
        ]
        for table, cols in indexes:
            db[table].create_index(cols, if_not_exists=True)
        if not db["reviews_fts"].exists():
            db["reviews"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- reviews ------------------------------------------------------------------------------

    def save_review(self, item: dict, *, source: str, source_kind: str, seen_at: str) -> SaveResult:
        """Store one source's sighting of a review, merging it into the matching review."""
        with self.transaction():
            review_id = self._match(item, source) or self._new_id(item)
            existed = self.conn.execute(
                "SELECT 1 FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            self._upsert_sighting(review_id, item, source, source_kind, seen_at)
            changed = self._recompute(review_id, seen_at, found=(source, item.get("source_url")))
            for document in item.get("documents") or []:
                self._upsert_document(review_id, document, source, seen_at)
        if not existed:
            return SaveResult(review_id, "new")
        return SaveResult(review_id, "updated" if changed else "unchanged")

    def _match(self, item: dict, source: str) -> str | None:
        key = item.get("name_key")
        if not key:
            return None
        # The same source at the same page named it so before: that is the same review (even
        # if it was merged into a review another source names differently).
        year = year_of(item.get("published"))
        for row in self.conn.execute(
            "SELECT rs.review_id, r.published_year FROM review_sources rs "
            "JOIN reviews r ON r.id = rs.review_id WHERE rs.source = ? AND rs.url = ? "
            "AND json_extract(rs.fields, '$.name_key') = ?",
            (source, item.get("source_url"), key),
        ):
            # (Two reviews of one child on one page, years apart, are two reviews.)
            if _years_compatible(year, row["published_year"]):
                return row[0]
        codes = set(item.get("area_codes") or [])
        candidates = []
        for row in self.conn.execute(
            "SELECT id, area, area_codes, published_year FROM reviews WHERE name_key = ?", (key,)
        ):
            same_area = row["area"] == item.get("area")
            if not same_area and item.get("area") not in ("Anonymous", None):
                same_area = bool(codes & set(json.loads(row["area_codes"] or "[]")))
            if same_area and _years_compatible(year, row["published_year"]):
                gap = abs(year - row["published_year"]) if year and row["published_year"] else 0
                candidates.append((gap, row["id"]))
        if candidates:
            return min(candidates)[1]
        if item.get("area") == "National":
            # National reviews go by their short titles too: "The Myth of Invisible Men" is
            # "The myth of invisible men: safeguarding children under 1 from …" (but phase 2 of
            # a review is not phase 1).
            mine = {key, _short_title_key(item.get("title"))}
            for row in self.conn.execute(
                "SELECT id, name_key, title FROM reviews WHERE area = 'National' "
                "ORDER BY first_seen, id"
            ):
                theirs = {row["name_key"], _short_title_key(row["title"])}
                if len(key.split()) >= 2 and mine & theirs - {None}:
                    return row["id"]
        # The same report file, listed under another name for the same area.
        for document in item.get("documents") or []:
            row = self.conn.execute(
                "SELECT r.id FROM documents d JOIN reviews r ON r.id = d.review_id "
                "WHERE d.url = ? AND r.area = ?",
                (document["url"], item.get("area")),
            ).fetchone()
            if row:
                return row[0]
        return None

    def _new_id(self, item: dict) -> str:
        name = slug(item.get("name_key") or "review")
        if len(name) > 80:
            name = name[:81].rsplit("-", 1)[0]
        parts = [slug(item.get("area") or "unknown"), name]
        year = year_of(item.get("published"))
        if year:
            parts.append(str(year))
        base = "-".join(p for p in parts if p)
        candidate, n = base, 1
        while self.conn.execute("SELECT 1 FROM reviews WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _upsert_sighting(
        self, review_id: str, item: dict, source: str, source_kind: str, seen_at: str
    ) -> None:
        url = item.get("source_url") or ""
        sighting_id = hashlib.sha1(f"{review_id}|{source}|{url}".encode()).hexdigest()[:16]
        fields = {
            k: item.get(k)
            for k in [*MERGED_FIELDS, "published", "name_key"]
            if item.get(k) not in (None, "", [])
        }
        evidence = item.get("evidence")
        self.conn.execute(
            "INSERT INTO review_sources (id, review_id, source, source_kind, url, seen_title, fields,"
            " evidence, listed, unlisted_since, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?,?,1,NULL,?,?) "
            "ON CONFLICT(id) DO UPDATE SET source_kind=excluded.source_kind,"
            " seen_title=excluded.seen_title, fields=excluded.fields, evidence=excluded.evidence,"
            " listed=1, unlisted_since=NULL, last_seen=excluded.last_seen",
            (
                sighting_id,
                review_id,
                source,
                source_kind,
                url,
                item.get("seen_title") or item.get("title"),
                json.dumps(fields, ensure_ascii=False, sort_keys=True),
                json.dumps(evidence, ensure_ascii=False, sort_keys=True) if evidence else None,
                seen_at,
                seen_at,
            ),
        )

    def _recompute(self, review_id: str, seen_at: str, found: tuple[str, str | None]) -> bool:
        """Rebuild the review from its sightings; True when anything but last_seen changed."""
        sightings = self.conn.execute(
            "SELECT source_kind, fields, listed, unlisted_since, first_seen, source, url "
            "FROM review_sources WHERE review_id = ?",
            (review_id,),
        ).fetchall()
        # The highest-ranked kind of source first; among equals the sighting that said most
        # (a listing page rather than a committee report about the review), then a fixed order.
        ordered = sorted(
            sightings,
            key=lambda s: (
                SOURCE_PRIORITY.get(s["source_kind"], 9),
                -len(json.loads(s["fields"])),
                s["source"],
                s["url"],
            ),
        )
        observed = [json.loads(s["fields"]) for s in ordered]
        merged: dict = {}
        for field in MERGED_FIELDS:
            merged[field] = next(
                (o[field] for o in observed if o.get(field) not in (None, "", [])), None
            )
        published = None
        for o in observed:
            published = more_precise(published, o.get("published"))
        merged["published"] = published
        merged["published_year"] = year_of(published)
        merged["status"] = merged["status"] or "published"
        merged["themes"] = _json(merged["themes"])
        merged["keywords"] = _json(merged["keywords"])
        merged["area_codes"] = _json(merged["area_codes"])
        merged["name_key"] = next((o["name_key"] for o in observed if o.get("name_key")), None)
        merged["listed"] = 1 if any(s["listed"] for s in sightings) else 0
        merged["unlisted_since"] = (
            None
            if merged["listed"]
            else max((s["unlisted_since"] or "") for s in sightings) or None
        )
        existing = self.conn.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if existing is None:
            merged.update(
                id=review_id,
                first_seen=seen_at,
                first_source=found[0],
                first_url=found[1],
                last_seen=seen_at,
                updated=seen_at,
            )
            columns = list(merged)
            self.conn.execute(
                f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [merged[c] for c in columns],
            )
            return True
        # A stored key must not change: the id and the match both depend on it.
        merged["name_key"] = existing["name_key"] or merged["name_key"]
        changed = {k: v for k, v in merged.items() if existing[k] != v}
        if changed:
            changed["updated"] = seen_at
        changed["last_seen"] = max(existing["last_seen"] or "", seen_at)
        assignments = ", ".join(f"{k} = ?" for k in changed)
        self.conn.execute(
            f"UPDATE reviews SET {assignments} WHERE id = ?", [*changed.values(), review_id]
        )
        return len(changed) > 1

    def _upsert_document(self, review_id: str, document: dict, source: str, seen_at: str) -> None:
        if not document.get("url"):
            raise ValueError(f"a document of {review_id} has no URL")
        existing = self.conn.execute(
            "SELECT review_id, source, kind, title FROM documents WHERE url = ?", (document["url"],)
        ).fetchone()
        if existing is None:
            self.conn.execute(
                "INSERT INTO documents (url, review_id, kind, title, source, status, first_seen,"
                " last_seen) VALUES (?,?,?,?,?,'available',?,?)",
                (
                    document["url"],
                    review_id,
                    document.get("kind") or "other",
                    document.get("title"),
                    source,
                    seen_at,
                    seen_at,
                ),
            )
            return
        updates = {"last_seen": seen_at}
        if existing["source"] == source:
            # The source that first listed it may re-describe it; others only fill gaps.
            updates["kind"] = document.get("kind") or existing["kind"]
            updates["title"] = document.get("title") or existing["title"]
        elif existing["kind"] == "other" and document.get("kind") not in (None, "other"):
            updates["kind"] = document["kind"]
        if not existing["review_id"]:
            updates["review_id"] = review_id
        assignments = ", ".join(f"{k} = ?" for k in updates)
        self.conn.execute(
            f"UPDATE documents SET {assignments} WHERE url = ?",
            [*updates.values(), document["url"]],
        )

    def set_document_status(self, url: str, status: str, checked: str) -> None:
        """A re-check's answer: ``gone`` keeps the record and dates when it went."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT status, gone_since FROM documents WHERE url = ?", (url,)
            ).fetchone()
            if row is None:
                return
            gone_since = None
            if status == "gone":
                gone_since = row["gone_since"] if row["status"] == "gone" else checked[:10]
            self.conn.execute(
                "UPDATE documents SET status = ?, gone_since = ?, checked = ? WHERE url = ?",
                (status, gone_since, checked, url),
            )

    # -- per-source bookkeeping -------------------------------------------------------------------

    def mark_unlisted(
        self, source: str, run_started: str, today: str, pages: set[str] | None = None
    ) -> int:
        """Sightings of ``source`` not seen since ``run_started`` are no longer listed.

        With ``pages``, only sightings on those pages count: a page that could not be read
        this time says nothing about what it lists.
        """
        with self.transaction():
            rows = self.conn.execute(
                "SELECT id, review_id, url FROM review_sources WHERE source = ? AND last_seen < ? "
                "AND listed = 1",
                (source, run_started),
            ).fetchall()
            if pages is not None:
                rows = [r for r in rows if r["url"] in pages]
            for row in rows:
                self.conn.execute(
                    "UPDATE review_sources SET listed = 0, unlisted_since = ? WHERE id = ?",
                    (today, row["id"]),
                )
            for review_id in {r["review_id"] for r in rows}:
                still = self.conn.execute(
                    "SELECT 1 FROM review_sources WHERE review_id = ? AND listed = 1", (review_id,)
                ).fetchone()
                if not still:
                    self.conn.execute(
                        "UPDATE reviews SET listed = 0, unlisted_since = ? WHERE id = ?",
                        (today, review_id),
                    )
        return len(rows)

    def record_harvest(self, record: dict) -> None:
        with self.transaction():
            columns = [c for c in HARVEST_COLUMNS if c != "id" and c in record]
            self.conn.execute(
                f"INSERT INTO harvests ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [record[c] for c in columns],
            )

    def previous_harvests(self, source: str, limit: int = 5) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM harvests WHERE source = ? ORDER BY started DESC, id DESC LIMIT ?",
            (source, limit),
        ).fetchall()

    def upsert_source(self, record: dict) -> None:
        with self.transaction():
            existing = self.conn.execute(
                "SELECT * FROM sources WHERE id = ?", (record["id"],)
            ).fetchone()
            if existing is None:
                columns = [c for c in SOURCE_COLUMNS if c in record]
                self.conn.execute(
                    f"INSERT INTO sources ({', '.join(columns)}) VALUES "
                    f"({', '.join('?' * len(columns))})",
                    [record[c] for c in columns],
                )
            else:
                columns = [c for c in SOURCE_COLUMNS if c in record and c != "id"]
                self.conn.execute(
                    f"UPDATE sources SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                    [*(record[c] for c in columns), record["id"]],
                )

    def get_source(self, source_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
