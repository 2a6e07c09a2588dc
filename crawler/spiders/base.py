"""The base every scr-digest spider uses: per-source requests, errors and health records."""

from __future__ import annotations

import json

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError


class ReviewSpider(scrapy.Spider):
    """Use this for any spider that harvests reviews for one or more sources.

    Subclasses list their ``source_ids`` and build requests with ``self.page(...)``, which tags
    each request with its source so the health recorder can count it, and routes failures to
    ``on_error``. When every listing page (``listing=True``) fails, the source is ``failing``.
    """

    source_ids: list[str] = []

    @property
    def source_records(self) -> dict[str, dict]:
        """Rows for the ``sources`` table, by source id."""
        return {}

    def page(
        self, url: str, callback, *, source: str, listing: bool = False, **meta
    ) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            meta={"source": source, "listing": listing, **meta},
        )

    def on_error(self, failure):
        request = failure.request
        source = request.meta.get("source")
        if isinstance(failure.value, HttpError):
            message = f"HTTP {failure.value.response.status} for {request.url}"
        else:
            message = f"{failure.type.__name__} for {request.url}: {failure.getErrorMessage()}"
        self.logger.warning("%s: %s", source, message)
        recorder = self.recorder
        if recorder and source:
            recorder.note_error(source, message, "listing" if request.meta.get("listing") else None)

    @property
    def recorder(self):
        from ..health import HarvestRecorder

        extensions = getattr(getattr(self, "crawler", None), "extensions", None)
        for middleware in getattr(extensions, "middlewares", ()):
            if isinstance(middleware, HarvestRecorder):
                return middleware
        return None

    @staticmethod
    def registry_record(source, kind: str = "partnership") -> dict:
        return {
            "id": source.id,
            "name": source.name,
            "kind": kind,
            "nation": source.nation,
            "serves": source.serves,
            "area": source.area,
            "urls": json.dumps(list(source.urls)),
        }
