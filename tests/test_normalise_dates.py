import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.normalise.dates import best_date, find_dates, more_precise, normalise_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Shapes from patterns.md
        ("Date of publication: 3rd March 2016", "2016-03-03"),
        ("Child LM | Published 2 May 2018 | Published 9 June 2016", "2018-05-02"),
        ("Serious Case Review Ruby – published 4th June 2020", "2020-06-04"),
        ("Tom & Ann – SPR published 2nd May 2022", "2022-05-02"),
        ("Child RT - One page learning summary (Jan 2025)", "2025-01"),
        ("Baby Ivy (published May 2023)", "2023-05"),
        ("Arthur (published 12 May 2021)", "2021-05-12"),
        ("Child Z - Summary report (September 2024)", "2024-09"),
        ("CSPR Baby N August 2022", "2022-08"),
        ("Leo – XSCB Report – March 2021", "2021-03"),
        ("Available reports published May 2023:", "2023-05"),
        ("… is today (14/02/2019) publishing the report …", "2019-02-14"),
        ("On 12th June 2023, the partnership published …", "2023-06-12"),
        ("The XSCP published CSPR Sibling Abuse on 3 March, 2021.", "2021-03-03"),
        ("In 2018 Family K was published.", "2018"),
        ("BABY ROSE REPORT - Mar 2023 Final.pdf", "2023-03"),
        ("Northtown SCR: May 2016. Key issues: …", "2016-05"),
        ("– Published 3rd October 2021 Key Issues: …", "2021-10-03"),
        ("9 May 2023", "2023-05-09"),
        ("Serious Case Review - Patrick - Published on the 23rd May 2016", "2016-05-23"),
        # NSPCC headings and first sentences
        ("December 2014NSPCC on behalf of unnamed LSCB - Child C", "2014-12"),
        ("2013Westvale – Child J", "2013"),
        ("Death of a 17-year-old boy in November 2022.", "2022-11"),
        ("Sexual exploitation of children between 2011 and 2014.", "2011"),
        ("Sept 2021", "2021-09"),
        ("2021-04-12T10:00:00Z", "2021-04-12"),
        ("April 12th, 2021", "2021-04-12"),
        # Not dates
        ("SCR Family P", None),
        ("XSCP2021-22-02: Title Words Here", None),
        ("CPR ABCD 03-2020", None),
        ("31 February 2020", "2020-02"),
        ("Call 0808 800 5000", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(text, expected):
    assert normalise_date(text) == expected


def test_find_dates_in_order_and_best_is_most_precise():
    text = "Reviewed in 2019, published 12 May 2021"
    assert [d.iso for d in find_dates(text)] == ["2019", "2021-05-12"]
    assert best_date(text) == "2021-05-12"


def test_more_precise_keeps_the_finer_date():
    assert more_precise("2021", "2021-04-12") == "2021-04-12"
    assert more_precise("2021-04-12", "2021") == "2021-04-12"
    assert more_precise(None, "2021") == "2021"
    assert more_precise("2021-03", "2021-04") == "2021-03"


@given(st.text(max_size=300))
def test_normalise_date_never_raises_and_is_iso_or_none(text):
    value = normalise_date(text)
    assert value is None or len(value) in (4, 7, 10)
    if value:
        year = int(value[:4])
        assert 1970 <= year <= 2100


def test_the_tests_before_each_date_pattern_change_no_result(monkeypatch):
    """A pattern runs only when the text has what its matches need (a year, a month word, a
    slash); on every kind of date text the dates found are the same as running them all."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from crawler.normalise import dates

    pieces = st.sampled_from(
        ["12", "3rd", "2021", "1999", "19", "/", "-", ".", " ", ", ", "of", "March", "sept",
         "Dec.", "may", "published", "04", "2020-04-12", "14/02/19", "Q3", "£2021", "Mar-2023"]
    )  # fmt: skip

    def everything(text):
        monkeypatch.setattr(dates, "_PATTERNS", [(None, p) for _, p in dates._PATTERNS])
        try:
            return dates._find_dates.__wrapped__(text)
        finally:
            monkeypatch.undo()

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=8).map("".join))
    def same(text):
        assert dates._find_dates.__wrapped__(text) == everything(text)

    same()
    for text in [
        "Serious Case Review Ruby – published 4th June 2020", "is today (14/02/2019) publishing",
        "BABY ROSE REPORT - Mar 2023 Final.pdf", "the 23rd of May 2016", "12-Apr-2021",
        "April 12th, 2021", "14.02.2019", "14/02/19", "Sept 2021", "May, 2023", "2021-04",
        "04/2021", "in 2019", "2021-04-12", "3 March, 2021",
    ]:  # fmt: skip
        assert dates._find_dates.__wrapped__(text) == everything(text), text


def test_a_month_written_with_a_long_s_is_read_not_a_crash():
    """Case-insensitive matching folds 'ſ' (long s) to 's': 'ſept 2020' matched the month
    pattern and then failed the month table look-up with a KeyError mid-harvest."""
    assert find_dates("published ſept 2020") and normalise_date("ſept 2020") == "2020-09"
    assert normalise_date("Auguſt 2019") == "2019-08"


def test_a_run_of_thousands_of_dates_is_read_whole():
    """A table of years flattened into one run-on line: every date found once, none lost to
    the overlap check (which is now a claimed-character map, not a scan of earlier dates)."""
    from crawler.extract.fields import dated

    text = " ".join(f"{2000 + i % 20} (1 March {2000 + i % 20})" for i in range(1000))
    found = find_dates(text)
    assert len(found) == 2000
    assert [d.iso for d in found[:2]] == ["2000", "2000-03-01"]
    roles = {d.role for d in dated(text)}
    assert roles <= {"other", "death"}
