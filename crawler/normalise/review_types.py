"""The kind of review, from the words a listing uses, falling back on who published it."""

from __future__ import annotations

import re

REVIEW_TYPES = (
    "scr",
    "lcspr",
    "national_review",
    "sar",
    "dhr",
    "cpr",
    "susr",
    "cmr",
    "learning_review",
    "other",
)

# (type, pattern). The earliest match in the text wins; on the same position the first listed.
_STRONG = [
    ("national_review", r"national (?:child safeguarding practice )?review|national panel review"),
    # A thematic review looks across cases, whatever it is called ("Thematic Serious Case Review").
    (
        "other",
        r"thematic (?:local |child )*(?:serious case |safeguarding practice |learning |multi-agency )?"
        r"(?:reviews?|scrs?|l?csprs?|sprs?|sars?|dhrs?|cprs?)\b",
    ),
    ("dhr", r"domestic homicide reviews?|\bDHRs?\b|domestic abuse related death reviews?"),
    ("susr", r"single unified safeguarding reviews?|\bSUSRs?\b"),
    ("sar", r"safeguarding adults? reviews?|adult safeguarding reviews?|\bSARs?\b"),
    ("cpr", r"(?:child|adult) practice reviews?|\b(?:CPR|APR)s?\b|\bCYSUR\b"),
    ("scr", r"serious case management reviews?"),
    ("cmr", r"case management reviews?|\bCMRs?\b"),
    ("lcspr", r"(?:local |rapid )?(?:child )?safeguarding practice reviews?|\b(?:L?CSPR|SPR)s?\b"),
    ("scr", r"serious case reviews?|significant case reviews?|\bSCRs?\b|\bSICRs?\b"),
    ("learning_review", r"rapid reviews?|(?<!agency )learning reviews?"),
]
# Words that say "a review, of some other kind" only when nothing stronger is said.
_WEAK = [
    ("other", r"multi[- ]agency learning reviews?|\bMALRs?\b|thematic reviews?|thematic\b"),
]

_COMPILED_STRONG = [(t, re.compile(p, re.I)) for t, p in _STRONG]
_COMPILED_WEAK = [(t, re.compile(p, re.I)) for t, p in _WEAK]


def _first_match(text: str, patterns) -> str | None:
    best: tuple[int, int, str] | None = None
    for order, (kind, pattern) in enumerate(patterns):
        m = pattern.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, kind)
    return best[2] if best else None


def review_type_from_words(text: str | None) -> str | None:
    """The review type the words name, or None when they name none.

    ``text`` may hold several contexts separated by " | ", nearest first (a title, then its
    summary, then the page): the first context that names a type decides.
    """
    if not text:
        return None
    for part in text.split(" | "):
        found = _first_match(part, _COMPILED_STRONG) or _first_match(part, _COMPILED_WEAK)
        if found:
            return found
    return None


def default_review_type(
    nation: str | None, serves: str | None = None, year: int | None = None
) -> str | None:
    """What a board of this nation and remit publishes when its listing names no type."""
    if serves == "adults":
        return "cpr" if nation == "Wales" else "sar"
    if nation == "England":
        if year is None:
            return None
        return "lcspr" if year >= 2020 else "scr"
    if nation == "Wales":
        return "susr" if year and year >= 2025 else "cpr"
    if nation == "Scotland":
        if year is None:
            return None
        return "learning_review" if year >= 2022 else "scr"
    if nation == "Northern Ireland":
        return "cmr"
    if nation in ("Jersey", "Guernsey", "Isle of Man"):
        return "scr"
    return None


def normalise_review_type(
    text: str | None,
    nation: str | None = None,
    serves: str | None = None,
    year: int | None = None,
) -> str | None:
    """The review type from ``text``, else the board's default; None if neither is known.

    The nation refines the words: a Scottish "learning review" is the national type; a Northern
    Irish board's "case management review" is a CMR while elsewhere an SCR-equivalent.
    """
    kind = review_type_from_words(text)
    if kind == "cmr" and nation not in (None, "Northern Ireland"):
        kind = "scr"
    if kind is None:
        kind = default_review_type(nation, serves, year)
    return kind
