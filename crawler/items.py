"""What spiders yield. Spiders only find and fill; pipelines normalise, validate and store.

A review item's fields are those of ``crawler.schema.FIELDS`` with the ``item`` role."""

from typing import Any

import scrapy

from .schema import ITEM_FIELDS


class Item(scrapy.Item):
    """A Scrapy item whose ``get`` and ``in`` read its values directly (Scrapy's come from
    ``Mapping``, a Python-level ``try: self[key]`` for each, and the pipelines ask dozens per
    item). The same answers: a field not set, or not declared, is not in it."""

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._values


ReviewItem = type(
    "ReviewItem",
    (Item,),
    {
        "__doc__": "One source's sighting of one review (fields: crawler.schema.FIELDS).",
        "__module__": __name__,
        **{name: scrapy.Field() for name in ITEM_FIELDS},
    },
)


class DocumentCheck(Item):
    """The answer to a re-check of a stored document's URL: available, or gone (404/410)."""

    url = scrapy.Field()
    source = scrapy.Field()
    status = scrapy.Field()  # available | gone
    http_status = scrapy.Field()
    etag = scrapy.Field()  # the validators the answer carried: when they differ from the
    last_modified = scrapy.Field()  # archived copy's, the document changed and is fetched again


class PageUnchanged(Item):
    """A page whose body is what its last good parse read: its sightings are seen again."""

    url = scrapy.Field()
    source = scrapy.Field()


class PageParsed(Item):
    """A page read in full: its digest and the follow-up requests it led to (JSON)."""

    url = scrapy.Field()
    source = scrapy.Field()
    sha256 = scrapy.Field()
    follow = scrapy.Field()
