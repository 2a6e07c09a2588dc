"""Paraphrases: reword a saved page's cue phrases the way another site would say them, and the
extractor must find the same reviews with the same dates, statuses and documents.

A rule written for one phrasing breaks here ("Available reports published May 2024" read as
"Documents released May 2024"; "Mr Benson said:" as "Mr Benson noted:").
"""

from __future__ import annotations

import re

import pytest

from crawler.extract.extractor import Source, extract
from crawler.normalise.names import name_key
from crawler.registry import get_source
from crawler.replay import snapshot_path

from .harness import SNAPSHOT

# (pattern, replacement): each keeps the meaning and the kind of what it rewords.
REWORDINGS = [
    (r"\bpublished\b", "released"),
    (r"\bPublished\b", "Released"),
    (r"\bAvailable reports published\b", "Documents released"),
    (r"\bsaid:", "noted:"),
    (r"\bOverview [Rr]eport\b", "Final Report"),
    (r"\b7[ -][Mm]inute [Bb]riefing\b", "Seven Minute Briefing"),
    (r"\bLearning [Bb]rief\b", "Learning Summary"),
    (r"\b(\d{1,2})(?:st|nd|rd|th)( [A-Z][a-z]+ \d{4})\b", r"\1\2"),
    (r"\bSerious Case Review\b", "SCR"),
    (r"\bSafeguarding Adults? Review\b", "SAR"),
    (r"\bDomestic Homicide Review\b", "DHR"),
    (r"\bChild Safeguarding Practice Review\b", "CSPR"),
    (r" – ", " - "),
    (r"\bClick here for\b", "Read"),
    (r"\bExecutive [Ss]ummary\b", "Exec Summary"),
    (r"\b[Kk]ey themes:", "Themes –"),
    (r"\bin relation to\b", "concerning"),
    (
        r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b",
        r"\2 \1, \3",
    ),
    (r"\bDate of publication:", "Publication date:"),
    (r"\bLocal Child Safeguarding Practice Review\b", "LCSPR"),
]
PAGES = [
    "wiltshire-svpp",
    "hounslow-sab",
    "surrey-scp",
    "essex-sab",
    "teeswide-sab",
    "haringey-csp",
    "sefton-csp",
    "lancashire-scp",
    "leeds-scp",
    "croydon-scp",
    "hampshire-scp",
    "merton-scp",
    "cumbria-sab",
    "medway-csp",
    "nottingham-city-scp",
    "liverpool-sab",
    "plymouth-scp",
    "southampton-scp",
    "west-glamorgan-sb",
    "reigate-banstead-csp",
]


def _reword_text(html: str, pattern: str, replacement: str) -> str:
    """Apply a rewording to the page's text, never to its tags or attributes."""
    parts = re.split(r"(<[^>]*>)", html)
    return "".join(p if p.startswith("<") else re.sub(pattern, replacement, p) for p in parts)


def _summary(html: str, url: str, source) -> set:
    extraction = extract(
        html,
        url,
        source=Source(source.area, source.nation, source.serves, source.hints.get("lists")),
    )
    return {
        (
            name_key(r.name),
            r.published,
            r.status,
            r.area.name if r.area else None,
            r.national,
            frozenset(d["url"] for d in r.documents),
        )
        for r in extraction.reviews
    }


def _pages(source_id: str):
    source = get_source(source_id)
    for url in source.urls:
        path = snapshot_path(SNAPSHOT, url)
        if path is not None:
            yield url, path.read_text(encoding="utf-8", errors="replace"), source


@pytest.mark.parametrize("source_id", PAGES)
def test_reworded_cues_give_the_same_reviews(source_id):
    for url, html, source in _pages(source_id):
        before = _summary(html, url, source)
        assert before, f"{source_id}: the original page yields nothing"
        for pattern, replacement in REWORDINGS:
            reworded = _reword_text(html, pattern, replacement)
            if reworded == html:
                continue
            after = _summary(reworded, url, source)
            assert after == before, (pattern, replacement, before ^ after)


def test_a_quoted_speaker_is_no_review_whatever_the_verb():
    page = """<html><body><main><h1>Serious case reviews</h1>
    <h2>Child Q</h2><p>Published 3 March 2021.</p>
    <p><a href="/files/child-q-overview-report.pdf">Child Q overview report</a></p>
    <p>Mr Benson {verb}: "We are determined that the learning will change practice."</p>
    </main></body></html>"""
    source = get_source("wiltshire-svpp")
    for verb in ("said", "noted", "added", "commented", "explained", "stated"):
        names = {r.name for r in extract(page.format(verb=verb), "https://x.example/scr/").reviews}
        assert names == {"Child Q"}, verb
    assert source is not None
