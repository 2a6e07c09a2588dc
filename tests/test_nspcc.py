"""The NSPCC repository: every listing era into complete, normalised records."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scrapy import Request

from crawler.extract.adapters.nspcc import entries_from_blocks, parse_heading, split_list
from crawler.extract.blocks import linearise
from crawler.spiders.nspcc import START_URLS, NspccSpider

from .harness import compare_nspcc, crawl_offline, load_expected, store_items, stored_reviews

ANSWERS = load_expected("nspcc")


def harvest_page(url: str, db_path, follow: bool = False):
    spider = NspccSpider()
    pages = 1 if follow else spider.max_pages
    request = Request(
        url, callback=spider.parse, meta={"source": "nspcc", "listing": True, "pages": pages}
    )
    store = store_items(crawl_offline(spider, [request]), db_path)
    reviews = stored_reviews(store, "nspcc")
    store.close()
    return reviews


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return {
        name: compare_nspcc(
            answer, harvest_page(answer["url"], tmp_path_factory.mktemp(name) / "r.db")
        )
        for name, answer in ANSWERS.items()
    }


def test_every_era_has_saved_pages():
    eras = {answer["url"] for answer in ANSWERS.values()}
    assert set(START_URLS) <= eras
    assert len(ANSWERS) == 10


@pytest.mark.parametrize("page", sorted(ANSWERS))
def test_every_entry_is_found_and_nothing_else(results, page):
    result = results[page]
    assert result.missing == []
    assert result.extra == []
    assert result.forbidden == []
    assert result.found == len(ANSWERS[page]["entries"])


@pytest.mark.parametrize("page", sorted(ANSWERS))
def test_every_field_of_every_entry(results, page):
    assert results[page].wrong == []


def test_the_spider_follows_pagination(tmp_path):
    reviews = harvest_page(
        "https://learning.nspcc.org.uk/case-reviews/monthly-case-reviews-update",
        tmp_path / "r.db",
        follow=True,
    )
    expected = len(ANSWERS["monthly-update"]["entries"]) + len(
        ANSWERS["monthly-update-page-2"]["entries"]
    )
    assert len(reviews) == expected


def test_a_2016_entry_exactly(tmp_path):
    reviews = harvest_page(ANSWERS["year-2016"]["url"], tmp_path / "r.db")
    [bryony] = [r for r in reviews if r["pseudonym"] == "Bryony"]
    assert bryony["id"] == "cheshire-west-and-chester-bryony-2016"
    assert (bryony["area"], bryony["area_code"], bryony["region"], bryony["nation"]) == (
        "Cheshire West and Chester",
        "E06000050",
        "North West",
        "England",
    )
    assert (bryony["review_type"], bryony["published"], bryony["incident"], bryony["sex"]) == (
        "scr",
        "2016",
        "death",
        "female",
    )
    assert bryony["incident_date"] == "2015-02"
    assert bryony["recommendations"].startswith("LSCB to undertake focused work")


@pytest.mark.parametrize(
    ("heading", "parsed"),
    [
        ("2025 - Kent - Child Q", (2025, None, "Kent", "Child Q")),
        ("2024 – Croydon - Baby R", (2024, None, "Croydon", "Baby R")),
        ("2024 - Anonymous- Young Person F", (2024, None, "Anonymous", "Young Person F")),
        ("2014Trafford – Child J", (2014, None, "Trafford", "Child J")),
        (
            "December 2014NSPCC on behalf of unnamed LSCB - Child C",
            (2014, "December", "NSPCC on behalf of unnamed LSCB", "Child C"),
        ),
        ("2016 – Birmingham – BSCB 2011-12/1", (2016, None, "Birmingham", "BSCB 2011-12/1")),
        ("2018 - Anonymous- Children F, G and H", (2018, None, "Anonymous", "Children F, G and H")),
        ("2016 – Bristol – Operation Brooke", (2016, None, "Bristol", "Operation Brooke")),
        (
            "2023 - Cwm Taf Morgannwg - CTMSB 1/2022",
            (2023, None, "Cwm Taf Morgannwg", "CTMSB 1/2022"),
        ),
    ],
)
def test_headings(heading, parsed):
    h = parse_heading(heading)
    assert (h.year, h.month, h.area_text, h.name) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "Sign up to Case Reviews Update",
        "Case reviews update",
        "2019 annual report",
        "Learning from case reviews: neglect",
        "Worried about a child?",
    ],
)
def test_non_headings(text):
    assert parse_heading(text) is None


def test_lists_split_on_semicolons_and_a_final_and():
    assert split_list("a; b; and c.") == ["a", "b", "c"]
    assert split_list("include: poor recording; missed visits") == [
        "poor recording",
        "missed visits",
    ]


# -- markup may vary; the sections may not ------------------------------------------------------

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz "), min_size=3, max_size=30
).map(lambda t: " ".join(t.split()) or "text")
LABELS = [
    ("Background", "background"),
    ("Key issues", "themes"),
    ("Learning themes include", "themes"),
    ("Recommendations", "recommendations"),
    ("Response", "response"),
    ("Model", "model"),
    ("Keywords", "keywords"),
]


@st.composite
def entries(draw):
    chosen = draw(
        st.lists(
            st.sampled_from(LABELS), min_size=1, max_size=len(LABELS), unique_by=lambda x: x[1]
        )
    )
    values = [(label, field, draw(WORDS)) for label, field in chosen]
    return {
        "heading": draw(st.sampled_from(["h2", "h3", "strong"])),
        "label_style": draw(st.sampled_from(["inside", "outside", "none"])),
        "breaks": draw(st.booleans()),
        "values": values,
    }


def render(entry) -> str:
    heading = "2019 - Kent - Child Q"
    head = (
        f"<p><strong>{heading}</strong></p>"
        if entry["heading"] == "strong"
        else f"<{entry['heading']}>{heading}</{entry['heading']}>"
    )
    lines = ["Death of a 3-year-old boy in May 2018."]
    for label, _, value in entry["values"]:
        if entry["label_style"] == "inside":
            lines.append(f"<strong>{label}:</strong> {value}")
        elif entry["label_style"] == "outside":
            lines.append(f"<strong>{label}</strong>: {value}")
        else:
            lines.append(f"{label}: {value}")
    body = (
        "<p>" + "<br>".join(lines) + "</p>"
        if entry["breaks"]
        else "".join(f"<p>{x}</p>" for x in lines)
    )
    link = '<p><a href="https://example.org/report.pdf">Read the overview report</a></p>'
    return f"<html><body><main><h1>Case reviews</h1>{head}{body}{link}<h2>Sign up</h2></main></body></html>"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(entries())
# Found by this test: "include" was stripped as "Recommendations include" is, leaving nothing,
# and "includes" lost its first seven letters.
@example({"heading": "h2", "label_style": "inside", "breaks": False,
          "values": [("Background", "background", "aaa"),
                     ("Recommendations", "recommendations", "include")]})  # fmt: skip
@example({"heading": "h3", "label_style": "none", "breaks": True,
          "values": [("Recommendations", "recommendations", "includes")]})  # fmt: skip
def test_no_entry_loses_its_sections_whatever_the_markup(entry):
    found = entries_from_blocks(linearise(render(entry), "https://www.nspcc.org.uk/x/"))
    assert len(found) == 1
    parsed = found[0][0]
    assert parsed.summary == "Death of a 3-year-old boy in May 2018."
    assert parsed.report_url == "https://example.org/report.pdf"
    for _, field, value in entry["values"]:
        got = getattr(parsed, field)
        if field in ("themes", "keywords"):
            assert value in got
        else:
            assert got == value
