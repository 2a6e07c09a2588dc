"""Offline replay: URLs map to a `wget --mirror` directory, and the middleware never goes online."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawler.replay import SnapshotMiddleware, snapshot_path, sniff_content_type


@pytest.fixture
def mirror(tmp_path):
    files = {
        "www.example.org/index.html": b"<html><body>home</body></html>",
        "www.example.org/about/serious-case-reviews/index.html": b"<html>reviews</html>",
        "www.example.org/reviews?page=2": b"<html>page two</html>",
        "www.example.org/Learning-from-reviews": b"<!doctype html><p>no extension</p>",
        "www.example.org/report.pdf": b"%PDF-1.4 report",
        "www.example.org/api/content/x": b'{"title": "x"}',
        "www.example.org/feed/index.html": b'<?xml version="1.0"?><rss version="2.0"></rss>',
        "www.example.org/atom": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
        "www.example.org/file name.html": b"<p>spaces</p>",
        "outside.txt": b"secret",
    }
    for relative, body in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    return tmp_path


@pytest.mark.parametrize(
    ("url", "relative"),
    [
        ("https://www.example.org/", "www.example.org/index.html"),
        ("https://www.example.org", "www.example.org/index.html"),
        (
            "http://www.example.org/about/serious-case-reviews/",
            "www.example.org/about/serious-case-reviews/index.html",
        ),
        ("https://www.example.org/reviews?page=2", "www.example.org/reviews?page=2"),
        ("https://WWW.EXAMPLE.ORG/Learning-from-reviews", "www.example.org/Learning-from-reviews"),
        ("https://www.example.org/report.pdf#page=3", "www.example.org/report.pdf"),
        ("https://www.example.org/file%20name.html", "www.example.org/file name.html"),
        # A folder saved as index.html also answers the URL without its slash.
        (
            "https://www.example.org/about/serious-case-reviews",
            "www.example.org/about/serious-case-reviews/index.html",
        ),
    ],
)
def test_urls_map_to_mirror_files(mirror, url, relative):
    assert snapshot_path(mirror, url) == (mirror / relative).resolve()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/missing",
        "https://www.example.org/reviews?page=3",
        "https://www.example.org/reviews",
        "https://other.example.org/",
        "https://www.example.org/../outside.txt",
        "https://www.example.org/%2e%2e/outside.txt",
        "ftp://www.example.org/index.html",
        "javascript:alert(1)",
    ],
)
def test_unknown_or_escaping_urls_have_no_file(mirror, url):
    assert snapshot_path(mirror, url) is None


@pytest.mark.parametrize(
    ("relative", "kind"),
    [
        ("www.example.org/index.html", "text/html; charset=utf-8"),
        ("www.example.org/report.pdf", "application/pdf"),
        ("www.example.org/api/content/x", "application/json"),
        ("www.example.org/atom", "application/atom+xml"),
        ("www.example.org/Learning-from-reviews", "text/html; charset=utf-8"),
        ("www.example.org/reviews?page=2", "text/html; charset=utf-8"),
    ],
)
def test_content_type_from_extension_then_bytes_then_html(mirror, relative, kind):
    path = mirror / relative
    assert sniff_content_type(path, path.read_bytes()) == kind


def test_an_rss_file_saved_as_index_html_is_still_html_by_its_extension(mirror):
    path = mirror / "www.example.org/feed/index.html"
    assert sniff_content_type(path, path.read_bytes()) == "text/html; charset=utf-8"


def middleware(root):
    crawler = get_crawler(settings_dict={"SNAPSHOT_DIR": str(root)})
    return SnapshotMiddleware.from_crawler(crawler)


def test_middleware_answers_from_the_mirror_and_404s_the_rest(mirror):
    mw = middleware(mirror)
    ok = mw.process_request(Request("http://www.example.org/about/serious-case-reviews/"))
    assert isinstance(ok, HtmlResponse)
    assert (ok.status, ok.text) == (200, "<html>reviews</html>")
    assert ok.headers[b"Content-Type"] == b"text/html; charset=utf-8"
    data = mw.process_request(Request("https://www.example.org/api/content/x"))
    assert isinstance(data, TextResponse) and data.status == 200
    assert data.headers[b"Content-Type"] == b"application/json"
    missing = mw.process_request(Request("https://www.example.org/nothing-here"))
    assert (missing.status, missing.body) == (404, b"")
    robots = mw.process_request(Request("https://www.example.org/robots.txt"))
    assert robots.status == 404


def test_middleware_is_off_without_a_snapshot_dir():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        SnapshotMiddleware.from_crawler(get_crawler(settings_dict={}))
