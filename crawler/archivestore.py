"""The database side of the document archive: which documents are due a download, what each
download gave, the report text, the withheld rule and the gaps a report may fill.

``ReviewStore`` mixes this in; it uses ``self.conn`` and ``self.transaction()``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

# A review withdrawn or never released (for example to protect a family): its documents'
# archived copies and text are never served, fed, exported or searched.
WITHHELD_REVIEW_STATUSES = ("unpublished",)
FINAL = ("archived", "too_large", "not_a_document", "withheld")
# The documents whose archived copy and text may be served, fed, exported or searched
# (``d``: documents, ``r``: its review).
PUBLIC_COPY = (
    "d.archive_status = 'archived' AND coalesce(r.status, '') NOT IN ("
    + ", ".join(f"'{status}'" for status in WITHHELD_REVIEW_STATUSES)
    + ")"
)
MAX_BACKOFF_DAYS = 30


def retry_after(attempts: int, now: datetime) -> str:
    """When a failed download is tried again: 1, 2, 4 … days after, at most a month."""
    days = min(2 ** max(attempts - 1, 0), MAX_BACKOFF_DAYS)
    return (now + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def extension_of(content_type: str | None) -> str:
    """An archived file's extension: every archived file is a PDF or a Word (DOCX) file."""
    return "pdf" if content_type == "application/pdf" else "docx"


def archive_path(sha256: str, extension: str) -> str:
    """Where a file lives in the archive: ``<aa>/<sha256>.<ext>``."""
    return f"{sha256[:2]}/{sha256}.{extension}"


class ArchiveRecords:
    def archive_due(self, urls: list[str], now: str) -> list[str]:
        """Of these document URLs, those to download now: never tried, changed since they were
        archived, or failed with their retry time passed. Never a withheld review's."""
        if not urls:
            return []
        marks = ",".join("?" * len(urls))
        rows = self.conn.execute(
            f"SELECT d.url, d.archive_status, d.archive_retry, r.status FROM documents d"
            f" LEFT JOIN reviews r ON r.id = d.review_id WHERE d.url IN ({marks})",
            urls,
        ).fetchall()
        due = []
        for row in rows:
            if row["status"] in WITHHELD_REVIEW_STATUSES:
                continue
            if row["archive_status"] in FINAL and row["archive_status"] != "withheld":
                continue  # (a withheld review made public again is archived again)
            if row["archive_status"] == "failed" and (row["archive_retry"] or "") > now:
                continue
            due.append(row["url"])
        return sorted(due)

    def record_archive(self, url: str, values: dict) -> None:
        """What one download gave (``values``: columns of ``documents``)."""
        columns = ", ".join(f"{k} = ?" for k in values)
        with self.transaction():
            self.conn.execute(
                f"UPDATE documents SET {columns} WHERE url = ?", [*values.values(), url]
            )

    def record_failure(
        self, url: str, status: str, note: str, fetched: str, answered: bool = True
    ) -> None:
        """A failed (retried later, with backoff) or too-large download. When the site
        ``answered``, that was a check of the document as well: no HEAD for a week."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT archive_attempts FROM documents WHERE url = ?", (url,)
            ).fetchone()
            if row is None:
                return
            attempts = (row[0] or 0) + 1
            when = datetime.strptime(fetched, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            self.conn.execute(
                "UPDATE documents SET archive_status = ?, archive_note = ?, archive_attempts = ?,"
                " archive_retry = ?, checked = CASE WHEN ? THEN ? ELSE checked END WHERE url = ?",
                (status, note, attempts, retry_after(attempts, when) if status == "failed" else None,
                 answered, fetched, url),
            )  # fmt: skip

    def document_changed(self, url: str, etag: str | None, last_modified: str | None) -> bool:
        """A re-check's validators against the archived copy's: when the publisher has put a
        new file at the same URL, the document is due a download again (the old copy stays,
        under its own hash, until the new one replaces it)."""
        row = self.conn.execute(
            "SELECT archive_status, etag, last_modified FROM documents WHERE url = ?", (url,)
        ).fetchone()
        if row is None or row["archive_status"] != "archived":
            return False
        changed = (etag and row["etag"] and etag != row["etag"]) or (
            last_modified and row["last_modified"] and last_modified != row["last_modified"]
        )
        if changed:
            with self.transaction():
                self.conn.execute(
                    "UPDATE documents SET archive_status = NULL,"
                    " archive_note = 'changed since it was archived' WHERE url = ?",
                    (url,),
                )
        return bool(changed)

    def forget_if_orphan(self, sha256: str | None, archive_dir: Path | None) -> bool:
        """Remove a file and its text once no document refers to it (a replaced version)."""
        if not sha256:
            return False
        if self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone():
            return False
        with self.transaction():
            self.conn.execute("DELETE FROM document_pages WHERE sha256 = ?", (sha256,))
        if archive_dir is not None:
            for path in Path(archive_dir, sha256[:2]).glob(f"{sha256}.*"):
                path.unlink(missing_ok=True)
        return True

    def store_pages(self, sha256: str, pages: list[str]) -> None:
        """A report's text, once per distinct file (the same report from three sites is
        stored and searched once)."""
        with self.transaction():
            if self.conn.execute(
                "SELECT 1 FROM document_pages WHERE sha256 = ? LIMIT 1", (sha256,)
            ).fetchone():
                return
            self.conn.executemany(
                "INSERT INTO document_pages (sha256, page, text) VALUES (?, ?, ?)",
                [(sha256, number, text) for number, text in enumerate(pages, 1) if text],
            )

    def fill_from_report(self, url: str, facts) -> list[str]:
        """Fill the review's gaps (and only its gaps) from its report's front page, recording
        where each value came from in ``reviews.from_report``. Returns the fields filled."""
        filled = []
        with self.transaction():
            review = self.conn.execute(
                "SELECT r.* FROM reviews r JOIN documents d ON d.review_id = r.id"
                " WHERE d.url = ? AND d.kind IN ('full_report', 'executive_summary', 'other')",
                (url,),
            ).fetchone()
            if review is None:
                return []
            provenance = json.loads(review["from_report"] or "{}")
            changes = {}
            if not review["published"] and facts.published:
                changes["published"] = facts.published
                changes["published_year"] = int(facts.published[:4])
                provenance["published"] = facts.provenance["published"]
            if not review["review_type"] and facts.review_type:
                changes["review_type"] = facts.review_type
                provenance["review_type"] = facts.provenance["review_type"]
            if not changes:
                return []
            changes["from_report"] = json.dumps(provenance, sort_keys=True)
            assignments = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE reviews SET {assignments} WHERE id = ?", [*changes.values(), review["id"]]
            )
            filled = [k for k in provenance if k in changes]
        return filled

    def withhold(self, archive_dir: Path | None, keep_files: bool = False) -> int:
        """Apply the withheld rule: every document of a withheld review is marked withheld; its
        text is deleted, and its file too unless ``keep_files`` (or another, public review
        shares the same file). Returns how many documents it withheld now."""
        marks = ",".join("?" * len(WITHHELD_REVIEW_STATUSES))
        with self.transaction():
            rows = self.conn.execute(
                f"SELECT d.url, d.sha256, d.content_type FROM documents d JOIN reviews r"
                f" ON r.id = d.review_id WHERE r.status IN ({marks})"
                f" AND coalesce(d.archive_status, '') != 'withheld'",
                WITHHELD_REVIEW_STATUSES,
            ).fetchall()
            for row in rows:
                self.conn.execute(
                    "UPDATE documents SET archive_status = 'withheld',"
                    " archive_note = 'the review is withheld' WHERE url = ?",
                    (row["url"],),
                )
            hashes = {r["sha256"] for r in rows if r["sha256"]}
            orphans = [h for h in sorted(hashes) if not self.public_copy(h)]
            for sha in orphans:
                self.conn.execute("DELETE FROM document_pages WHERE sha256 = ?", (sha,))
        if archive_dir is not None and not keep_files:
            for sha in orphans:
                for path in Path(archive_dir, sha[:2]).glob(f"{sha}.*"):
                    path.unlink(missing_ok=True)
        return len(rows)

    def public_copy(self, sha256: str):
        """A document row that may be served with this file (archived, of a review that is
        not withheld), or None."""
        return self.conn.execute(
            "SELECT d.* FROM documents d JOIN reviews r ON r.id = d.review_id"
            f" WHERE d.sha256 = ? AND {PUBLIC_COPY} LIMIT 1",
            (sha256,),
        ).fetchone()
