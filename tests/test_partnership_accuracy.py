"""Every saved partnership page against its answer file: the reviews it lists (recall), what
must not become a review (precision), and each review's type, date, status and documents.

The number that matters is first-sight accuracy on sites the extractor was not tuned on
(tests/expected/HOLDOUTS.md) and leave-one-site-out accuracy (``make accuracy``). Here the bar
is over every saved page at once, plus two guards per site: no site loses most of its reviews,
and nothing an answer file names as a trap becomes a review.
"""

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
FIELDS = ("review_type", "published", "status", "documents")


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


@pytest.fixture(scope="module")
def total(results) -> Comparison:
    total = Comparison()
    for result in results.values():
        total.add(result)
    return total


def test_the_corpus_is_the_size_it_should_be():
    # 73 saved sources: children's partnerships, adults boards and DHR pages in all nations.
    assert len(ANSWERS) >= 70
    serves = [get_source(s).serves for s in ANSWERS]
    lists = [get_source(s).hints.get("lists") for s in ANSWERS]
    assert serves.count("adults") >= 20
    assert lists.count("dhr") >= 10


def test_overall_precision_and_recall(total):
    assert total.expected >= 350
    assert total.precision >= 0.95, (total.precision, total.extra)
    assert total.recall >= 0.92, (total.recall, total.missing)


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy(total, field):
    right, count = total.fields[field]
    wrong = [w for w in total.wrong if f": {field} " in w]
    assert right / count >= 0.90, wrong


@pytest.mark.parametrize("source_id", sorted(ANSWERS))
def test_no_site_loses_most_of_its_reviews(results, source_id):
    result = results[source_id]
    assert result.recall >= 0.5, result.missing
    assert result.precision >= 0.5, result.extra


@pytest.mark.parametrize("source_id", sorted(ANSWERS))
def test_named_traps_never_become_reviews(results, source_id):
    assert results[source_id].forbidden == []
