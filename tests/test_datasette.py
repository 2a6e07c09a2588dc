"""What users see in Datasette: search, facets, rows, the digest pages and the feeds."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import feedparser
import pytest
import yaml
from datasette.app import Datasette

from crawler.database import ReviewStore
from feeds.digest import build_digest, latest_month, render_html, render_markdown

from .conftest import ROOT

FIRST_RUN = "2026-01-05T06:00:00Z"
SECOND_RUN = "2026-02-03T06:00:00Z"

# Feed items carry the review's display title: subject, type, area (and its year).
JASMINE = "Jasmine: serious case review, North Tyneside (2021)"
CHILD_Q = "Child Q: local child safeguarding practice review, Kent (2021)"
CPR_ABCD = "CPR ABCD 03-2020: child practice review, Carmarthenshire (2021)"
EVIL_TITLE = '<script>alert("x")</script> Child X'


def review(**fields) -> dict:
    base = {
        "review_type": "lcspr",
        "nation": "England",
        "region": "North East",
        "area_codes": [],
        "documents": [],
        "themes": [],
        "keywords": [],
    }
    return {**base, **fields}


REVIEWS = [
    # (source, seen_at, item)
    (
        "north-tyneside-scp",
        FIRST_RUN,
        review(
            source_url="https://www.northtynesidescp.org.uk/about/serious-case-reviews/",
            title="Serious Case Review Jasmine – published 12th April 2021",
            pseudonym="Jasmine",
            name_key="jasmine",
            review_type="scr",
            area="North Tyneside",
            area_code="E08000022",
            area_codes=["E08000022"],
            published="2021-04-12",
            summary="Jasmine was sexually abused by a family member over a period of time.",
            themes=["invisible men", "retraction of allegations"],
            keywords=["sexual abuse", "neglect"],
            documents=[
                {
                    "url": "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf",
                    "kind": "full_report",
                    "title": "SCR report",
                }
            ],
        ),
    ),
    (
        "kent-scp",
        FIRST_RUN,
        review(
            source_url="https://www.kscmp.org.uk/reviews",
            title="Child Q",
            pseudonym="Child Q",
            name_key="child q",
            area="Kent",
            area_code="E10000016",
            region="South East",
            published="2021-04",
            summary="Death of an 8-day-old baby girl in September 2020.",
            themes=["bruising in non-mobile babies"],
        ),
    ),
    (
        "cysur",
        FIRST_RUN,
        review(
            source_url="https://www.cysur.wales/reviews",
            title="CPR ABCD 03-2020",
            pseudonym="CPR ABCD 03-2020",
            name_key="cpr abcd 03 2020",
            review_type="cpr",
            nation="Wales",
            region=None,
            area="Carmarthenshire",
            area_code="W06000010",
            published="2021-04-30",
            summary="Serious injury of a 3-month-old boy.",
        ),
    ),
    # Found in the second harvest, dated only by year: a "newly found" review of February 2026.
    (
        "kent-scp",
        SECOND_RUN,
        review(
            source_url="https://www.kscmp.org.uk/reviews",
            title=EVIL_TITLE,
            pseudonym="Child X",
            name_key="child x",
            area="Kent",
            area_code="E10000016",
            region="South East",
            published="2026",
            summary='Neglect of a toddler. <img src=x onerror="alert(1)">',
            themes=["<b>neglect</b>"],
            documents=[
                {"url": "javascript:alert(1)", "kind": "full_report", "title": "evil"},
                {
                    "url": "https://www.kscmp.org.uk/x.pdf",
                    "kind": "learning_brief",
                    "title": "<i>brief</i>",
                },
            ],
        ),
    ),
    # Back-filled in the first harvest with only a year: never "new" in a digest.
    (
        "kent-scp",
        FIRST_RUN,
        review(
            source_url="https://www.kscmp.org.uk/reviews",
            title="Family U",
            pseudonym="Family U",
            name_key="family u",
            area="Kent",
            area_code="E10000016",
            region="South East",
            published="2025",
        ),
    ),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("ds") / "reviews.db"
    store = ReviewStore(path)
    for run in (FIRST_RUN, SECOND_RUN):
        for source in ("north-tyneside-scp", "kent-scp", "cysur"):
            store.record_harvest({"run_id": run, "source": source, "started": run, "state": "ok"})
    for source, seen_at, item in REVIEWS:
        store.save_review(item, source=source, source_kind="own", seen_at=seen_at)
    # A document that a later harvest smuggled in unchecked must still never become a link.
    store.conn.execute(
        "UPDATE documents SET url = 'javascript:alert(2)' WHERE url = 'javascript:alert(1)'"
    )
    store.close()
    return path


@pytest.fixture
def ds(db_path):
    with open(ROOT / "metadata.yml", encoding="utf-8") as fh:
        metadata = yaml.safe_load(fh)
    return Datasette([str(db_path)], metadata=metadata)


def digest_of(db_path, month: str):
    conn = sqlite3.connect(db_path)
    try:
        return build_digest(conn, int(month[:4]), int(month[5:]), today=date(2026, 11, 24))
    finally:
        conn.close()


def test_digest_lists_the_months_published_reviews_grouped_by_nation_and_type(db_path):
    digest = digest_of(db_path, "2021-04")
    assert [(g.nation, g.label, [r.name for r in g.reviews]) for g in digest.groups] == [
        ("England", "Serious case reviews", ["Jasmine"]),
        ("England", "Child safeguarding practice reviews", ["Child Q"]),
        ("Wales", "Child practice reviews", ["CPR ABCD 03-2020"]),
    ]
    assert (digest.published_count, digest.found_count) == (3, 0)
    assert (digest.previous, digest.next) == ("2021-03", "2021-05")


def test_digest_adds_newly_found_undated_reviews_but_not_the_backfill(db_path):
    digest = digest_of(db_path, "2026-02")
    assert [r.name for r in digest.reviews] == ["Child X"]
    assert digest.reviews[0].basis == "found"
    assert digest.next == "2026-03"
    assert [r.name for r in digest_of(db_path, "2026-01").reviews] == []
    assert digest_of(db_path, "2026-11").next is None


def test_latest_month_is_the_newest_with_reviews(db_path):
    conn = sqlite3.connect(db_path)
    assert latest_month(conn, today=date(2026, 11, 24)) == "2026-02"
    conn.close()


def test_markdown_digest_escapes_scraped_text(db_path):
    md = render_markdown(digest_of(db_path, "2026-02"))
    # Every "<" is escaped, except those around a link destination.
    assert not re.search(r"(?<![\\(])<", md)
    assert "javascript:" not in md
    assert 'toddler. \\<img src=x onerror="alert(1)"\\>' in md
    assert "- [Learning brief](<https://www.kscmp.org.uk/x.pdf>)" in md
    assert "Newly found 2026-02-03; published 2026" in md


def test_standalone_html_digest_escapes_scraped_text(db_path):
    html = render_html(digest_of(db_path, "2026-02"))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>neglect" not in html
    assert "&lt;img src=x onerror=" in html
    assert "javascript:" not in html
    assert 'href="https://www.kscmp.org.uk/x.pdf"' in html


async def test_digest_pages(ds):
    # The current month has no reviews here: /digest shows the latest month that has, and says so.
    latest = await ds.client.get("/digest")
    assert latest.status_code == 200
    assert "<h1>Case reviews: February 2026</h1>" in latest.text
    assert "the latest month that has any" in latest.text
    months = await ds.client.get("/digest/months")
    assert months.status_code == 200
    assert '<a href="/digest/2021-04">April 2021</a></td><td>3</td><td>0</td>' in months.text
    assert '<a href="/digest/2026-01">' not in months.text  # the first harvest back-filled
    page = await ds.client.get("/digest/2021-04")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Case reviews: April 2021</h1>" in html
    assert (
        '<a href="/reviews/reviews/north-tyneside-jasmine-2021">North Tyneside – Jasmine</a></h3>'
        in html
    )
    assert (
        'href="https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf"'
        in html
    )
    assert 'href="/digest/2021-03"' in html and 'href="/digest/2021-05"' in html
    assert 'href="/digest/2021-04.rss"' in html
    assert "@media print" in html
    assert (await ds.client.get("/digest/2021-13")).status_code == 404
    md = await ds.client.get("/digest/2021-04.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Case reviews: April 2021")


async def test_digest_page_escapes_scraped_text(ds):
    html = (await ds.client.get("/digest/2026-02")).text
    assert '<script>alert("x")' not in html
    assert "<img src=x" not in html
    assert "javascript:alert" not in html


async def test_month_feed_is_valid_rss(ds):
    response = await ds.client.get("/digest/2021-04.rss")
    assert response.headers["content-type"] == "application/rss+xml; charset=utf-8"
    feed = feedparser.parse(response.text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == [
        JASMINE,
        CHILD_Q,
        CPR_ABCD,
    ]
    assert feed.entries[0].id == "scr-digest:review:north-tyneside-jasmine-2021"


@pytest.mark.parametrize(
    ("path", "titles"),
    [
        (
            "/reviews/feed.rss",
            [
                "Child X: local child safeguarding practice review, Kent (2026)",
                "Family U: local child safeguarding practice review, Kent (2025)",
                CPR_ABCD,
                JASMINE,
                CHILD_Q,
            ],
        ),
        ("/reviews/feed_nation.rss?nation=Wales", [CPR_ABCD]),
        ("/reviews/feed_type.rss?review_type=scr", [JASMINE]),
        ("/reviews/feed_area.rss?area=E08000022", [JASMINE]),
        ("/reviews/feed_theme.rss?theme=non-mobile", [CHILD_Q]),
        ("/reviews/feed_search.rss?q=sexually+abused", [JASMINE]),
        ("/reviews/feed_search.rss?q=nothing-matches-this", []),
    ],
)
async def test_ready_made_feeds_validate(ds, path, titles):
    # The canned feeds of earlier releases moved to the one feed path: saved links follow.
    moved = await ds.client.get(path)
    assert moved.status_code == 301 and moved.headers["location"].startswith("/feed.")
    response = await ds.client.get(path, follow_redirects=True)
    assert response.status_code == 200, response.text
    feed = feedparser.parse(response.text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == titles


async def test_feed_items_have_stable_guids_dates_categories_and_documents(ds):
    feed = feedparser.parse(
        (await ds.client.get("/reviews/feed_type.rss?review_type=scr", follow_redirects=True)).text
    )
    [entry] = feed.entries
    assert entry.id == "scr-digest:review:north-tyneside-jasmine-2021"
    assert entry.guidislink is False
    assert entry.published == "Mon, 05 Jan 2026 06:00:00 +0000"
    assert [t.term for t in entry.tags] == ["invisible men", "retraction of allegations"]
    assert entry.link == "http://localhost/reviews/reviews/north-tyneside-jasmine-2021"
    assert (
        'href="https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf"'
        in entry.description
    )


async def test_feeds_escape_scraped_text(ds):
    raw = (await ds.client.get("/reviews/feed_area.rss?area=Kent", follow_redirects=True)).text
    assert "<script" not in raw and "<img" not in raw and "javascript:" not in raw
    feed = feedparser.parse(raw)
    evil = next(e for e in feed.entries if "Child X" in e.title)
    # One level of XML escaping gives the description's HTML; scraped markup is still text in it.
    assert "&lt;img src=x" in evil.description
    assert "<script" not in evil.description


async def test_atom_is_offered_too(ds):
    response = await ds.client.get("/reviews/feed.atom", follow_redirects=True)
    assert response.status_code == 200
    feed = feedparser.parse(response.text)
    assert not feed.bozo
    assert len(feed.entries) == 5


async def test_rss_needs_the_agreed_columns(ds):
    response = await ds.client.get("/reviews/reviews.rss")
    assert response.status_code == 400
    assert "missing rss_guid, rss_title, rss_link, rss_pubdate" in response.text
    table = (await ds.client.get("/reviews/reviews")).text
    assert "reviews.rss" not in table  # can_render hides the link
    query = (await ds.client.get("/reviews/feed")).text
    assert "/reviews/feed.rss" in query


async def test_reviews_table_is_newest_first_faceted_and_searchable(ds):
    data = (await ds.client.get("/reviews/reviews.json?_shape=objects")).json()
    assert [r["id"] for r in data["rows"]][:2] == ["kent-child-x-2026", "kent-family-u-2025"]
    facets = data["facet_results"]
    # A few cheap default facets (staff facet on /search); any column still facets on request.
    assert set(facets) == {"review_type", "nation", "published_year"}
    on_request = (await ds.client.get("/reviews/reviews.json?_facet=sex&_shape=objects")).json()
    assert "sex" in on_request["facet_results"]
    assert {f["value"]: f["count"] for f in facets["nation"]["results"]} == {
        "England": 4,
        "Wales": 1,
    }
    found = (
        await ds.client.get("/reviews/reviews.json?_search=bruising+non-mobile&_shape=objects")
    ).json()
    assert [r["id"] for r in found["rows"]] == ["kent-child-q-2021"]
    filtered = (await ds.client.get("/reviews/reviews.json?nation=Wales&_shape=objects")).json()
    assert [r["id"] for r in filtered["rows"]] == ["carmarthenshire-cpr-abcd-03-2020-2021"]


async def test_rows_show_themes_documents_and_provenance(ds):
    html = (await ds.client.get("/reviews/reviews/north-tyneside-jasmine-2021")).text
    assert "<h1>Jasmine: serious case review, North Tyneside</h1>" in html
    assert "<dt>Published</dt><dd>2021-04-12</dd>" in html
    assert (
        '<ul class="scr-themes"><li>invisible men</li><li>retraction of allegations</li></ul>'
        in html
    )
    assert "<h2>Documents</h2>" in html
    assert (
        '<a href="https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf" rel="noopener nofollow">Report</a>'
        in html
    )
    assert "<h2>Where it was seen</h2>" in html
    assert "https://www.northtynesidescp.org.uk/about/serious-case-reviews/" in html
    evil = (await ds.client.get("/reviews/reviews/kent-child-x-2026")).text
    assert '<script>alert("x")' not in evil
    assert 'href="javascript:' not in evil
    table = (await ds.client.get("/reviews/documents")).text
    assert 'href="javascript:' not in table


async def test_canned_queries(ds):
    month = (
        await ds.client.get("/reviews/reviews_in_month.json?month=2021-04&_shape=objects")
    ).json()
    assert [r["id"] for r in month["rows"]] == [
        "kent-child-q-2021",
        "north-tyneside-jasmine-2021",
        "carmarthenshire-cpr-abcd-03-2020-2021",
    ]
    theme = (
        await ds.client.get("/reviews/reviews_on_theme.json?theme=invisible+men&_shape=objects")
    ).json()
    assert [r["id"] for r in theme["rows"]] == ["north-tyneside-jasmine-2021"]
    area = (await ds.client.get("/reviews/area_reviews.json?area=kent&_shape=objects")).json()
    assert [r["id"] for r in area["rows"]] == [
        "kent-child-x-2026",
        "kent-family-u-2025",
        "kent-child-q-2021",
    ]
    since = (await ds.client.get("/reviews/new_since.json?since=2026-02-01&_shape=objects")).json()
    assert [(r["id"], r["sources"]) for r in since["rows"]] == [("kent-child-x-2026", "kent-scp")]


async def test_the_home_page_says_each_thing_once(ds):
    metadata = ds.metadata()
    home = (await ds.client.get("/")).text
    # the description in the page, the source and licence in the footer: each once
    assert home.count(metadata["description_html"][:40]) == 1
    assert home.count(metadata["license"]) == 1
    assert home.count(f'href="{metadata["source_url"]}"') == 1


async def test_it_is_read_only(ds):
    write = await ds.client.get("/reviews.json?sql=delete+from+reviews")
    assert write.status_code == 400
    assert "Statement must be a SELECT" in write.text
    count = (
        await ds.client.get("/reviews.json?sql=select+count(*)+as+n+from+reviews&_shape=objects")
    ).json()
    assert count["rows"] == [{"n": 5}]


@pytest.mark.parametrize("extension", ["rss", "atom"])
async def test_a_feed_with_nothing_in_it_yet_is_valid_and_empty(ds, extension):
    # A real area with no review yet (an unknown one is a 400: see test_feed_filters).
    response = await ds.client.get(
        f"/reviews/feed_area.{extension}?area=Hartlepool", follow_redirects=True
    )
    assert response.status_code == 200
    feed = feedparser.parse(response.text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries == []
