"""Feeds and exports a new user breaks by accident: control characters in a search, an area
inside a partnership, following an export's pages, the canned search feed with odd words, a
feed that stops at FEED_SIZE without saying so, and titles for National and Anonymous."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from urllib.parse import urlencode

import feedparser
import pytest
import yaml
from datasette.app import Datasette

from feeds.feed import FEED_SIZE
from feeds.rss import FeedItem, atom_xml, feed_xml, xml_safe
from feeds.search import search

from .conftest import ROOT, query

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))


@pytest.fixture
def ds(snapshot_db):
    return Datasette([str(snapshot_db)], metadata=METADATA, settings={"suggest_facets": False})


def guids(db, where: str, *params) -> set[str]:
    rows = query(db, f"SELECT coalesce(guid, id) AS guid FROM reviews r WHERE {where}", *params)
    return {f"scr-digest:review:{r['guid']}" for r in rows}


def page_count(html: str) -> int:
    return int(re.search(r"scr-result-count[^>]*>\s*<strong>([\d,]+)", html)[1].replace(",", ""))


def parsed(response):
    assert response.status_code == 200, response.text[:300]
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


# -- 1. whatever goes into the XML is XML ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("q", ["%00", "%01", "%1b", "%ef%bf%be", "neglect%00%0b", "%ef%bf%bf"])
async def test_control_characters_in_a_search_give_a_feed_that_parses(ds, fmt, q):
    feed = parsed(await ds.client.get(f"/feed.{fmt}?q={q}"))
    assert feed.feed.title.startswith("scr-digest: search '")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", feed.feed.title)


async def test_control_characters_in_an_rss_querys_parameters_and_rows_give_a_feed(ds):
    # The .rss renderer titles a query's feed with its parameters, and its rows are untrusted.
    sql = (
        "select 'g\x01' as rss_guid, 'a\x1bb' as rss_title, '/x' as rss_link,"
        " '2024-01-01' as rss_pubdate, 'd' || char(0) || 'e' as rss_description,"
        " '[\"t\x0c\"]' as rss_category"
    )
    args = urlencode({"sql": sql, "x": "\x1b\ufffe"})
    feed = parsed(await ds.client.get(f"/reviews.rss?{args}"))
    [entry] = feed.entries
    assert entry.title == "ab" and entry.id == "g"
    assert "de" in entry.description


@pytest.mark.parametrize("write", [feed_xml, atom_xml])
def test_scraped_text_loses_what_xml_forbids_in_both_formats(write):
    bad = "\x00\x01\x08\x0b\x0c\x1b\ufffe\uffff\ud800"
    item = FeedItem(
        guid=f"id{bad}",
        title=f"Child{bad} A",
        link="https://example.org/a",
        pubdate=None,
        description=f"Sum{bad}mary\ttab",
        categories=[f"neg{bad}lect", bad],
        documents=[{"url": "https://example.org/a.pdf", "kind": "report", "title": f"Re{bad}port"}],
    )
    body = write(
        [item],
        title=f"t{bad}",
        link="https://e.org/",
        description=f"d{bad}",
        self_url="https://e.org/f",
    )
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "t"
    [entry] = feed.entries
    assert entry.title == "Child A" and entry.id == "id"
    assert [t.term for t in entry.tags] == ["neglect"]
    html = entry.description if write is feed_xml else entry.content[0].value
    assert "Summary\ttab" in html and "Report" in html


def test_xml_safe_keeps_what_xml_allows():
    kept = "tab\t nl\n cr\r del\x7f nel\x85 é 😀 \ufffd \U0010ffff"
    assert xml_safe(kept) == kept
    assert xml_safe("a\x00\x1f\ud800\udfff\ufffe\uffffb") == "ab"
    assert xml_safe(None) is None


# -- 2. an area finds the reviews of the partnerships it belongs to ----------------------------

# A council by its name, its alias or its code: the reviews that name it, have its code, or list
# it among a partnership's councils (area_codes).
COVERS = (
    "r.area = ? OR r.area_code = ? OR EXISTS (SELECT 1 FROM json_each(r.area_codes)"
    " WHERE value = ?)"
)


@pytest.mark.parametrize(
    ("value", "name", "code"),
    [
        ("W06000021", "Monmouthshire", "W06000021"),  # Gwent
        ("Monmouthshire", "Monmouthshire", "W06000021"),
        ("E06000063", "Cumberland", "E06000063"),  # Cumbria
        ("Cardiff", "Cardiff", "W06000015"),  # Cardiff and Vale of Glamorgan
    ],
)
async def test_an_area_in_a_partnership_finds_the_partnerships_reviews(
    ds, snapshot_db, value, name, code
):
    expected = guids(snapshot_db, COVERS, name, code, code)
    in_partnership = guids(
        snapshot_db, "EXISTS (SELECT 1 FROM json_each(r.area_codes) WHERE value = ?)", code
    )
    assert in_partnership, f"the snapshot has no partnership covering {code}"
    for fmt in ("rss", "atom"):
        feed = parsed(await ds.client.get(f"/feed.{fmt}?area={value}"))
        assert feed.feed.title == f"scr-digest: reviews in {name}"
        assert {e.id for e in feed.entries} == expected
    html = (await ds.client.get(f"/search?area={value}")).text
    assert page_count(html) == len(expected)


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("Kent", "r.area = 'Kent'"),
        ("E08000022", "r.area_code = 'E08000022'"),
        ("National", "r.area = 'National'"),
        ("Anonymous", "r.area = 'Anonymous'"),
        ("Gwent", "r.area = 'Gwent'"),
    ],
)
async def test_an_areas_exact_matches_are_all_still_found(ds, snapshot_db, value, where):
    exact = guids(snapshot_db, where)
    assert exact
    feed = parsed(await ds.client.get(f"/feed.rss?area={value}"))
    assert exact <= {e.id for e in feed.entries}


# -- 3. an export's pages, followed to the end, give each review once --------------------------


@pytest.fixture
def small_pages(snapshot_db):
    # A CSV streams in pages of max_returned_rows: small pages make the snapshot several pages.
    return Datasette(
        [str(snapshot_db)],
        metadata=METADATA,
        settings={"suggest_facets": False, "max_returned_rows": 100},
    )


def _export_link(html: str, ext: str) -> str:
    link = re.search(rf'href="([^"]*/reviews/reviews\.{ext}\?[^"]*)"', html)[1]
    return link.replace("&amp;", "&")


@pytest.mark.parametrize(
    ("search_args", "text", "filters"),
    [
        ("", "", {}),
        ("topic=neglect", "", {"topic": "neglect"}),
        ("q=neglect", "neglect", {}),
        ("nation=Wales", "", {"nation": "Wales"}),
        ("q=child", "child", {}),
        ("area=Monmouthshire", "", {"area": "Monmouthshire"}),
        ("area=Kent", "", {"area": "Kent"}),
    ],
)
async def test_following_an_exports_pages_gives_each_review_once(
    small_pages, snapshot_db, search_args, text, filters
):
    ds = small_pages
    html = (await ds.client.get(f"/search?{search_args}")).text
    count = page_count(html)
    conn = sqlite3.connect(snapshot_db)
    try:
        expected = {r["id"] for r in search(conn, text, filters, size=10_000).results}
    finally:
        conn.close()
    assert count == len(expected) > 0

    url, ids, pages = _export_link(html, "json"), [], 0
    while url:
        data = (await ds.client.get(url.replace("http://localhost", ""))).json()
        ids += [row["id"] for row in data["rows"]]
        url, pages = data.get("next_url"), pages + 1
    assert len(ids) == len(set(ids)), "a review repeated"
    assert set(ids) == expected
    if count > 50:
        assert pages > 1  # the table's page size is 50: the pages were followed

    response = await ds.client.get(_export_link(html, "csv"))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len({r["id"] for r in rows}) == count
    assert {r["id"] for r in rows} == expected


# -- 4. the canned search feed takes any words -------------------------------------------------


@pytest.mark.parametrize(
    ("q", "rows"),
    [
        (None, "newest"),
        ("", "newest"),
        ("+", "newest"),
        ("%22", 0),
        ("%22%22%22%22", 0),
        ("NEAR(", None),
        ("*", None),
        ("AND+OR", None),
        ("%00", 0),
        ("neglect%00%22", None),
        ("%22a%0Ab%22", None),
        ("neglect", None),
    ],
)
async def test_the_canned_search_feed_is_never_a_syntax_error(ds, snapshot_db, q, rows):
    suffix = "" if q is None else f"?q={q}"
    page = await ds.client.get(f"/reviews/feed_search{suffix}")
    assert page.status_code == 200, page.text[:300]
    assert "syntax error" not in page.text
    response = await ds.client.get(f"/reviews/feed_search.json{suffix}&_shape=objects"
                                   if suffix else "/reviews/feed_search.json?_shape=objects")  # fmt: skip
    assert response.status_code == 200, response.text[:300]
    found = [r["rss_guid"] for r in response.json()["rows"]]
    if rows == "newest":
        newest = query(
            snapshot_db,
            "SELECT coalesce(guid, id) AS guid FROM reviews"
            f" ORDER BY first_seen DESC, published DESC, id LIMIT {FEED_SIZE}",
        )
        assert found == [f"scr-digest:review:{r['guid']}" for r in newest]
    elif rows is not None:
        assert len(found) == rows


async def test_the_canned_search_feed_still_searches(ds, snapshot_db):
    response = await ds.client.get("/reviews/feed_search.json?q=neglect&_shape=objects")
    found = {r["rss_guid"] for r in response.json()["rows"]}
    expected = guids(
        snapshot_db, "r.rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH 'neglect')"
    )
    assert found == expected or (len(found) == FEED_SIZE and found <= expected)


# -- 5. a feed says it holds the newest FEED_SIZE ----------------------------------------------


async def test_a_feed_says_it_stops_at_feed_size(ds, snapshot_db):
    england = guids(snapshot_db, "r.nation = 'England'")
    assert len(england) > FEED_SIZE
    rss = parsed(await ds.client.get("/feed.rss?nation=England"))
    atom = parsed(await ds.client.get("/feed.atom?nation=England"))
    assert len(rss.entries) == len(atom.entries) == FEED_SIZE
    for said in (rss.feed.description, atom.feed.subtitle):
        assert f"the {FEED_SIZE} newest found" in said
        assert "the search page" in said and "has them all" in said
    html = (await ds.client.get("/search?nation=England")).text
    assert page_count(html) == len(england)


# -- 6. National and Anonymous read as English ---------------------------------------------


@pytest.mark.parametrize(
    ("path", "title", "where"),
    [
        ("/feed.rss?area=National", "scr-digest: national reviews", "r.area = 'National'"),
        ("/feed.atom?area=national", "scr-digest: national reviews", "r.area = 'National'"),
        ("/feed.rss?area=National&type=national-review", "scr-digest: national reviews",
         "r.area = 'National' AND r.review_type = 'national_review'"),
        ("/feed.rss?area=Anonymous", "scr-digest: reviews of unnamed areas", "r.area = 'Anonymous'"),
        ("/feed.rss?area=anonymous&type=scr", "scr-digest: serious case reviews of unnamed areas",
         "r.area = 'Anonymous' AND r.review_type = 'scr'"),
        ("/feed.rss?area=Anonymous&nation=England",
         "scr-digest: reviews of unnamed areas in England",
         "r.area = 'Anonymous' AND r.nation = 'England'"),
        ("/feed.rss?q=neglect&area=National", "scr-digest: search 'neglect', national reviews",
         "r.area = 'National' AND r.rowid IN"
         " (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH '\"neglect\"')"),
    ],
)  # fmt: skip
async def test_national_and_anonymous_areas_are_titled_in_english(
    ds, snapshot_db, path, title, where
):
    feed = parsed(await ds.client.get(path))
    assert feed.feed.title == title
    expected = guids(snapshot_db, where)
    assert expected, where
    assert {e.id for e in feed.entries} == expected
    page = path.replace("/feed.rss", "/search").replace("/feed.atom", "/search")
    assert page_count((await ds.client.get(page)).text) == len(expected)


@pytest.mark.parametrize("words", ["neglect*", "abuse OR neglect", '"child sexual abuse"'])
async def test_the_canned_search_feed_reads_words_as_the_main_feed_does(ds, words):
    from urllib.parse import quote

    canned = await ds.client.get(f"/reviews/feed_search.json?q={quote(words)}&_shape=objects")
    main = parsed(await ds.client.get(f"/feed.rss?q={quote(words)}"))
    found = {r["rss_guid"] for r in canned.json()["rows"]}
    assert found and found == {e.id for e in main.entries}
