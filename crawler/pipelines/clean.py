"""Make scraped values safe and tidy: plain text, and only http(s) links."""

from __future__ import annotations

import html
from urllib.parse import urlsplit, urlunsplit

from .. import patterns as rx
from ..items import ReviewItem
from ..normalise.text import clean_summary
from ..schema import LIST_FIELDS, TEXT_FIELDS

MAX_TEXT = 20_000
MAX_LIST_ITEM = 500

_TAG = rx.compile(r"<[^>]{0,2000}>")
_SPACES = rx.compile(r"\s+")
_CONTROL = rx.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Anything the steps below would change: a tag or entity, a control character, a no-break or
# zero-width space, or whitespace other than single spaces (most texts have none of these).
# (Each alternative opens with a character class or a space: the search skips to those.)
_UNTIDY = rx.compile(r"[<&\x00-\x1f\x7f\ufffe\uffff\u00a0\u200b]|[^\S ]| \s")


def clean_text(value) -> str | None:
    """Plain text: no tags, entities decoded, control characters and extra spaces removed."""
    if value is None:
        return None
    text = str(value)
    if _UNTIDY.search(text):
        if "<" in text:
            text = _TAG.sub(" ", text)
        text = html.unescape(text)
        text = _CONTROL.sub("", text).replace("\u00a0", " ").replace("\u200b", "")
        text = _SPACES.sub(" ", text)
    return text.strip()[:MAX_TEXT] or None


def safe_url(value) -> str | None:
    """An absolute http(s) URL, or None: no javascript:, data:, mailto: or bare fragments."""
    if not value:
        return None
    url = _CONTROL.sub("", str(value)).strip().replace(" ", "%20")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


class CleanPipeline:
    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        if not isinstance(item, ReviewItem):
            return item
        for field in TEXT_FIELDS:
            if field in item:
                item[field] = clean_text(item.get(field))
        if item.get("summary"):
            item["summary"] = clean_summary(item["summary"])
        for field in LIST_FIELDS:
            if field not in ReviewItem.fields:
                continue  # filled by the store (topics)
            values = []
            for value in item.get(field) or []:
                text = clean_text(value)
                if text and text not in values:
                    values.append(text[:MAX_LIST_ITEM])
            item[field] = values
        documents, seen = [], set()
        for document in item.get("documents") or []:
            url = safe_url(document.get("url"))
            if url is None:
                if self.stats:
                    self.stats.inc_value("scr/cleaned/unsafe_document_url")
                continue
            if url in seen:
                continue
            seen.add(url)
            documents.append(
                {
                    "url": url,
                    "kind": document.get("kind"),
                    "title": clean_text(document.get("title")),
                }
            )
        item["documents"] = documents
        item["source_url"] = safe_url(item.get("source_url")) or item.get("source_url")
        return item
