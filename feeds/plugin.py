"""The Datasette plugin: the digest pages, the RSS renderer, canned queries and readable rows."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from urllib.parse import urlsplit

import datasette_atom
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from crawler.normalise.text import document_tail

from . import pages, queries, rss
from .archive_links import copy_path, fallback, in_place, one_per_file
from .digest import (
    DOCUMENT_LABELS,
    STATUS_LABELS,
    build_digest,
    digest_month,
    latest_month,
    month_name,
    parse_month,
    render_markdown,
    safe_link,
)

REVIEWS_TABLE = "reviews"


def _database(datasette):
    """The review database: the one named ``reviews``, else the first attached."""
    names = [n for n in datasette.databases if not n.startswith("_")]
    if not names:
        raise NotFound("No review database is attached")
    return datasette.get_database("reviews" if "reviews" in names else names[0])


async def _digest(datasette, month: str):
    try:
        year, number = digest_month(month)
    except ValueError as exc:
        raise NotFound(str(exc)) from exc
    db = _database(datasette)
    return db, await db.execute_fn(lambda conn: build_digest(conn, year, number))


async def digest_latest(datasette, request):
    """This month's digest when it has reviews; otherwise the latest month that has any,
    saying so."""
    db = _database(datasette)
    today = date.today()
    current = f"{today.year:04d}-{today.month:02d}"
    month = await db.execute_fn(lambda conn: latest_month(conn))
    notice = None
    if month != current:
        notice = (
            f"No reviews yet for {month_name(today.year, today.month)}: this is {month_name(*parse_month(month))},"
            " the latest month that has any."
        )
    return await _digest_response(datasette, request, month, notice)


async def digest_page(datasette, request):
    return await _digest_response(datasette, request, request.url_vars["month"], None)


async def _digest_response(datasette, request, month: str, notice: str | None):
    db, digest = await _digest(datasette, month)
    path = datasette.urls.path
    html = await datasette.render_template(
        "digest.html",
        {
            "digest": digest,
            "database": db.name,
            "notice": notice,
            "feed_url": path(f"/digest/{digest.key}.rss"),
            "feed": {
                "title": f"scr-digest: {digest.title}",
                "rss": path(f"/digest/{digest.key}.rss"),
                "atom": None,
            },
            "markdown_url": path(f"/digest/{digest.key}.md"),
            "months_url": path("/digest/months"),
            "table_url": datasette.urls.database(db.name) + f"/reviews_in_month?month={digest.key}",
            "page_url": path("/digest/"),
            "review_base": datasette.urls.table(db.name, REVIEWS_TABLE) + "/",
            "archive_base": path("/").rstrip("/"),
        },
        request=request,
    )
    return Response.html(html)


async def digest_markdown(datasette, request):
    _, digest = await _digest(datasette, request.url_vars["month"])
    site = datasette.absolute_url(request, datasette.urls.path("/"))
    return Response(
        render_markdown(digest, site_url=site),
        content_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="digest-{digest.key}.md"'},
    )


async def digest_rss(datasette, request):
    db, digest = await _digest(datasette, request.url_vars["month"])

    def absolute(path: str) -> str:
        return datasette.absolute_url(request, path)

    items = [
        rss.FeedItem(
            guid=f"scr-digest:review:{review.guid or review.id}",
            title=review.title + (f" ({review.year})" if review.year else ""),
            link=absolute(f"{datasette.urls.table(db.name, REVIEWS_TABLE)}/{review.id}"),
            pubdate=rss.parse_pubdate(review.first_seen),
            description=review.summary,
            categories=review.themes,
            documents=[
                in_place(
                    doc, doc["archive"], doc["note"], lambda p: absolute(datasette.urls.path(p))
                )
                if doc.get("archive")
                else doc
                for doc in review.documents
            ],
        )
        for review in digest.reviews
    ]
    body = rss.feed_xml(
        items,
        title=f"scr-digest: {digest.title}",
        link=absolute(datasette.urls.path(f"/digest/{digest.key}")),
        description="Reviews first published, or newly found, in the month.",
        self_url=absolute(request.path),
    )
    return Response(body, content_type="application/rss+xml; charset=utf-8")


# Set by `scr serve`: whatever its file is called, the database is served as ``reviews`` (the
# name metadata.yml, the review page template and every link are written for).
SERVE_AS_REVIEWS = "SCR_SERVE_AS_REVIEWS"


@hookimpl
def prepare_connection(conn):
    # The canned search feed reads its words as the search page does (feeds.queries).
    from .search import fts_query

    conn.create_function("scr_fts", 1, lambda text: fts_query(text), deterministic=True)


@hookimpl
def startup(datasette):
    import os

    names = [n for n in datasette.databases if not n.startswith("_")]
    if os.environ.get(SERVE_AS_REVIEWS) != "1" or names == ["reviews"] or len(names) != 1:
        return
    db = datasette.databases[names[0]]
    datasette.remove_database(names[0])
    datasette.add_database(db, name="reviews")


@hookimpl
def register_routes():
    return [
        (r"^/search$", pages.search_page),
        (r"^/trends$", pages.trends_page),
        (r"^/trends\.csv$", pages.trends_csv),
        (r"^/about$", pages.about_page),
        (r"^/archive/(?P<sha>[0-9a-f]{64})(?:\.(?P<ext>pdf|docx))?$", pages.archive_file),
        (r"^/feed\.(?P<format>rss|atom)$", pages.feed_route),
        (r"^/digest/months/?$", pages.months_page),
        (r"^/digest/?$", digest_latest),
        (r"^/digest/(?P<month>\d{4}-\d{2})\.rss$", digest_rss),
        (r"^/digest/(?P<month>\d{4}-\d{2})\.md$", digest_markdown),
        (r"^/digest/(?P<month>[^/.]+)/?$", digest_page),
    ]


_ROW = re.compile(rf"^/(?P<db>[^/]+)/{REVIEWS_TABLE}/(?P<id>[a-z0-9-]+)(?P<suffix>\.\w+)?$")


_OLD_FEED = re.compile(
    r"^/(?P<db>[^/]+)/feed(?:_(?P<kind>nation|type|area|theme|search))?\.(?P<ext>rss|atom)$"
)
# The canned feed queries of earlier releases, and what each parameter is now.
_OLD_FEED_PARAMS = {"nation": "nation", "review_type": "type", "area": "area", "theme": "q",
                    "q": "q"}  # fmt: skip


def _old_feed(datasette, scope) -> str | None:
    """Where a feed of an earlier release lives now: one feed path, the same items."""
    m = _OLD_FEED.match(scope.get("path", ""))
    if not m or m["db"] not in datasette.databases:
        return None
    from urllib.parse import parse_qsl, urlencode

    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
    params = {_OLD_FEED_PARAMS[k]: v for k, v in pairs if k in _OLD_FEED_PARAMS and v}
    query = ("?" + urlencode(params)) if params else ""
    return datasette.urls.path(f"/feed.{m['ext']}") + query


async def _redirect(send, location: str) -> None:
    await send({"type": "http.response.start", "status": 301,
                "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")]})  # fmt: skip
    await send({"type": "http.response.body", "body": b""})


@hookimpl
def asgi_wrapper(datasette):
    """An id a review no longer has (renamed when a better sighting changed its subject or
    year, or merged into another) redirects to the review's page: old links and feed items
    keep working."""

    def wrap(app):
        async def redirect_old_ids(scope, receive, send):
            old_feed = _old_feed(datasette, scope) if scope.get("type") == "http" else None
            if old_feed:
                await _redirect(send, old_feed)
                return
            m = _ROW.match(scope.get("path", "")) if scope.get("type") == "http" else None
            if m and m["db"] in datasette.databases:
                target = await _alias_of(datasette.get_database(m["db"]), m["id"])
                if target:
                    query = scope.get("query_string", b"").decode("latin-1")
                    location = f"/{m['db']}/{REVIEWS_TABLE}/{target}{m['suffix'] or ''}"
                    location += f"?{query}" if query else ""
                    await send({"type": "http.response.start", "status": 301,
                                "headers": [(b"location", location.encode("latin-1")),
                                            (b"content-length", b"0")]})  # fmt: skip
                    await send({"type": "http.response.body", "body": b""})
                    return
            await app(scope, receive, send)

        return redirect_old_ids

    return wrap


async def _alias_of(db, review_id: str) -> str | None:
    """The review an old id became, when no review has that id now."""
    tables = await db.table_names()
    if "id_aliases" not in tables:
        return None
    here = await db.execute(f"select 1 from {REVIEWS_TABLE} where id = ?", [review_id])
    if here.rows:
        return None
    found = await db.execute("select review_id from id_aliases where old_id = ?", [review_id])
    return found.rows[0][0] if found.rows else None


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["monthname"] = lambda key: month_name(*parse_month(key))
    env.globals["status_labels"] = STATUS_LABELS


@hookimpl(trylast=True)
def register_output_renderer():
    # Registered last, so that our ".atom" (datasette-atom's, plus a valid empty feed) wins.
    return [
        {"extension": "rss", "render": rss.render_rss, "can_render": rss.can_render_rss},
        {"extension": "atom", "render": render_atom, "can_render": datasette_atom.can_render_atom},
    ]


def render_atom(
    datasette, request, sql, columns, rows, database, table, query_name, view_name, data
):
    """datasette-atom's Atom feed; a feed with nothing in it yet is an empty feed, not a 500."""
    if rows:
        return datasette_atom.render_atom(
            datasette, request, sql, columns, rows, database, table, query_name, view_name, data
        )
    if not datasette_atom.can_render_atom(columns):
        return datasette_atom.render_atom(
            datasette, request, sql, columns, rows, database, table, query_name, view_name, data
        )
    from datetime import UTC, datetime

    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(request.url)
    fg.link(href=request.url, rel="self")
    fg.title(f"scr-digest: {query_name or table or 'query'}")
    fg.updated(datetime.now(UTC))
    return Response(fg.atom_str(pretty=True), content_type="application/xml; charset=utf-8")


@hookimpl
def canned_queries(database):
    return queries.canned_queries(database)


@hookimpl
def menu_links(datasette):
    path = datasette.urls.path
    return [
        {"href": path("/search"), "label": "Search"},
        {"href": path("/digest"), "label": "Monthly digest"},
        {"href": path("/trends"), "label": "Trends"},
        {"href": path("/about"), "label": "About the data"},
    ]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("scr-digest", "scr-digest.css")]


def _json_list(value) -> list[str] | None:
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    return [str(i) for i in items] if isinstance(items, list) else None


@hookimpl
def render_cell(value, column, table):
    """Themes and keywords as lists, not raw JSON; document links only when they are http(s)."""
    if column in ("themes", "keywords", "area_codes"):
        items = _json_list(value)
        if items is not None:
            if not items:
                return Markup('<span class="scr-none">–</span>')
            return Markup('<ul class="scr-tags">{}</ul>').format(
                Markup("").join(Markup("<li>{}</li>").format(i) for i in items)
            )
    if table == "documents" and column == "url" and isinstance(value, str):
        link = safe_link(value)
        if link is None:
            return Markup("{}").format(value)
        return Markup('<a href="{}" rel="noopener nofollow">{}</a>').format(link, value)
    if table == "review_sources" and column == "fields" and isinstance(value, str):
        try:
            fields = json.loads(value)
        except ValueError:
            return None
        if isinstance(fields, dict):
            return Markup('<dl class="scr-fields">{}</dl>').format(
                Markup("").join(
                    Markup("<dt>{}</dt><dd>{}</dd>").format(
                        k, v if not isinstance(v, list) else "; ".join(map(str, v))
                    )
                    for k, v in fields.items()
                )
            )
    return None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != REVIEWS_TABLE:
        return {}

    async def inner():
        pk = (request.url_vars or {}).get("pks", "")
        db = datasette.get_database(database)
        return await db.execute_fn(lambda conn: review_page_data(conn, pk, datasette, db.name))

    return inner


def _with_source(review: dict, field: str) -> str | None:
    """A value, with where it came from when a report (not a listing) gave it."""
    value = review.get(field)
    provenance = _json_obj(review.get("from_report")).get(field)
    return f"{value} ({provenance})" if value and provenance else value


def _json_obj(value) -> dict:
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _document_view(doc: dict, review_status: str | None, datasette) -> dict:
    """A document as the review page lists it: its original link, or the archived copy when
    the original is gone; and the archived copy beside it (never a withheld review's)."""
    archived = copy_path(doc, review_status)
    instead, note = fallback(doc, review_status)
    link = safe_link(doc["url"])
    if instead:
        link = datasette.urls.path(instead)
    return {
        **doc,
        "link": link,
        "note": note,
        "archive_link": datasette.urls.path(archived) if archived and not instead else None,
        "archive_label": (
            f"archived copy, {doc['pages']} page{'s' if doc['pages'] != 1 else ''}"
            if doc.get("pages")
            else "archived copy"
        )
        + ("; scanned, no searchable text" if doc.get("text_status") == "no_text_layer" else ""),
        "label": (label := DOCUMENT_LABELS.get(doc["kind"] or "other", "Document")),
        "tail": document_tail(label, doc.get("title")),
        # The same file at other addresses (one_per_file).
        "also": [
            (_address_label(url, doc["url"]), url)
            for url in filter(None, map(safe_link, doc.get("mirrors", ())))
        ],
    }


def _address_label(url: str, beside: str) -> str:
    """A mirror's address, short: its host, or on the host of the link beside it, its file."""
    parts = urlsplit(url)
    if parts.hostname and parts.hostname != urlsplit(beside).hostname:
        return parts.hostname
    return parts.path.rstrip("/").rsplit("/", 1)[-1] or url


def _type_label(kind: str | None, nation: str | None = None) -> str:
    from crawler.normalise.vocabulary import type_label

    label = type_label(kind, nation)
    if (kind or "other") == "other":
        label = "thematic or other review"  # "other" also holds MALRs and partnership reviews
    return label[:1].upper() + label[1:]


def review_page_data(conn, pk: str, datasette, database: str) -> dict:
    """Everything a review's page shows; every optional column may be empty."""
    from crawler.normalise.topics import BY_SLUG

    from .search import similar

    conn.row_factory = sqlite3.Row
    row = conn.execute("select * from reviews where id = ?", [pk]).fetchone()
    review_base = datasette.urls.table(database, REVIEWS_TABLE) + "/"
    if row is None:
        return {"review": None, "review_base": review_base}
    review = dict(row)
    facts = [
        ("Area", review.get("area")),
        (
            "Type",
            _type_label(review.get("review_type"), review.get("nation")),
        ),
        ("Nation", review.get("nation")),
        ("Published", _with_source(review, "published") or "date not given"),
        ("Status", STATUS_LABELS.get(review.get("status") or "published")),
        ("Incident", (review.get("incident") or "").replace("_", " ")),
        ("Age", review.get("age_text")),
        ("Sex", review.get("sex")),
        ("Subject", review.get("pseudonym")),
        ("Author", review.get("author")),
    ]
    topics = [t for t in (_json_list(review.get("topics")) or []) if t in BY_SLUG]
    review.update(
        facts=[(label, value) for label, value in facts if value],
        type_label=_type_label(review.get("review_type"), review.get("nation")),
        themes=_json_list(review.get("themes")) or [],
        keywords=_json_list(review.get("keywords")) or [],
        topics=[
            (t, BY_SLUG[t].label, datasette.urls.path("/search") + f"?topic={t}") for t in topics
        ],
        json_url=f"{review_base}{pk}.json",
    )
    documents = conn.execute(
        "select url, kind, title, status, gone_since, first_seen, last_seen, archive_status,"
        " archive_note, sha256, content_type, pages, text_status from documents "
        "where review_id = ? order by case kind when 'full_report' then 0 "
        "when 'executive_summary' then 1 when 'learning_brief' then 2 else 3 end, url",
        [pk],
    ).fetchall()
    sightings = conn.execute(
        "select source, source_kind, url, source_title, listed, first_seen, last_seen "
        "from review_sources where review_id = ? order by first_seen, source",
        [pk],
    ).fetchall()
    area = review.get("area")
    feed = pages.feed_links(datasette, {"area": area} if area not in (None, "Anonymous") else {})
    return {
        "review": review,
        "review_base": review_base,
        "feed": feed,
        "similar": similar(conn, pk),
        "review_documents": [
            _document_view(d, review.get("status"), datasette)
            for d in one_per_file([dict(d) for d in documents])
        ],
        "review_sightings": [{**dict(s), "link": safe_link(s["url"])} for s in sightings],
    }
