"""The pages staff use, served by the plugin: search, trends, the data's description, the list
of digest months, and the one feed path (RSS or Atom). Every link is built with
``datasette.urls`` so the site works under a ``base_url``; feed links are absolute."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from urllib.parse import urlencode

import yaml
from datasette.utils.asgi import NotFound, Response, asgi_send_file

from crawler.archivestore import archive_path
from crawler.normalise.topics import BY_SLUG, TOPICS

from . import charts, rss
from .digest import REVIEW_TYPE_LABELS, STATUS_LABELS, month_name
from .feed import (
    FEED_DESCRIPTION,
    PARAMS,
    UnknownValue,
    area_name,
    canonical_filters,
    feed_items,
    feed_rows,
    feed_title,
    resolve_params,
)
from .reporttext import describe, search_text
from .search import FACET_LIMIT, FILTERS, SORTS, search
from .trends import CHARTS, trends

REVIEWS_TABLE = "reviews"
ABOUT = Path(__file__).resolve().parent / "about.yml"
FILTER_NAMES = (*FILTERS, "topic")


def database(datasette):
    """The review database: the one named ``reviews``, else the first attached."""
    names = [n for n in datasette.databases if not n.startswith("_")]
    if not names:
        raise NotFound("No review database is attached")
    return datasette.get_database("reviews" if "reviews" in names else names[0])


def _args(request, names) -> dict[str, str]:
    return {n: request.args.get(n, "").strip() for n in names if request.args.get(n, "").strip()}


def _query(params: dict[str, str], **changes) -> str:
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if v not in (None, "")}
    return ("?" + urlencode(clean)) if clean else ""


def feed_links(datasette, params: dict[str, str]) -> dict:
    """The feed for what a page shows: its title and its RSS and Atom paths."""
    wanted = {k: v for k, v in params.items() if k in PARAMS and v}
    suffix = _query(wanted)
    return {
        "title": feed_title(wanted),
        "rss": datasette.urls.path("/feed.rss") + suffix,
        "atom": datasette.urls.path("/feed.atom") + suffix,
    }


async def search_page(datasette, request):
    db = database(datasette)
    text = request.args.get("q", "").strip()
    filters = _args(request, FILTER_NAMES)
    sort = request.args.get("sort", "relevance")
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    in_text = request.args.get("in") == "text"
    # As the feeds read them: "type=SAR", "nation=wales", "area=E08000022", "topic=Domestic abuse"
    filters = await db.execute_fn(lambda conn: canonical_filters(conn, filters))
    result = await db.execute_fn(lambda conn: search(conn, text, filters, sort, page))
    text_result = None
    if text:
        text_result = await db.execute_fn(
            lambda conn: search_text(
                conn, text, filters, page if in_text else 1, count_only=not in_text
            )
        )
    params = {"q": text, **filters, "sort": sort if sort != "relevance" else ""}
    if in_text:
        params["in"] = "text"
    pages_total = text_result.pages if (in_text and text_result) else result.pages
    facet_links = []
    for facet in result.facets:
        chosen = filters.get(facet.name)
        values = [
            {
                "label": label,
                "count": count,
                "chosen": chosen == value,
                "href": datasette.urls.path("/search")
                + _query(params, **{facet.name: "" if chosen == value else value, "page": ""}),
            }
            for value, label, count in facet.values
        ]
        if values:
            facet_links.append({"name": facet.name, "label": facet.label, "values": values})
    chosen = [
        {
            "label": _filter_label(name, value),
            "href": datasette.urls.path("/search") + _query(params, **{name: "", "page": ""}),
        }
        for name, value in filters.items()
    ]
    context = {
        "result": result,
        "q": text,
        "sort": result.sort,
        "sorts": [
            (
                s,
                datasette.urls.path("/search")
                + _query(params, sort=s if s != "relevance" else "", page=""),
            )
            for s in SORTS
            if s != "relevance" or text
        ],
        "facets": facet_links,
        "chosen": chosen,
        "filters": filters,
        "review_base": datasette.urls.table(db.name, REVIEWS_TABLE) + "/",
        "previous_url": datasette.urls.path("/search") + _query(params, page=str(page - 1))
        if page > 1
        else None,
        "next_url": datasette.urls.path("/search") + _query(params, page=str(page + 1))
        if page < pages_total
        else None,
        "in_text": in_text,
        "text_result": text_result,
        "catalogue_url": datasette.urls.path("/search") + _query(params, page="", **{"in": ""}),
        "text_url": datasette.urls.path("/search") + _query(params, page="", **{"in": "text"}),
        "archive_base": datasette.urls.path("/archive/"),
        "feed": feed_links(datasette, {"q": text, **filters}),
        "topics": [(t.slug, t.label) for t in TOPICS],
        "trends_url": datasette.urls.path("/trends") + _query({"q": text, **filters}),
        "facet_limit": FACET_LIMIT,
    }
    return Response.html(await datasette.render_template("search.html", context, request=request))


def _filter_label(name: str, value: str) -> str:
    if name == "type":
        return REVIEW_TYPE_LABELS.get(value, value)
    if name == "topic":
        return BY_SLUG[value].label if value in BY_SLUG else value
    if name == "status":
        return STATUS_LABELS.get(value, value)
    return value


_TRENDS: dict[tuple, list] = {}


async def cached_trends(db, text: str | None, filters: dict[str, str]) -> list:
    """Trends change only when the database does: kept per database version (the files'
    sizes and times), so the charts cost one count per harvest, not one per visit."""
    version = []
    for suffix in ("", "-wal"):
        try:
            stat = os.stat(f"{db.path}{suffix}")
            version.append((stat.st_mtime_ns, stat.st_size))
        except (OSError, TypeError):
            version.append(None)
    key = (db.path, tuple(version), text or "", tuple(sorted(filters.items())))
    if key not in _TRENDS:
        if len(_TRENDS) > 200:
            _TRENDS.clear()
        _TRENDS[key] = await db.execute_fn(lambda conn: trends(conn, text, filters))
    return _TRENDS[key]


async def trends_page(datasette, request):
    db = database(datasette)
    text = request.args.get("q", "").strip()
    filters = await db.execute_fn(
        lambda conn: canonical_filters(conn, _args(request, FILTER_NAMES))
    )
    found = await cached_trends(db, text, filters)
    params = {"q": text, **filters}
    charts_out = []
    for chart in found:
        draw = charts.lines if chart.key == "topics" else charts.stacked_bars
        charts_out.append(
            {
                "key": chart.key,
                "title": chart.title,
                "svg": draw(chart.years, chart.series, title=chart.title) if chart.years else None,
                "years": chart.years,
                "rows": chart.rows(),
                "csv_url": datasette.urls.path("/trends.csv") + _query(params, chart=chart.key),
            }
        )
    scope = ", ".join(
        [f"search '{text}'" if text else "", *(_filter_label(k, v) for k, v in filters.items())]
    ).strip(", ")
    context = {
        "charts": charts_out,
        "q": text,
        "filters": filters,
        "scope": scope,
        "feed": feed_links(datasette, params),
        "search_url": datasette.urls.path("/search") + _query(params),
    }
    return Response.html(await datasette.render_template("trends.html", context, request=request))


async def trends_csv(datasette, request):
    db = database(datasette)
    key = request.args.get("chart", "types")
    if key not in CHARTS:
        return Response.text(f"chart must be one of {', '.join(CHARTS)}", status=400)
    filters = await db.execute_fn(
        lambda conn: canonical_filters(conn, _args(request, FILTER_NAMES))
    )
    found = await cached_trends(db, request.args.get("q", "").strip(), filters)
    chart = next(c for c in found if c.key == key)
    return Response(
        chart.csv(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="trends-{key}.csv"'},
    )


async def feed_route(datasette, request):
    """``/feed.rss`` and ``/feed.atom``: the same items, titles and ids. Each filter's value is
    read as a subscriber writes it; one that names nothing is a 400 saying what would do."""
    db = database(datasette)
    fmt = request.url_vars["format"]
    asked = _args(request, PARAMS)

    def resolved_rows(conn):
        params = resolve_params(conn, asked)
        return params, feed_rows(conn, params)

    try:
        params, rows = await db.execute_fn(resolved_rows)
    except UnknownValue as unknown:
        return Response.html(unknown.html(), status=400)

    def absolute(path: str) -> str:
        return datasette.absolute_url(request, path)

    review_base = datasette.urls.table(db.name, REVIEWS_TABLE)
    items = feed_items(
        rows,
        lambda review_id: absolute(f"{review_base}/{review_id}"),
        lambda path: absolute(datasette.urls.path(path)),
    )
    suffix = _query(params)
    # The search page filters an area by its name, not its code.
    page_params = {**params, **({"area": area_name(params["area"])} if "area" in params else {})}
    page = absolute(datasette.urls.path("/search") + _query(page_params))
    self_url = absolute(datasette.urls.path(f"/feed.{fmt}") + suffix)
    title = feed_title(params)
    description = FEED_DESCRIPTION
    if fmt == "atom":
        body = rss.atom_xml(
            items, title=title, link=page, description=description, self_url=self_url
        )
        return Response(body, content_type="application/atom+xml; charset=utf-8")
    body = rss.feed_xml(items, title=title, link=page, description=description, self_url=self_url)
    return Response(body, content_type="application/rss+xml; charset=utf-8")


def archive_root(db) -> Path | None:
    """Where the harvest keeps archived files: $SCR_ARCHIVE_DIR, else archive/ beside the
    database (the harvest's default)."""
    if os.environ.get("SCR_ARCHIVE_DIR"):
        return Path(os.environ["SCR_ARCHIVE_DIR"])
    return Path(db.path).resolve().parent / "archive" if db.path else None


async def archive_file(datasette, request, send):
    """``/archive/<sha256>.pdf``: an archived report, inline, with its own content type. A
    withheld review's file is never served, whether or not it is kept."""
    db = database(datasette)
    sha = request.url_vars["sha"]
    doc = await db.execute_fn(lambda conn: describe(conn, sha))
    root = archive_root(db)
    if doc is None or root is None:
        raise NotFound("There is no archived copy with that name.")
    path = root / archive_path(sha, doc["extension"])
    if not path.is_file():
        raise NotFound("The archived copy is not on this server.")
    await asgi_send_file(
        send,
        path,
        content_type=doc["content_type"] or "application/octet-stream",
        headers={
            "content-disposition": f'inline; filename="{sha[:12]}.{doc["extension"]}"',
            "x-content-type-options": "nosniff",
            "cache-control": "public, max-age=86400",
        },
    )


async def about_page(datasette, request):
    about = yaml.safe_load(ABOUT.read_text(encoding="utf-8"))
    context = {
        "tables": about["tables"],
        "topics": TOPICS,
        "types": REVIEW_TYPE_LABELS,
    }
    return Response.html(await datasette.render_template("about.html", context, request=request))


MONTHS_SQL = """
with first_harvest as (
  select source, min(started) as started from harvests group by source
)
select m, sum(p) as published, sum(f) as found from (
  select substr(published, 1, 7) as m, 1 as p, 0 as f from reviews where length(published) >= 7
  union all
  select substr(r.first_seen, 1, 7), 0, 1 from reviews r
  join first_harvest fh on fh.source = r.first_source
  where (r.published is null or length(r.published) = 4) and r.first_seen > fh.started
    and (r.published_year is null or r.published_year >= cast(substr(r.first_seen, 1, 4) as integer) - 1)
) where m is not null group by m order by m desc
"""


async def months_page(datasette, request):
    db = database(datasette)
    rows = await db.execute_fn(lambda conn: conn.execute(MONTHS_SQL).fetchall())
    years: dict[str, list] = {}
    for month, published, found in rows:
        years.setdefault(month[:4], []).append(
            {
                "key": month,
                "name": month_name(int(month[:4]), int(month[5:7])),
                "published": published,
                "found": found,
                "href": datasette.urls.path(f"/digest/{month}"),
            }
        )
    context = {"years": years}
    return Response.html(await datasette.render_template("months.html", context, request=request))


def csv_text(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()
