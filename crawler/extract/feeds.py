"""Partnership news feeds (RSS or Atom): the entries that announce a published review.

A board often announces a review in its news feed before any listing shows it. feedparser reads
the feeds that break in practice (bozo XML, missing dates, relative links, HTML in titles); an
entry counts when it says something was published and names a kind of review.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import feedparser

from .. import patterns as rx
from ..normalise.review_types import review_type_from_words

_PUBLISHED = rx.compile(
    r"\bpublish(?:es|ed|ing)?\b|\bpublication of\b|\bnow available\b|\breleased?\b", re.I
)
# Announcements of things that are not reviews, however they are worded.
_NOT_A_REVIEW = rx.compile(
    r"annual report|newsletter|training|conference|consultation|procedures?|strategy|bulletin"
    r"|(?:7|seven)[\s-]*minute briefing:",
    re.I,
)
_TAG = rx.compile(r"<[^>]{0,500}>")
_BENIGN = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    summary: str
    published: str | None  # ISO date, when the entry has a usable one


def _text(value: str | None) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", value or ""))).strip()


def read_feed(body: bytes, url: str) -> tuple[list[FeedEntry], str | None]:
    """The feed's entries (each once, links absolute) and, if the XML was broken, why."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    problem = None
    error = parsed.get("bozo_exception")
    # A missing or non-XML content type, or a wrong declared encoding, is noise; broken XML is
    # worth a note (feedparser still reads what it can).
    if parsed.get("bozo") and not isinstance(error, _BENIGN):
        problem = f"malformed feed {url}: {error}"
    entries, seen = [], set()
    for entry in parsed.entries:
        link = urljoin(url, (entry.get("link") or "").strip())
        if urlsplit(link).scheme not in ("http", "https") or link in seen:
            continue
        seen.add(link)
        keys = set(dict.keys(entry))  # plain keys: feedparser maps missing dates with a warning
        stamp = next(
            (entry[k] for k in ("published_parsed", "updated_parsed") if k in keys and entry[k]),
            None,
        )
        entries.append(
            FeedEntry(
                title=_text(entry.get("title")),
                link=link,
                summary=_text(entry.get("summary") or entry.get("description")),
                published="{:04d}-{:02d}-{:02d}".format(*stamp[:3]) if stamp else None,
            )
        )
    return entries, problem


def announces_review(entry: FeedEntry) -> bool:
    """'Publication of CYSUR 2 2023 – Child Practice Review': yes; 'Annual Report published': no."""
    words = f"{entry.title}. {entry.summary}"
    return bool(
        _PUBLISHED.search(words)
        and review_type_from_words(words)
        and not _NOT_A_REVIEW.search(entry.title)
    )
