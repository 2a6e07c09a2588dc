"""One feed, RSS or Atom from the same path and the same rows: everything, or a nation, a
type, an area, a topic or a search. Titles say what the feed is; links are absolute; a search
feed quotes its words for FTS5, so no query can be a syntax error.

A filter's value is read the way a subscriber writes it: in any case, a type by its code, label
or acronym (``sar``, ``SAR``, "safeguarding adults review"), a topic by its slug or label
(``domestic-abuse``, "Domestic abuse"), an area by its name, an alias or its GSS code.
``resolve_params`` turns each into its one canonical value before the feed is filtered and
titled; a value that names nothing is an ``UnknownValue`` (a 400 that lists what would do),
never a feed that stays empty for ever."""

from __future__ import annotations

import difflib
import re
import sqlite3
from functools import lru_cache
from html import escape

from crawler.normalise.areas import ANONYMOUS, NATIONAL, NATIONS, load_areas, resolve_area
from crawler.normalise.topics import BY_SLUG, TOPICS
from crawler.normalise.vocabulary import KINDS, REVIEW_TYPES, TYPE_LABELS, TYPE_PATTERNS

from .archive_links import fallback, in_place, one_per_file
from .digest import REVIEW_TYPE_LABELS, STATUS_LABELS
from .queries import FEED_SIZE  # one size for the feeds and the canned feed queries
from .rss import FeedItem, parse_documents, parse_list, parse_pubdate
from .search import _GSS_CODE, area_place, filter_clauses, fts_query

# What every feed says of itself: it stops at FEED_SIZE items, and where the rest are.
FEED_DESCRIPTION = (
    f"Published UK case reviews, newest first found first. It holds the {FEED_SIZE} newest"
    " found; the search page (this feed's link) has them all."
)
PARAMS = ("q", "nation", "type", "area", "topic", "year", "status")


class UnknownValue(ValueError):
    """A filter's value that names no nation, type, area or topic: the parameter, the value as
    given, what was probably meant ('type=sar') and what the parameter takes."""

    def __init__(self, name: str, value: str, hints: list[str], accepted: str):
        super().__init__(f"unknown {name} {value!r}")
        self.name, self.value, self.hints, self.accepted = name, value, hints, accepted

    def html(self) -> str:
        """A short page saying what was wrong and what would do; every value in it is escaped."""
        shown = self.value if len(self.value) <= 80 else self.value[:80] + "…"
        lines = [f"There is no {self.name} “{escape(shown)}”."]
        if self.hints:
            lines.append("Did you mean " + " or ".join(escape(h) for h in self.hints) + "?")
        lines.append(f"{self.name.capitalize()} is {escape(self.accepted)}.")
        body = "".join(f"<p>{line}</p>\n" for line in lines)
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>Unknown {self.name}</title></head>\n<body>\n"
            f"<h1>Unknown {self.name}</h1>\n{body}</body></html>\n"
        )


def _key(text: str) -> str:
    """What two spellings of one value share: case, '&', hyphens and punctuation do not matter."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold().replace("&", " and ")))


def _closest(name: str, value: str, names: dict[str, str]) -> list[str]:
    """Up to three 'name=value' hints whose spellings (keys of ``names``) are close to ``value``."""
    close = difflib.get_close_matches(_key(value), list(names), n=6, cutoff=0.7)
    return [f"{name}={v}" for v in list(dict.fromkeys(names[k] for k in close))[:3]]


@lru_cache(maxsize=1)
def _type_names() -> dict[str, str]:
    """Every spelling of a review type (its code, labels and acronyms) -> its code."""
    names: dict[str, str] = {}
    for code in REVIEW_TYPES:
        names.setdefault(_key(code), code)
    for code, label in [*REVIEW_TYPE_LABELS.items(), *TYPE_LABELS.items()]:
        singular = re.sub(r"\breviews$", "review", label)
        for spelling in (label, singular, singular + "s"):
            names.setdefault(_key(spelling), code)
    for kind in KINDS:
        for acronym in kind.acronyms:
            names.setdefault(_key(acronym), kind.type)
            names.setdefault(_key(acronym + "s"), kind.type)
    return names


@lru_cache(maxsize=1)
def _topic_names() -> dict[str, str]:
    """Every topic's slug and label -> its slug."""
    names: dict[str, str] = {}
    for topic in TOPICS:
        names.setdefault(_key(topic.slug), topic.slug)
        names.setdefault(_key(topic.label), topic.slug)
    return names


def review_type(value: str) -> str | None:
    """The type code ``value`` names: 'sar' for sar, SAR, SARs, "Safeguarding adults review"."""
    code = _type_names().get(_key(value))
    if code:
        return code
    words = " ".join(value.split())
    return next((kind for kind, pattern, _ in TYPE_PATTERNS if pattern.fullmatch(words)), None)


def topic_slug(value: str) -> str | None:
    """The topic ``value`` names by its slug or label ('domestic-abuse', "Domestic abuse")."""
    return _topic_names().get(_key(value))


def _nations(conn: sqlite3.Connection | None) -> dict[str, str]:
    found = [r[0] for r in conn.execute("SELECT DISTINCT nation FROM reviews")] if conn else []
    return {_key(n): n for n in [*NATIONS, *sorted(n for n in found if n)]}


def area_name(value: str) -> str:
    """An area's name for a title: a GSS code is the area it is the code of."""
    return area_place(value)[0]


def _nation(conn: sqlite3.Connection, value: str) -> str:
    nations = _nations(conn)
    if _key(value) in nations:
        return nations[_key(value)]
    accepted = "one of " + ", ".join(dict.fromkeys(nations.values()))
    raise UnknownValue("nation", value, _closest("nation", value, nations), accepted)


def _type(conn: sqlite3.Connection, value: str) -> str:
    code = review_type(value)
    if code:
        return code
    accepted = "a code or label: " + ", ".join(
        f"{c} ({REVIEW_TYPE_LABELS.get(c, c)})" for c in REVIEW_TYPES
    )
    raise UnknownValue("type", value, _closest("type", value, _type_names()), accepted)


def _area(conn: sqlite3.Connection, value: str) -> str:
    """An area as the feed filters it: its name as the reviews write it (in any case), or its
    GSS code; else the area the register (``data/areas.csv``) knows by that name, alias or code."""
    for column in ("area", "area_code"):
        row = conn.execute(
            f"SELECT {column} FROM reviews WHERE {column} = ? COLLATE NOCASE LIMIT 1", [value]
        ).fetchone()
        if row:
            return row[0]
    area = resolve_area(value)
    accepted = "a local authority's or partnership's name or GSS code (Kent, E08000022)"
    if area is not None and area.kind == "nation":  # "area=Wales" would stay empty for ever
        raise UnknownValue("area", value, [f"nation={area.name}"], accepted)
    if area is not None:
        return area.code if area.code and _GSS_CODE.fullmatch(value.strip()) else area.name
    names = {k: a.name for k, a in load_areas().items() if a.kind != "nation"}
    names.update((_key(a), a) for (a,) in conn.execute("SELECT DISTINCT area FROM reviews") if a)
    raise UnknownValue("area", value, _closest("area", value, names), accepted)


def _topic(conn: sqlite3.Connection, value: str) -> str:
    slug = topic_slug(value)
    if slug:
        return slug
    accepted = "a slug or label: " + ", ".join(t.slug for t in TOPICS)
    raise UnknownValue("topic", value, _closest("topic", value, _topic_names()), accepted)


def _year(conn: sqlite3.Connection, value: str) -> str:
    if re.fullmatch(r"(?:19|20)\d\d", value.strip()):
        return value.strip()
    raise UnknownValue("year", value, [], "a year of publication, such as 2021")


def _status(conn: sqlite3.Connection, value: str) -> str:
    names = {_key(code): code for code in STATUS_LABELS}
    names.update((_key(label), code) for code, label in STATUS_LABELS.items())
    if _key(value) in names:
        return names[_key(value)]
    accepted = "one of " + ", ".join(STATUS_LABELS)
    raise UnknownValue("status", value, _closest("status", value, names), accepted)


_RESOLVERS = {
    "nation": _nation, "type": _type, "area": _area, "topic": _topic, "year": _year,
    "status": _status,
}  # fmt: skip


def resolve_params(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, str]:
    """``params`` with each filter's canonical value: a nation's name, a type's code, an area's
    name (or GSS code), a topic's slug. A value that names none raises ``UnknownValue``."""
    return {
        name: _RESOLVERS[name](conn, value) if name in _RESOLVERS and value else value
        for name, value in params.items()
    }


def canonical_filters(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, str]:
    """The search page's filters, each as ``resolve_params`` spells it (an area by its name, as
    the search filters it); a value that names nothing is kept as given (it finds nothing)."""
    out = {}
    for name, value in params.items():
        try:
            out[name] = resolve_params(conn, {name: value})[name]
        except UnknownValue:
            out[name] = value
    if out.get("area"):
        out["area"] = area_name(out["area"])
    return out


def feed_title(params: dict[str, str]) -> str:
    """'scr-digest: reviews in Wales', "scr-digest: search 'neglect'", …"""
    parts = []
    if params.get("type"):
        code = review_type(params["type"])
        parts.append(REVIEW_TYPE_LABELS.get(code, params["type"]).lower())
    else:
        parts.append("reviews")
    if params.get("nation"):
        parts.append(f"in {_nations(None).get(_key(params['nation']), params['nation'])}")
    area = area_name(params["area"]) if params.get("area") else None
    if area and area.casefold() == NATIONAL.casefold():  # the Panel's and other national reviews
        if not parts[0].startswith("national "):
            parts[0] = f"national {parts[0]}"
    elif area and area.casefold() == ANONYMOUS.casefold():  # the publisher did not name it
        parts.insert(1, "of unnamed areas")
    elif area:
        parts.append(f"in {area}")
    if params.get("topic"):
        topic = BY_SLUG.get(topic_slug(params["topic"]) or "")
        parts.append(f"on {(topic.label if topic else params['topic']).lower()}")
    if params.get("year"):
        parts.append(f"published in {params['year']}")
    if params.get("status"):
        parts.append(f"({STATUS_LABELS.get(params['status'], params['status']).lower()})")
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
    more, more_args = filter_clauses(params)  # as the search page filters
    clauses += more
    args += more_args
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
