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
    (db.parent / "archive").symlink_to(snapshot_db.parent / "archive")
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


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_search_highlights_its_words_and_a_facet_narrows_it(server, page):
    base, _ = server
    page.goto(f"{base}/")
    page.fill("input[name=q]", "neglect")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=neglect")
    cards = page.locator("article.scr-card")
    assert cards.count() == 20
    assert page.locator("article.scr-card mark").count() >= 10
    assert page.locator("mark").first.inner_text().lower() == "neglect"
    total = int(page.locator(".scr-result-count strong").inner_text().replace(",", ""))
    shot(page, "search-neglect")
    wales = page.locator(".scr-facet li", has_text="Wales").first
    expected = int(wales.locator(".scr-count").inner_text())
    wales.locator("a").click()
    page.wait_for_url("**nation=Wales**")
    narrowed = int(page.locator(".scr-result-count strong").inner_text().replace(",", ""))
    assert narrowed == expected < total
    assert page.locator(".scr-chip", has_text="Wales").count() == 1
    shot(page, "search-neglect-wales")


def test_a_search_inside_report_text_opens_the_archived_copy_at_its_page(server, page):
    base, _ = server
    page.goto(f"{base}/search?q=supervision+order")
    page.locator(".scr-tabs a", has_text="In report text").click()
    page.wait_for_url("**in=text**")
    hits = page.locator("article.scr-text-hit")
    assert hits.count() == 2
    first = hits.first
    assert first.locator("h2").inner_text() == "Jasmine: serious case review, North Tyneside"
    assert [m.lower() for m in first.locator("mark").all_inner_texts()][:2] == [
        "supervision",
        "orders",
    ]
    link = first.locator("a.scr-page-link")
    assert link.inner_text() == "page 4 of the archived copy"
    href = link.get_attribute("href")
    assert href.endswith(".pdf#page=4")
    shot(page, "search-report-text")
    copy = page.request.get(base + href.split("#")[0])
    assert copy.status == 200
    assert copy.headers["content-type"] == "application/pdf"
    assert copy.body().startswith(b"%PDF-")


def test_a_review_page_shows_its_facts_documents_and_similar_reviews(server, page):
    base, _ = server
    page.goto(f"{base}/reviews/reviews/north-tyneside-jasmine-2021")
    assert page.locator("h1").inner_text() == "Jasmine: serious case review, North Tyneside"
    assert page.locator(".scr-facts dt", has_text="Published").count() == 1
    assert page.locator(".scr-documents li").count() >= 3
    similar = page.locator(".scr-similar li")
    assert 1 <= similar.count() <= 5
    assert similar.first.locator(".scr-why").inner_text()
    shot(page, "review-jasmine")
    link = similar.first.locator("a")
    title, href = link.inner_text(), link.get_attribute("href")
    link.click()
    # The click starts a navigation; wait for the new page to load before reading it
    # (reading straight after the click raced the load in CI: the URL had changed, the DOM not).
    page.wait_for_url(base + href if href.startswith("/") else href)
    heading = page.locator("article.scr-review h1")
    sync_api.expect(heading).to_have_count(1)
    assert title.split(":")[0] in heading.inner_text()


def test_trends_draws_its_charts(server, page):
    base, _ = server
    page.goto(f"{base}/trends")
    charts = page.locator("svg.scr-chart")
    assert charts.count() == 3
    assert charts.first.locator("rect").count() > 20
    box = charts.first.bounding_box()
    assert box["width"] > 500 and box["height"] > 200
    shot(page, "trends")
    page.fill("input[name=q]", "neglect")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**q=neglect**")
    assert "search 'neglect'" in page.locator("h1").inner_text()


def test_the_digest_prints_without_any_site_chrome(server, page):
    base, _ = server
    page.goto(f"{base}/digest/2021-04")
    page.emulate_media(media="print")
    for chrome in ("header", "footer.ft", ".scr-links", ".digest-nav", ".digest-foot"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("h1").first.is_visible()
    shot(page, "digest-2021-04-print")
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "digest-2021-04-print.pdf"))


def test_the_exports_look_like_board_papers(server, page, tmp_path):
    from .conftest import run_scr

    base, db = server
    html_file = tmp_path / "digest.html"
    result = run_scr("digest", "2021-04", "--format", "html", "--db", str(db), "-o",
                     str(html_file), "--site-url", base)  # fmt: skip
    assert result.returncode == 0, result.stderr
    page.goto(html_file.as_uri())
    assert page.locator("h1").inner_text() == "Case reviews: April 2021"
    month = page.locator("a[rel=next]")
    assert month.get_attribute("href") == f"{base}/digest/2021-05"
    shot(page, "export-html")
    page.emulate_media(media="print")
    assert page.locator(".digest-nav").is_hidden()
    md = run_scr("digest", "2021-04", "--db", str(db), "--site-url", base)
    markdown = tmp_path / "digest.md"
    markdown.write_text(md.stdout, encoding="utf-8")
    page.emulate_media(media="screen")
    page.goto(markdown.as_uri())
    text = page.locator("body").inner_text()
    assert "### 2021 – North Tyneside – Jasmine" in text and "\\(" not in text
    shot(page, "export-markdown")
