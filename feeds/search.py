"""What staff search: reviews by words and filters, with highlighted snippets, counts and
facets; similar reviews; a month list. Pure functions over a SQLite connection, so the plugin's
pages, the feeds and the benchmarks share them.

Scraped text is untrusted: snippets are built with sentinel characters, escaped, and only then
given their ``<mark>`` tags.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlencode

from markupsafe import Markup, escape

from crawler.normalise.areas import resolve_area
from crawler.normalise.topics import BY_SLUG, TOPICS
from crawler.schema import FTS_COLUMNS, LIST_FIELDS

from .digest import REVIEW_TYPE_LABELS, STATUS_LABELS

PAGE_SIZE = 20
# Facets count every match up to this many; past it, the best this many (by the chosen order).
FACET_LIMIT = 1000
FILTERS = {  # parameter -> column
    "nation": "nation",
    "type": "review_type",
    "year": "published_year",
    "area": "area",
    "status": "status",
}
SORTS = ("relevance", "newest", "oldest")
# The reviews table's filters for the same search (its CSV and JSON keep Datasette's API).
TABLE_FILTERS = {"nation": "nation", "type": "review_type", "year": "published_year",
                 "area": "area", "status": "status", "topic": "topics__arraycontains"}  # fmt: skip
_START, _END = "\x02", "\x03"
_GSS_CODE = re.compile(r"[EJKLMNSW]\d{8}", re.I)
_WORD = re.compile(r'"[^"]*"|[^\s"]+')


def fts_query(text: str | None) -> str | None:
    """User words as an FTS5 query that cannot be a syntax error: each word quoted (a trailing
    ``*`` kept as a prefix search), phrases in double quotes kept whole, all of them required."""
    if not text:
        return None
    terms = []
    for token in _WORD.findall(text):
        prefix = token.endswith("*") and not token.startswith('"')
        word = token.strip('"').rstrip("*").replace('"', "")
        word = re.sub(r"[^\w\s'’-]", " ", word).strip()
        if not word or word in ("AND", "OR", "NOT", "NEAR"):  # operators, not words ("not")
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


@dataclass
class Facet:
    name: str  # the parameter
    label: str
    values: list[tuple[str, str, int]]  # (value, label, count)


@dataclass
class SearchResult:
    query: str
    count: int
    results: list[dict]
    facets: list[Facet]
    page: int
    sort: str
    filters: dict[str, str]
    sampled: bool = False  # facets counted over the best FACET_LIMIT matches
    errors: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // PAGE_SIZE))

    def table_query(self, **extra: str) -> str:
        """The query string that asks the reviews table (its CSV and JSON) for the rows this
        search counts: see table_args."""
        return "?" + urlencode({**table_args(self.query, self.filters), **extra})


def table_args(text: str | None, filters: dict[str, str]) -> dict[str, str]:
    """Datasette table arguments for the reviews ``search`` finds: the same FTS5 query, given
    raw (Datasette's own escaping would quote ``neglect*`` into the word "neglect"), the same
    filters, and a unique order (``_sort=id``). The table's own order (``published`` desc) has
    ties, and Datasette breaks them by id only from page 2 on, so following ``next_url`` (or
    streaming a CSV past ``_size=max``) lost some reviews and repeated others."""
    args = {}
    query = fts_query(text)
    if query:
        args.update(_search=query, _searchmode="raw")
    for name, column in TABLE_FILTERS.items():
        if name == "area" and filters.get(name):
            args.update(_area_table_arg(filters[name]))
        elif filters.get(name):
            args[column] = filters[name]
    args["_sort"] = "id"
    return args


def area_place(value: str) -> tuple[str, str | None]:
    """An area filter's value as (the name reviews give it, its GSS code or None): a GSS code
    is the area the register knows by it; a name has the code the register gives it."""
    value = value.strip()
    if _GSS_CODE.fullmatch(value):
        area = resolve_area(value)
        if area is not None and area.code and area.code.upper() == value.upper():
            return area.name, area.code
        return value, value.upper()
    area = resolve_area(value)
    code = area.code if area is not None and area.kind != "nation" else None
    return value, code


def area_clause(value: str) -> tuple[str, list]:
    """The SQL (on ``reviews r``) for an area filter: the reviews whose area is that area, whose
    area_code is its code, or whose area_codes (every council a partnership covers) hold its
    code: Monmouthshire finds Gwent's reviews. An area with no code matches by name alone."""
    name, code = area_place(value)
    if not code:
        return "r.area = ?", [name]
    return (
        "(r.area = ? OR r.area_code = ?"
        " OR EXISTS (SELECT 1 FROM json_each(r.area_codes) WHERE value = ?))",
        [name, code, code],
    )


def _sql_text(value: str) -> str:
    return "'" + re.sub(r"[\x00-\x1f]", "", value).replace("'", "''") + "'"


def _area_table_arg(value: str) -> dict[str, str]:
    """The reviews table's filter for an area: ``area_clause`` with its values written in
    (``_where``: a column filter cannot say "or")."""
    clause, args = area_clause(value)
    values = iter(args)
    return {
        "_where": re.sub(r"\?", lambda _: _sql_text(next(values)), re.sub(r"\br\.", "", clause))
    }


def filter_clauses(filters: dict[str, str]) -> tuple[list[str], list]:
    clauses, params = [], []
    for name, column in FILTERS.items():
        value = filters.get(name)
        if value and name == "area":
            clause, args = area_clause(value)
            clauses.append(clause)
            params += args
        elif value and name == "status":  # no status is published, as the facet counts it
            clauses.append("coalesce(r.status, 'published') = ?")
            params.append(value)
        elif value:
            clauses.append(f"r.{column} = ?")
            params.append(int(value) if column == "published_year" and value.isdigit() else value)
    if filters.get("topic"):
        clauses.append("r.rowid IN (SELECT review_rowid FROM review_topics WHERE topic = ?)")
        params.append(filters["topic"])
    return clauses, params


# Words too common to show as what matched ("out of routine" matching a summary by its "of").
_STOP_WORDS = frozenset({"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
                         "into", "is", "it", "of", "on", "or", "the", "to", "was", "were",
                         "with"})  # fmt: skip
_MARKED = re.compile(f"{_START}([^{_END}]*){_END}")


def _telling(text: str) -> bool:
    """Whether a snippet marks a word that says something (not only stop words)."""
    return any(m.lower() not in _STOP_WORDS for m in _MARKED.findall(text))


def snippet_html(text: str | None) -> Markup:
    """A snippet with sentinel marks, as escaped HTML with ``<mark>`` around the matches; stop
    words are left unmarked beside a word that says something."""
    if not text:
        return Markup("")
    if _telling(text):
        text = _MARKED.sub(lambda m: m[1] if m[1].lower() in _STOP_WORDS else m[0], text)
    escaped = str(escape(text))
    return Markup(escaped.replace(_START, "<mark>").replace(_END, "</mark>"))


_COLUMNS = "r.id, r.title, r.area, r.nation, r.review_type, r.published, r.status, r.summary"
# Columns stored as JSON lists of strings (themes, keywords): their snippets are cut from the
# JSON text, so they are read back as text (list_snippet).
_LIST_COLUMNS = tuple(c for c in FTS_COLUMNS if c in LIST_FIELDS)
# The words in context: from the summary, else a list column, else the best column (which is
# then not a list column: those had no match).
_SNIPPET_COLUMNS = (*(FTS_COLUMNS.index(c) for c in ("summary", *_LIST_COLUMNS)), -1)
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)("|$)', re.S)
_ESCAPE = re.compile(r'\\(u[0-9a-fA-F]{4}|["\\/bfnrt])')
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _best_snippet(values) -> str | None:
    """The first snippet with a match: ``values`` are search's snippets (_SNIPPET_COLUMNS),
    then whether each list column holds a JSON list (_LIST_COLUMNS)."""
    snippets, is_list = values[: len(_SNIPPET_COLUMNS)], values[len(_SNIPPET_COLUMNS) :]
    marked = [(n, text) for n, text in enumerate(snippets) if text and _START in text]
    # A snippet whose matches say something, before one that matched only stop words.
    for n, text in sorted(marked, key=lambda found: not _telling(found[1])):
        # Snippet columns 1.. are the list columns, in order.
        return list_snippet(text) if 0 < n <= len(is_list) and is_list[n - 1] else text
    return None


def list_snippet(text: str) -> str:
    """A snippet cut from a JSON list of strings (``…a non-mobile baby", "professionals…``) as
    its items' words joined by "; ". FTS5 cuts at words, and every word of such a list is
    inside a string, so a snippet that starts with its ellipsis starts inside an item."""
    if text.startswith("…"):
        text = '"' + text
    items = [_unescape(m[1]) for m in _QUOTED.finditer(text)]
    return "; ".join(item.strip() for item in items if item.strip()) if items else text


def _unescape(text: str) -> str:
    def one(m: re.Match) -> str:
        code = m[1]
        return chr(int(code[1:], 16)) if code[0] == "u" else _ESCAPES.get(code, code)

    text = _ESCAPE.sub(one, text)
    try:  # a character beyond the BMP is two escapes
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        return text


_FACET_COLUMNS = "r.nation, r.review_type, r.published_year, r.area, r.status, r.id"


def search(
    conn: sqlite3.Connection,
    text: str | None = None,
    filters: dict[str, str] | None = None,
    sort: str = "relevance",
    page: int = 1,
    size: int = PAGE_SIZE,
) -> SearchResult:
    """Reviews matching ``text`` and ``filters``: one page of results, the total, and facets.

    A search matching more than FACET_LIMIT reviews ranks and counts facets over the
    FACET_LIMIT most recently added matches (the page says so): ranking every match of a word
    half the reviews contain would cost more than it tells."""
    filters = {k: v for k, v in (filters or {}).items() if v and (k in FILTERS or k == "topic")}
    query = fts_query(text)
    sort = sort if sort in SORTS else "relevance"
    if sort == "relevance" and not query:
        sort = "newest"
    clauses, params = filter_clauses(filters)
    result = SearchResult(text or "", 0, [], [], max(1, page), sort, filters)
    offset = (result.page - 1) * size
    order = {
        "newest": "r.published IS NULL, r.published DESC, r.id",
        "oldest": "r.published IS NULL, r.published, r.id",
    }.get(sort)
    try:
        if query:
            # FTS first, always: the planner would otherwise probe FTS once per filtered row.
            base = " FROM reviews_fts CROSS JOIN reviews r ON r.rowid = reviews_fts.rowid"
            where = " WHERE reviews_fts MATCH ?"
            args: list = [query]
            if clauses:
                # The filtered matches, found from the filters' indexes and the FTS row list.
                matches = (
                    f"SELECT r.rowid FROM reviews r WHERE {' AND '.join(clauses)} AND r.rowid IN"
                    " (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)"
                )
                margs = [*params, query]
                result.count = conn.execute(f"SELECT count(*) FROM ({matches})", margs).fetchone()[
                    0
                ]
            else:
                matches, margs = "SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?", [query]
                result.count = conn.execute(
                    "SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH ?", (query,)
                ).fetchone()[0]
            if result.count > FACET_LIMIT:
                # The FACET_LIMIT most recently added matches (rowid order is free in FTS5).
                floor = conn.execute(
                    f"SELECT * FROM ({matches}) ORDER BY 1 DESC LIMIT 1 OFFSET {FACET_LIMIT - 1}",
                    margs,
                ).fetchone()[0]
                where += " AND reviews_fts.rowid >= ?"
                args.append(floor)
                if clauses:
                    where += " AND " + " AND ".join(clauses)
                    args += params
                result.sampled = True
            elif clauses:
                where += " AND " + " AND ".join(clauses)
                args += params
            snip = ", ".join(
                f"snippet(reviews_fts, {column}, '{_START}', '{_END}', '…', 28)"
                for column in _SNIPPET_COLUMNS
            )
            snip += "".join(
                f", json_valid(r.[{name}]) AND r.[{name}] LIKE '[%'" for name in _LIST_COLUMNS
            )
            rows = conn.execute(
                f"SELECT {_COLUMNS}, {snip}{base}{where}"
                f" ORDER BY {order or 'reviews_fts.rank'} LIMIT ? OFFSET ?",
                [*args, size, offset],
            ).fetchall()
            tally = conn.execute(f"SELECT {_FACET_COLUMNS}{base}{where}", args).fetchall()
        else:
            where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
            result.count = conn.execute(
                f"SELECT count(*) FROM reviews r{where}", params
            ).fetchone()[0]
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM reviews r{where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, size, offset],
            ).fetchall()
            sample = ""
            if result.count > FACET_LIMIT:
                sample = f" ORDER BY r.rowid DESC LIMIT {FACET_LIMIT}"
                result.sampled = True
            tally = conn.execute(
                f"SELECT {_FACET_COLUMNS} FROM reviews r{where}{sample}", params
            ).fetchall()
    except sqlite3.OperationalError as exc:  # a query FTS5 still refuses
        result.errors.append(f"The search could not be run: {exc}")
        return result
    for row in rows:
        summary = row[7] or ""
        best = _best_snippet(row[8:])
        short = summary[:260] + ("…" if len(summary) > 260 else "")
        result.results.append(
            {
                "id": row[0],
                "title": row[1] or row[0],
                "area": row[2],
                "nation": row[3],
                "type": REVIEW_TYPE_LABELS.get(row[4] or "other", row[4]),
                "published": row[5],
                "status": row[6] or "published",
                "status_label": STATUS_LABELS.get(row[6] or "published"),
                "snippet": snippet_html(best) if best else Markup(escape(short)),
            }
        )
    result.facets = facets(conn, tally)
    return result


def facets(conn, rows) -> list[Facet]:
    """Counts for nation, type, topic, year, status and area over ``rows`` (the matches, or
    the sample of them)."""
    tallies: dict[str, dict] = {name: {} for name in (*FILTERS, "topic")}
    review_ids = []
    for nation, kind, year, area, status, review_id in rows:
        for name, value in (("nation", nation), ("type", kind), ("year", year), ("area", area),
                            ("status", status or "published")):  # fmt: skip
            if value is not None:
                tallies[name][value] = tallies[name].get(value, 0) + 1
        review_ids.append(review_id)
    for start in range(0, len(review_ids), 900):
        chunk = review_ids[start : start + 900]
        for topic, n in conn.execute(
            f"SELECT topic, count(*) FROM review_topics WHERE review_id IN ({','.join('?' * len(chunk))})"
            " GROUP BY topic",
            chunk,
        ):
            tallies["topic"][topic] = tallies["topic"].get(topic, 0) + n
    labels = {
        "nation": ("Nation", lambda v: v),
        "type": ("Type", lambda v: REVIEW_TYPE_LABELS.get(v, v)),
        "topic": ("Topic", lambda v: BY_SLUG[v].label if v in BY_SLUG else v),
        "year": ("Year", lambda v: str(v)),
        "status": ("Status", lambda v: STATUS_LABELS.get(v, v)),
        "area": ("Area", lambda v: v),
    }
    out = []
    for name, (label, show) in labels.items():
        counted = tallies[name]
        if name == "year":
            ordered = sorted(counted.items(), key=lambda kv: -int(kv[0]))
        else:
            ordered = sorted(counted.items(), key=lambda kv: (-kv[1], str(kv[0])))
        out.append(Facet(name, label, [(str(v), show(v), n) for v, n in ordered[:25]]))
    return out


def similar(conn: sqlite3.Connection, review_id: str, limit: int = 5) -> list[dict]:
    """The reviews most like this one: shared topics first, then shared distinctive words
    (FTS5 rank over the review's own keywords and themes); each with why."""
    row = conn.execute(
        "SELECT rowid, topics, keywords, themes, review_type FROM reviews WHERE id = ?",
        (review_id,),
    ).fetchone()
    if row is None:
        return []
    rowid, topics, keywords, themes, kind = row
    mine = [t for t in json.loads(topics or "[]") if t in BY_SLUG]
    scores: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    if mine:
        for other, shared in conn.execute(
            f"SELECT review_id, group_concat(topic, '|') FROM review_topics WHERE topic IN"
            f" ({','.join('?' * len(mine))}) AND review_id != ? GROUP BY review_id"
            " ORDER BY count(*) DESC LIMIT 200",
            [*mine, review_id],
        ):
            names = shared.split("|")
            scores[other] = 2.0 * len(names)
            labels = [BY_SLUG[t].label.lower() for t in mine if t in names]  # in a stable order
            why[other] = ["shares topics: " + ", ".join(labels)]
    words = _distinctive_words(keywords, themes)
    if words:
        match = " OR ".join(f'"{w}"' for w in words)
        try:
            # Ranked among the FACET_LIMIT most recently added matches, as a broad search is.
            floor = conn.execute(
                "SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ? ORDER BY rowid DESC"
                f" LIMIT 1 OFFSET {FACET_LIMIT - 1}",
                (match,),
            ).fetchone()
            found = conn.execute(
                "SELECT r.id, r.rowid FROM reviews_fts CROSS JOIN reviews r"
                " ON r.rowid = reviews_fts.rowid"
                " WHERE reviews_fts MATCH ? AND reviews_fts.rowid != ? AND reviews_fts.rowid >= ?"
                " ORDER BY rank LIMIT 20",
                (match, rowid, floor[0] if floor else 0),
            ).fetchall()
        except sqlite3.OperationalError:
            found = []
        common = _shared_words(conn, words, rowid, [r[1] for r in found])
        for position, (other, other_rowid) in enumerate(found):
            scores[other] = scores.get(other, 0.0) + 1.5 - position * 0.05
            if common.get(other_rowid):
                why.setdefault(other, []).append(
                    "similar wording: " + ", ".join(common[other_rowid][:4])
                )
    best = sorted(scores, key=lambda r: (-scores[r], r))[:limit]
    out = []
    for other in best:
        info = conn.execute(
            "SELECT id, title, area, review_type, published, review_type = ? FROM reviews"
            " WHERE id = ?",
            (kind, other),
        ).fetchone()
        if info:
            out.append(
                {
                    "id": info[0],
                    "title": info[1] or info[0],
                    "area": info[2],
                    "type": REVIEW_TYPE_LABELS.get(info[3] or "other"),
                    "published": info[4],
                    # Found by this review's words, none of them seen in both (should not
                    # happen): say only what is true.
                    "why": "; ".join(why.get(other, []))
                    or "matches words of this review's keywords and themes",
                }
            )
    return out


def _shared_words(
    conn: sqlite3.Connection, words: list[str], rowid: int, others: list[int]
) -> dict[int, list[str]]:
    """For each of ``others`` (rowids), which of ``words`` both it and review ``rowid`` contain
    (as FTS5 matches them in the indexed columns): the rarest first, as they weigh most in the
    rank (bm25), then in the order of ``words``."""
    if not others:
        return {}
    marks = ",".join("?" * (len(others) + 1))
    found: list[tuple[int, int, str, set[int]]] = []
    for position, word in enumerate(words):
        match = f'"{word}"'
        rowids = {
            r[0]
            for r in conn.execute(
                f"SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ? AND rowid IN ({marks})",
                [match, rowid, *others],
            )
        }
        if rowid not in rowids:
            continue
        frequency = conn.execute(
            "SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH ?", (match,)
        ).fetchone()[0]
        found.append((frequency, position, word, rowids))
    found.sort(key=lambda f: f[:2])
    return {other: [word for _, _, word, rowids in found if other in rowids] for other in others}


_STOP = {"the", "and", "for", "with", "from", "that", "this", "were", "was", "not", "had",
         "review", "reviews", "child", "children", "case", "their", "they", "when", "which",
         "about", "into", "there", "have", "been", "more", "agencies", "professionals"}  # fmt: skip


def _distinctive_words(keywords: str | None, themes: str | None) -> list[str]:
    words: list[str] = []
    for text in [*json.loads(keywords or "[]"), *json.loads(themes or "[]")][:12]:
        for word in re.findall(r"[a-z][a-z-]{3,}", str(text).lower()):
            if word not in _STOP and word not in words:
                words.append(word)
    return words[:8]


def topic_choices() -> list[tuple[str, str]]:
    return [(t.slug, t.label) for t in TOPICS]
