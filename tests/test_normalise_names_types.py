import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.normalise.names import name_key, normalise_pseudonym, review_name
from crawler.normalise.review_types import REVIEW_TYPES, normalise_review_type


@pytest.mark.parametrize(
    ("title", "pseudonym"),
    [
        ("Serious Case Review Jasmine – published 12th April 2021", "Jasmine"),
        ("Serious Case Review Claire and Anne", "Claire and Anne"),
        ("Tom & Ann – SPR published 2nd May 2022", "Tom & Ann"),
        ("Child RT - One page learning summary (Jan 2025)", "Child RT"),
        ("Baby Ivy (published May 2023)", "Baby Ivy"),
        ("Arthur (published 12 May 2021)", "Arthur"),
        ("CSPR Baby N August 2022", "Baby N"),
        ("Leo – XSCB Report – March 2021", "Leo"),
        ("Child Safeguarding Practice Review: Max (MXQ21)", "Max"),
        ("CPR ABCD 03-2020", "CPR ABCD 03-2020"),
        ("Case AB12:", "Case AB12"),
        ("BABY ROSE REPORT - Mar 2023 Final.pdf", "Baby Rose"),
        ("Child-T-Executive-Summary_FINAL_v2.docx", "Child T"),
        ("Child Iris Safeguarding Practice Review", "Child Iris"),
        ("SCR Family P", "Family P"),
        ("Discretionary SAR 'Mr Z'", "Mr Z"),
        ("pdf icon Serious Case Review - Child W - Executive Summary [287kb]", "Child W"),
        ("Children F, G and H", "Children F, G and H"),
        ("BSCB 2011-12/1", "BSCB 2011-12/1"),
        ("Operation Kestrel", "Operation Kestrel"),
        ("Young Person F", "Young Person F"),
        ("Child A1301 Full Report", "Child A1301"),
        ("Summary of Lessons Learnt from Child J SCR", "Child J"),
        # Topics and furniture name no one
        ("CSPR Sibling Abuse", None),
        ("Thematic Serious Case Review", None),
        ("Child Protection in England (May 2022)", None),
        ("Working Together 2023", None),
        ("Annual Report 2023", None),
    ],
)
def test_normalise_pseudonym(title, pseudonym):
    assert normalise_pseudonym(title) == pseudonym


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("CSPR Sibling Abuse", "Sibling Abuse"),
        ("Thematic Serious Case Review", "Thematic"),
        ("Thematic Review", "Thematic"),
        ("XSCP2021-22-02: Title Words Here", "XSCP2021-22-02: Title Words Here"),
    ],
)
def test_review_name_for_reviews_about_no_one(title, name):
    assert review_name(title) == name


def test_name_key_ignores_case_quotes_and_ampersands():
    assert name_key("Claire & Anne") == name_key("claire and anne") == "claire and anne"
    assert name_key("'Mr Z'") == name_key("Mr Z")
    assert name_key(None) is None


@pytest.mark.parametrize(
    ("words", "nation", "serves", "year", "expected"),
    [
        ("Serious Case Review Jasmine", "England", "children", 2021, "scr"),
        ("CSPR Baby N August 2022", "England", "children", 2022, "lcspr"),
        ("Tom & Ann – SPR published 2nd May 2022", "England", "children", 2022, "lcspr"),
        ("Local Child Safeguarding Practice Review", "England", "children", None, "lcspr"),
        ("Discretionary SAR 'Mr Z'", "England", "adults", None, "sar"),
        ("DHR Mary (2020)", "England", "adults", 2020, "dhr"),
        ("Domestic Homicide Review into the death of Anne", "England", None, None, "dhr"),
        ("CPR ABCD 03-2020", "Wales", "children", 2020, "cpr"),
        ("Adult Practice Review APR 1 2019", "Wales", "adults", 2019, "apr"),
        ("GwSB APR 01/2022 – Adult Practice Review", "Wales", "children", 2023, "apr"),
        ("APR NWSB 02-2022", "Wales", "children", 2023, "apr"),
        ("An adult practice review about Mrs B", "England", "adults", 2021, "sar"),
        ("Mrs B", "Wales", "adults", 2021, "apr"),
        ("CYSUR 2 2018 Final Report", "Wales", "children", 2018, "cpr"),
        ("Single Unified Safeguarding Review", "Wales", "children", 2025, "susr"),
        ("Significant Case Review - Child A", "Scotland", "children", 2019, "scr"),
        ("Learning Review - Child B", "Scotland", "children", 2023, "learning_review"),
        ("Case AB12:", "Northern Ireland", "children", None, "cmr"),
        ("Case Management Review", "Northern Ireland", "children", None, "cmr"),
        ("Serious Case Management Review", "Isle of Man", "children", None, "scr"),
        ("Thematic Serious Case Review", "England", "children", 2016, "other"),
        ("Thematic review of neglect", "England", "children", 2023, "other"),
        ("Multi-agency learning review (MALR) Child X", "England", "children", 2023, "other"),
        ("Rapid review", "England", "children", 2023, "learning_review"),
        # No words: the board's nation and remit decide
        ("Child K", "England", "children", 2016, "scr"),
        ("Child K", "England", "children", 2021, "lcspr"),
        ("Ms A", "England", "adults", None, "sar"),
        ("Child K", "Jersey", "children", None, "scr"),
        ("Child K", None, None, None, None),
    ],
)
def test_normalise_review_type(words, nation, serves, year, expected):
    assert normalise_review_type(words, nation, serves, year) == expected


@given(
    st.text(max_size=200),
    st.sampled_from([None, "England", "Wales", "Scotland", "Northern Ireland", "Jersey"]),
    st.sampled_from([None, "children", "adults"]),
    st.one_of(st.none(), st.integers(1990, 2030)),
)
def test_review_type_is_valid_or_none(text, nation, serves, year):
    assert normalise_review_type(text, nation, serves, year) in (*REVIEW_TYPES, None)


@given(st.text(max_size=200))
def test_pseudonym_never_raises(text):
    value = normalise_pseudonym(text)
    assert value is None or (value.strip() == value and value)
