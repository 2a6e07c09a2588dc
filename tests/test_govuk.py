"""GOV.UK: the Panel's national reviews from the saved Search and Content API responses."""

from __future__ import annotations

import pytest

from crawler.spiders.govuk import GovukSpider, attachment_kind, search_url

from .harness import crawl_offline, load_expected, offline_response

EXPECTED = load_expected("govuk")["national-reviews"]


@pytest.fixture(scope="module")
def crawl():
    spider = GovukSpider()
    requested = []
    original = spider._request

    def counting(url, callback, listing):
        requested.append(url)
        return original(url, callback, listing)

    spider._request = counting
    start = spider._request(search_url(0), spider.parse_search, listing=True)
    items = crawl_offline(spider, [start])
    return items, requested


def test_search_urls_are_the_documented_strings():
    assert search_url(20) == (
        "https://www.gov.uk/api/search.json?filter_organisations=child-safeguarding-practice-"
        "review-panel&count=10&start=20&order=-public_timestamp&fields=title,link,description,"
        "public_timestamp,format,content_store_document_type"
    )
    assert offline_response(search_url(0)).status == 200


def test_a_full_run_pages_through_search_and_reads_every_publication(crawl):
    _, requested = crawl
    searches = [u for u in requested if "/api/search.json" in u]
    contents = [u for u in requested if "/api/content/" in u]
    assert searches == [search_url(0), search_url(10), search_url(20)]
    assert len(contents) == 17
    assert not any("/government/news/" in u or "/guidance/" in u for u in requested)


def test_exactly_the_national_reviews_become_items(crawl):
    items, _ = crawl
    assert sorted(i["title"] for i in items) == sorted(r["title"] for r in EXPECTED["reviews"])
    titles = {i["title"] for i in items}
    assert not titles & set(EXPECTED["not_reviews"])


@pytest.mark.parametrize("expected", EXPECTED["reviews"], ids=lambda r: r["url"].rsplit("/", 1)[-1])
def test_each_review_has_its_exact_fields_and_documents(crawl, expected):
    items, _ = crawl
    [item] = [i for i in items if i["title"] == expected["title"]]
    assert item["source_url"] == expected["url"]
    assert item["published"] == str(expected["published"])
    assert item["summary"] == expected["summary"]
    assert item["review_type"] == "national_review"
    assert item["area_text"] == "National"
    assert item["author"] == "Child Safeguarding Practice Review Panel"
    assert [(d["url"], d["kind"], d["title"]) for d in item["documents"]] == [
        (d["url"], d["kind"], d["title"]) for d in expected["documents"]
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Government response to the Panel’s review", "response"),
        ("Phase 1 report: executive summary", "executive_summary"),
        ("Child sexual abuse within the family environment: practice briefing", "learning_brief"),
        (
            "It was hard to escape: safeguarding children at risk from criminal exploitation",
            "full_report",
        ),
        ("Data annex", "other"),
    ],
)
def test_attachment_kinds(title, kind):
    publication = "It was hard to escape: safeguarding children at risk from criminal exploitation"
    assert attachment_kind(title, publication) == kind


def test_a_later_harvest_asks_only_for_what_changed(tmp_path):
    import json
    import sqlite3

    from .conftest import SNAPSHOT, run_scr

    db = tmp_path / "reviews.db"
    assert (
        run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "govuk", "-q").returncode
        == 0
    )
    conn = sqlite3.connect(db)
    # As if the last good harvest was on 8 June 2024: the next asks from 1 June (a week's margin).
    conn.execute("UPDATE sources SET last_success = '2024-06-08T06:00:00Z' WHERE id = 'govuk'")
    conn.commit()
    # Saved snapshots are replayed in full unless asked; here the saved copy has the page.
    result = run_scr(
        "harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "govuk", "-s", "SCR_INCREMENTAL=1"
    )
    assert result.returncode == 0, result.stderr
    assert "filter_public_timestamp=from:2024-06-01" in result.stderr
    run = conn.execute(
        "SELECT requests, items, incremental, state, responses FROM harvests ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert run[:4] == (4, 1, 1, "ok")
    assert json.loads(run[4]) == {"200": 4}
    # Nothing the incremental run did not see is taken for unlisted.
    assert conn.execute("SELECT count(*), sum(listed) FROM reviews").fetchone() == (7, 7)
    full = run_scr(
        "harvest",
        "--snapshot",
        str(SNAPSHOT),
        "--db",
        str(db),
        "govuk",
        "--full",
        "-s",
        "SCR_INCREMENTAL=1",
    )
    assert full.returncode == 0
    assert conn.execute(
        "SELECT requests, incremental FROM harvests ORDER BY id DESC LIMIT 1"
    ).fetchone() == (20, 0)
    conn.close()
