import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.normalise.facts import AGE_BANDS, first_sentence, summary_facts


@pytest.mark.parametrize(
    ("summary", "incident", "age_text", "age_band", "sex", "incident_date"),
    [
        (
            "Death of an 8-day-old baby girl in September 2021 following a head injury.",
            "death",
            "8 days",
            "under 1",
            "female",
            "2021-09",
        ),
        (
            "Death of a 17-year-old boy in November 2022.",
            "death",
            "17 years",
            "15-17",
            "male",
            "2022-11",
        ),
        (
            "Serious injury of a 3-month-old girl in March 2020. Her father was later convicted.",
            "serious_harm",
            "3 months",
            "under 1",
            "female",
            "2020-03",
        ),
        (
            "Sexual exploitation of children between 2011 and 2014. The police investigations",
            "serious_harm",
            None,
            None,
            None,
            "2011",
        ),
        (
            "Death of a 21-month-old boy from serious injuries in June 2011. Following the child’s death, the mother’s boyfriend was sentenced.",
            "death",
            "21 months",
            "1-4",
            "male",
            "2011-06",
        ),
        (
            "Death of a 15-week-old baby girl, J, in May 2014. A post-mortem confirmed",
            "death",
            "15 weeks",
            "under 1",
            "female",
            "2014-05",
        ),
        (
            "Death of an adolescent girl from an overdose in February 2015.",
            "death",
            None,
            None,
            "female",
            "2015-02",
        ),
        (
            "Neglect of four siblings aged between 2 and 11 years over a period of years.",
            "serious_harm",
            None,
            None,
            None,
            None,
        ),
        (
            "Today the partnership is publishing a review in relation to Jasmine.",
            None,
            None,
            None,
            None,
            None,
        ),
    ],
)
def test_summary_facts(summary, incident, age_text, age_band, sex, incident_date):
    facts = summary_facts(summary)
    assert (facts.incident, facts.age_text, facts.age_band, facts.sex, facts.incident_date) == (
        incident,
        age_text,
        age_band,
        sex,
        incident_date,
    )


def test_only_the_first_sentence_counts():
    assert first_sentence("Death of Mr. Z's son. He was 4.") == "Death of Mr. Z's son."
    assert summary_facts("Neglect of a toddler. His 17-year-old mother").age_text is None


@given(st.text(max_size=400))
def test_summary_facts_never_raise_and_are_valid(text):
    facts = summary_facts(text)
    assert facts.incident in (None, "death", "serious_harm", "other")
    assert facts.sex in (None, "female", "male")
    assert facts.age_band in (None, *AGE_BANDS)
