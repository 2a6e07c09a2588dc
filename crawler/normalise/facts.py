"""Facts stated in a review summary's first sentence.

"Death of an 8-day-old baby girl in September 2021" gives incident ``death``, age ``8 days``,
sex ``female`` and incident date ``2021-09``. Only the first sentence is read: later sentences
talk about siblings, parents and perpetrators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import patterns as rx
from .dates import find_dates
from .fold import plain

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
}  # fmt: skip
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(year|month|week|day)s?"
_AGE_PATTERNS = [
    rx.compile(_NUM + r"[\s-]+" + _UNIT + r"[\s-]+old\b", re.I),
    rx.compile(r"\baged\s+" + _NUM + r"(?:\s+" + _UNIT + r")?(?!\s*(?:and|to|-)\s*\d)", re.I),
    rx.compile(r"\bage\s+" + _NUM + r"\b(?!\s*(?:and|to|-)\s*\d)", re.I),
]
_DEATH = rx.compile(
    r"\b(?:death|deaths|died|dies|killed|murder(?:ed)?|manslaughter|suicide|fatal(?:ly)?|drowned"
    r"|homicide|unexpected death|sudi|sids)\b",
    re.I,
)
_HARM = rx.compile(
    r"\b(?:injur(?:y|ies|ed)|abuse[ds]?|harm(?:ed)?|neglect(?:ed)?|exploitation|exploited"
    r"|assault(?:ed)?|attack(?:ed)?|fractures?|trafficking|trafficked|radicali[sz]ation|stabb(?:ed|ing)"
    r"|overdose|burns?|scald(?:ed|s)?|cruelty|grooming|groomed|rape[ds]?|maltreatment|starvation"
    r"|malnutrition|head trauma|bruis(?:ing|es|ed))\b",
    re.I,
)
# Words about people other than the subject, which make a sex word unreliable.
_SUBJECT_SEX_WORDS = {
    "female": rx.compile(r"\b(?:girls?|daughters?|female|woman|women|sisters?)\b", re.I),
    "male": rx.compile(r"\b(?:boys?|sons?|male|man|men|brothers?)\b", re.I),
}
_INFANT = rx.compile(r"\b(?:baby|babies|infants?|newborn|new-born|neonate)\b", re.I)

AGE_BANDS = ("under 1", "1-4", "5-9", "10-14", "15-17", "18+")


@dataclass(frozen=True)
class SummaryFacts:
    incident: str | None = None
    age_text: str | None = None
    age_band: str | None = None
    sex: str | None = None
    incident_date: str | None = None

    def as_dict(self) -> dict:
        # (its fields are plain strings: no need for dataclasses.asdict's recursive copy)
        return dict(self.__dict__)


def first_sentence(text: str | None) -> str:
    """The text up to the first full stop that ends a sentence (not 'Mr.' or '2.5')."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", text).strip()
    m = re.search(r"(?<!\b(?:Mr|Ms|Dr|St|No))(?<!\bMrs)[.!?](?=\s+[A-Z0-9\"'(‘“]|\s*$)", text)
    return text[: m.start() + 1] if m else text


def _age(sentence: str) -> tuple[str | None, float | None]:
    for pattern in _AGE_PATTERNS:
        m = pattern.search(sentence)
        if not m:
            continue
        raw = plain(m.group(1))
        number = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        unit = plain(m.group(2) or "year") if m.lastindex and m.lastindex >= 2 else "year"
        if unit == "year" and number > 110:
            continue
        years = {"year": 1, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}[unit] * number
        return f"{number} {unit}{'s' if number != 1 else ''}", years
    return None, None


def age_band(years: float | None) -> str | None:
    if years is None:
        return None
    if years < 1:
        return "under 1"
    for top, band in ((5, "1-4"), (10, "5-9"), (15, "10-14"), (18, "15-17")):
        if years < top:
            return band
    return "18+"


def _incident(sentence: str) -> str | None:
    death, harm = _DEATH.search(sentence), _HARM.search(sentence)
    if death and (not harm or death.start() <= harm.start() or death.start() < 20):
        return "death"
    if harm:
        return "serious_harm"
    return None


# Where the sentence stops describing the subject and starts on someone else
# ("… a 6-year-old girl by her older brother", "… a young person who was groomed by a man").
_SUBJECT_ENDS = rx.compile(
    r"\s(?:by|who|whose|whom|when|after|following|because|from|at the hands of|while|whilst"
    r"|in the care of|living with)\s",
    re.I,
)


def subject_clause(sentence: str) -> str:
    m = _SUBJECT_ENDS.search(sentence)
    return sentence[: m.start()] if m else sentence


def _sex(sentence: str) -> str | None:
    subject = subject_clause(sentence)
    female = bool(_SUBJECT_SEX_WORDS["female"].search(subject))
    male = bool(_SUBJECT_SEX_WORDS["male"].search(subject))
    if female != male:
        return "female" if female else "male"
    return None


def summary_facts(text: str | None) -> SummaryFacts:
    """Incident, age, sex and incident date stated in the summary's first sentence."""
    sentence = first_sentence(text)
    if not sentence:
        return SummaryFacts()
    age_text, years = _age(sentence)
    band = age_band(years)
    if band is None and _INFANT.search(sentence):
        band = "under 1"
    dates = find_dates(sentence)
    return SummaryFacts(
        incident=_incident(sentence),
        age_text=age_text,
        age_band=band,
        sex=_sex(sentence),
        incident_date=dates[0].iso if dates else None,
    )
