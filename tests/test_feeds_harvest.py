"""Partnerships' own news feeds: found on their pages, read with feedparser, and followed to the
pages that announce a review, without ever making a second copy of a known review."""

from __future__ import annotations

import json

import pytest

from crawler.extract.feeds import FeedEntry, announces_review, read_feed
from crawler.extract.links import feed_links

from .conftest import SNAPSHOT, query, run_scr


def saved(relative: str) -> bytes:
    return (SNAPSHOT / relative).read_bytes()


def test_a_malformed_feed_is_still_read_and_the_fault_named():
    entries, problem = read_feed(
        saved("www.cysur.wales/feed/index.html"), "https://www.cysur.wales/feed/"
    )
    assert problem.startswith("malformed feed https://www.cysur.wales/feed/: ")
    first = entries[0]
    # HTML in the title is text; the relative link is made absolute; the date is read.
    assert first == FeedEntry(
        title="Publication of CYSUR 2 2023 – Child Practice Review",
        link="https://www.cysur.wales/child-practice-reviews/publication-of-cysur-2-2023/",
        summary="CYSUR has today published the report of extended Child Practice Review CYSUR 2 2023 …",
        published="2023-09-14",
    )
    links = [e.link for e in entries]
    assert len(links) == len(set(links))  # the repeated entry appears once
    undated = [e for e in entries if e.title.startswith("CYSUR Annual Report")]
    assert undated[0].published is None


def test_only_announcements_of_reviews_are_followed():
    entries, _ = read_feed(
        saved("www.cysur.wales/feed/index.html"), "https://www.cysur.wales/feed/"
    )
    assert [e.title for e in entries if announces_review(e)] == [
        "Publication of CYSUR 2 2023 – Child Practice Review",
        "Publication of CYSUR 4 2019",
    ]
    norfolk, problem = read_feed(
        saved("www.norfolklscb.org/feed/index.html"), "https://www.norfolklscb.org/feed/"
    )
    assert problem is None
    assert [e.link for e in norfolk if announces_review(e)] == [
        "https://www.norfolklscb.org/nscp-publishes-child-safeguarding-practice-review-baby-l/",
        "https://www.norfolklscb.org/2-norfolk-serious-case-reviews-published-today/",
        "https://www.norfolklscb.org/norfolk-serious-case-review-published-today-6/",
    ]
    wirral, _ = read_feed(
        saved("www.wirralsafeguarding.co.uk/feed/atom/index.html"),
        "https://www.wirralsafeguarding.co.uk/feed/atom/",
    )
    announced = [e.title for e in wirral if announces_review(e)]
    assert "WSCP Annual Report 2023-24 published" not in announced
    assert any("Noah" in title for title in announced)


@pytest.mark.parametrize(
    ("title", "summary", "announces"),
    [
        ("Noah – Child Safeguarding Practice Review published", "", True),
        ("SCR Child AE published today", "", True),
        (
            "WSCP Annual Report 2023-24 published",
            "learning from the reviews published in 2023",
            False,
        ),
        ("Training: learning from serious case reviews", "Book now", False),
        ("7 minute briefing: neglect", "The briefing was published", False),
        (
            "Safeguarding Adults Review Mr X",
            "The Board has published its SAR into the care of Mr X.",
            True,
        ),
    ],
)
def test_announcement_words(title, summary, announces):
    entry = FeedEntry(title=title, link="https://example.org/x", summary=summary, published=None)
    assert announces_review(entry) is announces


def test_feeds_are_found_on_pages_without_comment_feeds():
    page = saved("www.norfolklscb.org/2-norfolk-serious-case-reviews-published-today/index.html")
    assert feed_links(
        page, "https://www.norfolklscb.org/2-norfolk-serious-case-reviews-published-today/"
    ) == ["https://www.norfolklscb.org/feed/"]


@pytest.fixture(scope="module")
def cysur_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("feeds") / "reviews.db"
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "cysur", "--quiet")
    assert result.returncode == 0, result.stderr
    return db


def test_a_review_announced_only_in_the_feed_is_harvested(cysur_db):
    [review] = query(cysur_db, "SELECT * FROM reviews WHERE name_key = 'code cysur 2-2023'")
    assert (review["review_type"], review["nation"], review["area"], review["published"]) == (
        "cpr",
        "Wales",
        "Mid and West Wales",
        "2023-09-14",
    )
    assert (
        review["first_url"]
        == "https://www.cysur.wales/child-practice-reviews/publication-of-cysur-2-2023/"
    )
    documents = query(
        cysur_db, "SELECT kind FROM documents WHERE review_id = ? ORDER BY url", review["id"]
    )
    assert sorted(d["kind"] for d in documents) == ["full_report", "full_report", "learning_brief"]


def test_a_feed_announcement_of_a_known_review_adds_no_duplicate(cysur_db):
    reviews = query(cysur_db, "SELECT id FROM reviews WHERE name_key = 'code cysur 4-2019'")
    assert len(reviews) == 1
    sightings = query(
        cysur_db,
        "SELECT url FROM review_sources WHERE review_id = ? ORDER BY url",
        reviews[0]["id"],
    )
    assert [s["url"] for s in sightings] == [
        "https://www.cysur.wales/child-practice-reviews/",
        "https://www.cysur.wales/child-practice-reviews/publication-of-cysur-4-2019/",
    ]
    assert len(query(cysur_db, "SELECT id FROM reviews")) == 5


def test_the_feed_is_remembered_and_its_fault_recorded(cysur_db):
    [source] = query(cysur_db, "SELECT * FROM sources WHERE id = 'cysur'")
    assert json.loads(source["feeds"]) == ["https://www.cysur.wales/feed/"]
    assert source["state"] == "ok"
    [run] = query(cysur_db, "SELECT * FROM harvests WHERE source = 'cysur'")
    assert any(
        "malformed feed https://www.cysur.wales/feed/" in e for e in json.loads(run["errors"])
    )


def test_a_second_harvest_with_the_feed_changes_nothing(cysur_db, tmp_path):
    import shutil

    db = tmp_path / "again.db"
    shutil.copy(cysur_db, db)
    before = query(db, "SELECT id, published, first_url FROM reviews ORDER BY id")
    result = run_scr("harvest", "--snapshot", str(SNAPSHOT), "--db", str(db), "cysur", "--quiet")
    assert result.returncode == 0
    assert query(db, "SELECT id, published, first_url FROM reviews ORDER BY id") == before
    [latest] = query(
        db, "SELECT new_reviews, updated_reviews FROM harvests ORDER BY id DESC LIMIT 1"
    )
    assert latest == {"new_reviews": 0, "updated_reviews": 0}


def test_a_first_harvest_counts_each_review_once_as_new_and_none_as_updated(snapshot_db):
    """A review found this run (a listing's item, then its own page's, or another source's the
    same morning) is new once; 'updated' is for reviews known before the run."""
    runs = query(snapshot_db, "SELECT source, items, new_reviews, updated_reviews FROM harvests")
    assert sum(r["updated_reviews"] for r in runs) == 0
    by_source = {r["source"]: r for r in runs}
    [reviews] = query(snapshot_db, "SELECT count(*) AS n FROM reviews")
    assert sum(r["new_reviews"] for r in runs) == reviews["n"]
    # no source counts more reviews than it saw (North Tyneside's 3 were "2 new, 2 updated")
    seen = query(
        snapshot_db,
        "SELECT source, count(DISTINCT review_id) AS n FROM review_sources GROUP BY source",
    )
    for row in seen:
        counted = by_source[row["source"]]
        assert counted["new_reviews"] + counted["updated_reviews"] <= row["n"], row["source"]
