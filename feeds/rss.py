"""RSS 2.0 output for any table or query that returns the agreed columns.

The contract, in datasette-atom's style:
- required: ``rss_guid`` (stable, never reused), ``rss_title``, ``rss_link`` (absolute, or a path
  on this server), ``rss_pubdate`` (ISO 8601 date or date-time; UTC when no zone is given);
- optional: ``rss_description`` (plain text), ``rss_category`` (a JSON array or a
  comma-separated list), ``rss_documents`` (a JSON array of ``{"url", "kind", "title"}``).

Every value is treated as untrusted text: the item description is HTML built here with every
scraped value escaped, and only http(s) links are kept. Whatever goes into the XML (titles made
from a request's parameters, scraped titles, descriptions and categories) loses the characters
XML 1.0 forbids, in one place (``xml_safe``, used by both writers), so no input is a 500.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from markupsafe import Markup

from .digest import DOCUMENT_LABELS, safe_link

REQUIRED_COLUMNS = ("rss_guid", "rss_title", "rss_link", "rss_pubdate")
# What XML 1.0 does not allow (its Char production): C0 controls but tab, newline and carriage
# return; lone surrogates; U+FFFE and U+FFFF. lxml refuses a string holding any of them.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class FeedItem:
    guid: str
    title: str
    link: str
    pubdate: datetime | None
    description: str | None = None
    categories: list[str] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)


def parse_pubdate(value) -> datetime | None:
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text if len(text) > 7 else f"{text}-01-01"[:10])
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        items = value
    else:
        try:
            items = json.loads(value)
        except ValueError:
            items = str(value).split(",")
    if not isinstance(items, list):
        items = [items]
    return [str(i).strip() for i in items if str(i).strip()]


def parse_documents(value) -> list[dict]:
    try:
        documents = json.loads(value) if isinstance(value, str) else (value or [])
    except ValueError:
        return []
    return [d for d in documents if isinstance(d, dict) and safe_link(d.get("url"))]


def xml_safe(text):
    """``text`` without the characters XML 1.0 forbids (``None`` stays ``None``)."""
    return None if text is None else _NOT_XML.sub("", str(text))


def _xml_safe_item(item: FeedItem) -> FeedItem:
    """An item whose every text can go into XML: scraped text is as untrusted as a request's."""
    return replace(
        item,
        guid=xml_safe(item.guid),
        title=xml_safe(item.title).strip() or "(untitled)",
        link=xml_safe(item.link),
        description=xml_safe(item.description),
        categories=[c for c in map(xml_safe, item.categories) if c.strip()],
        documents=[
            {k: xml_safe(v) if isinstance(v, str) else v for k, v in d.items()}
            for d in item.documents
        ],
    )


def _xml_safe_feed(items, title, link, description, self_url):
    """The feed's texts and items, each ``xml_safe``: what both writers are given."""
    return (
        [_xml_safe_item(i) for i in items],
        xml_safe(title).strip() or "scr-digest",
        *(xml_safe(t) for t in (link, description, self_url)),
    )


def description_html(item: FeedItem) -> str:
    parts = []
    if item.description:
        parts.append(Markup("<p>{}</p>").format(item.description))
    if item.categories:
        parts.append(
            Markup("<p><strong>Themes:</strong> {}</p>").format("; ".join(item.categories))
        )
    if item.documents:
        links = [
            Markup('<li><a href="{}">{}</a>{}</li>').format(
                safe_link(d["url"]),
                DOCUMENT_LABELS.get(d.get("kind"), "Document"),
                Markup(": {}").format(d["title"]) if d.get("title") else "",
            )
            for d in item.documents
        ]
        parts.append(Markup("<ul>{}</ul>").format(Markup("").join(links)))
    return str(Markup("").join(parts))


def feed_xml(
    items: list[FeedItem], *, title: str, link: str, description: str, self_url: str
) -> bytes:
    items, title, link, description, self_url = _xml_safe_feed(
        items, title, link, description, self_url
    )
    fg = FeedGenerator()
    fg.title(title)
    fg.link(href=self_url, rel="self")
    fg.link(href=link, rel="alternate")
    fg.description(description)
    fg.language("en-GB")
    fg.generator("scr-digest")
    dates = [i.pubdate for i in items if i.pubdate]
    if dates:
        fg.lastBuildDate(max(dates))
    # feedgen prepends entries, so add them oldest last to keep the order given.
    for item in reversed(items):
        entry = fg.add_entry()
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.link(href=item.link)
        if item.pubdate:
            entry.pubDate(item.pubdate)
        html = description_html(item)
        if html:
            entry.description(html)
        for category in item.categories:
            entry.category(term=category)
    return fg.rss_str(pretty=True)


def items_from_rows(rows, absolute) -> list[FeedItem]:
    """Feed items from query rows; ``absolute`` turns a path into a full URL."""
    items = []
    for row in rows:
        row = dict(row)
        link = str(row["rss_link"] or "")
        if link.startswith("/"):
            link = absolute(link)
        items.append(
            FeedItem(
                guid=str(row["rss_guid"]),
                title=str(row["rss_title"] or ""),
                link=safe_link(link) or absolute("/"),
                pubdate=parse_pubdate(row["rss_pubdate"]),
                description=row.get("rss_description"),
                categories=parse_list(row.get("rss_category")),
                documents=parse_documents(row.get("rss_documents")),
            )
        )
    return items


def can_render_rss(columns) -> bool:
    return set(REQUIRED_COLUMNS).issubset(columns)


async def render_rss(datasette, request, sql, columns, rows, database, table, query_name, data):
    from datasette.utils.asgi import Response

    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        return Response.text(
            "RSS needs the columns "
            + ", ".join(REQUIRED_COLUMNS)
            + f"; this {'query' if query_name or not table else 'table'} is missing "
            + ", ".join(missing)
            + ". Optional: rss_description, rss_category, rss_documents.",
            status=400,
        )
    title, description = "scr-digest", "Published UK case reviews"
    if query_name:
        query = await datasette.get_canned_query(database, query_name, request.actor) or {}
        title = query.get("title") or query_name
        description = query.get("description") or description
    elif table:
        title = f"scr-digest: {table}"
    params = [f"{k}: {request.args.get(k)}" for k in request.args if not k.startswith("_")]
    if params:
        title += f" ({', '.join(params)})"
    page = request.path.rsplit(".rss", 1)[0] + (
        f"?{request.query_string}" if request.query_string else ""
    )

    def absolute(path: str) -> str:
        return datasette.absolute_url(request, path)

    body = feed_xml(
        items_from_rows(rows, absolute),
        title=title,
        link=absolute(page),
        description=description,
        self_url=absolute(
            request.path + (f"?{request.query_string}" if request.query_string else "")
        ),
    )
    return Response(body, content_type="application/rss+xml; charset=utf-8")


def atom_xml(
    items: list[FeedItem], *, title: str, link: str, description: str, self_url: str
) -> bytes:
    """The same items as Atom 1.0: the same titles, ids (the RSS guids) and links."""
    items, title, link, description, self_url = _xml_safe_feed(
        items, title, link, description, self_url
    )
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(title)
    fg.subtitle(description)
    fg.link(href=self_url, rel="self")
    fg.link(href=link, rel="alternate")
    fg.language("en-GB")
    fg.generator("scr-digest")
    dates = [i.pubdate for i in items if i.pubdate]
    fg.updated(max(dates) if dates else datetime(2000, 1, 1, tzinfo=UTC))
    for item in reversed(items):
        entry = fg.add_entry()
        entry.id(item.guid)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate")
        entry.updated(item.pubdate or datetime(2000, 1, 1, tzinfo=UTC))
        if item.pubdate:
            entry.published(item.pubdate)
        html = description_html(item)
        if html:
            entry.content(html, type="html")
        for category in item.categories:
            entry.category(term=category)
    return fg.atom_str(pretty=True)
