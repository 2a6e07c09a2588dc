"""Fields of a record, as pure functions of its text: the role of each date, its status, its
themes and its summary.

A date plays one role: when the review was published, when the incident happened, the year of
a death after a name ("Anne (2019)"), a revision ("action plan updated May 2024"), or part of a
reference code ("ABSB 06-2021", "8/2020"). Only publication dates date a review.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as rx
from ..normalise.dates import find_dates, month_number
from ..normalise.vocabulary import ANY_TYPE

_PUBLISH = rx.compile(
    r"\b(?:publish(?:ed|es|ing)?|publication|released?|issued|launched|posted|made public"
    r"|date of (?:publication|release)|available from)\b",
    re.I,
)
_REVISED = rx.compile(
    r"\b(?:updated|revised|amended|refreshed|reviewed|progress(?: update)?(?: at| as at| to)?"
    r"|as at|as of|last modified|edited)\b[\s:,-]*(?:on\s+|in\s+)?$",
    re.I,
)
_INCIDENT = rx.compile(
    r"\b(?:died|dies|death|deaths|killed|murder(?:ed)?|manslaughter|injur(?:y|ies|ed)|admitted"
    r"|born|found|took place|happened|occurred|incident|hospital|aged|assault(?:ed)?|stabbed"
    r"|attacked|lived|living|moved|referred|between|since|until|when|while|whilst)\b",
    re.I,
)
# "Anne (2019)", "Mr X (1948-2020)": a bracketed year after a name is when the person died.
_BRACKET_YEAR = rx.compile(r"[(\[]\s*(?:(?:19|20)\d\d\s*[-–]\s*)?(?:19|20)\d\d\s*[)\]]")
# A code's numbers are not dates: "ABSB 06-2021", "8/2020", "CYSUR 2 2018", "2011-12/1".
_CODE = rx.compile(
    r"\b[A-Z][A-Za-z]{1,6}\s?\d{1,2}[-/ ](?:19|20)\d\d\b|(?<![\w/])\d{1,2}/(?:19|20)\d\d(?![\d/])"
    r"|\b(?:19|20)\d\d-\d\d/\d+\b|\b(?:DHR|SAR|CPR|APR|CSPR|LCSPR|SCR|SUSR|CMR)\s*\d{1,3}\s+(?:19|20)\d\d\b"
)
# What every match of _CODE contains (a number, a separator, a year; or "2011-12/"): a quick
# search, which skips to each digit, before the full one, which tries every word.
_CODE_NEEDS = rx.compile(r"\d[-/\s]+(?:19|20)\d\d|\d\d-\d\d/")
# What may open a sentence before its date, in a sentence that publishes ("On 31st July 2024,
# the partnership published …"): "On 5 May 2019 …", "Today (Tuesday 27 November
# 2019) the partnership publishes …", as a press release dates itself.
_OPENS = rx.compile(
    r"\s*(?:on|in|from|since|today\s*[(,]?\s*(?:[a-z]+day\b,?\s*)?)?\s*(?:the\s+)?", re.I
)
# "Northtown SCR: May 2016. Key issues: …": a review's type, then its date
_TYPE_THEN_DATE = rx.compile(rf"(?:{ANY_TYPE.pattern})\s*[:–—-]\s*$")
_WORDS_AROUND_A_DATE = rx.compile(
    r"^(?:date(?: of)? publi(?:cation|shed)|publi(?:cation|shed)(?: date| on| in)?|released"
    r"|available(?: from)?|reports? published(?: in)?|posted(?: on)?|date|on|in|added"
    r"|updated|last updated)\b[\s:,-]*",
    re.I,
)
_WEEKDAY = rx.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)


@dataclass(frozen=True)
class Dated:
    iso: str
    role: str  # published | incident | death | revised | code | other
    start: int
    end: int


def dated(text: str | None) -> list[Dated]:
    """Every date in ``text`` with the role it plays there."""
    if not text:
        return []
    return list(_dated(text))


@lru_cache(maxsize=8192)
def _dated(text: str, near_publish: int = 90) -> tuple[Dated, ...]:
    dates = find_dates(text)
    if not dates:
        return ()  # (most texts: no codes, brackets or sentences to look for)
    codes = [(m.start(), m.end()) for m in _CODE.finditer(text)] if _CODE_NEEDS.search(text) else []
    brackets = [(m.start(), m.end()) for m in _BRACKET_YEAR.finditer(text)]
    out = []
    sentences = _Sentences(text)
    for found in dates:
        s, e = found.start, found.end
        before = re.split(r"[.!?]\s", text[max(0, s - near_publish) : s])[-1]  # this sentence
        role = "other"
        if any(a <= s < b for a, b in codes):
            role = "code"
        elif any(a <= s < b for a, b in brackets) and not _PUBLISH.search(before[-15:]):
            role = "death" if re.search(r"[A-Za-z]\s*$", text[:s].rstrip("([ ")) else "other"
        elif _REVISED.search(before):
            role = "revised"
        elif (
            _PUBLISH.search(before)
            or _PUBLISH.match(text[e : e + 15].lstrip(" ,–-:)]"))
            or _TYPE_THEN_DATE.search(before[-40:])
            or (_OPENS.fullmatch(before) and sentences.says(e)[1])
        ):
            role = "published"
        elif not _alone_in_brackets(text, s, e):
            # (a date in brackets of its own labels what comes before it, "… injury caused by
            # male carers (September 2021)": the words outside do not make it an incident's)
            incident, publish = sentences.says(s)
            if _INCIDENT.search(text[max(0, s - 50) : s]) or (incident and not publish):
                role = "incident"
        out.append(Dated(found.iso, role, s, e))
    return tuple(out)


_LABEL_ENDS = rx.compile(r"\s*(?:$|[.;:]?\s*$|\s[-–—]\s)")


def _alone_in_brackets(text: str, start: int, end: int) -> bool:
    """A date in brackets of its own that closes a title or its head: "Title (September 2021)",
    "Mr D (July 2014) – concerning …"; not one inside a sentence ("died (March 2019) after")."""
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    if before == 0 or after == len(text):
        return False
    for opening, closing in (("(", ")"), ("[", "]")):
        if text[before - 1] == opening and text[after] == closing:
            return bool(_LABEL_ENDS.match(text, after + 1))
    return False


class _Sentences:
    """A text's sentences, for the dates in it. Where they end (". " and line breaks) is found
    once, so the sentence around a date is two binary searches, and what a sentence says is
    searched once however many dates it holds (a table of years flattened into one line would
    otherwise be scanned again for every date)."""

    def __init__(self, text: str):
        self.text = text
        self.size = len(text)
        self.dots = [m.start() for m in re.finditer(r"\. ", text)]
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self._said: dict[tuple[int, int], tuple[bool, bool]] = {}

    def says(self, position: int) -> tuple[bool, bool]:
        """Whether the sentence around ``position`` has incident words, and publish words."""
        bounds = self.sentence(position)
        if bounds not in self._said:
            sentence = self.text[bounds[0] : bounds[1]]
            self._said[bounds] = (bool(_INCIDENT.search(sentence)), bool(_PUBLISH.search(sentence)))
        return self._said[bounds]

    def sentence(self, position: int) -> tuple[int, int]:
        """From after the last ". " or line break before ``position`` to the next ". "."""
        dot = bisect_right(self.dots, position - 2) - 1
        line = bisect_right(self.breaks, position - 1) - 1
        start = max(self.dots[dot] if dot >= 0 else -1, self.breaks[line] if line >= 0 else -1)
        after = bisect_left(self.dots, position)
        return start + 1, self.dots[after] if after < len(self.dots) else self.size


@lru_cache(maxsize=8192)
def is_date_line(text: str) -> bool:
    """A line that is only a date, with at most the words that introduce one:
    '9 May 2023', 'Published: 3rd March 2016', 'Thursday, 7 April 2016 | Jo Bloggs'."""
    if len(text) > 70 or not find_dates(text):
        return False
    rest = re.sub(r"\s[|•·]\s.*$", "", _WEEKDAY.sub("", text))  # a byline after the date
    for found in reversed(find_dates(rest)):
        rest = rest[: found.start] + rest[found.end :]
    rest = _WORDS_AROUND_A_DATE.sub("", rest.strip(" -–:|,()[]"))
    rest = re.sub(r"(?i)\b(?:the|of|in|on|and|published|publication|date|by)\b", " ", rest)
    return not re.search(r"[A-Za-z]", rest)


_PARTIAL = rx.compile(
    r"^\W*(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?"
    r"|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?)\b\.?(?:\s+(?P<year>(?:19|20)\d\d))?\s*(?::|$)"
    r"|^\W*(?P<only_year>(?:19|20)\d\d)\W*$",
    re.I,
)


def date_heading(text: str) -> tuple[int | None, int | None, int | None] | None:
    """A heading or line lead that dates what follows, in part or in full: '2022:' -> (2022,
    None, None); 'SEPTEMBER' -> (None, 9, None); '21st NOVEMBER: ...' -> (None, 11, 21)."""
    m = _PARTIAL.match(text.strip())
    if not m:
        return None
    if m.group("only_year"):
        return int(m.group("only_year")), None, None
    month = month_number(m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    day = int(m.group("day")) if m.group("day") else None
    return year, month, day


def date_of(texts: list[str], *, title: bool = False) -> str | None:
    """The best publication date in ``texts`` (nearest first): a date said to be of publication,
    else (in a short title or a date line) a date of no other role. The most precise wins among
    dates of one text."""
    for text in texts:
        found = dated(text)
        published = [d for d in found if d.role == "published"]
        if not published and (title or is_date_line(text)):
            published = [d for d in found if d.role == "other"]
        if published:
            return max(published, key=lambda d: (d.iso.count("-"), -d.start)).iso
        title = False
    return None


# Each status with the words every match of its pattern contains (in lower case): a status whose
# words are absent is not searched for ("published" is in most texts, so the patterns' common
# words are not enough to skip them).
_STATUSES = [
    (
        "no_longer_published",
        ("no longer", "withdrawn", "removed", "taken down", "expired"),
        rx.compile(
            r"no longer (?:published|released|available|online|on (?:this|our|the) (?:web)?site)"
            r"|\bwithdrawn\b"
            r"|\b(?:reports?|reviews?|documents?|summary|summaries|it)\s+(?:has|have|was|were|is|are)"
            r"\s+(?:now\s+)?(?:been\s+)?(?:removed|withdrawn|taken down)"
            r"|(?:removed|taken down) from (?:this|our|the) (?:web)?(?:site|page)|\bexpired\b",
            re.I,
        ),
    ),
    (
        "unpublished",
        ("unpublished", "not "),
        rx.compile(
            r"\bunpublished\b|\bnot (?:been )?(?:published|released)\b|will not be (?:published|released)"
            r"|not for publication|(?:decided|chose|agreed|decision) not to (?:publish|release)"
            r"|\bnot to be (?:published|released)\b",
            re.I,
        ),
    ),
    (
        "delayed",
        (
            "delayed",
            "deferred",
            "postponed",
            "on hold",
            "awaiting",
            "not yet",
            "be published ",
            "pending",
            "ongoing",
            "in progress",
            "underway",
        ),
        rx.compile(
            r"delayed in publication|publication (?:has been |is |was )?(?:delayed|deferred|postponed"
            r"|on hold)|awaiting publication|^\W*delayed\W*$|not yet (?:been )?published"
            r"|(?:will be|to be) published (?:once|when|after|following)|pending publication"
            # a review still being carried out: not published yet
            r"|\b(?:review|SAR|SCR|DHR|L?CSPR|CPR|SUSR|CMR)\b[^.]{0,30}\b(?:is|remains) (?:still )?(?:ongoing|in progress|underway)\b",
            re.I,
        ),
    ),
]


# A committee paper's exempt appendix ("Not For Publication Appendix C", "Appendix 2 (not for
# publication)") is withheld; the review it comes with may be published.
_EXEMPT_PART = rx.compile(
    r"(?i)not for publication\s+(?:appendi(?:x|ces)|annex)\b|(?:appendi(?:x|ces)|annex)\s+\w{1,3}"
    r"\s*(?:\(|[-–:]|is|are)?\s*not for publication"
)


@lru_cache(maxsize=8192)
def status_of(text: str | None) -> str | None:
    """published, no_longer_published, unpublished or delayed as the words say; else None."""
    if not text:
        return None
    low = text.lower()
    if "not for publication" in low:
        text = _EXEMPT_PART.sub(" ", text)
    for status, words, pattern in _STATUSES:
        if any(word in low for word in words) and pattern.search(text):
            return status
    return None


_THEMES = rx.compile(
    r"(?:^|[.;:]\s+|\s[-–]\s)(?:key\s+|main\s+|learning\s+)?(?:themes?|issues|learning points)"
    r"(?:\s+(?:include|identified|on|around|were|are|of))?\s*(?:include)?\s*[:–-]?\s+(?P<body>.+)$",
    re.I,
)


def themes_of(text: str | None) -> list[str]:
    """'Key themes: a; b and c', 'Themes – a, b, c', 'SK: key themes on a, b and c'."""
    if not text:
        return []
    m = _THEMES.search(text)
    if not m:
        return []
    body = m.group("body").strip().rstrip(".")
    separator = ";" if ";" in body else ","
    items = [i.strip() for i in body.split(separator)]
    if items and len(items) > 1:
        items[-1] = re.sub(r"^and\s+", "", items[-1])
        last = items[-1]
        if separator == "," and " and " in last and len(last.split()) <= 8:
            items[-1:] = [p.strip() for p in last.split(" and ", 1)]
    return [i for i in items if i and len(i) <= 200]


_RESIDUE = rx.compile(
    r"\s*(?:(?:please )?click here[^.]*|(?:you can )?(?:read|view|download|access|see) (?:the |it |"
    r"them )?(?:full |the )?(?:report|summary|document|review|briefing)?\s*here)\s*\.?",
    re.I,
)


def summary_of(lines: list[str]) -> str | None:
    """The first line that reads as prose about the review (eight words or more), without
    'click here' residue."""
    for text in lines:
        words = text.split()
        if len(words) >= 8 and not is_date_line(text):
            # (every 'click here' residue has 'here' in it: the search is skipped without)
            tidy = _RESIDUE.sub(" ", text) if "here" in text.lower() else text
            cleaned = re.sub(r"\s+([.,;:])", r"\1", tidy).strip()
            if len(cleaned.split()) >= 8:
                return cleaned[:1000]
    return None
