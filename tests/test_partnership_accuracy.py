"""Every saved partnership page against its answer file: the reviews it lists (recall), what
must not become a review (precision), and documents grouped under the right review."""

from __future__ import annotations

import pytest

from crawler.registry import get_source
from crawler.spiders.partnerships import PartnershipSpider, listing_urls

from .harness import (
    EXPECTED,
    Comparison,
    compare_partnership,
    crawl_offline,
    load_expected,
    store_items,
    stored_reviews,
)

PENDING = {
    line.strip()
    for line in (EXPECTED / "pending.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
ANSWERS = {k: v for k, v in load_expected("partnerships").items() if k not in PENDING}


def harvest_source(source_id: str, db_path):
    spider = PartnershipSpider(sources=source_id)
    source = get_source(source_id)
    requests = [
        spider.page(url, spider.parse_page, source=source_id, listing=True)
        for url in listing_urls(source.urls)
    ]
    store = store_items(crawl_offline(spider, requests), db_path)
    reviews = stored_reviews(store, source_id)
    store.close()
    return reviews


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, Comparison]:
    out = {}
    for source_id, answer in ANSWERS.items():
        db = tmp_path_factory.mktemp(source_id) / "reviews.db"
        out[source_id] = compare_partnership(answer, harvest_source(source_id, db))
    return out


@pytest.mark.parametrize("source_id", sorted(ANSWERS))
def test_every_listed_review_is_found(results, source_id):
    assert results[source_id].missing == []


@pytest.mark.parametrize("source_id", sorted(ANSWERS))
def test_nothing_else_becomes_a_review(results, source_id):
    assert results[source_id].extra == []
    assert results[source_id].forbidden == []


@pytest.mark.parametrize("source_id", sorted(ANSWERS))
def test_fields_and_documents_are_right(results, source_id):
    assert results[source_id].wrong == []


def test_overall_precision_and_recall(results):
    total = Comparison()
    for result in results.values():
        total.add(result)
    assert total.expected >= 60
    assert total.precision >= 0.95, (total.precision, total.extra)
    assert total.recall >= 0.9, (total.recall, total.missing)
