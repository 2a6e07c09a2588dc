"""The pages staff use and the feeds subscribers read, over the bundled snapshot: search,
review pages, trends, about, months; feeds that parse; a site under a base_url; rows with
nothing but their required columns; and the one-line errors for bad databases."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml
from datasette.app import Datasette

from feeds.search import fts_query

from .conftest import ROOT, run_scr

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_db(snapshot_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("pages") / "reviews.db"
    shutil.copy(snapshot_db, db)
    (db.parent / "archive").symlink_to(snapshot_db.parent / "archive")  # the archived reports
    return db


@pytest.fixture
def ds(site_db):
    return Datasette([str(site_db)], metadata=METADATA, settings={"suggest_facets": False})


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.alternates: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "alternate" and "xml" in (attrs.get("type") or ""):
            self.alternates.append((attrs["type"], attrs["href"]))


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


# -- search ------------------------------------------------------------------------------------


async def test_search_shows_cards_with_highlighted_snippets_count_and_facets(ds):
    response = await ds.client.get("/search?q=neglect")
    assert response.status_code == 200
    html = response.text
    assert html.index('name="q"') < html.index('class="scr-card"')  # the box comes first
    count = int(re.search(r"<strong>([\d,]+)</strong> reviews? matching", html)[1])
    assert count >= 20
    cards = re.findall(r'<article class="scr-card">(.*?)</article>', html, re.S)
    assert len(cards) == 20
    assert all("<mark>" in card.lower() for card in cards[:10])
    for facet in ("Nation", "Type", "Topic", "Year", "Status", "Area"):
        assert f"<h3>{facet}</h3>" in html
    links = parse(html)
    # The exports run the page's own FTS5 query (quoted words), raw.
    for export in ("csv", "json"):
        prefix = f"/reviews/reviews.{export}?_search=%22neglect%22&_searchmode=raw"
        assert any(link.startswith(prefix) for link in links.links), export
    assert ("application/rss+xml", "/feed.rss?q=neglect") in links.alternates
    assert ("application/atom+xml", "/feed.atom?q=neglect") in links.alternates
    # Internal columns are nowhere on the page.
    assert "name_key" not in html and "area_codes" not in html and "first_url" not in html


async def test_a_facet_click_narrows_the_results(ds):
    html = (await ds.client.get("/search?q=neglect")).text
    wales = re.search(r'<a href="([^"]+)">Wales</a> <span class="scr-count">(\d+)</span>', html)
    narrowed = (await ds.client.get(wales[1].replace("&amp;", "&"))).text
    count = int(re.search(r"<strong>([\d,]+)</strong> reviews? matching", narrowed)[1])
    assert count == int(wales[2])
    assert 'class="scr-chip">Wales' in narrowed


async def test_search_sorts_by_date_and_escapes_what_it_shows(ds, site_db):
    conn = sqlite3.connect(site_db)
    newest = conn.execute(
        "SELECT r.title FROM reviews r WHERE r.rowid IN (SELECT rowid FROM reviews_fts WHERE"
        " reviews_fts MATCH '\"neglect\"') ORDER BY r.published IS NULL, r.published DESC, r.id"
        " LIMIT 1"
    ).fetchone()[0]
    conn.close()
    html = (await ds.client.get("/search?q=neglect&sort=newest")).text
    first = re.search(r'<article class="scr-card">\s*<h2><a href="[^"]+">([^<]+)</a>', html)[1]
    assert first == newest.replace("'", "&#39;").replace("&", "&amp;") or first == newest
    hostile = await ds.client.get('/search?q=<script>alert(1)</script>"OR NEAR(')
    assert hostile.status_code == 200
    assert "<script>alert(1)" not in hostile.text


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("neglect", '"neglect"'),
        ("invisible men", '"invisible" "men"'),
        ('"invisible men"', '"invisible men"'),
        ("neglect*", '"neglect"*'),
        ('" OR NEAR( AND', None),
        ("", None),
        ("child's", '"child\'s"'),
        ("was not brought", '"was" "not" "brought"'),
    ],
)
def test_a_search_is_quoted_for_fts5(typed, query):
    assert fts_query(typed) == query


# -- a review ----------------------------------------------------------------------------------


async def test_a_review_page_reads_as_a_record_with_similar_reviews(ds):
    html = (await ds.client.get("/reviews/reviews/north-tyneside-jasmine-2021")).text
    assert "<h1>Jasmine: serious case review, North Tyneside</h1>" in html
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]*)</dd>", html))
    assert facts["Area"] == "North Tyneside" and facts["Published"] == "2021-04-12"
    assert facts["Type"] == "Serious case review" and facts["Sex"] == "female"
    assert "<h2>Summary</h2>" in html and "<h2>Topics</h2>" in html
    assert "<h2>Similar reviews</h2>" in html
    similar = re.findall(r'<ul class="scr-similar">(.*?)</ul>', html, re.S)[0]
    assert 1 <= similar.count("<li>") <= 5
    assert "shares topics:" in similar or "similar wording:" in similar
    assert ("application/rss+xml", "/feed.rss?area=North+Tyneside") in parse(html).alternates


async def test_scr_serve_serves_any_database_file_as_reviews(site_db, tmp_path, monkeypatch):
    """`scr serve --db data/other.db`: the review pages, metadata and links are written for a
    database named reviews; the file's own name does not matter."""
    from feeds.plugin import SERVE_AS_REVIEWS

    other = tmp_path / "board-copy.db"
    shutil.copy(site_db, other)
    plain = Datasette([str(other)], metadata=METADATA, settings={"suggest_facets": False})
    await plain.invoke_startup()
    assert "board-copy" in plain.databases  # only scr serve renames: not any Datasette
    monkeypatch.setenv(SERVE_AS_REVIEWS, "1")
    ds = Datasette([str(other)], metadata=METADATA, settings={"suggest_facets": False})
    html = (await ds.client.get("/reviews/reviews/north-tyneside-jasmine-2021")).text
    assert "<h1>Jasmine: serious case review, North Tyneside</h1>" in html
    assert "<h2>Similar reviews</h2>" in html
    assert [n for n in ds.databases if not n.startswith("_")] == ["reviews"]
    search = (await ds.client.get("/search?q=neglect")).text
    assert "/reviews/reviews/" in search
    assert (await ds.client.get("/board-copy/reviews")).status_code == 404


# -- trends, about, months ------------------------------------------------------------------------


async def test_trends_read_filters_as_the_search_page_does(ds):
    async def total(query: str) -> int:
        text = (await ds.client.get(f"/trends.csv?chart=types&{query}")).text
        rows = list(csv.reader(io.StringIO(text)))[1:]
        return sum(int(cell) for row in rows for cell in row[1:] if cell.isdigit())

    # a council inside a partnership (Monmouthshire is one of Gwent's), any spelling of a type
    assert await total("area=Monmouthshire") == await total("area=Gwent") == 7
    assert await total("type=SAR") == await total("type=sar") > 0
    assert await total("nation=wales") == await total("nation=Wales") > 0


async def test_trends_draws_charts_with_tables_and_csv(ds):
    html = (await ds.client.get("/trends")).text
    assert html.count('<svg class="scr-chart"') == 3
    for title in ("Reviews per year, by type", "Reviews per year, by nation", "The top topics"):
        assert title in html
    assert "<script" not in html.split("<footer")[0].split("</nav>", 1)[1].split("<svg")[0]
    csv_response = await ds.client.get("/trends.csv?chart=nations")
    lines = csv_response.text.strip().splitlines()
    assert lines[0].startswith("series,")
    assert any(line.startswith("England,") for line in lines)
    filtered = (await ds.client.get("/trends?q=neglect&area=Kent")).text
    assert "search &#39;neglect&#39;, Kent" in filtered or "search 'neglect', Kent" in filtered
    assert (await ds.client.get("/trends.csv?chart=nonsense")).status_code == 400


async def test_about_describes_every_column_and_the_topics(ds):
    html = (await ds.client.get("/about")).text
    for column in ("name_key", "topics", "source_title", "old_id"):
        assert f"<dt><code>{column}</code></dt>" in html
    assert "Professional curiosity" in html
    table = (await ds.client.get("/reviews/reviews")).text
    assert "name_key: The structured" not in table  # descriptions moved off the table page


# -- feeds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/feed.rss", "scr-digest: all new reviews"),
        ("/feed.atom", "scr-digest: all new reviews"),
        ("/feed.rss?nation=Wales", "scr-digest: reviews in Wales"),
        ("/feed.atom?type=sar", "scr-digest: safeguarding adults reviews"),
        ("/feed.rss?topic=neglect", "scr-digest: reviews on neglect"),
        ("/feed.rss?area=Kent", "scr-digest: reviews in Kent"),
        ("/feed.atom?q=neglect", "scr-digest: search 'neglect'"),
        ("/feed.rss?q=%22+OR+NEAR(", "scr-digest: search '\" OR NEAR('"),
        ("/feed.rss?q=", "scr-digest: all new reviews"),
        ("/digest/2021-04.rss", "scr-digest: Case reviews: April 2021"),
        ("/reviews/feed.rss", "scr-digest: all new reviews"),
        ("/reviews/feed_search.rss?q=", "scr-digest: all new reviews"),
    ],
)
async def test_every_feed_parses_with_human_titles_and_absolute_links(ds, path, title):
    response = await ds.client.get(path, follow_redirects=True)
    assert response.status_code == 200, response.text
    kind = "atom" if ".atom" in path else "rss"
    assert response.headers["content-type"].startswith(f"application/{kind}+xml")
    feed = feedparser.parse(response.text)
    assert feed.bozo == 0, feed.get("bozo_exception")
    if title:
        assert feed.feed.title == title
    for entry in feed.entries:
        assert urlsplit(entry.link).scheme == "http", entry.link
        assert entry.id.startswith("scr-digest:review:")


async def test_rss_and_atom_carry_the_same_items(ds):
    rss = feedparser.parse((await ds.client.get("/feed.rss?q=neglect")).text)
    atom = feedparser.parse((await ds.client.get("/feed.atom?q=neglect")).text)
    assert [(e.id, e.title, e.link) for e in rss.entries] == [
        (e.id, e.title, e.link) for e in atom.entries
    ]
    assert rss.entries


async def test_every_page_with_a_feed_advertises_it(ds):
    for path, feed in [
        ("/", "/feed.rss"),
        ("/search?q=neglect", "/feed.rss?q=neglect"),
        ("/search?area=Kent", "/feed.rss?area=Kent"),
        ("/search?topic=neglect", "/feed.rss?topic=neglect"),
        ("/digest/2021-04", "/digest/2021-04.rss"),
        ("/trends?q=neglect", "/feed.rss?q=neglect"),
    ]:
        html = (await ds.client.get(path)).text
        assert ("application/rss+xml", feed) in parse(html).alternates, path


# -- base_url ----------------------------------------------------------------------------------


async def test_the_site_works_under_a_base_url(site_db):
    ds = Datasette(
        [str(site_db)], metadata=METADATA, settings={"base_url": "/scr/", "suggest_facets": False}
    )
    seen: set[str] = set()
    for start in ("/scr/", "/scr/search?q=neglect", "/scr/reviews/reviews/north-tyneside-jasmine-2021",
                  "/scr/digest/2021-04", "/scr/trends", "/scr/digest", "/scr/about"):  # fmt: skip
        html = (await ds.client.get(start.removeprefix("/scr"))).text
        for link in parse(html).links:
            if link.startswith(("http", "mailto:", "#")) or link in seen:
                continue
            seen.add(link)
            target = urljoin(start, link)
            assert target.startswith("/scr/"), (start, link)
            if target.endswith((".csv", ".md", ".rss", ".atom")) or "_size=max" in target:
                continue
            response = await ds.client.get(target.removeprefix("/scr"))
            assert response.status_code in (200, 301, 302), (start, link, response.status_code)
    assert len(seen) > 60
    feed = feedparser.parse((await ds.client.get("/feed.rss")).text)
    assert all("/scr/reviews/reviews/" in e.link for e in feed.entries)
    menu = (await ds.client.get("/search")).text
    assert 'href="/scr/digest"' in menu and 'href="/scr/trends"' in menu


# -- rows with nothing but their required columns ----------------------------------------------------


async def test_rows_with_empty_optional_columns_render_everywhere(site_db, tmp_path):
    db = tmp_path / "sparse.db"
    shutil.copy(site_db, db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO reviews (id) VALUES ('hand-made')")
    conn.execute(
        "INSERT INTO documents (url, review_id) VALUES ('https://x.example/a.pdf', 'hand-made')"
    )
    conn.execute(
        "INSERT INTO documents (url, review_id) VALUES ('https://x.example/b.pdf', 'kent-child-q-2025')"
    )
    conn.execute("INSERT INTO review_sources (id, review_id) VALUES ('s-hand', 'hand-made')")
    conn.execute(
        "UPDATE reviews SET first_seen = NULL, title = NULL WHERE id = 'kent-child-q-2025'"
    )
    conn.commit()
    conn.close()
    ds = Datasette([str(db)], metadata=METADATA, settings={"suggest_facets": False})
    for path in ("/sparse/reviews/hand-made", "/sparse/reviews/kent-child-q-2025", "/search",
                 "/search?q=hand", "/feed.rss", "/feed.atom", "/trends", "/digest/months",
                 "/digest", "/sparse/reviews", "/sparse/documents"):  # fmt: skip
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])


# -- bad databases -----------------------------------------------------------------------------


@pytest.fixture
def bad_databases(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all, just text\n" * 50)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema-v1.db.gz", damaged)  # gzip bytes
    folder = tmp_path / "folder.db"
    folder.mkdir()
    return {
        "garbage": (garbage, "is not a SQLite database"),
        "other": (other, "is not a scr-digest database"),
        "damaged": (damaged, "is not a SQLite database"),
        "folder": (folder, "is a directory"),
        "missing": (tmp_path / "missing.db", "does not exist"),
    }


@pytest.mark.parametrize("case", ["garbage", "other", "damaged", "folder", "missing"])
@pytest.mark.parametrize("command", ["serve", "digest", "sources", "harvest"])
def test_a_bad_database_is_one_line_and_exit_2(bad_databases, case, command):
    path, says = bad_databases[case]
    if command == "sources" and case == "missing":
        return  # listing sources needs no database
    if command == "harvest" and case == "missing":
        return  # a harvest creates its database
    args = {
        "serve": ["serve", "--db", str(path), "--port", "8799"],
        "digest": ["digest", "2021-04", "--db", str(path)],
        "sources": ["sources", "--db", str(path)],
        "harvest": [
            "harvest",
            "--db",
            str(path),
            "--snapshot",
            str(ROOT / "data" / "snapshot"),
            "jersey-spb",
        ],
    }[command]
    result = run_scr(*args, timeout=60)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert says in lines[0] and str(path) in lines[0]


def test_a_bad_port_is_scrs_own_message():
    result = run_scr("serve", "--port", "99999", timeout=60)
    assert result.returncode == 2
    assert "--port" in result.stderr and "99999 is not in the range 1<=x<=65535" in result.stderr
    assert "Traceback" not in result.stderr
