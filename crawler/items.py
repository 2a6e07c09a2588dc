"""What spiders yield. Spiders only find and fill; pipelines normalise, validate and store.

A review item's fields are those of ``crawler.schema.FIELDS`` with the ``item`` role."""

import scrapy

from .schema import ITEM_FIELDS

ReviewItem = type(
    "ReviewItem",
    (scrapy.Item,),
    {
        "__doc__": "One source's sighting of one review (fields: crawler.schema.FIELDS).",
        "__module__": __name__,
        **{name: scrapy.Field() for name in ITEM_FIELDS},
    },
)


class DocumentCheck(scrapy.Item):
    """The answer to a re-check of a stored document's URL: available, or gone (404/410)."""

    url = scrapy.Field()
    source = scrapy.Field()
    status = scrapy.Field()  # available | gone
    http_status = scrapy.Field()
    etag = scrapy.Field()  # the validators the answer carried: when they differ from the
    last_modified = scrapy.Field()  # archived copy's, the document changed and is fetched again


class PageUnchanged(scrapy.Item):
    """A page whose body is what its last good parse read: its sightings are seen again."""

    url = scrapy.Field()
    source = scrapy.Field()


class PageParsed(scrapy.Item):
    """A page read in full: its digest and the follow-up requests it led to (JSON)."""

    url = scrapy.Field()
    source = scrapy.Field()
    sha256 = scrapy.Field()
    follow = scrapy.Field()
