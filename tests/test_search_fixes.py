"""Search fixes, over the bundled snapshot: a similar review's "why" names only what both
reviews share; a snippet from a JSON-list column reads as text; the search page's CSV and JSON
links return the rows the page counts, as its feed does."""

from __future__ import annotations

import html
import json
import re
import shutil
import sqlite3
import unicodedata

import pytest
import yaml
from datasette.app import Datasette

from crawler.normalise.topics import TOPICS
from crawler.schema import FTS_COLUMNS
from feeds.search import _END, _START, list_snippet, search, similar

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
JASMINE = "north-tyneside-jasmine-2021"
CHILD_T = "gwent-child-t-2024"


@pytest.fixture(scope="module")
def site_db(snapshot_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("search-fixes") / "reviews.db"
    shutil.copy(snapshot_db, db)
    return db


@pytest.fixture
def conn(site_db):
    conn = sqlite3.connect(site_db)
    yield conn
    conn.close()


@pytest.fixture
def ds(site_db):
    return Datasette([str(site_db)], metadata=METADATA, settings={"suggest_facets": False})


# -- 1. similar reviews: the why names only what both share --------------------------------------


def _tokens(conn, review_id: str) -> list[str]:
    """A review's indexed words, split and folded as FTS5's unicode61 tokenizer does."""
    row = conn.execute(
        f"SELECT {', '.join(f'[{c}]' for c in FTS_COLUMNS)} FROM reviews WHERE id = ?",
        (review_id,),
    ).fetchone()
    text = unicodedata.normalize("NFKD", " ".join(v for v in row if v).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", text)


def _contains(tokens: list[str], word: str) -> bool:
    parts = [p for p in re.split(r"[^\w]+", word.lower()) if p]
    return any(tokens[i : i + len(parts)] == parts for i in range(len(tokens)))


def _topics(conn, review_id: str) -> set[str]:
    return {
        t
        for (t,) in conn.execute(
            "SELECT topic FROM review_topics WHERE review_id = ?", (review_id,)
        )
    }


def _named(why: str) -> tuple[list[str], list[str]]:
    """The topic slugs and the words a why names."""
    slugs, words = [], []
    for part in why.split("; "):
        if part.startswith("shares topics: "):
            listed = part.removeprefix("shares topics: ")
            for topic in sorted(TOPICS, key=lambda t: -len(t.label)):  # longest first
                if topic.label.lower() in listed:
                    slugs.append(topic.slug)
                    listed = listed.replace(topic.label.lower(), "")
            assert not listed.strip(", "), why
        elif part.startswith("similar wording: "):
            words += part.removeprefix("similar wording: ").split(", ")
    return slugs, words


@pytest.mark.parametrize(
    "review_id",
    [
        JASMINE,
        CHILD_T,
        "lambeth-child-s-2016",
        "anonymous-children-s-and-t-2018",
        "cheshire-west-and-chester-bryony-2016",
        "north-wales-cpr-nwsb-01-2022-2023",
    ],
)
def test_a_similar_reviews_why_names_only_what_both_reviews_share(conn, review_id):
    found = similar(conn, review_id)
    assert found
    mine = _tokens(conn, review_id)
    for other in found:
        slugs, words = _named(other["why"])
        assert slugs or words, other
        theirs = _tokens(conn, other["id"])
        for word in words:
            assert _contains(mine, word) and _contains(theirs, word), (review_id, other, word)
        assert set(slugs) <= _topics(conn, review_id) & _topics(conn, other["id"]), other
    # The same every time.
    assert similar(conn, review_id) == found


def test_jasmine_and_lambeth_child_s_share_self_harm_not_sexual_abuse(conn):
    why = {s["id"]: s["why"] for s in similar(conn, JASMINE)}
    assert why["lambeth-child-s-2016"] == (
        "shares topics: self-harm and suicide; similar wording: self-harm, adolescent"
    )


async def test_the_review_page_shows_the_true_why(ds):
    page = (await ds.client.get(f"/reviews/reviews/{JASMINE}")).text
    items = re.search(r'<ul class="scr-similar">(.*?)</ul>', page, re.S)[1].split("</li>")
    lambeth = next(item for item in items if "/lambeth-child-s-2016" in item)
    assert re.search(r'class="scr-why">(.*?)</span>', lambeth)[1] == (
        "shares topics: self-harm and suicide; similar wording: self-harm, adolescent"
    )


# -- 2. a snippet from a JSON-list column reads as text ------------------------------------------


def _cards(page: str) -> dict[str, str]:
    return dict(
        re.findall(
            r'<article class="scr-card">\s*<h2><a href="/reviews/reviews/([^"]+)">.*?'
            r'<p class="scr-snippet">(.*?)</p>',
            page,
            re.S,
        )
    )


async def test_a_themes_snippet_is_the_items_text_highlighted_not_json(ds):
    page = (await ds.client.get("/search?q=bruising+non-mobile+babies")).text
    snippet = _cards(page)[CHILD_T]
    text = html.unescape(snippet)
    assert '["' not in text and '", "' not in text and not text.startswith("[")
    assert snippet.startswith("<mark>bruising</mark> in a <mark>non-mobile</mark> baby must")
    assert "safeguarding concern; professionals should not rely" in snippet


async def test_a_snippet_shows_the_words_that_matched_not_only_stop_words(ds):
    # "out of routine": the summary matches by "of" alone, the title by all three words
    page = (await ds.client.get("/search?q=out+of+routine")).text
    [snippet] = _cards(page).values()
    assert snippet.startswith("<mark>Out</mark> of <mark>routine</mark>: a review of sudden")
    # reworded: a stop word beside telling words is not marked; alone, it is
    page = (await ds.client.get("/search?q=bruising+in+non-mobile+babies")).text
    snippet = _cards(page)[CHILD_T]
    assert snippet.startswith("<mark>bruising</mark> in a <mark>non-mobile</mark> baby must")
    page = (await ds.client.get("/search?q=the")).text
    assert all("<mark>" in s for s in _cards(page).values())


async def test_a_list_snippet_is_still_escaped(site_db, tmp_path):
    db = tmp_path / "reviews.db"
    shutil.copy(site_db, db)
    conn = sqlite3.connect(db)
    themes = ['the <script>alert("x")</script> zyxwv & "quoted" words', "a second item"]
    conn.execute(
        "INSERT INTO reviews (id, title, themes, keywords) VALUES (?, ?, ?, ?)",
        ("fixture-zyxwv", "Fixture", json.dumps(themes), json.dumps(["zyxwv keyword"])),
    )
    conn.commit()
    conn.close()
    ds = Datasette([str(db)], metadata=METADATA, settings={"suggest_facets": False})
    page = (await ds.client.get("/search?q=zyxwv")).text
    snippet = _cards(page)["fixture-zyxwv"]
    assert snippet == (
        "the &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; <mark>zyxwv</mark> &amp;"
        " &#34;quoted&#34; words; a second item"
    )
    assert "<script>alert" not in page


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ('["a \\"b\\"", "c"]', 'a "b"; c'),  # whole: escapes read
        ('…of a \x02word\x03", "next item…', "…of a \x02word\x03; next item…"),  # cut both ends
        ('["caf\\u00e9 \\ud83d\\ude00", "x\\\\y"]', "café 😀; x\\y"),
        ('["only one…', "only one…"),
        ("[1, 2]", "[1, 2]"),  # no strings: left as it is
    ],
)
def test_list_snippet_reads_a_cut_json_list(fragment, text):
    assert list_snippet(fragment) == text


def test_a_snippet_from_keywords_is_read_as_text(conn):
    result = search(conn, "intrafamilial")
    snippets = {r["id"]: str(r["snippet"]) for r in result.results}
    assert snippets[JASMINE] == (
        "child sexual abuse; <mark>intrafamilial</mark> abuse; adolescent girls; self-harm;"
        " disclosure"
    )
    assert all(_START not in s and _END not in s for s in snippets.values())


# -- 3. the exports return the rows the page counts ----------------------------------------------


async def _page(ds, params: str) -> tuple[int, dict[str, str]]:
    page = (await ds.client.get(f"/search?{params}")).text
    count = int(re.search(r'scr-result-count"><strong>([\d,]+)</strong>', page)[1].replace(",", ""))
    links = {
        kind: html.unescape(re.search(rf'href="([^"]*{pattern}[^"]*)"', page)[1])
        for kind, pattern in (("json", r"\.json\?"), ("csv", r"\.csv\?"), ("rss", r"/feed\.rss"))
    }
    return count, links


async def _json_ids(ds, url: str) -> list[str]:
    ids, url = [], url + "&_size=max"
    while url:
        response = await ds.client.get(url.removeprefix("http://localhost"))
        assert response.status_code == 200, (url, response.text[:300])
        data = response.json()
        ids += [row["id"] for row in data["rows"]]
        url = data.get("next_url")
    return ids


@pytest.mark.parametrize(
    "params",
    [
        "q=neglect",
        "q=neglect%2A",  # a prefix search: 'neglect*'
        "q=%22invisible+men%22",  # a phrase
        "q=bruising+non-mobile+babies",
        "q=NOT+neglect",  # an operator is a word the page drops
        "q=abuse+OR+neglect",
        "q=domestic+abuse%2A&topic=domestic-abuse",
        "q=neglect%2A&nation=Wales",
        "q=neglect&type=lcspr",
        "q=neglect&topic=neglect",
        "q=exploit%2A&nation=England&type=scr",
        "topic=neglect",
        "nation=Scotland",
    ],
)
async def test_the_exports_return_the_rows_the_page_counts(ds, params):
    count, links = await _page(ds, params)
    ids = await _json_ids(ds, links["json"])
    assert len(ids) == len(set(ids)) == count, (params, links["json"])
    csv_response = await ds.client.get(links["csv"])
    assert csv_response.status_code == 200
    assert len(csv_response.text.strip().splitlines()) - 1 == count, links["csv"]
    rss = (await ds.client.get(links["rss"])).text
    assert rss.count("<item>") == min(count, 100), links["rss"]


async def test_a_prefix_search_exports_more_than_the_bare_word(ds):
    prefix, links = await _page(ds, "q=neglect%2A")
    word, _ = await _page(ds, "q=neglect")
    assert prefix > word  # 'neglected' and 'neglectful' too
    assert len(await _json_ids(ds, links["json"])) == prefix
