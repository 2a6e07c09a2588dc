"""Each stage of the extractor on its own: segment, records, subjects, fields, documents,
classify, the platform adapters, and the assembly (areas, national reviews, one review per
subject, a review's own page)."""

from __future__ import annotations

import pytest

from crawler.extract.classify import FEATURES, Context, Model, classify, features, fit
from crawler.extract.documents import (
    classify_document,
    is_document_link,
    names_only_a_document,
)
from crawler.extract.extractor import Source, extract
from crawler.extract.fields import date_heading, dated, is_date_line, status_of, themes_of
from crawler.extract.page import load_page
from crawler.extract.records import candidates
from crawler.extract.segment import describe, segment
from crawler.extract.subjects import subject_of
from crawler.normalise.vocabulary import is_plural_type, type_named

URL = "https://www.example-scp.org.uk/reviews/"


def page(body: str, title: str = "Case reviews") -> str:
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Home</a><a href='/training/'>Training</a></nav></header>"
        f"<main>{body}</main><footer><a href='/privacy/'>Privacy</a></footer></body></html>"
    )


def tree(body: str) -> str:
    content = load_page(page(body), URL).content
    return describe(segment(content, URL))


def records_of(body: str):
    content = load_page(page(body), URL).content
    return candidates(segment(content, URL), page_url=URL)


# -- segment -------------------------------------------------------------------------------------


def test_headings_open_sections_down_to_their_equals():
    assert tree(
        "<h2>Serious case reviews</h2><h3>Child A</h3><p>Published 2020.</p>"
        "<h3>Child B</h3><p>Published 2021.</p><h2>Other</h2><p>x y</p>"
    ) == (
        "section: Serious case reviews\n  section: Child A\n    item: Published 2020.\n"
        "  section: Child B\n    item: Published 2021.\nsection: Other\n  item: x y"
    )


def test_accordion_items_are_closed_sections_and_cards_are_items():
    body = (
        "<details><summary>Child A</summary><p>Report</p></details>"
        "<details><summary>Child B</summary><p>Report</p></details><p>After the accordion</p>"
        "<div class='card'><a href='/a'>Mr X</a><p>2020</p></div>"
        "<div class='card'><a href='/b'>Ms Y</a><p>2021</p></div>"
    )
    assert tree(body) == (
        "section: Child A\n  item: Report\nsection: Child B\n  item: Report\n"
        "item: After the accordion\nitem: Mr X\nitem: Ms Y"
    )


def test_a_paragraph_of_linked_lines_is_one_item_per_line():
    body = "<p><a href='/a.pdf'>Child A report</a><br><a href='/b.pdf'>Child B report</a></p>"
    assert tree(body) == "line: Child A report\nline: Child B report"


def test_a_date_line_above_each_heading_belongs_to_the_heading_below():
    body = (
        "<p>9 May 2023</p><h3>Child Iris</h3><p>text</p><p>22 February 2022</p><h3>Child Orla</h3>"
    )
    assert tree(body) == (
        "section: Child Iris\n  item: 9 May 2023\n  item: text\n"
        "section: Child Orla\n  item: 22 February 2022"
    )


# -- records ----------------------------------------------------------------------------------------


def test_a_heading_naming_a_review_is_one_record_with_its_documents():
    found = records_of(
        "<h3>Child Oliver</h3><p>Published 18 March 2024</p>"
        "<ul><li><a href='/o.pdf'>Full report</a></li><li><a href='/b.pdf'>7 minute briefing</a></li></ul>"
    )
    assert [(r.subject.name, len(r.links)) for r in found] == [("Child Oliver", 2)]


def test_a_heading_over_several_reviews_is_their_context():
    found = records_of(
        "<h3>November 2023</h3><p><a href='/sk.pdf'>SK – SAR Report</a></p>"
        "<p><a href='/j.pdf'>James – SAR Report</a></p>"
    )
    assert [(r.subject.name, r.path, r.context_date) for r in found] == [
        ("SK", ("November 2023",), "2023-11"),
        ("James", ("November 2023",), "2023-11"),
    ]


def test_lines_naming_no_one_follow_the_review_before_them():
    found = records_of(
        "<p><a href='/k.pdf'>Child K overview report</a></p>"
        "<p><a href='/e.pdf'>Executive summary</a></p><p>Published 3 March 2016</p>"
    )
    assert len(found) == 1
    assert [c.title.text for c in found[0].companions] == [
        "Executive summary",
        "Published 3 March 2016",
    ]


def test_a_table_of_contents_is_no_record():
    assert records_of("<ul><li><a href='#child-a'>Child A – SCR published 2018</a></li></ul>") == []


def test_a_sentence_naming_several_reviews_gives_each_its_record():
    found = records_of("<p>Today we publish two Serious Case Reviews: Child LN and Child LP.</p>")
    assert [r.subject.name for r in found] == ["Child LN", "Child LP"]


# -- subjects ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name", "kind"),
    [
        ("Serious Case Review Jasmine – published 12th April 2021", "Jasmine", "name"),
        ("Case of Eleena | March 2018", "Eleena", "name"),
        ("A - 2018", "A", "letter"),
        ("Domestic Homicide Review 004", "DHR 4", "number"),
        ("Sefton DHR1 - Exec Summary (pdf 391KB)", "DHR 1", "number"),
        ("DHR2:", "DHR 2", "number"),
        ("Child Practice Review 8/2020", "CPR 8/2020", "number"),
        ("SK: key themes on self-neglect", "SK", "name"),
        ("2022 SAR Report – 'Joan'", "Joan", "name"),
        ("Review into the death of Marta in June 2019", "Marta", "name"),
        ("ABSB 06-2021 APR Report", "ABSB 06-2021", "subject"),
        ("Henry SAR (Adult H)", "Henry", "name"),
        ("Discretionary SAR 'Mr Z'", "Mr Z", "subject"),
        ("‘Emily’ & ‘Jack’ – SCR published 15th October 2020", "Emily & Jack", "name"),
        (
            "Franklyn: Local Child Safeguarding Practice Review – Child L ‘Franklyn’",
            "Franklyn",
            "name",
        ),
        ("Safeguarding Adults Overview Review report for Gary", "Gary", "name"),
        (
            "The HSCP published CSPR Peer on Peer Abuse on 21 February, 2022.",
            "Peer on Peer Abuse",
            "topic",
        ),
        ("Case Joyce Jackson/2015", "Case Joyce Jackson", "subject"),
        ("See John SAR 7 minute briefing", "John", "name"),
    ],
)
def test_subjects_of_titles(title, name, kind):
    found = subject_of(title)
    assert (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize(
    "title",
    [
        "7 Minute Briefing – Professional Curiosity",
        "Non-Accidental Injury (NAI)",
        "Hagell (1998) ‘Dangerous Care’",
        "Working Together 2023",
        "Domestic Homicide Review - June 2017",
        "A Safeguarding Adult Review (SAR) is a learning process",
        "Wiltshire SAB",
        "Serious Case Reviews",
    ],
)
def test_titles_naming_no_one(title):
    assert subject_of(title) is None


# -- fields -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("This review was published on 9 November 2022.", ["published"]),
        ("Oliver was brought to hospital in December 2022.", ["incident"]),
        (
            "Charlotte (2015) - the review into the death of Charlotte in 2015",
            ["death", "incident"],
        ),
        ("Action plan – progress at January 2024", ["revised"]),
        ("CYSUR 8/2020 Final Report", ["code"]),
        ("Northtown SCR: May 2016. Key issues: neglect", ["published"]),
        ("On 31st July 2024, the partnership published its review", ["published"]),
        # A date in brackets of its own labels the title before it, whatever that title says:
        # Manchester's national reviews, Surrey SAB's "Mr D (July 2014) – concerning …".
        ("The myth of invisible men: non-accidental injury caused by male carers (September 2021)",
         ["other"]),
        ("Mr D (July 2014) – concerning an incident in his home.", ["other"]),
        ("He was injured in (what the report calls) March 2019", ["incident"]),
        ("Child D died in hospital (March 2019) after a head injury.", ["incident"]),
        # A press release dates itself "Today (…)": Swindon's Child Q, and reworded
        ("Today (27th November 2019) the Swindon Safeguarding Partnership publishes the report of"
         " a Serious Case Review into the severe neglect of a child.", ["published"]),
        ("Today, 5 March 2019, the board published its review of Child K.", ["published"]),
        ("Today (Tuesday 5 March 2019) we have published the review into Baby L.", ["published"]),
        ("Today (27 November 2019) marks a year since Child Q died.", ["incident"]),
        ("Today (27 November 2019) we remember Child Q.", ["other"]),
    ],
)  # fmt: skip
def test_each_date_has_one_role(text, roles):
    assert [d.role for d in dated(text)] == roles


def test_date_lines_headings_statuses_and_themes():
    assert is_date_line("Published: 3rd March 2016") and is_date_line("Thursday, 7 April 2016 | Jo")
    assert not is_date_line("A - 2018")
    assert date_heading("2022:") == (2022, None, None)
    assert date_heading("21st NOVEMBER: the Board publishes six SARs") == (None, 11, 21)
    assert status_of("Publication delayed until proceedings end") == "delayed"
    assert (
        status_of("The report was removed from the website in July 2022") == "no_longer_published"
    )
    assert status_of("The board decided not to publish the report") == "unpublished"
    assert status_of("Published 3 March 2021") is None
    assert themes_of("SK: key themes on trauma, self-neglect and mental capacity") == [
        "trauma",
        "self-neglect",
        "mental capacity",
    ]


# -- documents and vocabulary ------------------------------------------------------------------------


def test_document_links_and_their_kinds():
    assert is_document_link("https://www.youtube.com/watch?v=abc", "Recorded briefing")
    assert is_document_link("https://docs.google.com/document/d/1x/edit", "SAR report")
    assert is_document_link("https://x.gov.uk/objview.asp?object_id=81", "Overview report")
    assert not is_document_link("https://x.gov.uk/reviews/child-a", "Child A")
    assert classify_document("David’s SAR", url="https://x/david-executive-summary.pdf") == (
        "executive_summary"
    )
    assert classify_document("Overview Report and Action Plan") == "full_report"
    assert classify_document("here", "To read the full report click here") == "full_report"
    assert names_only_a_document("Executive summary (PDF, 300KB)")
    assert not names_only_a_document("Child K executive summary")


def test_one_vocabulary_names_every_type():
    assert [
        type_named(t)
        for t in (
            "Domestic Abuse Related Death Review",
            "DARDR",
            "SUSR",
            "Adult Practice Review",
            "Child Practice Review",
            "Case Management Review",
            "Significant Case Review",
            "Rapid review",
            "Thematic SAR",
            "Local and National Child Safeguarding Practice Reviews",
        )
    ] == ["dhr", "dhr", "susr", "apr", "cpr", "cmr", "scr", "learning_review", "other", "lcspr"]
    assert is_plural_type("Published SARs") and not is_plural_type("SAR Mr Z")


# -- classify ----------------------------------------------------------------------------------------


def test_decisions_keep_their_features_and_reasons():
    found = records_of(
        "<h2>Published reviews</h2><p><a href='/a.pdf'>Child A – SCR (PDF)</a></p>"
        "<p><a href='/b.pdf'>Child B – SCR (PDF)</a></p><p><a href='/training/'>Training</a></p>"
    )
    judged = classify(found, Context("www.example-scp.org.uk", "Case reviews"))
    kept = [(r.title.text, d.kept) for r, d in judged]
    assert kept == [
        ("Child A – SCR (PDF)", True),
        ("Child B – SCR (PDF)", True),
        ("Training", False),
    ]
    decision = judged[0][1]
    # One of its two siblings (Child B, not Training) is review-like.
    assert decision.features["subject"] == 1.0 and decision.features["siblings"] == 0.5
    assert decision.explain().startswith("kept")


def test_fitting_learns_which_way_a_feature_points():
    rows = [({"subject": 1.0, "document": 1.0}, 1)] * 20 + [({"deny": 1.0}, 0)] * 20
    model = fit(rows)
    assert model.weights["subject"] > 0 > model.weights["deny"]
    assert set(model.weights) == set(FEATURES)
    assert Model(model.weights, model.bias).decide({"subject": 1.0}).kept


def test_features_are_between_zero_and_one():
    found = records_of("<p><a href='/a.pdf'>Child A overview report</a></p>")
    values = features(found[0], Context("www.example-scp.org.uk", ""), {})
    assert set(values) == set(FEATURES)
    assert all(0.0 <= v <= 1.0 for v in values.values())


# -- adapters and assembly ---------------------------------------------------------------------------


def test_a_committee_report_page_is_one_document_of_one_review():
    html = page(
        "<table><tr><td>Meeting:</td><td>Children's Scrutiny Committee</td></tr>"
        "<tr><td>Title:</td><td>Serious Case Review, Jasmine</td></tr></table>"
        "<p>The review was published on 12 April 2021.</p>"
    )
    url = "https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=1"
    (review,) = extract(html, url).reviews
    assert (review.name, review.published, review.documents[0]["kind"]) == (
        "Jasmine",
        "2021-04-12",
        "committee_report",
    )


def test_national_reviews_come_from_govuk_links_in_a_national_section():
    html = page(
        "<h2>National reviews</h2><p><a href='https://www.gov.uk/government/publications/"
        "the-myth-of-invisible-men'>The Myth of Invisible Men (September 2021)</a></p>"
        "<p><a href='https://www.gov.uk/government/publications/the-victoria-climbie-inquiry'>"
        "Victoria Climbie inquiry</a></p>"
    )
    reviews = extract(html, URL, source=Source("Kent", "England", "children")).reviews
    assert [(r.name, r.national, r.published) for r in reviews] == [
        ("The Myth of Invisible Men", True, "2021-09")
    ]


def test_nspcc_entries_on_a_board_page_keep_their_own_area():
    html = page(
        "<h3>2019 - Bristol - Child Q</h3><p>Death of a 3-year-old boy in May 2018.</p>"
        "<p><a href='https://learning.nspcc.org.uk/q.pdf'>Read the overview report</a></p>"
    )
    (review,) = extract(html, URL, source=Source("Kent", "England", "children")).reviews
    assert (review.name, review.area_text, review.published) == ("Child Q", "Bristol", "2019")


def test_another_boards_site_names_the_review_area():
    html = page(
        "<h2>National SCRs</h2><table><tr><td><a href='http://www.haringeylscb.org/"
        "files/second_serious_case_overview_report_peter.pdf'>Baby Peter</a></td></tr>"
        "<tr><td><a href='http://www.coventrylscb.org.uk/files/dp.pdf'>Child D</a></td></tr>"
        "</table>"
    )
    reviews = extract(html, URL, source=Source("Bedford", "England", "children")).reviews
    assert {(r.name, r.area.name) for r in reviews} == {
        ("Baby Peter", "Haringey"),
        ("Child D", "Coventry"),
    }


def test_one_review_per_subject_on_a_page():
    html = page(
        "<p><a href='/k1.pdf'>Child K overview report</a></p><p>Something else entirely here.</p>"
        "<p><a href='/k2.pdf'>Child K executive summary</a></p>"
    )
    (review,) = extract(html, URL, source=Source("Kent", "England", "children")).reviews
    assert sorted(d["kind"] for d in review.documents) == ["executive_summary", "full_report"]


@pytest.mark.parametrize(
    ("heading", "rows", "nation", "serves", "expected"),
    [
        # West Glamorgan's shape: a review as rows of its documents, one row naming its type
        ("Adult Practice Reviews", ("Terms of Reference", "Summary Timeline", "CPR Report"),
         "Wales", "adults", "cpr"),
        # reworded: another heading, another type, the telling row first or last
        ("Published reviews", ("Overview report (DHR)", "Terms of reference", "Action plan"),
         "England", "adults", "dhr"),
        ("Safeguarding Adults Reviews", ("Timeline", "Briefing", "Child Practice Review report"),
         "Wales", "adults", "cpr"),
        # no row names a type: the heading still decides
        ("Adult Practice Reviews", ("Terms of Reference", "Summary Timeline", "Report"),
         "Wales", "children", "apr"),
    ],
)  # fmt: skip
def test_a_review_listed_as_rows_is_typed_by_its_rows_before_the_heading(
    heading, rows, nation, serves, expected
):
    from crawler.normalise.review_types import normalise_review_type

    links = "".join(f"<li><a href='/media/{n}.docx'>WG S71 2023 - {row}</a></li>"
                    for n, row in enumerate(rows))  # fmt: skip
    html = page(f"<h2>{heading}</h2><ul>{links}</ul>")
    (review,) = extract(html, URL, source=Source("West Glamorgan", nation, serves)).reviews
    assert len(review.documents) == 3
    assert normalise_review_type(review.type_text, nation, serves, 2023) == expected


def test_a_review_known_by_type_and_date_is_named_so():
    html = page(
        "<h2>Domestic Homicide Reviews</h2><h3>2020</h3>"
        "<p><a href='/dhr-2020-exec.pdf'>Domestic Homicide Review 2020 - executive summary (PDF)</a></p>"
        "<h3>2017</h3><p><a href='/dhr-2017.pdf'>Domestic Homicide Review 2017 - overview report (PDF)</a></p>"
    )
    source = Source("Reigate and Banstead", "England", "adults", "dhr")
    assert sorted(r.name for r in extract(html, URL, source=source).reviews) == [
        "DHR 2017",
        "DHR 2020",
    ]


def test_a_reviews_own_page_gives_it_every_document():
    html = page(
        "<h1>Baby F</h1><p>Published 4 May 2022.</p>"
        "<p><a href='/f-report.pdf'>Download the report</a> and the "
        "<a href='/f-brief.pdf'>7 minute briefing</a>.</p>"
    )
    (review,) = extract(html, URL + "baby-f/", detail_for="Baby F").reviews
    assert (review.name, review.published, len(review.documents)) == ("Baby F", "2022-05-04", 2)


# -- rules from the ninth holdout round: each holds for more than one wording ----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "At the family's request, the review calls the child Stephen.",
        "The family asked that the report refer to him as Stephen.",
        "In this review we have named the baby Stephen, as his mother wished.",
    ],
)
def test_a_news_post_names_its_review_by_what_the_review_calls_the_child(sentence):
    html = page(
        "<article><h1>Statement on behalf of the partnership</h1>"
        "<p>The partnership is today publishing a Child Safeguarding Practice Review into the"
        " death of a 12-week-old baby.</p>"
        f"<p>{sentence} His father was convicted of his murder in 2021.</p>"
        "<p>Our thoughts remain with the family and friends of the baby.</p></article>"
    )
    url = "https://www.example-scp.org.uk/2022/04/12/statement-on-behalf-of-the-partnership/"
    source = Source("Kent", "England", "children")
    (review,) = extract(html, url, source=source).reviews
    assert (review.name, review.published) == ("Stephen", "2022-04-12")


def test_a_news_posts_date_is_in_its_address():
    from crawler.extract.page import url_date

    assert url_date("https://x.org.uk/2022/04/12/statement-issued/") == "2022-04-12"
    assert url_date("https://x.org.uk/wp-content/uploads/2022/04/report.pdf") is None
    assert url_date("https://x.org.uk/reviews/2022/") is None


@pytest.mark.parametrize(
    "heading", ["The Margaret Fleming Significant Case Review", "The Margaret Fleming SCR"]
)
def test_a_review_heading_may_open_with_the(heading):
    assert subject_of(heading).name == "Margaret Fleming"
    assert subject_of("The Board Safeguarding Adults Review") is None
    assert subject_of("The Myth of Invisible Men") is None


@pytest.mark.parametrize(
    "text",
    [
        "commissioned a Significant Case Review, which is ongoing.",
        "The SAR is still in progress and will report next year.",
        "The review remains underway.",
    ],
)
def test_a_review_still_being_carried_out_is_not_yet_published(text):
    assert status_of(text) == "delayed"
    assert status_of("Our work with families is ongoing.") is None


@pytest.mark.parametrize(
    "text",
    [
        "A report (Document G, which includes Not For Publication Appendix C) is submitted.",
        "Appendix 2 (not for publication) sets out the chronology.",
        "Appendix B - not for publication.",
    ],
)
def test_an_exempt_appendix_does_not_make_its_review_unpublished(text):
    assert status_of(text) is None
    assert status_of("The board decided the review is not for publication.") == "unpublished"


@pytest.mark.parametrize(
    "url",
    [
        "https://bradford.moderngov.co.uk/documents/s33871/Document%20G.pdf",
        "https://mycouncil.oxfordshire.gov.uk/documents/s59814/PSC_JAN2622R05%20-%20Serious%20Case%20Review%20Child%20R.pdf",
    ],
)
def test_a_committee_systems_paper_is_a_committee_report(url):
    assert classify_document("Document G PDF", "Child R thematic review", url=url) == (
        "committee_report"
    )
    # ... unless its own words say what it is.
    assert classify_document("Executive summary", url=url) == "executive_summary"


def test_a_file_named_for_the_review_is_its_report_whatever_the_sentence_after():
    kind = classify_document(
        "Child Cameron",
        "Latest LCSPR '",
        "Latest LCSPR 'Child Cameron' now published. Below is a statement made for the media.",
        url="http://dscp.example/files/LCSPR%20Child%20Cameron%20January%202023.pdf",
    )
    assert kind == "full_report"


def test_one_adult_under_two_titles_is_one_review():
    html = page(
        "<h1>Safeguarding Adult Reviews</h1>"
        "<p>Following the death of Adult FF, the Board commissioned a Safeguarding Adult Review"
        " (SAR), which it published this spring.</p>"
        "<p>Mr FF, an elderly man, lived alone in his home; he died in 2019 at the age of 94."
        " Several agencies knew him, but he did not always accept help.</p>"
    )
    source = Source("Buckinghamshire", "England", "adults")
    assert [r.name for r in extract(html, URL, source=source).reviews] == ["Adult FF"]


@pytest.mark.parametrize(
    "sentence",
    ["The review was published on the 27th of July 2021.", "It was published on 27 July 2021."],
)
def test_a_year_in_the_title_is_made_precise_by_the_record(sentence):
    html = page(
        "<h1>Agenda item</h1><h2>Child Sexual Exploitation Thematic Review 2021</h2>"
        "<p>The review was commissioned in 2019 and looks at twenty years from 2001.</p>"
        f"<p>{sentence}</p><h3>Supporting documents:</h3>"
        "<p><a href='/documents/s33871/Document%20G.pdf'>Document G PDF</a></p>",
        title="Agenda item - Child Sexual Exploitation Thematic Review 2021",
    )
    source = Source("Bradford", "England", "children")
    (review,) = extract(html, URL, source=source).reviews
    assert review.published == "2021-07-27"


def test_an_annual_report_heading_does_not_date_the_reviews_under_it():
    html = page(
        "<h1>Agenda item</h1><h2>Safeguarding Children Annual Report 2018/19</h2>"
        "<p>For the committee to receive the board's annual report.</p>"
        "<h3>34.1 Serious Case Review 'James'</h3>"
        "<p>34.1.1 The Serious Case Review 'James' had been published the previous day.</p>"
    )
    source = Source("Gloucestershire", "England", "children")
    (review,) = extract(html, URL, source=source).reviews
    assert (review.name, review.published) == ("James", None)


def test_sentence_bounds_found_once_match_the_scan_they_replace():
    """The sentence around each date: two binary searches over the text's stops give the same
    bounds as scanning the text for ". " and line breaks from the date each time."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from crawler.extract.fields import _Sentences

    def scanned(text, position):
        start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position), -1) + 1
        end = text.find(". ", position)
        return start, end if end >= 0 else len(text)

    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(st.sampled_from([". ", ".", " ", "\n", "a", "..", ". \n", "2020"])).map("".join)
    )
    def same(text):
        stops = _Sentences(text)
        for position in range(len(text) + 1):
            assert stops.sentence(position) == scanned(text, position)

    same()
