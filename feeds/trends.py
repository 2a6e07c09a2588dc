"""Trends: reviews per year by type and by nation, and the top topics by year, for everything
or for a search or an area. Each chart's numbers are also a table and a CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import dataclass

from crawler.normalise.topics import BY_SLUG

from .digest import REVIEW_TYPE_LABELS
from .search import filter_clauses, fts_query

CHARTS = {
    "types": "Reviews per year, by type",
    "nations": "Reviews per year, by nation",
    "topics": "The top topics, year by year",
}
FIRST_YEAR = 2005


@dataclass
class Chart:
    key: str
    title: str
    years: list[int]
    series: list[tuple[str, dict[int, int]]]

    def rows(self) -> list[list]:
        return [[label, *(counts.get(y, 0) for y in self.years)] for label, counts in self.series]

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["series", *self.years])
        writer.writerows(self.rows())
        return out.getvalue()


def _scope(text: str | None, filters: dict[str, str]) -> tuple[str, list]:
    clauses, params = ["r.published_year >= ?"], [FIRST_YEAR]
    query = fts_query(text)
    if query:
        clauses.append("r.rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)")
        params.append(query)
    more, args = filter_clauses(filters)  # as the search page filters
    return " WHERE " + " AND ".join(clauses + more), params + args


def trends(
    conn: sqlite3.Connection, text: str | None = None, filters: dict[str, str] | None = None
) -> list[Chart]:
    filters = {k: v for k, v in (filters or {}).items() if v}
    where, params = _scope(text, filters)
    by_type: dict[str, dict[int, int]] = {}
    by_nation: dict[str, dict[int, int]] = {}
    years: set[int] = set()
    for year, kind, nation, n in conn.execute(
        f"SELECT r.published_year, r.review_type, r.nation, count(*) FROM reviews r{where}"
        " GROUP BY 1, 2, 3",
        params,
    ):
        years.add(year)
        label = REVIEW_TYPE_LABELS.get(kind or "other", kind or "other")
        by_type.setdefault(label, {})[year] = by_type.get(label, {}).get(year, 0) + n
        place = nation or "Not known"
        by_nation.setdefault(place, {})[year] = by_nation.get(place, {}).get(year, 0) + n
    topics: dict[str, dict[int, int]] = {}
    for topic, year, n in conn.execute(
        "SELECT t.topic, r.published_year, count(*) FROM review_topics t CROSS JOIN reviews r"
        f" ON r.rowid = t.review_rowid{where} GROUP BY 1, 2",
        params,
    ):
        topics.setdefault(topic, {})[year] = n
    span = list(range(min(years), max(years) + 1)) if years else []

    def ordered(series: dict[str, dict[int, int]], top: int | None = None):
        items = sorted(series.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        return items[:top] if top else items

    top_topics = [
        (BY_SLUG[t].label if t in BY_SLUG else t, counts) for t, counts in ordered(topics, 6)
    ]
    return [
        Chart("types", CHARTS["types"], span, ordered(by_type)),
        Chart("nations", CHARTS["nations"], span, ordered(by_nation)),
        Chart("topics", CHARTS["topics"], span, top_topics),
    ]
