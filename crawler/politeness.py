"""The downloader's politeness, and middlewares for a harvest that says what happened.

- ``FairDownloader``: one request per site at a time, with the configured delay between them
  and its jitter drawn once per gap (unbiased).

- ``RetryAfterMiddleware``: a 429 or 503 with ``Retry-After`` slows that site down by the
  requested amount before Scrapy's RetryMiddleware tries again; a wait longer than
  ``SCR_RETRY_AFTER_MAX`` is not retried in this harvest.
- ``OffsiteRedirectNote``: a page that redirects to another site is still read, but the move is
  recorded against the source so the registry can be updated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy.core.downloader import Downloader, Slot, _slot_jitter
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)


def header_text(response, name: bytes) -> str | None:
    """A response header as text (HTTP headers are Latin-1), or None when it is absent."""
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date); None if unusable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        from datetime import UTC, datetime

        when = parsedate_to_datetime(text)
        return max(0.0, (when - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class RetryAfterMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.maximum = crawler.settings.getfloat("SCR_RETRY_AFTER_MAX", 120)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        if response.status not in (429, 503):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response
        if wait > self.maximum:
            raise IgnoreRequest(
                f"HTTP {response.status} asks to wait {wait:.0f}s before {request.url}; "
                "left for the next harvest"
            )
        downloader = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or urlsplit(request.url).hostname or ""
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, wait)
            # AutoThrottle would shrink the delay again at the next response; let it start here.
            request.meta.setdefault("autothrottle_dont_adjust_delay", False)
        logger.info("%s asks to wait %.0fs (HTTP %s)", request.url, wait, response.status)
        return response


class OffsiteRedirectNote:
    """Sits after RedirectMiddleware in the response chain: sees the final response."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        first = (request.meta.get("redirect_urls") or [None])[0]
        if first and urlsplit(first).hostname != urlsplit(response.url).hostname:
            source = request.meta.get("source")
            recorder = getattr(self.crawler.spider, "recorder", None)
            message = f"{first} moved to another site: {response.url} (update the registry)"
            if recorder and source:
                recorder.note_error(source, message, None)
            logger.warning("%s: %s", source, message)
        return response


# -- one request per site, with an unbiased delay ------------------------------------------------


@dataclass(slots=True, eq=False)
class FairSlot(Slot):
    """A site's slot whose random delay is drawn once per gap between two requests.

    Scrapy's slot draws a new jittered delay each time its queue is looked at, and a waiting
    site is looked at again when its timer fires: a longer draw then pushes the request back
    again, so the gaps come out longer than configured (a median of 2.6 s for 2 s). Here the
    draw is kept until the next request goes out (or the delay itself changes, as AutoThrottle
    and Retry-After change it), so the gap is the configured delay on average."""

    _drawn: float = field(default=0.0, init=False, repr=False)
    _drawn_for: tuple | None = field(default=None, init=False, repr=False)

    def download_delay(self) -> float:
        if not self.jitter:
            return self.delay
        key = (self.lastseen, self.delay, self.jitter)
        if self._drawn_for != key:
            self._drawn = Slot.download_delay(self)
            self._drawn_for = key
        return self._drawn


class FairDownloader(Downloader):
    """Scrapy's downloader with ``FairSlot`` for every site."""

    def _get_slot(self, request, spider=None):
        key = self.get_slot_key(request)
        if key not in self.slots:
            slot_settings = self.per_slot_settings.get(key, {})
            conc = slot_settings.get("concurrency", self.ip_concurrency or self.domain_concurrency)
            delay = slot_settings.get("delay", self._delay)
            self.slots[key] = FairSlot(conc, delay, _slot_jitter(slot_settings, self._jitter))
            self._start_slot_gc()
        return key, self.slots[key]
