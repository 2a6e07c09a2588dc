"""The database's schema and its versions. ``PRAGMA user_version`` holds the version; each
step from one version to the next runs in one transaction, so a migration killed partway leaves
the database as it was and the next run starts it again.

1. reviews, documents, review_sources, harvests, sources, and the full-text index.
2. Structured subject keys and sightings re-keyed; reviews regrouped by the scored matcher;
   readable ids with ``id_aliases`` for the old ones; display titles; ``source_title`` on the
   sightings; ``sighting_documents`` (which sighting listed which document); foreign keys
   from documents and review_sources to reviews; ``id_base`` and ``guid`` on reviews.
3. ``topics`` on reviews: the controlled vocabulary, from keywords, themes and summary.
4. The document archive: what each document's download gave (``sha256``, ``bytes``,
   ``archive_status`` ...) on ``documents``; ``document_pages`` (each archived report's text,
   page by page, once per distinct file) with its full-text index; ``from_report`` on reviews.
"""

from __future__ import annotations

import os
import sqlite3
import time

from .schema import FTS_COLUMNS, REVIEW_COLUMNS

SCHEMA_VERSION = 4

_SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "FLOAT"}


def _columns(columns: dict[str, type], pk: str) -> str:
    return ", ".join(
        f"[{name}] {_SQL_TYPES[kind]}{' PRIMARY KEY' if name == pk else ''}"
        for name, kind in columns.items()
    )


REVIEWS_EXTRA = {"id_base": str, "from_report": str}
# What archiving a document found (crawler.pipelines.archive).
DOCUMENT_ARCHIVE_COLUMNS: dict[str, type] = {
    "archive_status": str,  # archived | too_large | not_a_document | failed | withheld
    "archive_note": str, "sha256": str, "bytes": int, "content_type": str, "fetched": str,
    "pages": int, "text_chars": int,
    "text_status": str,  # text | no_text_layer | encrypted | damaged
    "etag": str, "last_modified": str, "archive_attempts": int, "archive_retry": str,
}  # fmt: skip
DOCUMENTS_DDL = """CREATE TABLE [documents] (
  [url] TEXT PRIMARY KEY, [review_id] TEXT REFERENCES [reviews]([id]), [kind] TEXT, [title] TEXT,
  [source] TEXT, [status] TEXT, [gone_since] TEXT, [checked] TEXT, [first_seen] TEXT,
  [last_seen] TEXT)"""
SIGHTINGS_DDL = """CREATE TABLE [review_sources] (
  [id] TEXT PRIMARY KEY, [review_id] TEXT REFERENCES [reviews]([id]), [source] TEXT,
  [source_kind] TEXT, [url] TEXT, [source_title] TEXT, [fields] TEXT, [evidence] TEXT,
  [match] TEXT, [name_key] TEXT, [key_kind] TEXT, [key_core] TEXT, [area] TEXT, [year] INTEGER,
  [listed] INTEGER, [unlisted_since] TEXT, [first_seen] TEXT, [last_seen] TEXT)"""
SIGHTING_DOCUMENTS_DDL = """CREATE TABLE [sighting_documents] (
  [sighting_id] TEXT REFERENCES [review_sources]([id]), [url] TEXT, [kind] TEXT, [title] TEXT,
  PRIMARY KEY ([sighting_id], [url]))"""
TOPICS_DDL = """CREATE TABLE IF NOT EXISTS [review_topics] (
  [review_id] TEXT REFERENCES [reviews]([id]), [topic] TEXT, [review_rowid] INTEGER,
  PRIMARY KEY ([review_id], [topic]))"""
PAGE_PARSES_DDL = """CREATE TABLE IF NOT EXISTS [page_parses] (
  [url] TEXT PRIMARY KEY, [source] TEXT, [sha256] TEXT, [parsed] TEXT, [follow] TEXT)"""
PAGES_DDL = """CREATE TABLE IF NOT EXISTS [document_pages] (
  [sha256] TEXT, [page] INTEGER, [text] TEXT, PRIMARY KEY ([sha256], [page]))"""
PAGES_FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS [document_pages_fts] USING FTS5 ([text],"
    " content=[document_pages], tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS [document_pages_ai] AFTER INSERT ON [document_pages] BEGIN"
    " INSERT INTO [document_pages_fts] (rowid, [text]) VALUES (new.rowid, new.[text]); END",
    "CREATE TRIGGER IF NOT EXISTS [document_pages_ad] AFTER DELETE ON [document_pages] BEGIN"
    " INSERT INTO [document_pages_fts] ([document_pages_fts], rowid, [text])"
    " VALUES ('delete', old.rowid, old.[text]); END",
]
ALIASES_DDL = """CREATE TABLE [id_aliases] (
  [old_id] TEXT PRIMARY KEY, [review_id] TEXT REFERENCES [reviews]([id]), [since] TEXT,
  [why] TEXT)"""
HARVEST_COLUMNS: dict[str, type] = {
    "id": int, "run_id": str, "source": str, "started": str, "finished": str,
    "state": str,  # ok | failing | suspect
    "requests": int, "responses": str, "bytes": int, "items": int, "new_reviews": int,
    "updated_reviews": int, "errors": str, "error_count": int,
    "incremental": int,  # 1 when the run asked only for what changed since the last one
    "no_subject": int,  # sightings not stored: no subject, no topic and no report
    "archived": int,  # documents downloaded into the archive this run
    "documents_checked": int,  # stored documents re-checked (HEAD) this run
}  # fmt: skip
SOURCE_COLUMNS: dict[str, type] = {
    "id": str, "name": str, "kind": str, "nation": str, "serves": str, "area": str, "urls": str,
    "feeds": str, "state": str, "last_error": str, "failing_since": str, "last_run": str,
    "last_success": str, "last_items": int, "typical_items": int,
}  # fmt: skip
INDEXES = [
    ("reviews", ["name_key"]),
    ("reviews", ["published"]),
    ("reviews", ["first_seen"]),
    ("reviews", ["first_seen", "published", "id"]),
    ("reviews", ["area"]),
    ("reviews", ["id_base"]),
    ("reviews", ["nation"]),
    ("reviews", ["review_type"]),
    ("reviews", ["published_year"]),
    ("reviews", ["status"]),
    ("documents", ["review_id"]),
    ("review_sources", ["review_id"]),
    ("review_sources", ["source"]),
    ("review_sources", ["key_core"]),
    ("review_sources", ["area", "key_kind"]),
    ("sighting_documents", ["url"]),
    ("id_aliases", ["review_id"]),
    ("review_topics", ["topic", "review_rowid"]),
    ("harvests", ["source", "started"]),
    ("documents", ["sha256"]),
    ("documents", ["archive_status"]),
]


def _fts_ddl() -> list[str]:
    cols = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    new = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
    old = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
    changed = " OR ".join(f"old.[{c}] IS NOT new.[{c}]" for c in FTS_COLUMNS)
    return [
        f"CREATE VIRTUAL TABLE [reviews_fts] USING FTS5 ({cols}, content=[reviews])",
        f"CREATE TRIGGER [reviews_ai] AFTER INSERT ON [reviews] BEGIN INSERT INTO [reviews_fts]"
        f" (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER [reviews_ad] AFTER DELETE ON [reviews] BEGIN INSERT INTO [reviews_fts]"
        f" ([reviews_fts], rowid, {cols}) VALUES('delete', old.rowid, {old}); END",
        _UPDATE_TRIGGER.format(cols=cols, old=old, new=new, changed=changed),
    ]


# Re-indexes a review only when a searched column changes: a harvest updates last_seen (and
# other unsearched columns) of every review it sees, which would otherwise rewrite the index.
_UPDATE_TRIGGER = (
    "CREATE TRIGGER [reviews_au] AFTER UPDATE OF {cols} ON [reviews] WHEN {changed} BEGIN"
    " INSERT INTO [reviews_fts] ([reviews_fts], rowid, {cols}) VALUES('delete', old.rowid, {old});"
    " INSERT INTO [reviews_fts] (rowid, {cols}) VALUES (new.rowid, {new}); END"
)


def _ensure_update_trigger(conn) -> None:
    """A database made by an older release re-indexed a review on every update."""
    wanted = _fts_ddl()[-1]
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'reviews_au'"
    ).fetchone()
    if row is not None and row[0] != wanted:
        conn.execute("DROP TRIGGER [reviews_au]")
        conn.execute(wanted)


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _column_names(conn, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}


def _pause(step: str) -> None:
    """Tests stop a migration here (SCR_MIGRATION_PAUSE=<step>) to kill it partway."""
    if os.environ.get("SCR_MIGRATION_PAUSE") == step:
        print(f"paused at {step}", flush=True)
        time.sleep(600)


def create_current(conn) -> None:
    """A new database at the current version (inside the caller's transaction)."""
    columns = {**REVIEW_COLUMNS, **REVIEWS_EXTRA}
    conn.execute(f"CREATE TABLE [reviews] ({_columns(columns, 'id')})")
    conn.execute(DOCUMENTS_DDL)
    conn.execute(SIGHTINGS_DDL)
    conn.execute(SIGHTING_DOCUMENTS_DDL)
    conn.execute(ALIASES_DDL)
    conn.execute(TOPICS_DDL)
    conn.execute(f"CREATE TABLE [harvests] ({_columns(HARVEST_COLUMNS, 'id')})")
    conn.execute(f"CREATE TABLE [sources] ({_columns(SOURCE_COLUMNS, 'id')})")
    for statement in _fts_ddl():
        conn.execute(statement)
    v3_to_v4(conn)


def ensure_columns(conn, only: tuple[str, ...] | None = None) -> None:
    """Columns a newer release added to a table that exists (never drops anything)."""
    wanted = {
        "reviews": {**REVIEW_COLUMNS, **REVIEWS_EXTRA},
        "documents": DOCUMENT_ARCHIVE_COLUMNS,
        "harvests": HARVEST_COLUMNS,
        "sources": SOURCE_COLUMNS,
    }
    for table, columns in wanted.items():
        if only and table not in only:
            continue
        have = _column_names(conn, table)
        for name, kind in columns.items():
            if name not in have:
                conn.execute(f"ALTER TABLE [{table}] ADD COLUMN [{name}] {_SQL_TYPES[kind]}")
    if only:
        return
    _ensure_update_trigger(conn)
    conn.execute(PAGE_PARSES_DDL)  # (crawler.pagecache) nothing to migrate: a cache
    for table, cols in INDEXES:
        name = f"idx_{table}_{'_'.join(cols)}"
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS [{name}] ON [{table}] ({', '.join(f'[{c}]' for c in cols)})"
        )


def v1_to_v2(conn, rekey) -> None:
    """Rebuild documents and review_sources with foreign keys and the new columns, record which
    sighting listed which document, then re-key every sighting and regroup (``rekey``)."""
    tables = _tables(conn)
    for name, columns in (("harvests", HARVEST_COLUMNS), ("sources", SOURCE_COLUMNS)):
        if name not in tables:
            conn.execute(f"CREATE TABLE [{name}] ({_columns(columns, 'id')})")
    if "review_sources" not in tables:
        conn.execute("CREATE TABLE [review_sources] (id TEXT PRIMARY KEY, review_id TEXT,"
                     " source TEXT, source_kind TEXT, url TEXT, fields TEXT, listed INTEGER,"
                     " unlisted_since TEXT, first_seen TEXT, last_seen TEXT)")  # fmt: skip
    if "documents" not in tables:
        conn.execute(DOCUMENTS_DDL)
    ensure_columns(conn, only=("reviews",))
    if "reviews_fts" not in tables:
        for statement in _fts_ddl():
            conn.execute(statement)
        conn.execute("INSERT INTO reviews_fts (reviews_fts) VALUES ('rebuild')")
    ensure_columns_v1 = _column_names(conn, "review_sources")
    seen_title = "seen_title" if "seen_title" in ensure_columns_v1 else "NULL"
    evidence = "evidence" if "evidence" in ensure_columns_v1 else "NULL"
    conn.execute("ALTER TABLE [review_sources] RENAME TO [review_sources_v1]")
    conn.execute(SIGHTINGS_DDL)
    conn.execute(
        "INSERT INTO review_sources (id, review_id, source, source_kind, url, source_title,"
        " fields, evidence, listed, unlisted_since, first_seen, last_seen)"
        f" SELECT id, review_id, source, source_kind, url, {seen_title}, fields, {evidence},"
        " listed, unlisted_since, first_seen, last_seen FROM review_sources_v1"
    )
    conn.execute("DROP TABLE [review_sources_v1]")
    _pause("sightings")
    conn.execute("ALTER TABLE [documents] RENAME TO [documents_v1]")
    conn.execute(DOCUMENTS_DDL)
    conn.execute(
        "INSERT INTO documents SELECT url, review_id, kind, title, source, status, gone_since,"
        " checked, first_seen, last_seen FROM documents_v1"
    )
    conn.execute("DROP TABLE [documents_v1]")
    conn.execute(SIGHTING_DOCUMENTS_DDL)
    conn.execute(ALIASES_DDL)
    # A version-1 document was listed by its source's sightings of its review.
    conn.execute(
        "INSERT OR IGNORE INTO sighting_documents (sighting_id, url, kind, title)"
        " SELECT rs.id, d.url, d.kind, d.title FROM documents d JOIN review_sources rs"
        " ON rs.review_id = d.review_id AND rs.source = d.source"
    )
    _pause("documents")
    conn.execute(TOPICS_DDL)
    ensure_columns(conn)
    rekey(conn)
    _pause("rekeyed")


def v2_to_v3(conn) -> None:
    """Topics for every review from its keywords, themes and summary."""
    import json

    from .normalise.topics import topics_of

    conn.execute(TOPICS_DDL)
    ensure_columns(conn)
    rows = conn.execute(
        "SELECT id, keywords, themes, summary, subject_kind, pseudonym, review_type FROM reviews"
        " WHERE topics IS NULL"
    ).fetchall()
    for row in rows:
        found = topics_of(
            json.loads(row[1] or "[]"), json.loads(row[2] or "[]"), row[3],
            row[5] if row[4] == "topic" else None, row[6],
        )  # fmt: skip
        conn.execute("UPDATE reviews SET topics = ? WHERE id = ?", (json.dumps(found), row[0]))
    conn.execute("DELETE FROM review_topics")
    conn.execute(
        "INSERT INTO review_topics (review_id, topic, review_rowid) SELECT r.id, t.value, r.rowid"
        " FROM reviews r, json_each(r.topics) t"
    )


def v3_to_v4(conn) -> None:
    """The archive's columns and the report-text tables (nothing to backfill)."""
    ensure_columns(conn, only=("reviews", "documents"))
    conn.execute(PAGES_DDL)
    for statement in PAGES_FTS_DDL:
        conn.execute(statement)


def migrate(conn: sqlite3.Connection, rekey) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it was at."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = _tables(conn)
    if version >= SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            ensure_columns(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        if "reviews" not in tables:
            create_current(conn)
            ensure_columns(conn)
        else:
            if version < 2:
                v1_to_v2(conn, rekey)
            if version < 3:
                v2_to_v3(conn)
            v3_to_v4(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version
