"""One feed, RSS or Atom from the same path and the same rows: everything, or a nation, a
type, an area, a topic or a search. Titles say what the feed is; links are absolute; a search
feed quotes its words for FTS5, so no query can be a syntax error."""

from __future__ import annotations

import sqlite3

from crawler.normalise.topics import BY_SLUG

from .archive_links import fallback, in_place, one_per_file
from .digest import REVIEW_TYPE_LABELS
from .rss import FeedItem, parse_documents, parse_list, parse_pubdate
from .search import fts_query

FEED_SIZE = 100
PARAMS = ("q", "nation", "type", "area", "topic")


def feed_title(params: dict[str, str]) -> str:
    """'scr-digest: reviews in Wales', "scr-digest: search 'neglect'", …"""
    parts = []
    if params.get("type"):
        parts.append(REVIEW_TYPE_LABELS.get(params["type"], params["type"]).lower())
    else:
        parts.append("reviews")
    if params.get("nation"):
        parts.append(f"in {params['nation']}")
    if params.get("area"):
        parts.append(f"in {params['area']}")
    if params.get("topic"):
        topic = BY_SLUG.get(params["topic"])
        parts.append(f"on {(topic.label if topic else params['topic']).lower()}")
    title = " ".join(parts)
    if params.get("q"):
        title = f"search '{params['q']}'" + ("" if title == "reviews" else f", {title}")
    elif title == "reviews":
        title = "all new reviews"
    return f"scr-digest: {title}"


def feed_rows(conn: sqlite3.Connection, params: dict[str, str]) -> list[dict]:
    """The newest reviews first found that match ``params`` (at most FEED_SIZE)."""
    clauses, args = [], []
    query = fts_query(params.get("q"))
    if params.get("q") and not query:
        return []
    if query:
        clauses.append("r.rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)")
        args.append(query)
    if params.get("nation"):
        clauses.append("r.nation = ?")
        args.append(params["nation"])
    if params.get("type"):
        clauses.append("r.review_type = ?")
        args.append(params["type"])
    if params.get("area"):
        clauses.append("(r.area = ? COLLATE NOCASE OR r.area_code = ?)")
        args += [params["area"], params["area"]]
    if params.get("topic"):
        clauses.append("r.rowid IN (SELECT review_rowid FROM review_topics WHERE topic = ?)")
        args.append(params["topic"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        "SELECT r.id, coalesce(r.guid, r.id) AS guid, r.title, r.published_year, r.first_seen,"
        " r.summary, r.themes, r.status, (SELECT json_group_array(json_object('url', d.url,"
        " 'kind', d.kind, 'title', d.title, 'status', d.status, 'gone_since', d.gone_since,"
        " 'archive_status', d.archive_status, 'sha256', d.sha256, 'content_type',"
        " d.content_type)) FROM documents d WHERE d.review_id = r.id) AS documents"
        f" FROM reviews r{where} ORDER BY r.first_seen DESC, r.published DESC, r.id DESC"
        f" LIMIT {FEED_SIZE}",
        args,
    ).fetchall()
    return [dict(r) for r in rows]


def feed_items(rows: list[dict], link_for, archive_url=None) -> list[FeedItem]:
    """Feed items; ``link_for(review_id)`` gives a review page's absolute URL, and
    ``archive_url(path)`` an archived copy's (which stands in for an original that is gone)."""
    items = []
    for row in rows:
        documents = one_per_file(parse_documents(row.get("documents")))
        if archive_url is not None:
            for n, doc in enumerate(documents):
                path, note = fallback(doc, row.get("status"))
                if path:
                    documents[n] = in_place(doc, path, note, archive_url)
        title = row["title"] or row["id"]
        if row.get("published_year"):
            title += f" ({row['published_year']})"
        items.append(
            FeedItem(
                guid=f"scr-digest:review:{row['guid']}",
                title=title,
                link=link_for(row["id"]),
                pubdate=parse_pubdate(row.get("first_seen")),
                description=row.get("summary"),
                categories=parse_list(row.get("themes")),
                documents=documents,
            )
        )
    return items
