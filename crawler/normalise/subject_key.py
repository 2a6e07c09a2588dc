"""A review's subject as a structured key: what kind of subject it is, which letters, names,
number or code, so that the names one review goes by on different sites key alike and two
reviews that only look alike do not.

    "Child A"                         child   (A,)
    "Children M and N", "Child M and N", "Child M and Child N"
                                      children (M, N)
    "Mr and Mrs T"                    mr+mrs  (T,)
    "R"                               letter  (R,)           (matches "Child R" only with more evidence)
    "Jasmine", "Child Jasmine"        name    (jasmine,)
    "8/2020", "08 2020", "CYSUR 8-2020"
                                      code    (8-2020,)      (a board's letters kept apart)
    "DHR 12", "Person 1"              number  (12,)          (with its word: dhr, person)
    "Sibling Abuse"                   topic   (abuse, sibling)

``key.text`` is the canonical string stored in ``name_key``; ``compare`` says whether two keys
are the same subject, may be (a bare letter and "Child R"), or are different subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as rx
from .fold import plain as plain_word
from .names import looks_like_name, name_key

_LETTERS = r"[A-Z]{1,3}\d{0,4}"
_PEOPLE = {"child": "child", "baby": "baby", "young person": "young person", "adult": "adult",
           "family": "family", "infant": "baby", "sibling": "child", "case": "case"}  # fmt: skip
_PLURAL = {"children": "children", "siblings": "children", "babies": "babies",
           "young people": "young people", "brothers": "children", "sisters": "children",
           "twins": "children"}  # fmt: skip
_TITLES = ("mr", "mrs", "ms", "miss")
# Longest first; words of one length in a fixed order (a set's order changes between runs, and
# so would the pattern's text: it would be compiled afresh in every run, crawler/patterns.py)
_ANY_PERSON = "|".join(sorted({*_PEOPLE, *_PLURAL}, key=lambda w: (-len(w), w)))
_GROUP = rx.compile(
    rf"^(?P<word>{_ANY_PERSON})\s+(?P<rest>{_LETTERS}(?:\s*(?:,|and|&|-|to)\s*(?:(?:{_ANY_PERSON})\s+)?"
    rf"{_LETTERS})*)$",
    re.I,
)
_TITLED = rx.compile(
    rf"^(?P<titles>(?:mr|mrs|ms|miss)\.?(?:\s*(?:and|&)\s*(?:mr|mrs|ms|miss)\.?)*)\s+(?P<rest>{_LETTERS}"
    rf"(?:\s*(?:and|&)\s*{_LETTERS})?)$",
    re.I,
)
# A board's own numbering, or a Welsh practice review's: "CYSUR 8-2020", "ABSB 06-2021",
# "CPR 8/2020", "08 2020", "BSCB 2011-12/1", "NWSB 01-2025".
_CODE = rx.compile(
    r"^(?:(?:cpr|apr|susr|spr)\s+)?(?:(?P<prefix>[A-Za-z]{2,6})\s*)?(?:(?:cpr|apr|susr|spr)\s+)?"
    r"(?P<number>\d{1,2})[\s/-]+"
    r"(?P<year>(?:19|20)\d\d)$"
    r"|^(?:(?P<prefix2>[A-Za-z]{2,6})\s*)?(?P<span>(?:19|20)\d\d-\d\d)[\s/-]+(?P<number2>\d{1,3})$",
    re.I,
)
_NUMBERED = rx.compile(
    r"^(?P<word>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(?:no\.?\s*|number\s+|#\s*)?(?P<number>\d{1,3})$",
    re.I,
)
_STOP = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "with", "from", "review",
         "reviews", "thematic", "into", "by", "at"}  # fmt: skip


@dataclass(frozen=True)
class SubjectKey:
    kind: str  # child baby young person adult family case children babies mr mrs ms miss
    # "mr+mrs", letter, name, code, number, topic, dated
    parts: tuple[str, ...]
    prefix: str = ""  # a code's board letters, a number's word ("dhr", "person")

    @property
    def text(self) -> str:
        """The canonical key, as stored in ``name_key``."""
        if self.kind in ("name", "topic", "dated"):
            return " ".join(self.parts)
        if self.kind == "code":
            return " ".join(p for p in ("code", self.prefix, *self.parts) if p)
        if self.kind == "number":
            return " ".join(p for p in (self.prefix, *self.parts) if p)
        if self.kind == "letter":
            return " ".join(self.parts).lower()
        return f"{self.kind.replace('+', ' ')} {' '.join(self.parts).lower()}"

    @property
    def lettered(self) -> bool:
        return self.kind not in ("name", "topic", "dated", "code", "number")

    @property
    def generic(self) -> bool:
        """Says little on its own: a topic, a type and a date. (A bare letter is matched only
        with its source, or its area and year, to back it.)"""
        return self.kind in ("topic", "dated") or (
            self.lettered and len("".join(self.parts)) == 1 and self.kind == "case"
        )

    def slug(self) -> str:
        text = self.text
        if self.kind == "code":
            text = " ".join(p for p in (self.prefix, *self.parts) if p)
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _letters(rest: str) -> tuple[str, ...]:
    found = re.findall(rf"\b{_LETTERS}\b", rest)
    if "-" in rest and len(found) == 2 and all(len(x) == 1 for x in found):
        a, b = found  # "Children A-D"
        if a < b and ord(b) - ord(a) <= 8:
            found = [chr(c) for c in range(ord(a), ord(b) + 1)]
    return tuple(sorted(dict.fromkeys(x.upper() for x in found)))


@lru_cache(maxsize=16384)
def subject_key(name: str | None, *, dated: bool = False) -> SubjectKey | None:
    """The structured key of a subject as a page names it; None for nothing.

    ``dated``: the name is a review's type and date ("DHR June 2017"), not a subject.
    """
    if not name:
        return None
    text = re.sub(r"['‘’\"“”]", "", name).strip(" .,;:-–—")
    text = re.sub(r"\s+", " ", text)
    if not text:
        return None
    if dated:
        key = name_key(text)
        return SubjectKey("dated", (key,)) if key else None
    m = _CODE.match(text)
    if m:
        if m.group("number"):
            prefix, code = m.group("prefix"), f"{int(m.group('number'))}-{m.group('year')}"
        else:
            prefix, code = m.group("prefix2"), f"{m.group('span')}-{int(m.group('number2'))}"
        return SubjectKey("code", (code,), (prefix or "").lower())
    m = _TITLED.match(text)
    if m:
        titles = sorted(
            {t.lower().rstrip(".") for t in re.findall(r"(?i)mrs|mr|ms|miss", m["titles"])}
        )
        return SubjectKey("+".join(titles), _letters(m.group("rest")))
    m = _GROUP.match(text)
    if m:
        letters = _letters(m.group("rest"))
        word = plain_word(m.group("word"))
        words = {w.lower() for w in re.findall(rf"(?i)\b(?:{_ANY_PERSON})\b", text)}
        if word in _PLURAL:
            kind = _PLURAL[word]
        elif len(letters) > 1:
            kind = "babies" if _PEOPLE.get(word) == "baby" else "children"
        else:
            kind = _PEOPLE[word]
        if kind == "children" and words <= {"baby", "babies"}:
            kind = "babies"
        return SubjectKey(kind, letters)
    if re.fullmatch(_LETTERS, text):
        return SubjectKey("letter", (text.upper(),))
    m = _NUMBERED.match(text)
    if m and name_key(m.group("word")):
        return SubjectKey("number", (str(int(m.group("number"))),), name_key(m.group("word")) or "")
    # "Child Jasmine", "Adult Ian": the kind word before a first name is decoration (but
    # "Sibling Abuse" is a topic).
    plain = re.sub(rf"(?i)^(?:{_ANY_PERSON}|case)\s+(?=[A-Z][a-z])", "", text)
    if not looks_like_name(plain):
        plain = text
    key = name_key(plain)
    if not key:
        return None
    words = key.split()
    if looks_like_name(plain):
        names = sorted(w for w in words if w != "and")
        return SubjectKey("name", tuple(names))
    topic = sorted({w for w in words if w not in _STOP})
    return SubjectKey("topic", tuple(topic or words))


def display(name: str | None) -> str | None:
    """A subject's name for a title: quotes and stray punctuation removed, 'Child M and Child N'
    as 'Children M and N'."""
    if not name:
        return None
    text = re.sub(r"['‘’\"“”`´]", "", name).strip(" .,;:-–—")
    text = re.sub(r"\s+", " ", text)
    key = subject_key(text)
    if key is not None and key.kind in ("children", "babies") and len(key.parts) > 1:
        word = "Babies" if key.kind == "babies" else "Children"
        if re.match(r"(?i)siblings\b", text):
            word = "Siblings"
        return f"{word} {', '.join(key.parts[:-1])} and {key.parts[-1]}"
    if (key is not None and key.kind in _TITLES) or (key is not None and "+" in key.kind):
        titles = " and ".join(t.capitalize() for t in key.kind.split("+"))
        return f"{titles} {' and '.join(key.parts)}"
    return text or None


SAME, MAYBE, DIFFERENT = "same", "maybe", "different"
# Words that make a number in a topic an age, not a sequel ("children under 1", "aged 13 to 17").
_AGE_WORDS = {"under", "over", "aged", "age", "ages", "year", "years", "month", "months", "week",
              "weeks", "old"}  # fmt: skip
_SEQUELS = {"phase", "part", "second", "third", "follow", "update", "volume", "ii", "iii", "two"}


def compare(a: SubjectKey | None, b: SubjectKey | None) -> str | None:
    """SAME subject, MAYBE the same (needs other evidence), DIFFERENT, or None (one unknown)."""
    if a is None or b is None:
        return None
    if a == b:
        return SAME
    if a.kind == "code" and b.kind == "code":
        if a.parts == b.parts and (not a.prefix or not b.prefix or a.prefix == b.prefix):
            return SAME
        return DIFFERENT
    if a.kind == "number" and b.kind == "number":
        return SAME if a.parts == b.parts and (a.prefix == b.prefix) else DIFFERENT
    if a.kind == "topic" and b.kind == "topic":
        small, large = sorted((set(a.parts), set(b.parts)), key=len)
        if len(small) < 2 or not small <= large:
            return DIFFERENT
        extra = large - small
        if any(w in _SEQUELS for w in extra) or (
            any(w.isdigit() for w in extra) and not large & _AGE_WORDS
        ):
            return DIFFERENT  # phase 2 of a review is not phase 1, nor "… review 2" "… review"
        # (a number that is an age is the subtitle's: "… children under 1 from …")
        # "The Myth of Invisible Men" and its full title, "… : safeguarding children under 1 …"
        return SAME if len(small) >= 3 else MAYBE
    if a.lettered and b.lettered:
        if a.parts != b.parts:
            return DIFFERENT
        kinds = {a.kind, b.kind}
        if "letter" in kinds:
            return MAYBE  # "R" and "Child R"
        if kinds <= {"child", "baby", "young person"} or kinds <= {"children", "babies"}:
            return MAYBE  # "Baby A" later called "Child A"
        people = {k for kind in kinds for k in kind.split("+")}
        if people <= {"adult", *_TITLES} and ("adult" in people or any("+" in k for k in kinds)):
            return MAYBE  # "Adult FF" and "Mr FF"; "Mr and Mrs T" and "Mrs T"
        return DIFFERENT
    if {a.kind, b.kind} == {"name", "letter"}:
        return DIFFERENT
    return DIFFERENT


def key_for(
    pseudonym: str | None, name: str | None = None, kind: str | None = None
) -> SubjectKey | None:
    """A sighting's key: its pseudonym's; else, for a review named by its type and date
    (``kind`` "dated", "DHR June 2017") or by a topic, its name's."""
    if pseudonym:
        return subject_key(pseudonym)
    if not name:
        return None
    if kind == "dated":
        return subject_key(name, dated=True)
    from .names import review_name

    found = subject_key(review_name(name) or name)
    if found is not None and kind == "topic" and found.kind == "name":
        return SubjectKey("topic", found.parts)
    return found
