"""The feed's filters read values the way a subscriber writes them: any case, a type by its
code, label or acronym, a topic by its slug or label, an area by its name or GSS code. Each
feed is checked against a direct SQL count on the same database. A value that names nothing
is a 400 naming the parameter, the value (escaped) and what would do, never an empty feed."""

from __future__ import annotations

import re

import feedparser
import pytest
import yaml
from datasette.app import Datasette

from crawler.normalise.topics import TOPICS
from crawler.normalise.vocabulary import KINDS, REVIEW_TYPES
from feeds.digest import REVIEW_TYPE_LABELS
from feeds.feed import FEED_SIZE, review_type, topic_slug

from .conftest import ROOT, query

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))

SAR = "review_type = 'sar'"
WALES = "nation = 'Wales'"
DOMESTIC_ABUSE = "rowid IN (SELECT review_rowid FROM review_topics WHERE topic = 'domestic-abuse')"
NORTH_TYNESIDE = "area_code = 'E08000022'"
NEGLECT = "rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH '\"neglect\"')"


@pytest.fixture
def ds(snapshot_db):
    return Datasette([str(snapshot_db)], metadata=METADATA, settings={"suggest_facets": False})


def matching(db, where: str) -> set[str]:
    """The feed guids of every review that ``where`` selects, straight from SQL."""
    rows = query(db, f"SELECT coalesce(guid, id) AS guid FROM reviews WHERE {where}")
    return {f"scr-digest:review:{r['guid']}" for r in rows}


@pytest.mark.parametrize(
    ("path", "where", "title"),
    [
        # A type by its code in any case, its acronym or its label (singular or plural).
        ("/feed.rss?type=SAR", SAR, "scr-digest: safeguarding adults reviews"),
        ("/feed.rss?type=sar", SAR, "scr-digest: safeguarding adults reviews"),
        ("/feed.atom?type=SARs", SAR, "scr-digest: safeguarding adults reviews"),
        ("/feed.rss?type=safeguarding+adults+review", SAR, "scr-digest: safeguarding adults reviews"),
        ("/feed.rss?type=Safeguarding+Adults+Reviews", SAR, "scr-digest: safeguarding adults reviews"),
        ("/feed.rss?type=national-review", "review_type = 'national_review'", "scr-digest: national reviews"),
        # A nation in any case.
        ("/feed.rss?nation=wales", WALES, "scr-digest: reviews in Wales"),
        ("/feed.rss?nation=Wales", WALES, "scr-digest: reviews in Wales"),
        ("/feed.atom?nation=WALES", WALES, "scr-digest: reviews in Wales"),
        ("/feed.rss?nation=northern-ireland", "nation = 'Northern Ireland'", "scr-digest: reviews in Northern Ireland"),
        # A topic by its slug or its label, in any case.
        ("/feed.rss?topic=domestic-abuse", DOMESTIC_ABUSE, "scr-digest: reviews on domestic abuse"),
        ("/feed.rss?topic=domestic+abuse", DOMESTIC_ABUSE, "scr-digest: reviews on domestic abuse"),
        ("/feed.rss?topic=Domestic+Abuse", DOMESTIC_ABUSE, "scr-digest: reviews on domestic abuse"),
        # An area by its GSS code (titled with its name) or its name, in any case.
        ("/feed.rss?area=E08000022", NORTH_TYNESIDE, "scr-digest: reviews in North Tyneside"),
        ("/feed.atom?area=e08000022", NORTH_TYNESIDE, "scr-digest: reviews in North Tyneside"),
        ("/feed.rss?area=North+Tyneside", "area = 'North Tyneside'", "scr-digest: reviews in North Tyneside"),
        ("/feed.rss?area=north+tyneside", "area = 'North Tyneside'", "scr-digest: reviews in North Tyneside"),
        ("/feed.rss?area=Kent", "area = 'Kent'", "scr-digest: reviews in Kent"),
        # Filters together, and with a search.
        ("/feed.rss?nation=england&type=SCR&q=neglect", f"{NEGLECT} AND nation = 'England' AND review_type = 'scr'",
         "scr-digest: search 'neglect', serious case reviews in England"),
        ("/feed.rss?type=dhr&topic=Domestic+abuse", f"{DOMESTIC_ABUSE} AND review_type = 'dhr'",
         "scr-digest: domestic homicide reviews on domestic abuse"),
        ("/feed.rss?q=neglect", NEGLECT, "scr-digest: search 'neglect'"),
        ("/feed.rss", "1", "scr-digest: all new reviews"),
        # The search page's other filters: a year of publication and a status (code or label).
        ("/feed.rss?q=neglect&year=2021", f"{NEGLECT} AND published_year = 2021",
         "scr-digest: search 'neglect', reviews published in 2021"),
        ("/feed.rss?year=2019", "published_year = 2019", "scr-digest: reviews published in 2019"),
        ("/feed.rss?status=no_longer_published", "status = 'no_longer_published'",
         "scr-digest: reviews (report no longer published)"),
        ("/feed.atom?status=Report+no+longer+published&nation=england",
         "status = 'no_longer_published' AND nation = 'England'",
         "scr-digest: reviews in England (report no longer published)"),
    ],
)  # fmt: skip
async def test_a_filter_is_read_as_a_subscriber_writes_it(ds, snapshot_db, path, where, title):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    feed = feedparser.parse(response.text)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == title
    expected = matching(snapshot_db, where)
    assert expected, f"the snapshot has no review where {where}"
    assert len(feed.entries) == min(FEED_SIZE, len(expected))
    assert {e.id for e in feed.entries} <= expected


async def test_spellings_of_one_filter_give_the_same_feed(ds):
    async def ids(path):
        return [e.id for e in feedparser.parse((await ds.client.get(path)).text).entries]

    for spellings in (
        [
            "type=sar",
            "type=SAR",
            "type=Safeguarding+adults+review",
            "type=safeguarding-adults-reviews",
        ],
        ["nation=Wales", "nation=wales", "nation=+WALES+"],
        ["topic=domestic-abuse", "topic=domestic+abuse", "topic=DOMESTIC+ABUSE"],
        ["area=E08000022", "area=e08000022", "area=North+Tyneside", "area=NORTH+TYNESIDE"],
    ):
        feeds = [await ids(f"/feed.rss?{s}") for s in spellings]
        assert feeds[0] and all(f == feeds[0] for f in feeds), spellings


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/feed.rss?type=SAR", "/search?type=sar"),
        (
            "/feed.rss?topic=Domestic+Abuse&nation=wales",
            "/search?nation=Wales&topic=domestic-abuse",
        ),
        ("/feed.rss?area=E08000022", "/search?area=North+Tyneside"),
    ],
)
async def test_the_feed_links_its_search_page_with_the_canonical_values(ds, path, page):
    # The search page filters by exact values: the feed's page link must use them.
    feed = feedparser.parse((await ds.client.get(path)).text)
    assert feed.feed.link == f"http://localhost{page}"
    html = (await ds.client.get(page)).text
    shown = re.search(r'<p class="scr-result-count"><strong>([\d,]+)</strong>', html)
    assert int(shown[1].replace(",", "")) >= len(feed.entries) > 0


@pytest.mark.parametrize(
    ("path", "name", "value", "shown"),
    [
        (
            "/feed.rss?nation=Narnia",
            "nation",
            "Narnia",
            "England, Wales, Scotland, Northern Ireland",
        ),
        (
            "/feed.atom?nation=Narnia",
            "nation",
            "Narnia",
            "England, Wales, Scotland, Northern Ireland",
        ),
        ("/feed.rss?nation=Englnd", "nation", "Englnd", "Did you mean nation=England?"),
        ("/feed.rss?type=xyz", "type", "xyz", "sar (Safeguarding adults reviews)"),
        ("/feed.rss?type=SARR", "type", "SARR", "type=sar"),
        ("/feed.rss?topic=nonsense", "topic", "nonsense", "domestic-abuse"),
        ("/feed.rss?topic=neglct", "topic", "neglct", "Did you mean topic=neglect?"),
        ("/feed.rss?area=Narnia", "area", "Narnia", "GSS code"),
        (
            "/feed.rss?area=North+Tynside",
            "area",
            "North Tynside",
            "Did you mean area=North Tyneside",
        ),
        ("/feed.rss?area=Wales", "area", "Wales", "Did you mean nation=Wales?"),
        ("/feed.rss?area=E99999999", "area", "E99999999", "GSS code"),
        ("/feed.rss?nation=Wales&topic=nonsense", "topic", "nonsense", "neglect"),
    ],
)
async def test_an_unknown_value_is_a_400_naming_it_and_what_would_do(ds, path, name, value, shown):
    response = await ds.client.get(path)
    assert response.status_code == 400, response.text[:300]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f"<title>Unknown {name}</title>" in response.text
    assert f"There is no {name} “{value}”." in response.text
    assert shown in response.text


@pytest.mark.parametrize("name", ["nation", "type", "topic", "area"])
async def test_an_unknown_value_is_escaped(ds, name):
    response = await ds.client.get(f"/feed.rss?{name}=<script>alert(1)</script>")
    assert response.status_code == 400
    assert "<script" not in response.text
    assert f"There is no {name} “&lt;script&gt;alert(1)&lt;/script&gt;”." in response.text


def test_every_code_label_and_acronym_names_its_type_and_every_topic_its_slug():
    for code in REVIEW_TYPES:
        assert review_type(code) == code
        assert review_type(code.upper()) == code
    for code, label in REVIEW_TYPE_LABELS.items():
        assert review_type(label) == code, label
        assert review_type(label.upper()) == code, label
    for kind in KINDS:
        for acronym in kind.acronyms:
            assert review_type(acronym) == kind.type and review_type(acronym.lower()) == kind.type
    assert review_type("safeguarding adult review") == "sar"
    assert review_type("xyz") is None and review_type("reviews") is None
    for topic in TOPICS:
        assert topic_slug(topic.slug) == topic.slug
        assert topic_slug(topic.label) == topic.slug
        assert topic_slug(topic.label.upper()) == topic.slug
        assert topic_slug(topic.slug.replace("-", " ")) == topic.slug
    assert topic_slug("nonsense") is None


def _search_count(ds, path: str) -> int:
    import asyncio

    html = asyncio.run(ds.client.get(path)).text
    return int(re.search(r"scr-result-count[^>]*>\s*<strong>([\d,]+)", html)[1].replace(",", ""))


@pytest.mark.parametrize(
    ("spellings", "where"),
    [
        (("type=sar", "type=SAR", "type=safeguarding+adults+reviews"), SAR),
        (("nation=Wales", "nation=wales"), WALES),
        (("area=North+Tyneside", "area=north+tyneside", "area=E08000022"), NORTH_TYNESIDE),
        (("topic=domestic-abuse", "topic=Domestic+abuse"), DOMESTIC_ABUSE),
    ],
)
def test_the_search_page_reads_filters_as_the_feeds_do(ds, snapshot_db, spellings, where):
    expected = len(matching(snapshot_db, where))
    assert expected > 0
    assert [_search_count(ds, f"/search?{s}") for s in spellings] == [expected] * len(spellings)


def test_a_search_filter_naming_nothing_finds_nothing_and_keeps_the_page(ds):
    assert _search_count(ds, "/search?type=xyz") == 0
    assert _search_count(ds, "/search?area=Narnia") == 0


@pytest.mark.parametrize(
    "query",
    ["q=neglect&year=2021", "year=2019&nation=Wales", "status=no_longer_published",
     "q=child&status=unpublished", "type=SAR&year=2020"],
)  # fmt: skip
async def test_a_search_pages_feed_has_what_the_page_counts(ds, query):
    html = (await ds.client.get(f"/search?{query}")).text
    count = int(re.search(r"scr-result-count[^>]*>\s*<strong>([\d,]+)", html)[1].replace(",", ""))
    feed_path = re.search(r'href="([^"]*/feed\.rss[^"]*)"', html)[1].replace("&amp;", "&")
    feed = feedparser.parse((await ds.client.get(feed_path)).text)
    assert count > 0
    assert len(feed.entries) == min(FEED_SIZE, count)


@pytest.mark.parametrize(("path", "name"), [("/feed.rss?year=abc", "year"),
                                            ("/feed.rss?year=21", "year"),
                                            ("/feed.atom?status=gone", "status")])  # fmt: skip
async def test_an_unknown_year_or_status_is_a_400(ds, path, name):
    response = await ds.client.get(path)
    assert response.status_code == 400
    assert f"<h1>Unknown {name}</h1>" in response.text


async def test_scotlands_serious_case_reviews_are_significant_case_reviews(ds, snapshot_db):
    [baby_s] = query(
        snapshot_db, "SELECT id, title FROM reviews WHERE id = 'aberdeenshire-baby-s-2021'"
    )
    assert baby_s["title"] == "Baby S: significant case review, Aberdeenshire"
    page = (await ds.client.get(f"/reviews/reviews/{baby_s['id']}")).text
    assert "<dt>Type</dt><dd>Significant case review</dd>" in page
    digest = (await ds.client.get("/digest/2021-08")).text
    assert "Scotland: Significant case reviews" in digest
    assert "Scotland: Serious case reviews" not in digest
