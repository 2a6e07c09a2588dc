"""The one vocabulary of review types: their names and acronyms in the four nations and the
Crown dependencies. Every regular expression that recognises a review type is built here.

Each kind lists its full names (singular, as regular-expression fragments) and its acronyms.
From them this module builds:
- ``TYPE_PATTERNS``: (type, pattern) for telling which type words name, strongest first;
- ``ANY_TYPE``: any type name or acronym, singular or plural (to strip from titles);
- ``PLURAL_TYPE``: the plural forms ("Serious Case Reviews", "SARs"), which head sections;
- ``ACRONYMS``: every acronym, for review codes ("CPR ABCD 03-2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Kind:
    type: str
    names: tuple[str, ...]  # singular, lower case, regex fragments; "review" gets its plural
    acronyms: tuple[str, ...] = ()
    weak: bool = False  # says "a review of some other kind" only when nothing stronger does


# Order is precedence: on the same position in a text, the first listed wins; a thematic or
# national review is that whatever its local name.
KINDS: tuple[Kind, ...] = (
    Kind(
        "national_review",
        ("national (?:child safeguarding practice )?review", "national panel review"),
    ),
    Kind(
        "other",
        (
            "thematic (?:local |child )*(?:serious case |safeguarding practice |learning "
            "|multi-agency |safeguarding adults? )?(?:review|scr|l?cspr|spr|sar|dhr|cpr)",
        ),
    ),
    Kind(
        "dhr",
        ("domestic homicide review", "domestic abuse related death review"),
        ("DHR", "DARDR"),
    ),
    Kind("susr", ("single unified safeguarding review",), ("SUSR",)),
    Kind("sar", ("safeguarding adults? review", "adult safeguarding review"), ("SAR",)),
    Kind("cpr", ("child practice review", "adult practice review"), ("CPR", "APR", "CYSUR")),
    # "Serious case management review" is an older name for an SCR (Isle of Man, early NI).
    Kind("scr", ("serious case management review",)),
    Kind("cmr", ("case management review",), ("CMR",)),
    Kind(
        "lcspr",
        ("(?:local |rapid )?(?:child )?safeguarding practice review",),
        ("LCSPR", "CSPR", "SPR"),
    ),
    Kind("scr", ("serious case review", "significant case review"), ("SCR", "SICR")),
    Kind(
        "learning_review",
        ("rapid review", "(?<!agency )learning review", "initial case review"),
        ("ICR",),
    ),
    Kind(
        "other",
        ("multi[- ]agency learning review", "thematic review", "thematic"),
        ("MALR",),
        weak=True,
    ),
)

# Types that one nation alone uses.
TYPE_NATION = {"cpr": "Wales", "susr": "Wales", "cmr": "Northern Ireland"}


def _name_pattern(name: str, plural: bool) -> str:
    """'serious case review' -> 'serious case reviews?' (or only the plural)."""
    if name.endswith("review"):
        return name + ("s" if plural else "s?")
    return name


def _acronym_pattern(acronym: str, plural: bool) -> str:
    return rf"\b{acronym}(?:['’]?s){'' if plural else '?'}\b"


def _kind_pattern(kind: Kind, plural: bool = False) -> str:
    names = [rf"\b{_name_pattern(n, plural)}\b" for n in kind.names]
    acronyms = [_acronym_pattern(a, plural) for a in kind.acronyms]
    return "|".join(names + acronyms)


def _compile(kind: Kind) -> re.Pattern:
    # Acronyms are matched in capitals only ("SAR", not "sar" in a word); names in any case.
    names = "|".join(rf"\b{_name_pattern(n, False)}\b" for n in kind.names)
    acronyms = "|".join(_acronym_pattern(a, False) for a in kind.acronyms)
    parts = [f"(?i:{names})"] if names else []
    if acronyms:
        parts.append(acronyms)
    return re.compile("|".join(parts))


TYPE_PATTERNS: tuple[tuple[str, re.Pattern, bool], ...] = tuple(
    (kind.type, _compile(kind), kind.weak) for kind in KINDS
)
ACRONYMS: tuple[str, ...] = tuple(a for kind in KINDS for a in kind.acronyms)
ANY_TYPE = re.compile(
    "|".join(f"(?:{p.pattern})" for _, p, weak in TYPE_PATTERNS if not weak)
    + r"|(?i:\bmulti[- ]agency learning reviews?\b)|\bMALRs?\b"
)
PLURAL_TYPE = re.compile(
    "|".join(f"(?:{_kind_pattern(kind, plural=True)})" for kind in KINDS if not kind.weak)
    + r"|\breviews\b",
    re.I,
)
_ACRONYM_CASE = re.compile("|".join(_acronym_pattern(a, True) for a in ACRONYMS))


def _first_match(text: str, weak: bool) -> str | None:
    best: tuple[int, int, str] | None = None
    for order, (kind, pattern, is_weak) in enumerate(TYPE_PATTERNS):
        if is_weak != weak:
            continue
        m = pattern.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, kind)
    return best[2] if best else None


def type_named(text: str | None) -> str | None:
    """The review type that ``text`` names (its earliest type words), or None."""
    if not text:
        return None
    return _first_match(text, weak=False) or _first_match(text, weak=True)


def is_plural_type(text: str | None) -> bool:
    """'Serious Case Reviews', 'Our SARs', 'Practice reviews': a heading about reviews, not
    one review. ("SARs" in capitals only; a plural acronym in lower case is a word.)"""
    if not text:
        return False
    m = PLURAL_TYPE.search(text)
    if not m:
        return False
    word = m.group(0)
    if word.lower().endswith("reviews"):
        return True
    return bool(_ACRONYM_CASE.fullmatch(word))


def strip_type_words(text: str) -> str:
    """``text`` without its review-type names and acronyms."""
    return ANY_TYPE.sub(" ", text)
