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
from functools import lru_cache

from .. import patterns as rx


def at_word_starts(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled to be tried only where a word starts with a letter it can start
    with. For a pattern every match of which starts there (each alternative opens with ``\\b``
    and a letter) the matches are the same, found several times faster in prose: the engine no
    longer tries every alternative at every position of the text, nor at words that start
    with another letter."""
    return rx.compile(rf"\b(?={_first_letters(pattern, flags)})(?:{pattern})", flags)


def lower_case_twin(pattern: str) -> re.Pattern:
    """``pattern``, meant to ignore case, compiled in lower case to match case exactly in a
    lower-cased ASCII text: the same matches at the same places, found faster (an engine that
    ignores case lower-cases every letter it compares, and can skip ahead only to a letter it
    must match exactly). Texts with other characters keep the case-blind pattern: ignoring case
    also matches look-alike letters ('ſ' for 's'), and lower-casing some of them changes the
    text's length."""
    if re.search(r"\\[A-Z]", pattern):  # \S, \W, \B...: lower case would change what they mean
        raise ValueError(f"an escape in capitals: {pattern!r}")
    return at_word_starts(pattern.lower())


def _search_ignoring_case(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern.search(text)``; for an ASCII text, its twin's search of the text lower-cased
    (the same match at the same place: read the matched words from ``text``, by position)."""
    twin = _TWINS.get(pattern)
    if twin is not None and text.isascii():
        return twin.search(text.lower())
    return pattern.search(text)


def _first_letters(pattern: str, flags: int) -> str:
    """A class of the letters a match of ``pattern`` can start with, read from its parsed form
    (both cases where it ignores case); any letter when that cannot be told: a construct not
    followed here, or a Python whose private ``re._parser`` differs (the same matches, slower).
    tests/test_fast_paths.py compares every such pattern with the plain one."""
    try:
        from re import _constants as op
        from re import _parser

        parsed = _parser.parse(pattern, flags)
        exact, folded, empty = _firsts(parsed.data, bool(parsed.state.flags & re.I), op)
    except (_Unknown, AttributeError, ImportError, TypeError, ValueError):
        return r"[^\W\d_]"
    if empty or not exact | folded or not all(ch.isalpha() for ch in exact | folded):
        return r"[^\W\d_]"
    parts = [f"[{re.escape(''.join(sorted(exact)))}]"] if exact else []
    if folded:
        parts.append(f"(?i:[{re.escape(''.join(sorted(folded)))}])")
    return "|".join(parts)


class _Unknown(Exception):
    """A construct the first-letter reading does not follow."""


def _firsts(items, ignore: bool, op) -> tuple[set[str], set[str], bool]:
    """(letters matched exactly, letters matched in either case, whether it can match empty)
    for a parsed sequence."""
    exact: set[str] = set()
    folded: set[str] = set()
    for code, arg in items:
        if code in (op.AT, op.ASSERT, op.ASSERT_NOT):
            continue  # zero width: what follows starts the match
        if code is op.LITERAL:
            (folded if ignore else exact).add(chr(arg))
            return exact, folded, False
        if code is op.IN:
            chars = set()
            for kind, value in arg:
                if kind is op.LITERAL:
                    chars.add(chr(value))
                elif kind is op.RANGE and value[1] - value[0] < 64:
                    chars |= {chr(c) for c in range(value[0], value[1] + 1)}
                else:
                    raise _Unknown(kind)
            (folded if ignore else exact).update(chars)
            return exact, folded, False
        if code is op.SUBPATTERN:
            _, add, remove, sub = arg
            inner = (ignore or bool(add & re.I)) and not remove & re.I
            found = [_firsts(sub.data, inner, op)]
        elif code is op.BRANCH:
            found = [_firsts(alternative.data, ignore, op) for alternative in arg[1]]
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT):
            low, _, sub = arg
            first = _firsts(sub.data, ignore, op)
            found = [(first[0], first[1], first[2] or low == 0)]
        else:
            raise _Unknown(code)
        for more_exact, more_folded, _ in found:
            exact |= more_exact
            folded |= more_folded
        if not any(empty for _, _, empty in found):
            return exact, folded, False
    return exact, folded, True


REVIEW_TYPES = (
    "scr",
    "lcspr",
    "national_review",
    "sar",
    "dhr",
    "cpr",
    "apr",
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
    # ("Local and national reviews" heads both kinds: it makes no review national.)
    Kind(
        "national_review",
        (
            "(?<!local and )(?<!local & )national (?:child safeguarding practice )?review",
            "national panel review",
        ),
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
    # Wales: a child practice review for children, an adult practice review for adults.
    Kind("cpr", ("child practice review",), ("CPR",)),
    Kind("apr", ("adult practice review",), ("APR",)),
    # "Serious case management review" is an older name for an SCR (Isle of Man, early NI).
    Kind("scr", ("serious case management review",)),
    Kind("cmr", ("case management review",), ("CMR",)),
    Kind(
        "lcspr",
        ("(?:local |rapid )?(?:child )?safeguarding practice review",),
        ("LCSPR", "LSCPR", "CSPR", "SPR"),
    ),
    Kind("scr", ("serious case review", "significant case review"), ("SCR", "SICR")),
    Kind(
        "learning_review",
        ("rapid review", "(?<!agency )learning review", "initial case review"),
        ("ICR",),
    ),
    Kind(
        "other",
        (
            "multi[- ]agency learning review",
            "thematic review",
            "thematic",
            "systemic review",
            "partnership review",
        ),
        ("MALR",),
        weak=True,
    ),
)

# Types that one nation alone uses.
TYPE_NATION = {"cpr": "Wales", "apr": "Wales", "susr": "Wales", "cmr": "Northern Ireland"}


def _name_pattern(name: str, plural: bool) -> str:
    """'serious case review' -> 'serious case reviews?' (or only the plural)."""
    if name.endswith("review"):
        return name + ("s" if plural else "s?")
    return name


def _acronym_pattern(acronym: str, plural: bool) -> str:
    return rf"\b{acronym}(?:['’]?[sS]){'' if plural else '?'}\b"


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
    return rx.compile("|".join(parts))


TYPE_PATTERNS: tuple[tuple[str, re.Pattern, bool], ...] = tuple(
    (kind.type, _compile(kind), kind.weak) for kind in KINDS
)
ACRONYMS: tuple[str, ...] = tuple(a for kind in KINDS for a in kind.acronyms)
ANY_TYPE = at_word_starts(
    "|".join(f"(?:{p.pattern})" for _, p, weak in TYPE_PATTERNS if not weak)
    + r"|(?i:\bmulti[- ]agency learning reviews?\b)|\bMALRs?\b"
)
# Type words that are not themselves a review's topic ("Thematic" names a thematic review).
NAMED_TYPES = at_word_starts(
    "|".join(
        f"(?:{_kind_pattern(kind)})" for kind in KINDS if not kind.weak and kind.type != "other"
    ),
    re.I,
)
_PLURAL = (
    "|".join(f"(?:{_kind_pattern(kind, plural=True)})" for kind in KINDS if not kind.weak)
    + r"|\breviews\b"
)
PLURAL_TYPE = at_word_starts(_PLURAL, re.I)
_ACRONYM_CASE = rx.compile("|".join(_acronym_pattern(a, True) for a in ACRONYMS))


def _either(weak: bool) -> tuple[re.Pattern, tuple[str, ...]]:
    """The strong (or weak) type patterns as one: at the leftmost position where any matches,
    alternatives are tried in order, so the first group that matched is the earliest type
    words, the first listed of equals (the patterns have no groups of their own)."""
    chosen = [(kind, pattern) for kind, pattern, is_weak in TYPE_PATTERNS if is_weak == weak]
    joined = "|".join(f"({pattern.pattern})" for _, pattern in chosen)
    return at_word_starts(joined), tuple(kind for kind, _ in chosen)


_EITHER = {weak: _either(weak) for weak in (False, True)}


def _first_match(text: str, weak: bool) -> str | None:
    pattern, kinds = _EITHER[weak]
    m = pattern.search(text)
    return kinds[m.lastindex - 1] if m else None


# Every type name and acronym contains one of these (a quick test before the patterns).
_HINTS = ("review", "scr", "sar", "dhr", "cpr", "apr", "spr", "cmr", "susr", "dardr", "sicr",
          "icr", "malr", "thematic")  # fmt: skip
_ANY_HINT = rx.compile("|".join(_HINTS))


def mentions_type(text: str | None) -> bool:
    """Whether ``text`` could name a review type at all (a cheap test)."""
    if not text:
        return False
    return bool(_ANY_HINT.search(text.lower()))


@lru_cache(maxsize=8192)
def type_named(text: str | None) -> str | None:
    """The review type that ``text`` names (its earliest type words), or None."""
    if not mentions_type(text):
        return None
    return _first_match(text, weak=False) or _first_match(text, weak=True)


@lru_cache(maxsize=8192)
def is_plural_type(text: str | None) -> bool:
    """'Serious Case Reviews', 'Our SARs', 'Practice reviews': a heading about reviews, not
    one review. ("SARs" in capitals only; a plural acronym in lower case is a word.)"""
    if not mentions_type(text):
        return False
    m = _search_ignoring_case(PLURAL_TYPE, text)
    if not m:
        return False
    word = text[m.start() : m.end()]
    if word.lower().endswith("reviews"):
        return True
    return bool(_ACRONYM_CASE.fullmatch(word))


def strip_type_words(text: str) -> str:
    """``text`` without its review-type names and acronyms."""
    return ANY_TYPE.sub(" ", text) if mentions_type(text) else text


# What each type is called in a sentence or a title ("Child N: local child safeguarding practice
# review, Salford"). Each label is also a name the patterns above recognise.
TYPE_LABELS = {
    "scr": "serious case review",
    "lcspr": "local child safeguarding practice review",
    "national_review": "national review",
    "sar": "safeguarding adults review",
    "dhr": "domestic homicide review",
    "cpr": "child practice review",
    "apr": "adult practice review",
    "susr": "single unified safeguarding review",
    "cmr": "case management review",
    "learning_review": "learning review",
    "other": "thematic review",
}
# Where a nation names a type its own way: Scotland's serious case reviews were "significant
# case reviews" (the same kind of review, and the same type code).
NATION_TYPE_LABELS = {("scr", "Scotland"): "significant case review"}


def type_label(review_type: str | None, nation: str | None = None) -> str:
    """What ``review_type`` is called, in ``nation``'s words."""
    code = review_type or "other"
    return NATION_TYPE_LABELS.get((code, nation)) or TYPE_LABELS.get(code, "review")


TYPE_ACRONYMS = {
    "scr": "SCR",
    "lcspr": "LCSPR",
    "sar": "SAR",
    "dhr": "DHR",
    "cpr": "CPR",
    "apr": "APR",
    "susr": "SUSR",
    "cmr": "CMR",
}


# Titles about something other than one review: general site vocabulary, on every board's site
# (a report on many reviews, guidance, training, a form, a policy, an audit).
_NOT_A_REVIEW = (
    r"(?:annual report|report of the (?:national )?panel|panel'?s? (?:annual|report)|newsletter"
    r"|working together|statutory guidance|\bguidance\b|\btraining\b|conference|consultation"
    r"|call for evidence|\bstrategy\b|procedures?|\bpolic(?:y|ies)\b|toolkit|leaflet|webinar"
    r"|e-learning|\bcourses?\b|\bevents?\b|referral|notification|\bforms?\b|threshold|business plan"
    r"|triennial|biennial|(?:national )?analysis of|national (?:case review )?repository|sign up"
    r"|subscribe|privacy|cookies?|accessibility|what (?:is|are) an?\b|types of reviews?|campaign"
    r"|\btemplate\b|register of|\bframework\b|\bprotocol\b|\bflowchart\b|\bchecklist\b|interests"
    r"|minutes|agenda|report a concern|contact us|vacanc|\bjobs?\b|\bhandbook\b|\bresearch\b"
    r"|learning from (?:case |serious |local |national |safeguarding )*reviews|library|\bfaqs?\b"
    r"|learning and improvement|quality assurance|\baudits?\b|\bdata\b|dashboard|\bpriorities\b"
    r"|easy read guide|information for (?:families|professionals|practitioners)|terms of reference)"
)
NOT_A_REVIEW = at_word_starts(_NOT_A_REVIEW, re.I)
# Case-exact twins of the case-blind patterns, for ASCII texts (``lower_case_twin``).
_TWINS = {PLURAL_TYPE: lower_case_twin(_PLURAL), NOT_A_REVIEW: lower_case_twin(_NOT_A_REVIEW)}


@lru_cache(maxsize=8192)
def not_a_review(text: str | None) -> bool:
    """Whether a title is about something other than one review (guidance, training, a form)."""
    return bool(text) and bool(_search_ignoring_case(NOT_A_REVIEW, text))
