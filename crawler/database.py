"""The SQLite store: the public schema, and idempotent, merging, never-deleting writes.

Each source's sighting of a review is kept (``review_sources``) with the fields that source
saw, its structured subject key, and which documents it listed (``sighting_documents``). A
review is a group of sightings the scored matcher (``crawler.matching``) says are one; its row
is rebuilt from them, its id is made of its area, subject and year, and an id it no longer has
stays in ``id_aliases``. The result does not depend on the order sources are harvested in, and
a re-harvest of unchanged pages changes nothing but ``last_seen``.

Writes use explicit ``BEGIN IMMEDIATE`` transactions on a connection in autocommit mode.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .archivestore import ArchiveRecords
from .matching import REPORT_KINDS, Sighting, groups, summary_words
from .migrations import HARVEST_COLUMNS, SCHEMA_VERSION, SOURCE_COLUMNS, migrate
from .normalise.dates import more_precise, year_of
from .normalise.names import slug
from .normalise.subject_key import SubjectKey, compare, display, key_for
from .normalise.text import title_problem
from .normalise.topics import topics_of
from .normalise.vocabulary import type_label as label_of_type
from .pagestore import PageRecords
from .schema import FTS_COLUMNS, LIST_FIELDS, MERGED_FIELDS, REVIEW_COLUMNS

__all__ = [
    "DOCUMENT_KINDS", "FTS_COLUMNS", "HARVEST_COLUMNS", "REVIEW_COLUMNS", "SCHEMA_VERSION",
    "SOURCE_COLUMNS", "STATUSES", "HarvestLocked", "ReviewStore", "SaveResult", "utc_now",
]  # fmt: skip

# Which sighting wins a field: the area's own board, then GOV.UK, the NSPCC, then others.
SOURCE_PRIORITY = {"own": 0, "govuk": 1, "nspcc": 2, "partnership": 3}
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
    outcome: str  # new | updated (a review known before this run) | unchanged | found_this_run


# One encoder each, made once: ``json.dumps`` with any option builds a new encoder per call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_to_sorted_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _json(value) -> str:
    return _to_json(value if value is not None else [])


def key_of(fields: dict) -> SubjectKey | None:
    """A sighting's subject key from what its source said."""
    return key_for(fields.get("pseudonym"), fields.get("name"), fields.get("subject_kind"))


def _v1_name(heading: str | None, fields: dict) -> dict:
    """A version-1 sighting kept the page's heading, not the extractor's name for the review:
    read the heading again as the extractor reads a title."""
    from .extract.subjects import subject_of
    from .normalise.names import review_name

    if fields.get("pseudonym"):
        return {"name": fields["pseudonym"]}
    if fields.get("area") == "National":
        return {"name": review_name(heading) or heading}  # a national review: its whole title
    found = subject_of(heading, topic_ok=True) if heading else None
    if found is not None:
        return {"name": found.name, "subject_kind": found.kind}
    old = fields.get("name_key")
    return {"name": review_name(heading) or old, "subject_kind": "dated"}


def _key_core(key: SubjectKey | None) -> str | None:
    """What sightings that might be one subject share (for finding candidates)."""
    if key is None or key.kind in ("topic", "dated"):
        return None
    if key.lettered:
        return "letters " + " ".join(key.parts)
    return key.text


def _priority(row, fields: dict | None = None) -> tuple:
    """Which sighting's values a review takes first (``fields``: the row's, already read)."""
    if fields is None:
        fields = json.loads(row["fields"])
    return (SOURCE_PRIORITY.get(row["source_kind"], 9), -len(fields), row["source"], row["url"])


def _key_rank(key: SubjectKey | None) -> tuple:
    """The most telling key names the review: "Child R" over "R", "Mr and Mrs T" over "Mrs T"."""
    if key is None:
        return (3, 0)
    vague = {"dated": 2, "topic": 1, "letter": 1}.get(key.kind, 0)
    return (vague, -key.kind.count("+"))


def type_label(review_type: str | None, key: SubjectKey | None, nation: str | None = None) -> str:
    if review_type == "other" and key is not None and key.kind not in ("topic", "dated"):
        return "review"
    return label_of_type(review_type, nation)


def display_title(
    fields: dict, key: SubjectKey | None, source_title: str | None = None, others=()
) -> str:
    """The review's title for a digest or a feed: subject, type and area ("Child N: local child
    safeguarding practice review, Salford"); a national or thematic review's topic; else the
    type, area and date. Never a sentence, a file label or a date run into a heading.
    ``others``: the names other sightings gave the review, tried in turn before the type and
    date stand in for a name."""
    area = fields.get("area")
    place = area if area not in (None, "", "Anonymous", "National") else None
    label = type_label(fields.get("review_type"), key, fields.get("nation"))
    tries = [(fields, source_title), *(({**fields, "name": n}, None) for n in others if n)]
    for tried, title in tries:
        named = _named_title(tried, key, title, place, label)
        if named:
            return named
    when = _spoken(fields.get("published"))
    words = [label[:1].upper() + label[1:], place, when]
    return ", ".join(w for w in words if w)


def _named_title(fields: dict, key, source_title: str | None, place: str | None, label: str):
    """A title from the subject or the topic, or None when neither can be shown."""
    area = fields.get("area")
    subject = display(fields.get("pseudonym")) if key is not None and key.kind != "dated" else None
    if area == "National" or (key is not None and key.kind == "topic"):
        topic = fields.get("name") if area == "National" else None
        topic = topic or fields.get("pseudonym") or fields.get("name") or source_title
        if topic and not title_problem(topic):
            return topic if area == "National" else ", ".join(p for p in (topic, place) if p)
    if subject and not title_problem(subject):
        return f"{subject}: {label}" + (f", {place}" if place else "")
    return None


def _spoken(iso: str | None) -> str | None:
    if not iso:
        return None
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    parts = iso.split("-")
    if len(parts) >= 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


_SHARED: dict[str, list] = {}  # resolved path -> [store, users]


def shared_store(path: str | Path) -> ReviewStore:
    """The one connection every writer of a harvest process uses (each spider's pipelines and
    health recorder): their batched writes then never wait on each other's lock. Give it back
    with ``release_store``."""
    key = str(Path(path).resolve())
    if key not in _SHARED:
        _SHARED[key] = [ReviewStore(path), 0]
    _SHARED[key][1] += 1
    return _SHARED[key][0]


def release_store(store: ReviewStore) -> None:
    """One user is done; the last one commits what is pending and closes the connection."""
    key = str(store.path.resolve())
    entry = _SHARED.get(key)
    if entry is None or entry[0] is not store:
        store.commit_batch()
        store.close()
        return
    entry[1] -= 1
    if entry[1] <= 0:
        del _SHARED[key]
        store.commit_batch()
        store.close()
    else:
        store.commit_batch()


class ReviewStore(ArchiveRecords, PageRecords):
    """All reads and writes of the review database."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        self.conn = conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        self.migrate()

    @property
    def db(self):
        """The connection as a ``sqlite_utils.Database``, for scripting and ad-hoc queries
        (imported on first use: a harvest's start-up does not pay for it)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    # -- schema -----------------------------------------------------------------------------

    def migrate(self) -> None:
        """Create or upgrade the schema (see ``crawler.migrations``). Never drops data."""
        migrate(self.conn, self._rekey_all)

    def _rekey_all(self, conn) -> None:
        """Re-key every sighting and regroup every review (a migration, in its transaction)."""
        rows = conn.execute("SELECT * FROM review_sources").fetchall()
        renamed = {}
        for row in rows:
            fields = json.loads(row["fields"] or "{}")
            if "name" not in fields:
                fields.update(_v1_name(fields.pop("title", None) or row["source_title"], fields))
            key = key_of(fields)
            if key is None and fields.get("name_key"):
                key = key_for(None, fields["name_key"].title(), None)
            new_id = self._sighting_id(row["source"], row["url"], key, fields, [])
            if new_id in renamed.values() or (new_id != row["id"] and new_id in renamed):
                new_id = row["id"]  # two old sightings that now look alike stay two
            renamed[row["id"]] = new_id
            fields["name_key"] = key.text if key else fields.get("name_key")
            conn.execute(
                "UPDATE review_sources SET id = ?, fields = ?, name_key = ?, key_kind = ?,"
                " key_core = ?, area = ?, year = ? WHERE id = ?",
                (
                    new_id,
                    _to_sorted_json(fields),
                    key.text if key else None,
                    key.kind if key else None,
                    _key_core(key),
                    fields.get("area"),
                    year_of(fields.get("published")),
                    row["id"],
                ),
            )
            conn.execute(
                "UPDATE sighting_documents SET sighting_id = ? WHERE sighting_id = ?",
                (new_id, row["id"]),
            )
        now = utc_now()
        ids = [r[0] for r in conn.execute("SELECT id FROM review_sources")]
        self._regroup(ids, now, frozenset(ids))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. Inside a batch (``begin_batch``) a savepoint: a failed write is
        undone alone, and the batch's commit makes the rest durable."""
        if self.conn.in_transaction:
            # Named by depth, so the same few statements are reused (a new name per call
            # would be a new statement each time, pushing the prepared ones out of the cache).
            self._depth = getattr(self, "_depth", 0) + 1
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def begin_batch(self) -> None:
        """Hold the next writes in one transaction until ``commit_batch`` (a harvest commits
        once per page, not once per review)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")

    def commit_batch(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    # -- reviews ------------------------------------------------------------------------------

    def save_review(self, item: dict, *, source: str, source_kind: str, seen_at: str) -> SaveResult:
        """Store one source's sighting of a review, and regroup the reviews it touches."""
        with self.transaction():
            sighting_id, key, was_in = self._upsert_sighting(item, source, source_kind, seen_at)
            before = (
                was_in
                and self.conn.execute("SELECT * FROM reviews WHERE id = ?", (was_in,)).fetchone()
            )
            scope = self._scope(sighting_id, key, item)
            made = self._regroup(scope, seen_at, frozenset({sighting_id}))
            review_id = next(rid for rid, members in made.items() if sighting_id in members)
            after = None
            if before:
                after = self.conn.execute(
                    "SELECT * FROM reviews WHERE id = ?", (review_id,)
                ).fetchone()
        if not before:
            outcome = "updated" if len(made[review_id]) > 1 else "new"
        else:
            ignore = {"last_seen", "updated"}
            columns = [k for k in after.keys() if k not in ignore]  # noqa: SIM118 (a Row)
            changed = before["id"] != after["id"] or any(before[k] != after[k] for k in columns)
            outcome = "updated" if changed else "unchanged"
        if outcome == "updated":
            if after is None:  # the row as _write_review left it
                after = self.conn.execute(
                    "SELECT first_seen FROM reviews WHERE id = ?", (review_id,)
                ).fetchone()
            if after["first_seen"] == seen_at:
                # A review this run found first (a listing's item, then its own page's; or
                # another source's this morning) is counted once, as new, not as new and
                # updated.
                outcome = "found_this_run"
        return SaveResult(review_id, outcome)

    @staticmethod
    def _sighting_id(source: str, url: str, key, fields: dict, reports: list[str]) -> str:
        """A sighting is one source's listing of one subject on one page (in one area and year:
        two reviews of one child on one page, years apart, are two sightings)."""
        who = key.text if key else "|".join(sorted(reports)[:1]) or fields.get("name_key") or ""
        year = year_of(fields.get("published")) or ""
        text = f"{source}|{url}|{who}|{fields.get('area') or ''}|{year}"
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    def _upsert_sighting(self, item: dict, source: str, source_kind: str, seen_at: str):
        url = item.get("source_url") or ""
        key = key_of(item)
        documents = item.get("documents") or []
        if any(not d.get("url") for d in documents):
            raise ValueError(f"a document of {item.get('title')!r} from {url} has no URL")
        reports = [d["url"] for d in documents if d.get("kind") in REPORT_KINDS]
        fields = {
            k: item.get(k)
            for k in [*MERGED_FIELDS, "published", "name", "subject_kind"]
            if item.get(k) not in (None, "", [])
        }
        fields["name_key"] = key.text if key else item.get("name_key")
        fields["reports"] = sorted(reports)
        fields["files"] = sorted(d["url"] for d in documents)
        sighting_id = self._sighting_id(source, url, key, fields, reports)
        evidence = item.get("evidence")
        prior = self.conn.execute(
            "SELECT review_id FROM review_sources WHERE id = ?", (sighting_id,)
        ).fetchone()
        self.conn.execute(
            "INSERT INTO review_sources (id, review_id, source, source_kind, url, source_title,"
            " fields, evidence, name_key, key_kind, key_core, area, year, listed, unlisted_since,"
            " first_seen, last_seen) VALUES (?,NULL,?,?,?,?,?,?,?,?,?,?,?,1,NULL,?,?) "
            "ON CONFLICT(id) DO UPDATE SET source_kind=excluded.source_kind,"
            " source_title=excluded.source_title, fields=excluded.fields,"
            " evidence=excluded.evidence, listed=1, unlisted_since=NULL,"
            " last_seen=excluded.last_seen",
            (
                sighting_id,
                source,
                source_kind,
                url,
                item.get("title"),
                _to_sorted_json(fields),
                _to_sorted_json(evidence) if evidence else None,
                key.text if key else None,
                key.kind if key else None,
                _key_core(key),
                fields.get("area"),
                year_of(fields.get("published")),
                seen_at,
                seen_at,
            ),
        )
        for document in documents:
            self.conn.execute(
                "INSERT INTO sighting_documents (sighting_id, url, kind, title) VALUES (?,?,?,?)"
                " ON CONFLICT(sighting_id, url) DO UPDATE SET kind=excluded.kind,"
                " title=excluded.title",
                (
                    sighting_id,
                    document["url"],
                    document.get("kind") or "other",
                    document.get("title"),
                ),
            )
        return sighting_id, key, prior[0] if prior else None

    def _scope(self, sighting_id: str, key: SubjectKey | None, item: dict) -> list[str]:
        """The sightings whose grouping this sighting can change: those that might be its
        subject, those sharing its reports, and every sighting of their reviews."""
        area = item.get("area")
        reports = [d["url"] for d in item.get("documents") or [] if d.get("kind") in REPORT_KINDS]
        core = _key_core(key)
        found = {sighting_id}
        codes = json.dumps(sorted(item.get("area_codes") or []))
        if core:
            # Only where it could match: its area, an area that names none, or shared codes.
            found |= {r[0] for r in self.conn.execute(
                "SELECT id FROM review_sources WHERE key_core = :core AND (area IS :area"
                " OR area IS NULL OR area IN ('', 'Anonymous') OR :area IS NULL"
                " OR :area IN ('', 'Anonymous') OR EXISTS (SELECT 1 FROM"
                " json_each(json_extract(fields, '$.area_codes')) c"
                " WHERE c.value IN (SELECT value FROM json_each(:codes))))",
                {"core": core, "area": area, "codes": codes})}  # fmt: skip
        if key is None or key.kind in ("topic", "dated"):
            found |= {r[0] for r in self.conn.execute(
                "SELECT id FROM review_sources WHERE area IS ? AND (key_kind IS NULL OR key_kind"
                " IN ('topic', 'dated'))", (area,))}  # fmt: skip
        for url in reports:
            found |= {r[0] for r in self.conn.execute(
                "SELECT sighting_id FROM sighting_documents WHERE url = ?", (url,))}  # fmt: skip
        reviews = {
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT review_id FROM review_sources WHERE id IN ({','.join('?' * len(found))})"
                " AND review_id IS NOT NULL",
                sorted(found),
            )
        }
        for review_id in reviews:
            found |= {r[0] for r in self.conn.execute(
                "SELECT id FROM review_sources WHERE review_id = ?", (review_id,))}  # fmt: skip
        return sorted(found)

    def _sightings(self, ids: list[str]) -> list[sqlite3.Row]:
        out = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out += self.conn.execute(
                f"SELECT * FROM review_sources WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        return out

    def _shared_elsewhere(self):
        """Whether a report is also listed by a sighting of another subject (a press statement
        shared by two reviews is evidence of neither)."""
        cache: dict[str, bool] = {}

        def shared(url: str) -> bool:
            if url not in cache:
                rows = self.conn.execute(
                    "SELECT rs.fields FROM sighting_documents sd JOIN review_sources rs"
                    " ON rs.id = sd.sighting_id WHERE sd.url = ?",
                    (url,),
                ).fetchall()
                found = [key_of(json.loads(r[0])) for r in rows]
                found = [k for k in found if k is not None]
                cache[url] = any(
                    compare(a, b) == "different"
                    for i, a in enumerate(found)
                    for b in found[i + 1 :]
                )
            return cache[url]

        return shared

    def _regroup(
        self, ids: list[str], seen_at: str, fresh: frozenset[str] = frozenset()
    ) -> dict[str, list[str]]:
        """Group these sightings into reviews and rewrite the reviews they make (``fresh``:
        sightings just saved, whose reviews are rewritten even if their groups stand). Returns
        each resulting review's id and its sightings."""
        rows = {r["id"]: r for r in self._sightings(ids)}
        sightings = []
        keys = {}
        observed = {}  # each sighting's fields, read once
        for row in rows.values():
            fields = observed[row["id"]] = json.loads(row["fields"] or "{}")
            key = key_of(fields)
            keys[row["id"]] = key
            sightings.append(
                Sighting(
                    id=row["id"],
                    source=row["source"],
                    url=row["url"],
                    key=key,
                    area=fields.get("area"),
                    area_codes=frozenset(fields.get("area_codes") or []),
                    published=fields.get("published"),
                    review_type=fields.get("review_type"),
                    reports=frozenset(fields.get("reports") or []),
                    files=frozenset(fields.get("files") or fields.get("reports") or []),
                    summary=fields.get("summary"),
                    words=summary_words(fields.get("summary")),
                )
            )
        found, joined = groups(sightings, self._shared_elsewhere())
        was_in = {sid: row["review_id"] for sid, row in rows.items()}
        made: dict[str, list[str]] = {}
        sizes = {}
        for review_id in {r["review_id"] for r in rows.values() if r["review_id"]}:
            sizes[review_id] = self.conn.execute(
                "SELECT count(*) FROM review_sources WHERE review_id = ?", (review_id,)
            ).fetchone()[0]
        for group in found:
            members = [rows[s.id] for s in group]
            current = {m["review_id"] for m in members}
            if (
                len(current) == 1
                and None not in current
                and sizes.get(next(iter(current))) == len(members)
                and not any(m["id"] in fresh for m in members)
            ):
                made[next(iter(current))] = [m["id"] for m in members]  # as it was
                continue
            review_id = self._write_review(members, keys, observed, seen_at, set(made))
            made[review_id] = [m["id"] for m in members]
            for member in members:
                links = sorted(joined.get(member["id"], []), key=lambda j: -j[1].score)[:5]
                why = [{"with": other, **m.as_dict()} for other, m in links]
                match = json.dumps(why, sort_keys=True) if why else None
                if (member["review_id"], member["match"]) != (review_id, match):
                    self.conn.execute(
                        "UPDATE review_sources SET review_id = ?, match = ? WHERE id = ?",
                        (review_id, match, member["id"]),
                    )
        # Reviews left with no sightings were merged into others or re-keyed: each old id
        # resolves to the review holding most of its sightings.
        stale = {*was_in.values()} - {None}
        stale |= {"~" + s for s in stale}
        emptied = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM reviews r WHERE id IN ({','.join('?' * len(stale))}) AND NOT"
                " EXISTS (SELECT 1 FROM review_sources rs WHERE rs.review_id = r.id)",
                sorted(stale),
            )
        ] if stale else []  # fmt: skip
        for old in sorted(emptied):
            plain = old.lstrip("~")
            counts = {rid: sum(was_in[s] == plain for s in sids) for rid, sids in made.items()}
            target = max(sorted(counts), key=lambda rid: counts[rid])
            self.conn.execute(
                "UPDATE documents SET review_id = ? WHERE review_id = ?", (target, old)
            )
            self.conn.execute("DELETE FROM review_topics WHERE review_id = ?", (old,))
            self.conn.execute("DELETE FROM reviews WHERE id = ?", (old,))
            self._alias(plain, target, seen_at, "merged")
        self._rewrite_documents(ids, seen_at)
        return made

    def _write_review(self, members, keys, fields_of, seen_at: str, claimed: set[str]) -> str:
        """Build one review's row from its sightings (``fields_of``: each one's fields, by
        sighting id); returns its id."""
        ordered = sorted(members, key=lambda s: _priority(s, fields_of[s["id"]]))
        observed = [fields_of[s["id"]] for s in ordered]
        merged: dict = {}
        for field in MERGED_FIELDS:  # the first sighting's that has one
            value = None
            for o in observed:
                found = o.get(field)
                if found is not None and found != "" and found != []:
                    value = found
                    break
            merged[field] = value
        published = None
        for o in observed:
            published = more_precise(published, o.get("published"))
        merged["published"] = published
        merged["published_year"] = year_of(published)
        merged["status"] = merged["status"] or "published"
        # The most telling subject names it.
        best = min(range(len(ordered)), key=lambda i: (_key_rank(keys[ordered[i]["id"]]), i))
        key = keys[ordered[best]["id"]]
        naming = observed[best]
        merged["pseudonym"] = display(naming.get("pseudonym")) if naming.get("pseudonym") else None
        merged["name_key"] = key.text if key else naming.get("name_key")
        merged["subject_kind"] = key.kind if key else None
        fields = {**merged, "name": naming.get("name")}
        others = [o.get("name") for i, o in enumerate(observed) if i != best]
        merged["title"] = display_title(fields, key, ordered[best]["source_title"], others)
        merged["topics"] = topics_of(
            merged["keywords"], merged["themes"], merged["summary"],
            fields["name"] if key is not None and key.kind == "topic" else None,
            merged["review_type"],
        )  # fmt: skip
        for field in LIST_FIELDS:
            merged[field] = _json(merged[field])
        merged["listed"] = 1 if any(s["listed"] for s in members) else 0
        merged["unlisted_since"] = (
            None if merged["listed"] else max((s["unlisted_since"] or "") for s in members) or None
        )
        base = self._id_base(
            {
                **merged,
                "name_text": merged["pseudonym"]
                or (key and key.kind == "topic" and fields["name"]),
            },
            key,
        )
        merged["id_base"] = base
        sighting_ids = [m["id"] for m in members]
        existing = self._existing(sighting_ids, claimed)
        review_id = self._claim_id(
            base, min(sighting_ids), existing["id"] if existing else None, seen_at
        )
        if existing is not None and existing["id"] != review_id:  # renamed: read it again
            existing = self.conn.execute(
                "SELECT * FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
        self._keep_report_fills(merged, existing)
        merged["first_seen"] = min(m["first_seen"] or seen_at for m in members)
        merged["last_seen"] = max(m["last_seen"] or seen_at for m in members)
        if existing is None:
            first = min(members, key=lambda s: (s["first_seen"] or "", s["id"]))
            merged.update(
                id=review_id,
                guid=review_id,
                first_source=first["source"],
                first_url=first["url"],
                updated=seen_at,
            )
            columns = list(merged)
            self.conn.execute(
                f"INSERT INTO reviews ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [merged[c] for c in columns],
            )
            self._write_topics(review_id, fresh=True)
            return review_id
        for kept in ("first_source", "first_url", "guid"):
            merged[kept] = existing[kept]
        merged["first_seen"] = min(existing["first_seen"] or seen_at, merged["first_seen"])
        merged["last_seen"] = max(existing["last_seen"] or "", merged["last_seen"])
        changed = {k: v for k, v in merged.items() if existing[k] != v}
        if set(changed) - {"last_seen"}:
            changed["updated"] = seen_at
        if changed:
            assignments = ", ".join(f"{k} = ?" for k in changed)
            self.conn.execute(
                f"UPDATE reviews SET {assignments} WHERE id = ?", [*changed.values(), review_id]
            )
        if "topics" in changed:
            self._write_topics(review_id)
        return review_id

    @staticmethod
    def _keep_report_fills(merged: dict, existing) -> None:
        """A gap a report filled stays filled until a listing gives the value itself."""
        provenance = json.loads(existing["from_report"] or "{}") if existing is not None else {}
        for field in list(provenance):
            if merged.get(field) in (None, ""):
                merged[field] = existing[field]
                if field == "published":
                    merged["published_year"] = existing["published_year"]
            else:
                del provenance[field]
        merged["from_report"] = json.dumps(provenance, sort_keys=True) if provenance else None

    def _write_topics(self, review_id: str, fresh: bool = False) -> None:
        """The review's topics, one row each (the search page's facets and similar reviews);
        ``fresh``: a review just inserted, with none yet. Rewritten only when they change."""
        if not fresh:
            self.conn.execute("DELETE FROM review_topics WHERE review_id = ?", (review_id,))
        self.conn.execute(
            "INSERT INTO review_topics (review_id, topic, review_rowid) SELECT r.id, t.value,"
            " r.rowid FROM reviews r, json_each(r.topics) t WHERE r.id = ?",
            (review_id,),
        )

    def _existing(self, sighting_ids: list[str], claimed: set[str]):
        """The review row a group of sightings continues: the one most of them are in now
        (unless another group of this regrouping took it)."""
        rows = self.conn.execute(
            f"SELECT review_id, count(*) n FROM review_sources WHERE id IN ({','.join('?' * len(sighting_ids))})"
            " AND review_id IS NOT NULL GROUP BY review_id ORDER BY n DESC, review_id",
            sighting_ids,
        ).fetchall()
        for row in rows:
            if row["review_id"] in claimed:
                continue
            found = self.conn.execute(
                "SELECT * FROM reviews WHERE id = ?", (row["review_id"],)
            ).fetchone()
            if found is not None:
                return found
        return None

    @staticmethod
    def _id_base(merged: dict, key: SubjectKey | None) -> str:
        """Area, subject (with its letters) and year: 'kent-child-a-2015'."""
        if key is not None and key.kind != "dated" and merged.get("name_text"):
            # The subject as the page words it, tidied: "children-a-and-b", "cpr-abcd-03-2020"
            name = slug(merged["name_text"])
        elif key is not None and key.kind != "dated":
            name = key.slug()
        else:
            name = slug(merged.get("name_key") or merged.get("title") or "review")
        if len(name) > 80:
            name = name[:81].rsplit("-", 1)[0]
        year = merged.get("published_year")
        parts = [slug(merged.get("area") or "unknown"), name]
        if year and not name.endswith(str(year)):
            parts.append(str(year))
        return "-".join(p for p in parts if p)

    def _claim_id(self, base: str, fingerprint: str, current: str | None, seen_at: str) -> str:
        """The group's id: ``base``, or ``base-2``… when other reviews share the base. The one
        whose first sighting id sorts first keeps ``base``, so the ids do not depend on harvest
        order; reviews whose id that changes are renamed, and their old ids resolve."""
        rows = self.conn.execute(
            "SELECT r.id, (SELECT min(rs.id) FROM review_sources rs WHERE rs.review_id = r.id) fp"
            " FROM reviews r WHERE r.id_base = ?",
            (base,),
        ).fetchall()
        others = {r["fp"]: r["id"] for r in rows if r["id"] != current and r["fp"]}
        others.pop(fingerprint, None)
        order = sorted([*others, fingerprint])
        wanted = {fp: base if n == 0 else f"{base}-{n + 1}" for n, fp in enumerate(order)}
        moves = [(old, wanted[fp]) for fp, old in others.items() if old != wanted[fp]]
        if current is not None and current != wanted[fingerprint]:
            moves.append((current, wanted[fingerprint]))
        targets = {new for _, new in moves} | {wanted[fingerprint]}
        planned = {old for old, _ in moves}
        for target in sorted(targets):
            if target in planned or target == current:
                continue  # its holder moves anyway, or is this group's own row
            holder = self.conn.execute("SELECT id FROM reviews WHERE id = ?", (target,)).fetchone()
            if holder:
                # Held by a row of another group not yet rewritten (a migration regrouping):
                # it steps aside and takes its own id when its group is written.
                self._move(target, f"~{target}")
        for old, _ in moves:
            self._move(old, f"~{old}")
        for old, new in moves:
            self._move(f"~{old}", new)
            self._alias(old, new, seen_at, "renamed")
        return wanted[fingerprint]

    def _move(self, old: str, new: str) -> None:
        """Give a review a new id; its sightings, documents and aliases follow."""
        if old == new:
            return
        for table, column in (("reviews", "id"), ("review_sources", "review_id"),
                              ("documents", "review_id"), ("id_aliases", "review_id"),
                              ("review_topics", "review_id")):  # fmt: skip
            self.conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))

    def _alias(self, old: str, new: str, since: str, why: str) -> None:
        """``old`` now resolves to ``new`` (and whatever resolved to ``old`` does too)."""
        old = old.lstrip("~")
        if old == new:
            return
        self.conn.execute("DELETE FROM id_aliases WHERE old_id = ?", (new,))
        self.conn.execute(
            "INSERT INTO id_aliases (old_id, review_id, since, why) VALUES (?,?,?,?)"
            " ON CONFLICT(old_id) DO UPDATE SET review_id=excluded.review_id, why=excluded.why",
            (old, new, since[:10], why),
        )
        self.conn.execute("UPDATE id_aliases SET review_id = ? WHERE review_id = ?", (new, old))

    def _rewrite_documents(self, ids: list[str], seen_at: str) -> None:
        """Each document listed by these sightings belongs to the review of the best sighting
        that lists it; its kind and title are that sighting's."""
        urls = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            urls |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT url FROM sighting_documents WHERE sighting_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            }
        for url in sorted(urls):
            listing = self.conn.execute(
                "SELECT sd.kind, sd.title, rs.review_id, rs.source, rs.source_kind, rs.fields,"
                " rs.url, rs.first_seen, rs.last_seen FROM sighting_documents sd"
                " JOIN review_sources rs ON rs.id = sd.sighting_id WHERE sd.url = ?",
                (url,),
            ).fetchall()
            if not listing:
                continue
            ordered = sorted(listing, key=_priority)
            best = ordered[0]
            kind = best["kind"]
            if kind == "other":
                kind = next((r["kind"] for r in ordered if r["kind"] != "other"), "other")
            title = next((r["title"] for r in ordered if r["title"]), None)
            existing = self.conn.execute("SELECT * FROM documents WHERE url = ?", (url,)).fetchone()
            if existing is None:
                self.conn.execute(
                    "INSERT INTO documents (url, review_id, kind, title, source, status,"
                    " first_seen, last_seen) VALUES (?,?,?,?,?,'available',?,?)",
                    (
                        url,
                        best["review_id"],
                        kind,
                        title,
                        best["source"],
                        min(r["first_seen"] for r in listing) or seen_at,
                        max(r["last_seen"] for r in listing) or seen_at,
                    ),
                )
                continue
            self.conn.execute(
                "UPDATE documents SET review_id = ?, kind = ?, title = ?, source = ?,"
                " last_seen = ? WHERE url = ?",
                (
                    best["review_id"],
                    kind,
                    title,
                    best["source"],
                    max(existing["last_seen"] or "", *(r["last_seen"] or "" for r in listing)),
                    url,
                ),
            )

    def resolve(self, review_id: str) -> str | None:
        """The review an id stands for now (itself, or the review an old id became)."""
        if self.conn.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone():
            return review_id
        row = self.conn.execute(
            "SELECT review_id FROM id_aliases WHERE old_id = ?", (review_id,)
        ).fetchone()
        return row[0] if row else None

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
