"""Search inside the archived reports' text: each hit is one page of one report, with the
review it belongs to, the page number and a highlighted snippet, linked to the archived copy at
that page. Withheld reviews' reports are never searched (their text is deleted as well).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from crawler.archivestore import WITHHELD_REVIEW_STATUSES

from .digest import REVIEW_TYPE_LABELS
from .search import _END, _START, FACET_LIMIT, PAGE_SIZE, _filters, fts_query, snippet_html

EXTENSIONS = {"application/pdf": "pdf"}
KIND_LABELS = {
    "full_report": "Report",
    "executive_summary": "Summary",
    "learning_brief": "Learning brief",
    "action_plan": "Action plan",
    "response": "Response",
    "committee_report": "Committee report",
    "other": "Document",
}


@dataclass
class TextResult:
    query: str
    count: int = 0  # matching pages
    reports: int = 0  # in how many reports
    hits: list[dict] = field(default_factory=list)
    page: int = 1
    sampled: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // PAGE_SIZE))


def _public(filters: dict[str, str]) -> tuple[str, list]:
    """The archived files that may be searched and served: of reviews that are not withheld,
    and that meet the search's filters."""
    clauses, params = _filters(filters)
    marks = ",".join("?" * len(WITHHELD_REVIEW_STATUSES))
    where = " AND ".join(
        ["d.archive_status = 'archived'", f"coalesce(r.status, '') NOT IN ({marks})", *clauses]
    )
    return (
        f"SELECT d.sha256 FROM documents d JOIN reviews r ON r.id = d.review_id WHERE {where}",
        [*WITHHELD_REVIEW_STATUSES, *params],
    )


def search_text(
    conn: sqlite3.Connection,
    text: str | None,
    filters: dict[str, str] | None = None,
    page: int = 1,
    size: int = PAGE_SIZE,
) -> TextResult:
    """Pages of archived reports that contain ``text``, best first.

    As in the catalogue search, a word on more than FACET_LIMIT pages is ranked over the
    FACET_LIMIT most recently archived pages that have it (the page says so)."""
    result = TextResult(text or "", page=max(1, page))
    query = fts_query(text)
    if not query:
        return result
    public, pargs = _public({k: v for k, v in (filters or {}).items() if v})
    matches = (
        "SELECT p.rowid, p.sha256 FROM document_pages_fts f CROSS JOIN document_pages p"
        f" ON p.rowid = f.rowid WHERE document_pages_fts MATCH ? AND p.sha256 IN ({public})"
    )
    margs = [query, *pargs]
    try:
        result.count, result.reports = conn.execute(
            f"SELECT count(*), count(DISTINCT sha256) FROM ({matches})", margs
        ).fetchone()
        where, args = "", []
        if result.count > FACET_LIMIT:
            floor = conn.execute(
                f"SELECT rowid FROM ({matches}) ORDER BY rowid DESC LIMIT 1 OFFSET"
                f" {FACET_LIMIT - 1}",
                margs,
            ).fetchone()[0]
            where, args = " AND f.rowid >= ?", [floor]
            result.sampled = True
        rows = conn.execute(
            "SELECT p.sha256, p.page, snippet(document_pages_fts, 0, ?, ?, '…', 24)"
            " FROM document_pages_fts f CROSS JOIN document_pages p ON p.rowid = f.rowid"
            f" WHERE document_pages_fts MATCH ? AND p.sha256 IN ({public}){where}"
            " ORDER BY f.rank LIMIT ? OFFSET ?",
            [_START, _END, query, *pargs, *args, size, (result.page - 1) * size],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        result.errors.append(f"The search could not be run: {exc}")
        return result
    for sha, number, snip in rows:
        doc = describe(conn, sha, filters)
        if doc is None:
            continue
        result.hits.append({**doc, "page": number, "snippet": snippet_html(snip)})
    return result


def describe(conn: sqlite3.Connection, sha: str, filters: dict[str, str] | None = None):
    """The review and document an archived file stands for (the first public one), or None."""
    public, pargs = _public({k: v for k, v in (filters or {}).items() if v})
    row = conn.execute(
        "SELECT r.id, r.title, r.area, r.published, r.published_year, r.review_type, d.kind,"
        " d.title, d.content_type, d.url, d.status, d.gone_since FROM documents d"
        " JOIN reviews r ON r.id = d.review_id"
        f" WHERE d.sha256 = ? AND d.sha256 IN ({public}) ORDER BY d.first_seen, d.url LIMIT 1",
        [sha, *pargs],
    ).fetchone()
    if row is None:
        return None
    return {
        "review_id": row[0],
        "title": row[1] or row[0],
        "area": row[2],
        "published": row[3],
        "year": row[4],
        "type": REVIEW_TYPE_LABELS.get(row[5] or "other", row[5]),
        "kind": KIND_LABELS.get(row[6] or "other", "Document"),
        "document_title": row[7],
        "sha256": sha,
        "extension": EXTENSIONS.get(row[8] or "", "docx"),
        "content_type": row[8],
        "original": row[9],
        "gone": row[10] == "gone",
        "gone_since": row[11],
    }
