"""Links a spider follows: the next pages of the same listing (rel=next, "Next", "Older
entries", "?page=2"), and any same-site link, for sites whose registry hint says which to follow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .. import patterns as rx
from .page import parse_html, xpath

_NEXT_TEXT = rx.compile(
    r"^\W*(?:next(?: page)?|older(?: entries| reviews| posts)?|more|previous page|page \d+|\d+)\W*$",
    re.I,
)
_PAGE_PARAM = rx.compile(r"[?&](?:page|paged|p|pg|start|offset)=\d+|/page/\d+/?$", re.I)


# A page's links are resolved by each of the three readers below: once each is enough.
_join = lru_cache(maxsize=4096)(urljoin)


def _tree(html):
    return html if isinstance(html, etree._Element) else parse_html(html)


def next_pages(html: str | bytes | etree._Element, url: str) -> list[str]:
    """Same-listing pages linked from this one (same site and path, or /page/N/), in order."""
    here = urlsplit(url)
    base = re.sub(r"/page/\d+/?$", "/", here.path)
    found = []
    root = _tree(html)
    for link in xpath("//a[@href] | //link[@href]")(root):
        href = link.get("href").strip()
        rel = (link.get("rel") or "").lower().split()
        target = _join(url, href)
        if not ("next" in rel or _PAGE_PARAM.search(target)):
            continue  # (the test below, first: most links are neither)
        text = " ".join(link.itertext()).strip()
        parts = urlsplit(target)
        if parts.netloc.lower() != here.netloc.lower() or target.split("#")[0] == url.split("#")[0]:
            continue
        same_listing = re.sub(r"/page/\d+/?$", "/", parts.path) == base
        if not same_listing or not (_PAGE_PARAM.search(target) or "next" in rel):
            continue
        if "next" in rel or _NEXT_TEXT.match(text) or link.tag == "link":
            found.append(target.split("#")[0])
    return list(dict.fromkeys(found))


def site_links(html: str | bytes | etree._Element, url: str) -> list[str]:
    """Every link on the page (navigation and sidebars included) to the same site."""
    host = urlsplit(url).netloc.lower()
    found = []
    for link in xpath("//a[@href]")(_tree(html)):
        target = _join(url, link.get("href").strip()).split("#")[0]
        parts = urlsplit(target)
        if parts.scheme in ("http", "https") and parts.netloc.lower() == host and target != url:
            found.append(target)
    return list(dict.fromkeys(found))


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def feed_links(html: str | bytes | etree._Element, url: str) -> list[str]:
    """The site's news feeds that a page advertises (<link rel="alternate">), without the
    per-post comment feeds WordPress also lists."""
    found = []
    for link in xpath("//link[@href]")(_tree(html)):
        rel = (link.get("rel") or "").lower().split()
        title = (link.get("title") or "").lower()
        target = _join(url, link.get("href").strip())
        if "alternate" not in rel or (link.get("type") or "").lower() not in _FEED_TYPES:
            continue
        if "comments" in title or re.search(r"/comments/feed/?$", urlsplit(target).path):
            continue
        found.append(target)
    return list(dict.fromkeys(found))
