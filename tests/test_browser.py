"""As a person would: a real server, headless Chromium, the digest, a search and a facet.

Needs Debian's chromium (`.ci/run` installs it). Skipped when it is missing, unless
SCR_REQUIRE_BROWSER=1, which CI sets so that a missing browser fails instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from .conftest import ROOT, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.browser

if not CHROMIUM:
    if os.environ.get("SCR_REQUIRE_BROWSER") == "1":
        raise RuntimeError("SCR_REQUIRE_BROWSER=1 but Debian's chromium is not installed")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(snapshot_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("served") / "reviews.db"
    shutil.copy(snapshot_db, db)
    with serving(db) as base:
        yield base, db


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    yield page
    context.close()


def test_the_digest_renders_the_months_reviews(server, page):
    base, _ = server
    page.goto(f"{base}/digest/2021-04")
    assert page.locator("h1").first.inner_text() == "Case reviews: April 2021"
    jasmine = page.locator("article.digest-review", has_text="Jasmine")
    assert jasmine.count() == 1
    assert "North Tyneside" in jasmine.locator("h3").inner_text()
    links = jasmine.locator("ul.digest-docs a")
    assert links.count() == 4
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert (
        "https://www.northtynesidescp.org.uk/wp-content/uploads/2021/04/SCR-Jasmine-Final-Report.pdf"
        in hrefs
    )
    assert page.locator("a.digest-feed").get_attribute("href") == "/digest/2021-04.rss"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "digest-2021-04.png"), full_page=True)
    page.emulate_media(media="print")
    assert page.locator("nav.digest-nav").is_hidden()


def test_a_search_returns_the_expected_rows(server, page):
    base, db = server
    conn = sqlite3.connect(db)
    expected = {
        row[0]
        for row in conn.execute(
            "select r.id from reviews r join reviews_fts f on f.rowid = r.rowid "
            "where reviews_fts match '\"neglect\"'"
        )
    }
    conn.close()
    assert len(expected) >= 5
    page.goto(f"{base}/reviews/reviews?_search=neglect&_size=max")
    ids = set(page.locator("table.rows-and-columns td.col-id").all_inner_texts())
    assert ids == expected


def test_a_facet_filter_works(server, page):
    base, _ = server
    page.goto(f"{base}/reviews/reviews")
    facet = page.locator(".facet-info[data-column='nation'] a", has_text="Wales").first
    facet.click()
    page.wait_for_url("**nation=Wales**")
    nations = set(page.locator("table.rows-and-columns td.col-nation").all_inner_texts())
    assert nations == {"Wales"}
    assert int(Path(page.url).name.count("nation=Wales")) == 1
