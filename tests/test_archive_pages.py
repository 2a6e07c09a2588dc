"""Archived reports as staff meet them: search inside report text by page, the archived copy
served at that page, archived copies standing in for gone originals on the review page, the
digest and the feeds, and never anything of a withheld review."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from pathlib import Path

import feedparser
import pytest
import yaml
from datasette.app import Datasette

from crawler.database import ReviewStore

from .conftest import ROOT, query
from .test_archive import HOST, REPORT_A, build_site, harvest

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))


def _datasette(db: Path) -> Datasette:
    return Datasette([str(db)], metadata=METADATA, settings={"suggest_facets": False})


def get(db: Path, path: str):
    async def go():
        return await _datasette(db).client.get(path)

    return asyncio.run(go())


def served_status(db: Path, path: str) -> int:
    return get(db, path).status_code


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("archive-pages")
    build_site(tmp)
    result = harvest(tmp)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "reviews.db"


SHA_A = hashlib.sha256(REPORT_A).hexdigest()


def test_search_in_report_text_finds_the_page_and_links_the_archived_copy_there(site):
    page = get(site, "/search?q=not+brought&in=text")
    assert page.status_code == 200
    html = page.text
    assert "<strong>1</strong> page in <strong>1</strong> archived report" in html
    assert f'href="/archive/{SHA_A}.pdf#page=2"' in html
    assert "<mark>not</mark> <mark>brought</mark>" in html
    assert "Child A" in html and "Kent" in html
    # the catalogue tab beside it, with its own count
    assert 'In report text <span class="scr-count">1 page</span>' in html


def test_report_text_search_paraphrase_and_prefix(site):
    assert "page 3 of the archived copy" in get(site, "/search?q=curiosity+bruising&in=text").text
    assert "page 2 of the archived copy" in get(site, "/search?q=Cuckoo*&in=text").text


def test_report_text_search_is_safe_with_any_input(site):
    for words in ['"unbalanced', "NEAR(", "<script>alert(1)</script>", "*", "AND OR"]:
        page = get(site, "/search?in=text&q=" + words)
        assert page.status_code == 200
        assert "<script>alert" not in page.text


def test_the_archived_copy_is_served_inline_with_its_content_type(site):
    response = get(site, f"/archive/{SHA_A}.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == REPORT_A
    assert served_status(site, f"/archive/{SHA_A}") == 200
    assert served_status(site, "/archive/" + "0" * 64 + ".pdf") == 404
    escape = get(site, "/archive/../reviews.db")
    assert escape.status_code in (403, 404)
    assert not escape.content.startswith(b"SQLite format 3")


def test_the_review_page_lists_its_archived_documents(site):
    [row] = query(site, "SELECT review_id FROM documents WHERE url LIKE '%child-a-report.pdf'")
    html = get(site, f"/reviews/reviews/{row['review_id']}").text
    assert f'href="/archive/{SHA_A}.pdf">archived copy, 3 pages</a>' in html
    assert f"https://{HOST}/docs/child-a-report.pdf" in html


@pytest.fixture
def gone(site, tmp_path):
    """A copy of the site's database in which Child A's report has gone from the publisher (at
    both addresses the site linked it: the report and a copy of it as the summary)."""
    db = tmp_path / "reviews.db"
    source = sqlite3.connect(site)
    source.backup(target := sqlite3.connect(db))
    source.close()
    target.execute(
        "UPDATE documents SET status = 'gone', gone_since = '2026-11-20' WHERE url LIKE '%child-a-%'"
    )
    target.commit()
    target.close()
    (tmp_path / "archive").symlink_to(site.parent / "archive")
    [row] = query(db, "SELECT review_id FROM documents WHERE url LIKE '%child-a-report.pdf'")
    return db, row["review_id"]


NOTE = "archived copy; the publisher removed the original on 2026-11-20"


def test_a_gone_original_is_replaced_by_the_archived_copy_on_the_review_page(gone):
    db, review_id = gone
    html = get(db, f"/reviews/reviews/{review_id}").text
    assert f'<a href="/archive/{SHA_A}.pdf" rel="noopener nofollow">Report</a>' in html
    assert NOTE in html


def test_a_gone_original_is_replaced_in_the_feeds_with_absolute_links(gone):
    db, review_id = gone
    feed = feedparser.parse(get(db, "/feed.rss").content)
    assert feed.bozo == 0
    [entry] = [e for e in feed.entries if e.link.endswith(review_id)]
    assert f"http://localhost/archive/{SHA_A}.pdf" in entry.description
    assert NOTE in entry.description


def test_a_gone_original_is_replaced_in_the_digest_and_its_exports(gone):
    db, _ = gone
    month = "2023-03"
    html = get(db, f"/digest/{month}").text
    assert f'href="/archive/{SHA_A}.pdf"' in html and NOTE in html
    markdown = get(db, f"/digest/{month}.md").text
    assert f"/archive/{SHA_A}.pdf>" in markdown and NOTE in markdown
    rss = feedparser.parse(get(db, f"/digest/{month}.rss").content)
    assert any(f"/archive/{SHA_A}.pdf" in e.description for e in rss.entries)


def test_a_withheld_review_is_never_searched_served_or_linked(gone):
    db, review_id = gone
    conn = sqlite3.connect(db)
    conn.execute("UPDATE reviews SET status = 'unpublished' WHERE id = ?", (review_id,))
    conn.commit()
    conn.close()
    store = ReviewStore(db)  # as a harvest does when a review becomes withheld
    assert store.withhold(db.parent / "archive", keep_files=True) == 2
    store.close()
    assert served_status(db, f"/archive/{SHA_A}.pdf") == 404
    assert "<strong>0</strong> pages" in get(db, "/search?q=not+brought&in=text").text
    assert f"/archive/{SHA_A}" not in get(db, f"/reviews/reviews/{review_id}").text
    assert f"/archive/{SHA_A}" not in get(db, "/feed.rss").text
    assert f"/archive/{SHA_A}" not in get(db, "/digest/2023-03").text


def test_a_review_no_longer_published_links_its_archived_copies(site, tmp_path):
    db = tmp_path / "reviews.db"
    source = sqlite3.connect(site)
    source.backup(target := sqlite3.connect(db))
    source.close()
    [row] = query(site, "SELECT review_id FROM documents WHERE url LIKE '%child-a-report.pdf'")
    target.execute(
        "UPDATE reviews SET status = 'no_longer_published' WHERE id = ?", (row["review_id"],)
    )
    target.commit()
    target.close()
    (tmp_path / "archive").symlink_to(site.parent / "archive")
    html = get(db, f"/reviews/reviews/{row['review_id']}").text
    assert f'<a href="/archive/{SHA_A}.pdf" rel="noopener nofollow">Report</a>' in html
    assert "archived copy; the publisher no longer publishes this report" in html
    assert served_status(db, f"/archive/{SHA_A}.pdf") == 200


def test_an_empty_catalogue_search_points_to_the_report_text(site):
    html = get(site, "/search?q=curiosity+bruising").text
    assert "No reviews match in the catalogue." in html
    assert (
        '<a href="/search?q=curiosity+bruising&amp;in=text">1 page of archived reports</a> contains these words.'
        in html
    )


MIRROR = "https://www.example.gov.uk/media/61a0/child-a-report.pdf"


@pytest.fixture
def mirrored(gone):
    """Child A's report also linked at a second address (as when GOV.UK re-uploads a report
    and a board links the new address): the archive found the same file there, same SHA-256.
    Child A's own original is gone (the ``gone`` fixture); the second address still answers."""
    db, review_id = gone
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO documents (url, review_id, kind, title, status, archive_status, sha256,"
        " content_type, pages) SELECT ?, review_id, kind, 'Child A: the report (re-uploaded)',"
        " 'available', 'archived', sha256, content_type, pages FROM documents"
        " WHERE url LIKE '%child-a-report.pdf'",
        (MIRROR,),
    )
    conn.commit()
    conn.close()
    return db, review_id


def test_the_same_file_at_two_addresses_is_one_document_everywhere(mirrored):
    db, review_id = mirrored
    html = get(db, f"/reviews/reviews/{review_id}").text
    documents = html.split('<ul class="scr-documents">')[1].split("</ul>")[0]
    # one entry for the file: the address that still answers, not the gone one's archived copy
    assert documents.count(MIRROR) == 1
    assert f'href="/archive/{SHA_A}.pdf" rel="noopener nofollow">Report</a>' not in documents
    assert NOTE not in documents
    assert f"https://{HOST}/docs/child-a-report.pdf" not in documents
    # its own archived copy stays beside it
    assert f'href="/archive/{SHA_A}.pdf">archived copy, 3 pages</a>' in documents
    feed = feedparser.parse(get(db, "/feed.rss").content)
    [entry] = [e for e in feed.entries if e.link.endswith(review_id)]
    assert entry.description.count(MIRROR) == 1
    assert f"/archive/{SHA_A}.pdf" not in entry.description
    digest = get(db, "/digest/2023-03").text
    assert digest.count(MIRROR) == 1 and NOTE not in digest


def test_two_live_addresses_of_one_file_show_one_entry_and_the_other_address(mirrored):
    db, review_id = mirrored
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET status = 'available' WHERE url LIKE '%child-a-%'")
    conn.commit()
    conn.close()
    html = get(db, f"/reviews/reviews/{review_id}").text
    documents = html.split('<ul class="scr-documents">')[1].split("</ul>")[0]
    first = f"https://{HOST}/docs/child-a-report.pdf"
    others = query(
        db, "SELECT url FROM documents WHERE review_id = ? AND sha256 IS NOT ?", review_id, SHA_A
    )
    assert documents.count("<li>") == 1 + len(others)
    assert f'<a href="{first}" rel="noopener nofollow">Report</a>' in documents
    # the other addresses: by host, or by file name on the host of the link beside them
    summary = f"https://{HOST}/docs/child-a-summary.pdf"
    assert (
        f'the same file is also at <a href="{MIRROR}" rel="noopener nofollow">www.example.gov.uk</a>,'
        f' <a href="{summary}" rel="noopener nofollow">child-a-summary.pdf</a>' in documents
    )
