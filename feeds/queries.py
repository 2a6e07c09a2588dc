"""Canned queries: what staff ask most often, and the ready-made feeds.

Each feed query returns the RSS columns (``rss_*``, see ``feeds.rss``) and datasette-atom's
columns (``atom_*``), so one query offers both ``.rss`` and ``.atom``. A feed item's id is the
review's first id (``guid``, kept when a better sighting changes the id), and its date is when scr-digest first found the review: an update to the row never
makes it new again.
"""

from __future__ import annotations

from .digest import DIGEST_SQL

FEED_SIZE = 100
# The search feed's words as the search page and /feed.rss read them (``scr_fts``, registered by
# the plugin: feeds.search.fts_query, so "neglect*" is a prefix and FTS5 cannot refuse it).
_SEARCH_WORDS = "coalesce(scr_fts(:q), '')"
# No words: the newest reviews, as the full feed. Words with nothing to search (a lone quote):
# nothing, as /feed.rss?q= gives. Never an FTS5 syntax error.
_SEARCH_WHERE = f"""case
    when trim(coalesce(:q, ''), ' ' || char(9, 10, 13)) = '' then 1
    when {_SEARCH_WORDS} = '' then 0
    else r.rowid in (select rowid from reviews_fts where reviews_fts match {_SEARCH_WORDS})
  end"""


def _feed(database: str, where: str, title: str, description: str, params: list[str]) -> dict:
    item_title = (
        "coalesce(r.title, r.pseudonym, r.id) || coalesce(' (' || r.published_year || ')', '')"
    )
    link = f"'/{database}/reviews/' || r.id"
    sql = f"""select
  'scr-digest:review:' || coalesce(r.guid, r.id) as rss_guid,
  {item_title} as rss_title,
  {link} as rss_link,
  r.first_seen as rss_pubdate,
  r.summary as rss_description,
  r.themes as rss_category,
  (select json_group_array(json_object('url', d.url, 'kind', d.kind, 'title', d.title))
     from documents d where d.review_id = r.id) as rss_documents,
  'tag:scr-digest,2026:review:' || coalesce(r.guid, r.id) as atom_id,
  r.first_seen as atom_updated,
  {item_title} as atom_title,
  {link} as atom_link,
  r.summary as atom_content,
  r.review_type, r.nation, r.area, r.published
from reviews r
where {where}
order by r.first_seen desc, r.published desc, r.id
limit {FEED_SIZE}"""
    return {"sql": sql, "title": title, "description": description, "params": params}


def canned_queries(database: str) -> dict[str, dict]:
    month_sql = DIGEST_SQL.strip()
    return {
        "reviews_in_month": {
            "title": "Reviews in a month",
            "description": "The reviews first published in a month (YYYY-MM), or newly found that "
            "month when their publication month is not known: the monthly digest as a table.",
            "sql": "select id, basis, published, review_type, nation, area, pseudonym, title, "
            f"summary, themes, first_seen from ({month_sql}) order by basis desc, nation, "
            "review_type, area",
            "params": ["month"],
        },
        "reviews_on_theme": {
            "title": "Reviews on a theme",
            "description": "Reviews whose themes or keywords mention a word or phrase, such as "
            "neglect, invisible men, or bruising.",
            "sql": "select id, published, review_type, area, pseudonym, title, themes, keywords, "
            "summary from reviews r where exists (select 1 from json_each(r.themes) "
            "where value like '%' || :theme || '%') or exists (select 1 from "
            "json_each(r.keywords) where value like '%' || :theme || '%') "
            "order by published desc, id",
            "params": ["theme"],
        },
        "area_reviews": {
            "title": "An area's reviews",
            "description": "Every review of one area, by its name (Bedford) or its GSS code "
            "(E06000055), newest first.",
            "sql": "select id, published, review_type, pseudonym, title, status, listed, summary "
            "from reviews where area = :area collate nocase or area_code = :area "
            "or exists (select 1 from json_each(area_codes) where value = :area) "
            "order by published desc, id",
            "params": ["area"],
        },
        "new_since": {
            "title": "Reviews newly found since a date",
            "description": "Reviews scr-digest found on or after a date (YYYY-MM-DD), with where "
            "they were first seen.",
            "sql": "select r.id, r.first_seen, r.published, r.review_type, r.area, r.pseudonym, "
            "r.title, (select group_concat(source, ', ') from review_sources rs "
            "where rs.review_id = r.id) as sources from reviews r where r.first_seen >= :since "
            "order by r.first_seen desc, r.id",
            "params": ["since"],
        },
        "feed": _feed(
            database,
            "1 = 1",
            "scr-digest: new case reviews",
            "Every review as scr-digest finds it, newest first.",
            [],
        ),
        "feed_nation": _feed(
            database,
            "r.nation = :nation collate nocase",
            "scr-digest: new case reviews in a nation",
            "New reviews in England, Wales, Scotland, Northern Ireland, Jersey, Guernsey or the "
            "Isle of Man.",
            ["nation"],
        ),
        "feed_type": _feed(
            database,
            "r.review_type = :review_type",
            "scr-digest: new case reviews of a type",
            "New reviews of one type: scr, lcspr, national_review, sar, dhr, cpr, apr, susr, cmr, "
            "learning_review or other.",
            ["review_type"],
        ),
        "feed_area": _feed(
            database,
            "r.area = :area collate nocase or r.area_code = :area",
            "scr-digest: new case reviews in an area",
            "New reviews of one area, by name or GSS code.",
            ["area"],
        ),
        "feed_theme": _feed(
            database,
            "exists (select 1 from json_each(r.themes) where value like '%' || :theme || '%') "
            "or exists (select 1 from json_each(r.keywords) where value like '%' || :theme || '%')",
            "scr-digest: new case reviews on a theme",
            "New reviews whose themes or keywords mention a word or phrase.",
            ["theme"],
        ),
        "feed_search": _feed(
            database,
            _SEARCH_WHERE,
            "scr-digest: new case reviews matching a search",
            "New reviews matching a full-text search of titles, summaries, themes, "
            "recommendations and keywords.",
            ["q"],
        ),
    }
