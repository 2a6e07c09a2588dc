"""The NSPCC national case review repository: every listing era, into complete records."""

from __future__ import annotations

from scrapy.http import TextResponse

from ..extract.adapters.nspcc import Entry, entries_from_blocks
from ..extract.blocks import linearise
from ..extract.documents import classify_document
from ..extract.links import next_pages
from ..items import ReviewItem
from .base import ReviewSpider

START_URLS = [
    "https://learning.nspcc.org.uk/case-reviews/monthly-case-reviews-update",
    "https://learning.nspcc.org.uk/case-reviews/recently-published-case-reviews",
    *(
        f"https://www.nspcc.org.uk/preventing-abuse/child-protection-system/case-reviews/{year}/"
        for year in range(2014, 2019)
    ),
    "http://www.nspcc.org.uk/Inform/resourcesforprofessionals/scrs/serious_case_reviews_2012_wda88142.html",
    "http://www.nspcc.org.uk/Inform/resourcesforprofessionals/scrs/serious_case_reviews_2013_wda94557.html",
]


def entry_item(entry: Entry, page_url: str) -> ReviewItem:
    documents = []
    if entry.report_url:
        documents.append(
            {
                "url": entry.report_url,
                "kind": classify_document(entry.report_text, url=entry.report_url),
                "title": entry.report_text,
            }
        )
    return ReviewItem(
        source="nspcc",
        source_kind="nspcc",
        source_url=page_url,
        # The repository is UK-wide, but an entry that names no place or Welsh, Scottish or
        # Northern Irish review type is an English one.
        source_nation="England",
        title=entry.heading,
        pseudonym=entry.name,
        name=entry.name,
        area_text=entry.area_text,
        type_text=" ".join(filter(None, [entry.heading, entry.summary, entry.model])),
        published_text=entry.published_text,
        documents=documents,
        **entry.content(),
    )


class NspccSpider(ReviewSpider):
    """Every era of the NSPCC's lists: 2012-13 "Inform" pages, 2014-18 year lists, and the
    current monthly update and recently-published pages (following their pagination)."""

    name = "nspcc"
    source_ids = ["nspcc"]
    start_urls = START_URLS
    max_pages = 60

    @property
    def source_records(self) -> dict[str, dict]:
        return {
            "nspcc": {
                "id": "nspcc",
                "name": "NSPCC national case review repository",
                "kind": "repository",
                "nation": "UK",
                "serves": "children",
                "area": "National",
            }
        }

    async def start(self):
        for url in self.start_urls:
            yield self.page(url, self.parse, source="nspcc", listing=True)

    def parse(self, response):
        return self.read_once(response, "nspcc", None, lambda: self._parse(response))

    def replay(self, follow: dict, source: str):
        return self.page(follow["url"], self.parse, source="nspcc", **follow["meta"])

    def _parse(self, response):
        if not isinstance(response, TextResponse):
            return
        blocks = linearise(response.text, response.url)
        for entry, _, _ in entries_from_blocks(blocks):
            yield entry_item(entry, response.url)
        seen = response.meta.get("pages", 1)
        for url in next_pages(response.text, response.url):
            if seen < self.max_pages:
                yield self.page(url, self.parse, source="nspcc", listing=True, pages=seen + 1)
