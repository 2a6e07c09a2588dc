"""Drop items that cannot be stored correctly, and count why. Never crash the crawl."""

from __future__ import annotations

import logging
from collections.abc import MutableMapping

from scrapy.exceptions import DropItem

from .. import patterns as rx
from ..database import DOCUMENT_KINDS, STATUSES
from ..items import ReviewItem
from ..matching import REPORT_KINDS
from ..normalise.areas import NATIONS
from ..normalise.review_types import REVIEW_TYPES

# A review's own documents (a link of kind "other" may be anything).
REVIEW_DOCUMENTS = (*REPORT_KINDS, "learning_brief", "action_plan", "response", "committee_report")
logger = logging.getLogger(__name__)

_ISO = rx.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def problems(adapter: MutableMapping) -> list[str]:
    """What is wrong with an item, as short reasons; empty when it can be stored."""
    found = []
    if not adapter.get("name_key"):
        found.append("no_name")
    elif adapter.get("subject_kind") == "dated" and not any(
        d.get("kind") in REVIEW_DOCUMENTS for d in adapter.get("documents") or []
    ):
        # Known only by its type and date ("DHR June 2017"), with none of its documents to
        # show for it: too little to be sure it is a review, or which.
        found.append("no_subject")
    if not adapter.get("area"):
        found.append("no_area")
    if adapter.get("review_type") not in REVIEW_TYPES:
        found.append("bad_review_type")
    if adapter.get("published") and not _ISO.match(adapter["published"]):
        found.append("bad_published")
    if adapter.get("nation") and adapter["nation"] not in NATIONS:
        found.append("bad_nation")
    if adapter.get("status") and adapter["status"] not in STATUSES:
        found.append("bad_status")
    for document in adapter.get("documents") or []:
        if document.get("kind") not in DOCUMENT_KINDS:
            found.append("bad_document_kind")
            break
    return found


class ValidatePipeline:
    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        if not isinstance(item, ReviewItem):
            return item
        if item.get("review_type") is None:
            item["review_type"] = "other"
        found = problems(item)
        if found:
            for reason in found:
                if self.stats:
                    self.stats.inc_value(f"scr/dropped/{reason}")
                    if reason == "no_subject":
                        self.stats.inc_value(f"scr/source/{item.get('source')}/no_subject")
            raise DropItem(
                f"{', '.join(found)}: {item.get('title')!r} from {item.get('source_url')}"
            )
        return item
