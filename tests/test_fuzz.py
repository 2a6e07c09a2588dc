"""Hypothesis against the extractors and pipelines: arbitrary HTML and text never raise, and
whatever survives validation is a valid record with no markup and no unsafe links."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem

from crawler.database import DOCUMENT_KINDS, STATUSES
from crawler.extract.adapters.nspcc import entries_from_blocks
from crawler.extract.blocks import linearise
from crawler.extract.extractor import Source, extract
from crawler.extract.feeds import read_feed
from crawler.normalise.areas import NATIONS
from crawler.normalise.review_types import REVIEW_TYPES
from crawler.pipelines.clean import CleanPipeline
from crawler.pipelines.normalise import NormalisePipeline
from crawler.pipelines.validate import ValidatePipeline
from crawler.registry import get_source
from crawler.spiders.partnerships import review_item

URL = "https://www.kscmp.org.uk/reviews/"
PHRASES = [
    "Child Q", "Baby R", "Children F, G and H", "Serious Case Review", "CSPR", "SAR Mr Z",
    "published 3rd March 2016", "(Jan 2025)", "Date of publication: 9 May 2023", "here",
    "click here", "Key issues: neglect; bruising", "Recommendations:", "2018 - Anonymous- Child C",
    "Working Together 2023", "7-minute briefing", "National Panel", "Hertfordshire", "thematic review",
    "No longer published", "Unpublished*", "<script>alert(1)</script>", "&lt;b&gt;", "Ŵ¡™ ",
]  # fmt: skip
HREFS = [
    "/docs/report.pdf", "https://www.kscmp.org.uk/child-q/", "javascript:alert(1)", "data:text/html,x",
    "#top", "mailto:a@b.c", "https://assets.publishing.service.gov.uk/media/x/report.pdf", "//evil.example/x",
    "https://www.gov.uk/government/publications/x", "",
]  # fmt: skip

text = st.one_of(st.sampled_from(PHRASES), st.text(max_size=40))


def element(children):
    tag = st.sampled_from(
        [
            "p",
            "h2",
            "h3",
            "h4",
            "li",
            "ul",
            "div",
            "strong",
            "span",
            "summary",
            "details",
            "table",
            "tr",
            "td",
            "th",
            "main",
            "nav",
        ]
    )
    link = st.builds(lambda h, t: f'<a href="{h}">{t}</a>', st.sampled_from(HREFS), text)
    return st.one_of(
        st.builds(lambda t, c: f"<{t}>{''.join(c)}</{t}>", tag, st.lists(children, max_size=4)),
        link,
        st.just("<br>"),
    )


html_fragments = st.recursive(
    text.map(lambda t: t.replace("<", "&lt;") if "script" not in t else t), element, max_leaves=25
)


def page(body: str) -> str:
    return f"<html><head><title>Case reviews</title></head><body>{body}</body></html>"


PIPELINES = [CleanPipeline(), NormalisePipeline(), ValidatePipeline()]


def stored_item(review, source, url):
    """The item a harvest would store for ``review``, or None when validation drops it."""
    item = review_item(review, source, url)
    try:
        for pipeline in PIPELINES:
            item = pipeline.process_item(item)
    except DropItem:
        return None
    return item


_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(html_fragments, max_size=8))
def test_the_listing_extractor_never_raises_and_stores_only_valid_records(fragments):
    html = page("".join(fragments))
    source = get_source("kent-scmp")
    extraction = extract(html, URL, source=Source(source.area, source.nation, source.serves))
    for review in extraction.reviews:
        assert review.name
        item = stored_item(review, source, URL)
        if item is None:
            continue
        assert item["review_type"] in REVIEW_TYPES
        assert item.get("nation") in (*NATIONS, None)
        assert item.get("status") in (*STATUSES, None)
        assert item.get("published") is None or re.fullmatch(
            r"\d{4}(-\d\d(-\d\d)?)?", item["published"]
        )
        for field in ("title", "pseudonym", "summary", "recommendations"):
            value = item.get(field) or ""
            assert not _TAG.search(value), (field, value)
        for document in item["documents"]:
            assert document["kind"] in DOCUMENT_KINDS
            assert re.match(r"https?://[^/]", document["url"]), document


@settings(max_examples=150, deadline=None)
@given(st.lists(html_fragments, max_size=8))
def test_the_nspcc_entry_parser_never_raises(fragments):
    for entry, start, end in entries_from_blocks(linearise(page("".join(fragments)), URL)):
        assert start < end
        assert entry.year >= 1900


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.text(max_size=300))
def test_feeds_of_any_bytes_never_raise(blob, text_body):
    for body in (
        blob,
        f"<rss><channel><item><title>{text_body}</title><link>{text_body}</link></item></channel></rss>".encode(),
    ):
        entries, _ = read_feed(body, "https://www.kscmp.org.uk/feed/")
        for entry in entries:
            assert entry.link.startswith(("http://", "https://"))


# Python's case-insensitive matching also matches look-alike letters: 'ſ' (long s) for s, 'K'
# (Kelvin sign) for k, 'İ' (dotted capital I) for i. Pages that used them matched the month and
# number patterns and then raised KeyError in the tables ('ſept', 'ſix', 'Apri̇l').
LOOK_ALIKES = [("s", "ſ"), ("k", "K"), ("i", "İ")]
FOLDED_PAGES = [
    "plymouthscb.co.uk/csprs/index.html",
    "www.norfolklscb.org/nscp-publishes-child-safeguarding-practice-review-baby-l/index.html",
    "www.gwentsafeguarding.org.uk/en/practice-reviews/what-is-a-practice-review",
    "cms.pembrokeshire.gov.uk/safer-pembrokeshire/domestic-homicide-reviews",
]


def test_look_alike_letters_are_read_not_a_crash():
    from crawler.normalise.dates import normalise_date
    from crawler.normalise.facts import summary_facts
    from crawler.normalise.fold import plain

    assert plain("ſept") == "sept" and plain("Apr\u0130l") == "april"
    assert normalise_date("ſept 2020") == "2020-09" and normalise_date("Auguſt 2019") == "2019-08"
    assert normalise_date("Apr\u0130l 2021") == "2021-04"
    assert summary_facts("A ſix year old girl died.").age_text == "6 years"
    assert summary_facts("An e\u0130ght-year-old boy died.").age_text == "8 years"
    source = get_source("plymouth-scp")
    from .conftest import SNAPSHOT

    stored = 0
    for name in FOLDED_PAGES:
        body = (SNAPSHOT / name).read_text(encoding="utf-8")
        url = "https://" + name.removesuffix("index.html")  # a file name is the page's path
        for plain_letter, look_alike in LOOK_ALIKES:
            for review in extract(body.replace(plain_letter, look_alike), url).reviews:
                stored += stored_item(review, source, url) is not None
    assert stored > 20
