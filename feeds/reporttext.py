"""Search inside the archived reports' text: each hit is one page of one report, with the
review it belongs to, the page number and a highlighted snippet, linked to the archived copy at
that page. Withheld reviews' reports are never searched (their text is deleted as well).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from crawler.archivestore import PUBLIC_COPY, extension_of

from .digest import DOCUMENT_LABELS, REVIEW_TYPE_LABELS
from .search import _END, _START, FACET_LIMIT, PAGE_SIZE, filter_clauses, fts_query, snippet_html


@dataclass
class TextResult:
    query: str
    count: int = 0  # matching pages
    at_least: bool = False  # a filtered broad search: more than ``count`` pages, not counted
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
    clauses, params = filter_clauses(filters)
    where = " AND ".join([PUBLIC_COPY, *clauses])
    return (
        f"SELECT d.sha256 FROM documents d JOIN reviews r ON r.id = d.review_id WHERE {where}",
        params,
    )


def search_text(
    conn: sqlite3.Connection,
    text: str | None,
    filters: dict[str, str] | None = None,
    page: int = 1,
    size: int = PAGE_SIZE,
    count_only: bool = False,
) -> TextResult:
    """Pages of archived reports that contain ``text``, best first.

    As in the catalogue search, a word on more than FACET_LIMIT pages is ranked over the
    FACET_LIMIT most recently archived pages that have it (the page says so), and then the
    number of reports is not counted. Only archived reports of reviews that are not withheld
    have text at all; every hit is checked again before it is shown."""
    result = TextResult(text or "", page=max(1, page))
    query = fts_query(text)
    if not query:
        return result
    filters = {k: v for k, v in (filters or {}).items() if v}
    base = " FROM document_pages_fts f CROSS JOIN document_pages p ON p.rowid = f.rowid"
    where, args = " WHERE document_pages_fts MATCH ?", [query]
    if filters:  # only the reports of the reviews the filters choose
        public, pargs = _public(filters)
        where += f" AND p.sha256 IN ({public})"
        args += pargs
    try:
        everywhere = conn.execute(
            "SELECT count(*) FROM document_pages_fts WHERE document_pages_fts MATCH ?", [query]
        ).fetchone()[0]
        if count_only and not filters:  # the catalogue tab's count of report-text pages
            result.count = everywhere
            return result
        floor = None
        if everywhere > FACET_LIMIT:
            # The FACET_LIMIT most recently archived matching pages (rowid order is free).
            found = conn.execute(
                f"SELECT f.rowid{base}{where} ORDER BY f.rowid DESC LIMIT 1 OFFSET {FACET_LIMIT - 1}",
                args,
            ).fetchone()
            floor = found[0] if found else None
        if not filters:
            result.count = everywhere
        elif floor is not None and everywhere > 5 * FACET_LIMIT:
            result.count, result.at_least = FACET_LIMIT, True  # counting them all costs too much
        else:
            result.count = conn.execute(f"SELECT count(*){base}{where}", args).fetchone()[0]
        if count_only:
            return result
        if floor is not None:
            where += " AND f.rowid >= ?"
            args.append(floor)
            result.sampled = True
        else:
            result.reports = conn.execute(
                f"SELECT count(DISTINCT p.sha256){base}{where}", args
            ).fetchone()[0]
        rows = conn.execute(
            f"SELECT p.sha256, p.page, snippet(document_pages_fts, 0, ?, ?, '…', 24){base}{where}"
            " ORDER BY f.rank LIMIT ? OFFSET ?",
            [_START, _END, *args, size, (result.page - 1) * size],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        result.errors.append(f"The search could not be run: {exc}")
        return result
    found = describe_many(conn, sorted({sha for sha, _, _ in rows}), filters)
    for sha, number, snip in rows:
        if sha in found:  # (a review withheld since its text was stored shows nothing)
            result.hits.append({**found[sha], "page": number, "snippet": snippet_html(snip)})
    return result


def describe_many(
    conn: sqlite3.Connection, hashes: list[str], filters: dict[str, str] | None = None
) -> dict[str, dict]:
    """The review and document each archived file stands for (the first public one)."""
    if not hashes:
        return {}
    clauses, params = filter_clauses({k: v for k, v in (filters or {}).items() if v})
    where = " AND ".join([f"d.sha256 IN ({','.join('?' * len(hashes))})", PUBLIC_COPY, *clauses])
    rows = conn.execute(
        "SELECT r.id, r.title, r.area, r.published, r.published_year, r.review_type, d.kind,"
        " d.title, d.content_type, d.url, d.status, d.gone_since, d.sha256 FROM documents d"
        f" JOIN reviews r ON r.id = d.review_id WHERE {where} ORDER BY d.first_seen DESC, d.url DESC",
        [*hashes, *params],
    ).fetchall()
    found = {}
    for row in rows:  # the earliest seen wins: later rows overwrite
        found[row[12]] = {
            "review_id": row[0],
            "title": row[1] or row[0],
            "area": row[2],
            "published": row[3],
            "year": row[4],
            "type": REVIEW_TYPE_LABELS.get(row[5] or "other", row[5]),
            "kind": DOCUMENT_LABELS.get(row[6] or "other", "Document"),
            "document_title": row[7],
            "sha256": row[12],
            "extension": extension_of(row[8]),
            "content_type": row[8],
            "original": row[9],
            "gone": row[10] == "gone",
            "gone_since": row[11],
        }
    return found


def describe(conn: sqlite3.Connection, sha: str, filters: dict[str, str] | None = None):
    """The review and document an archived file stands for (the first public one), or None."""
    return describe_many(conn, [sha], filters).get(sha)
