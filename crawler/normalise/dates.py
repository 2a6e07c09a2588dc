"""Dates as review listings write them, turned into ISO strings as precise as the source.

``find_dates`` scans free text ("Serious Case Review Ruby – published 4th June 2020",
"is today (14/02/2019) publishing", "BABY ROSE REPORT - Mar 2023 Final.pdf") and returns every
date it can see, with its precision. ``normalise_date`` returns the first one, or None.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from .. import patterns as rx
from .fold import plain

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Ordered from most to least precise; earlier patterns claim their span first. Each with what
# every match of it contains: a four-digit year, a month word (with a year), a slash, a hyphen,
# a year right after a separator (14.02.2019); one test each per text decides which patterns
# can match at all.
_PATTERNS = [
    # 2021-04-12
    (("year", "-"), rx.compile(r"(?<!\d)" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
    # 12th April 2021, 3 March, 2021, the 23rd of May 2016, 12-Apr-2021
    (("month",), rx.compile(
        r"(?<![\w/])" + _DAY + r"(?:\s+of)?[\s\-/.]*" + _MONTH + r"[\s,\-/.]*" + _YEAR + r"(?!\d)",
        re.I,
    )),
    # April 12th, 2021 / April 12 2021
    (("month",), rx.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.I)),
    # 14/02/2019, 14.02.2019, 14-02-2019 (UK order)
    (("separated year",), rx.compile(
        r"(?<![\d/.\-])(?P<day>[0-3]?\d)[/.\-](?P<mnum>[01]?\d)[/.\-]" + _YEAR + r"(?!\d)"
    )),
    # 14/02/19
    (("/",), rx.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)/(?P<yy>\d\d)(?![\d/])")),
    # March 2016, Sept 2021, Mar-2023, May, 2023
    (("month",), rx.compile(r"(?<![a-z])" + _MONTH + r"[\s,\-/]*" + _YEAR + r"(?!\d)", re.I)),
    # 2021-04, 04/2021
    (("year", "-"), rx.compile(r"(?<![\w\-])" + _YEAR + r"-(?P<mnum>[01]\d)(?![\d\-/])")),
    (("year", "/"), rx.compile(r"(?<![\d/\-])(?P<mnum>[01]?\d)/" + _YEAR + r"(?!\d)")),
    # a bare year
    (("year",), rx.compile(r"(?<![\w/\-.£$])" + _YEAR + r"(?![\d%])")),
]  # fmt: skip

_SEPARATED_YEAR = rx.compile(r"[/.\-](?:19|20)\d\d")

EARLIEST_YEAR = 1970
_DIGITS = rx.compile(r"\d\d")
_YEARISH = rx.compile(_YEAR)
_MONTHISH = rx.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)


class FoundDate(NamedTuple):
    iso: str
    start: int
    end: int

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return self.iso.count("-") + 1


def _latest_year() -> int:
    return _year_after(int(time.time() // 3600))


@lru_cache(maxsize=2)
def _year_after(hour: int) -> int:
    """Next year, asked of the clock once an hour (not for every date found)."""
    return date.today().year + 1


def _build(year: int, month: int | None, day: int | None) -> str | None:
    if not EARLIEST_YEAR <= year <= _latest_year():
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_number(word: str) -> int:
    """1-12 for a month name the patterns matched. Case-insensitive matching also folds
    look-alike letters ('ſept' with a long s, 'Apri̇l' with a dotted capital I), so the name is
    reduced to plain ASCII before the look-up."""
    return MONTHS.get(word.lower().rstrip(".")) or MONTHS[plain(word).rstrip(".")]


def _from_match(m: re.Match) -> str | None:
    parts = m.groupdict()
    yy = parts.get("yy")
    year = 2000 + int(yy) if yy else int(parts["year"])
    month = None
    if word := parts.get("month"):
        month = month_number(word)
    elif number := parts.get("mnum"):
        month = int(number)
    day = parts.get("day")
    return _build(year, month, int(day) if day else None)


def find_dates(text: str | None) -> list[FoundDate]:
    """Every date in ``text``, in reading order, each span claimed by its most precise form."""
    if not text:
        return []
    return list(_find_dates(text))


@lru_cache(maxsize=8192)
def _find_dates(text: str) -> tuple[FoundDate, ...]:
    if not _DIGITS.search(text):
        return ()  # every date has a year
    present = set()  # what the text holds of what each pattern's matches contain
    if _YEARISH.search(text):
        present.add("year")
        if _MONTHISH.search(text):
            present.add("month")
        if _SEPARATED_YEAR.search(text):
            present.add("separated year")
    if "/" in text:
        present.add("/")
    if "-" in text:
        present.add("-")
    claimed = bytearray(len(text))  # 1 where an earlier, more precise date matched
    found: list[FoundDate] = []
    for needs, pattern in _PATTERNS:
        if needs and not present.issuperset(needs):
            continue  # what every match of the pattern contains is not in the text
        for m in pattern.finditer(text):
            start, end = m.span()
            if claimed.find(1, start, end) >= 0:
                continue
            iso = _from_match(m)
            if iso is None:
                continue
            claimed[start:end] = b"\x01" * (end - start)
            found.append(FoundDate(iso, start, end))
    if len(found) > 1:
        found.sort(key=_START)
    return tuple(found)


_START = attrgetter("start")


def normalise_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; else None."""
    found = find_dates(text)
    return found[0].iso if found else None


def best_date(text: str | None) -> str | None:
    """The most precise date in ``text`` (the first of equals); else None."""
    found = find_dates(text)
    if not found:
        return None
    return max(found, key=lambda d: (d.precision, -d.start)).iso


def year_of(iso: str | None) -> int | None:
    if not iso or len(iso) < 4 or not iso[:4].isdigit():
        return None
    return int(iso[:4])


def more_precise(a: str | None, b: str | None) -> str | None:
    """Of two ISO dates for the same event, the more precise one (``a`` on a tie)."""
    if not a:
        return b
    if not b:
        return a
    return b if b.count("-") > a.count("-") else a
