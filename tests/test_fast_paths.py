"""The shortcuts taken for speed change no result: each is checked against the plain search it
stands for, over every line of the bundled snapshot's pages and the answer files, and over
reworded and awkward cues (look-alike letters, a text opening with spaces)."""

from __future__ import annotations

import re

import pytest
from lxml import html

from crawler.extract import fields
from crawler.normalise import vocabulary

from .conftest import EXPECTED, SNAPSHOT

AWKWARD = [
    "ſerious case review (with a long s)",
    "  delayed",
    "İnitial case review",
    "SARs and DHRs published in 2021",
    "Child Safeguarding Practice Reviews",
    "the review's findings; the reviews' themes",
    "This report has been removed from the website.",
    "Publication of the review is delayed until the criminal trial ends.",
    "The SAR is still ongoing.",
    "Not for publication Appendix C; the overview report is published.",
    "casino longer hours",
    "A thematic review of neglect and a rapid review",
    "Local and national child safeguarding practice reviews",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = set(AWKWARD)
    for path in EXPECTED.rglob("*.yml"):
        found |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    for path in SNAPSHOT.rglob("*"):
        if not path.is_file() or path.suffix in (".pdf", ".xml", ".rss", ".json", ".txt"):
            continue
        try:
            root = html.fromstring(path.read_bytes())
        except (ValueError, SyntaxError):
            continue
        for el in root.iter():
            if isinstance(el.tag, str) and el.text and el.text.strip():
                found.add(el.text.strip())
        found.add(root.text_content()[:5000])
    return sorted(t for t in found if t)


def _plain(pattern: re.Pattern, opening: str) -> re.Pattern:
    """The pattern as it was before ``at_word_starts``: what it was given, after ``opening``
    (what follows the look-ahead, whose letter classes hold no ')(?:')."""
    assert pattern.pattern.startswith(r"\b(?=") and pattern.pattern.endswith(")")
    given = pattern.pattern.split(")(?:", 1)[1][:-1]
    assert pattern.pattern == rf"\b(?={vocabulary._first_letters(given, pattern.flags)})(?:{given})"
    return re.compile(opening + given, pattern.flags)


WORD_START_PATTERNS = [
    ("ANY_TYPE", vocabulary.ANY_TYPE, ""),
    ("NAMED_TYPES", vocabulary.NAMED_TYPES, ""),
    ("PLURAL_TYPE", vocabulary.PLURAL_TYPE, ""),
    ("NOT_A_REVIEW", vocabulary.NOT_A_REVIEW, r"\b"),
    ("strong types", vocabulary._EITHER[False][0], ""),
    ("weak types", vocabulary._EITHER[True][0], ""),
]


@pytest.mark.parametrize(
    ("name", "fast", "opening"), WORD_START_PATTERNS, ids=[n for n, _, _ in WORD_START_PATTERNS]
)
def test_type_patterns_tried_at_word_starts_match_as_before(texts, name, fast, opening):
    plain = _plain(fast, opening)
    assert not fast.pattern.startswith(r"\b(?=[^\W\d_])")  # the first letters were read
    assert len(texts) > 2000
    for text in [*texts, *(t.upper() for t in texts[:3000]), *(t.lower() for t in texts[:3000])]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lower_case_twins_answer_as_the_patterns_that_ignore_case(texts, monkeypatch):
    """ASCII texts are lower-cased and searched with a pattern that matches case exactly;
    the answers are those of the case-blind patterns (the twins switched off), over every real
    line in four casings."""
    every = [*texts, *(t.upper() for t in texts), *(t.lower() for t in texts), *(
        t.title() for t in texts[:3000])]  # fmt: skip
    assert all(twin.flags & re.I == 0 for twin in vocabulary._TWINS.values())
    functions = (vocabulary.not_a_review.__wrapped__, vocabulary.is_plural_type.__wrapped__)
    quick = [[function(text) for function in functions] for text in every]
    monkeypatch.setattr(vocabulary, "_TWINS", {})
    plain = [[function(text) for function in functions] for text in every]
    for text, found, expected in zip(every, quick, plain, strict=True):
        assert found == expected, text
    assert sum(d for d, _ in plain) > 1000 and sum(p for _, p in plain) > 200  # both exercised
    with pytest.raises(ValueError, match="capitals"):
        vocabulary.lower_case_twin(r"\bfoo\S+")  # lower case would make \S a \s


@pytest.mark.parametrize(
    ("pattern", "flags", "letters"),
    [
        (r"\bserious case review|\bSCR\b", 0, "[Ss]"),  # as written: no other case
        (r"(?i:\bserious) case|\bSCR\b", 0, "[S]|(?i:[s])"),
        (r"(?<!local )national|(?:child )?practice", re.I, "(?i:[cnp])"),
        (r"(?:big )*review", 0, "[br]"),
        (r"\w+ review", 0, r"[^\W\d_]"),  # any letter: not read
        (r"(?:abc)?", 0, r"[^\W\d_]"),  # may match nothing: not read
        (r"[0-9]+ days", 0, r"[^\W\d_]"),  # not a letter
    ],
)
def test_first_letters_of_a_pattern(pattern, flags, letters):
    assert vocabulary._first_letters(pattern, flags) == letters


def _first_match_one_by_one(text: str, weak: bool) -> str | None:
    best = None
    for order, (kind, pattern, is_weak) in enumerate(vocabulary.TYPE_PATTERNS):
        if is_weak == weak:
            m = pattern.search(text)
            if m and (best is None or (m.start(), order) < best[:2]):
                best = (m.start(), order, kind)
    return best[2] if best else None


def test_one_alternation_finds_the_type_each_pattern_would(texts):
    named = 0
    for text in texts:
        for weak in (False, True):
            expected = _first_match_one_by_one(text, weak)
            assert vocabulary._first_match(text, weak) == expected, text
            named += expected is not None
    assert named > 500


def _status_every_pattern(text: str) -> str | None:
    """status_of with no quick tests: every pattern searched in every text."""
    text = fields._EXEMPT_PART.sub(" ", text)
    return next((s for s, _, pattern in fields._STATUSES if pattern.search(text)), None)


def test_a_status_searched_only_when_its_words_occur_is_the_same(texts):
    reworded = [
        t
        for text in texts[:3000]
        for t in (text + " It is not yet published.", text.replace("published", "withdrawn"))
    ]
    seen = set()
    for text in [*texts, *reworded]:
        expected = _status_every_pattern(text)
        assert fields.status_of.__wrapped__(text) == expected, text
        seen.add(expected)
    assert seen == {None, "no_longer_published", "unpublished", "delayed"}


def _clean_every_step(value):
    """clean_text as it was: every replacement on every text."""
    import html as entities

    from crawler.pipelines import clean

    if value is None:
        return None
    text = str(value)
    if "<" in text:
        text = clean._TAG.sub(" ", text)
    text = entities.unescape(text)
    text = clean._CONTROL.sub("", text).replace("\u00a0", " ").replace("\u200b", "")
    text = clean._SPACES.sub(" ", text).strip()
    return text[: clean.MAX_TEXT] or None


def test_text_with_nothing_to_tidy_skips_the_replacements_and_comes_out_the_same(texts):
    import random

    from crawler.pipelines.clean import clean_text

    pieces = ["a", "Child B", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u2003", "\u3000",
              "&amp;", "&", "<b>", "<", "\x00", "\x7f", "\ufffe", "\x1c", "\x85", "\u2028"]  # fmt: skip
    rng = random.Random(15)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in [*texts, *made, None, ""]:
        assert clean_text(text) == _clean_every_step(text), repr(text)


def test_dates_found_with_the_quick_tests_are_those_every_pattern_finds(texts, monkeypatch):
    """As tests/test_normalise_dates.py checks on made-up date texts, over every real line."""
    import random

    from crawler.normalise import dates

    pieces = ["12", "3", "04", "2021", "1999", "21", "/", "-", ".", " ", "March", "Sept", "of",
              "th", ",", "2020-01", "14/02/19", "a", "(", ")"]  # fmt: skip
    rng = random.Random(15)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(20000)]
    every = [*texts, *made]
    quick = [dates._find_dates.__wrapped__(text) for text in every]
    monkeypatch.setattr(dates, "_PATTERNS", [(None, p) for _, p in dates._PATTERNS])
    plain = [dates._find_dates.__wrapped__(text) for text in every]
    for text, found, expected in zip(every, quick, plain, strict=True):
        assert found == expected, text
    assert sum(bool(found) for found in plain) > 5000


def test_codes_are_looked_for_in_every_text_that_can_hold_one(texts):
    """fields._CODE runs only where fields._CODE_NEEDS finds what each of its matches holds."""
    import random

    pieces = ["ABSB", "CYSUR", "DHR", "SAR", "No", " ", "  ", "\t", "/", "-", "06", "8", "2",
              "12", "123", "2021", "1999", "2018", "20", "19", "(", "Child"]  # fmt: skip
    rng = random.Random(16)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(30000)]
    every = [*texts, *made, "ABSB 06-2021", "8/2020", "CYSUR 2 2018", "2011-12/1", "DHR 12  2019"]
    codes = [text for text in every if fields._CODE.search(text)]
    assert all(fields._CODE_NEEDS.search(text) for text in codes)
    assert len(codes) > 150  # (not an empty check: real lines and made-up ones hold codes)


def test_items_answer_get_and_in_as_a_mapping_does():
    from collections.abc import Mapping

    from crawler.items import DocumentCheck, PageParsed, ReviewItem

    review = ReviewItem(title="Child A", summary=None, documents=[])
    page = PageParsed(url="https://example.org/reviews/", sha256="00")
    check = DocumentCheck(url="https://example.org/a.pdf")
    for item in (review, page, check):
        # set, set to None or empty, declared but unset, not declared at all
        for key in ("title", "summary", "documents", "pseudonym", "url", "sha256", "status", "x"):
            assert (key in item) == Mapping.__contains__(item, key), (type(item), key)
            assert item.get(key) == Mapping.get(item, key), (type(item), key)
            assert item.get(key, "absent") == Mapping.get(item, key, "absent"), (type(item), key)
    assert [k for k in ("title", "summary", "pseudonym") if k in review] == ["title", "summary"]
    assert review.get("pseudonym", "absent") == "absent"
