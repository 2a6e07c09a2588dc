"""Who or what a record's title names: its subject, and what kind of name that is.

The kinds, most certain first:
- ``subject``: a pseudonym in a known shape (Child LG, Baby A, Mr Z, Adult D, Family U, Children
  F, G and H, Operation Kestrel) or a review code (CYSUR 2 2018, ABSB 06-2021, BSCB 2011-12/1);
- ``number``: a numbered review with no pseudonym (DHR 12, Domestic Homicide Review 4);
- ``name``: a first name or short name, once type words, document words, dates and file marks
  are taken away (Jasmine, Tom & Ann, SK), or after "the case of" / "the death of";
- ``letter``: a one-letter pseudonym standing alone (A – 2018);
- ``topic``: what a thematic review is about (Adolescents at risk of exploitation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as rx
from ..normalise.areas import resolve_area
from ..normalise.dates import find_dates
from ..normalise.names import (
    FILE_MARK,
    find_pseudonym,
    is_generic_name,
    known_first_names,
    looks_like_name,
    strip_title,
)
from ..normalise.vocabulary import (
    ANY_TYPE,
    KINDS,
    NAMED_TYPES,
    TYPE_ACRONYMS,
    mentions_type,
    type_named,
)
from .documents import names_only_a_document

_SEPARATORS = rx.compile(r"\s+[-–—|:]\s+|\s*[–—|:]\s*|\s*[()\[\],;]\s*|\s+-(?=\S)|(?<=\S)-\s+")
# "the review calls the child Stephen", "who we will refer to as Sam", "named her 'Ava'"
_CALLS = (
    r"(?:calls?|calling|name[sd]?|naming|refer(?:s|red)? to)\s+(?:him|her|them|the (?:child|baby"
    r"|boy|girl|young (?:person|man|woman)|adult|man|woman|victim|deceased))(?:\s+as)?"
)
# "the case of Eleanor", "the death of Marta", "in relation to Jasmine", "known as 'Ben'"
_RELATION = rx.compile(
    r"\b(?i:(?:the\s+)?(?:case|death|deaths|murder|killing|homicide|care|life|experiences?) of"
    r"|in relation to|in respect of|relating to|concerning|regarding|known as|referred to as"
    rf"|{_CALLS}|called|(?:report|summary|review|briefing|brief) (?:for|of|on|into))\s+(?i:the\s+late\s+|the\s+)?[\"“‘']?(?P<name>(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z]\w*"
    r"|[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?(?:\s+(?:and|&)\s+[A-Z][a-z]+)?|[A-Z]{1,3}\b)",
)
# "Donna SAR Report and …", "Serious Case Review Jasmine": a name right before or after the type
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:and|&)\s+[A-Z][a-z]+)?"
_CONNECTOR = r"(?:on|of|and|in|the|to|for|&|from|with|at)"
# "Franklyn: Local Child Safeguarding Practice Review – Child L ‘Franklyn’ …": the name a
# line opens with, set off by a colon or a dash, is what the page calls the review
_LEAD_NAME = rx.compile(rf"^\W*(?P<name>{_NAME})\s*(?::|\s[–—|-]\s)")
_BEFORE_TYPE = rx.compile(rf"^\W*(?:The\s+)?(?P<name>{_NAME})['’]?s?\s+(?i:{NAMED_TYPES.pattern})")
# "Serious Case Review Jasmine", "published CSPR Peer on Peer Abuse on 3 March": the capitalised
# words after the type, joined by small words only when a capitalised word follows them
_AFTER_TYPE = rx.compile(
    rf"(?i:{NAMED_TYPES.pattern})\s+[\"“‘']?"
    rf"(?P<phrase>[A-Z][\w'’-]*(?:\s+(?:{_CONNECTOR}\s+)?[A-Z][\w'’-]*)*)"
)
_QUOTED = rx.compile(r"[\"“‘'](?P<name>[A-Z][\w'-]*(?:\s+(?:and|&)\s+[A-Z][\w'-]*)?)[\"”’']")
# "DHR 12", "Domestic Homicide Review 004", "Child Practice Review 8/2020", "SAR No. 3"
_TYPE_NUMBER = rx.compile(
    rf"(?P<type>{ANY_TYPE.pattern})\s*(?i:no\.?\s*|number\s*|#\s*)?"
    r"(?P<number>\d{1,3}(?:[-/ ](?:19|20)\d\d(?!\d))?)(?![\d/.,-]|:\d|\s*(?i:kb|mb)\b)"
    r"(?![\s-]*(?i:minutes?|mins?|pages?|days?|weeks?|points?|steps?|years?)\b)"
)
_GLUED = rx.compile(rf"\b({'|'.join(a for kind in KINDS for a in kind.acronyms)})(?=\d)")
_LETTER = rx.compile(r"^[A-Z]{1,2}\d{0,2}$")
_SPEECH = rx.compile(
    r"^\s*(?:said|says|noted|notes|explained|explains|added|adds|commented|comments|stated"
    r"|states|told|asked|wrote|writes|remarked|welcomed|thanked|is|was|has|had|were|are|lived"
    r"|died|who|whose|and\s+(?:his|her|their))\b",
    re.I,
)


@dataclass(frozen=True)
class Subject:
    name: str
    kind: str  # subject | number | name | letter | topic | dated
    start: int = 0  # where it starts in the title
    how: str = ""  # which rule found it, for the coverage report and a row's explanation

    @property
    def strong(self) -> bool:
        return self.kind in ("subject", "number")


_QUOTED_LETTERS = rx.compile(
    r"\b(Child|Baby|Adult|Family|Young Person|Mr|Mrs|Ms|Miss)\.?\s+[‘'\"“]([A-Z][\w-]*)[’'\"”]"
)


_QUOTE_MARKS = frozenset("‘’“”'\"")  # what the two quote steps of _clean look for
_IMPERATIVE = rx.compile(
    r"^\s*(?:please\s+)?(?:see|read|view|download|click|access|watch|listen to|visit|open)\b", re.I
)


def _clean(text: str) -> str:
    text = _GLUED.sub(r"\1 ", FILE_MARK.sub(" ", text))
    text = _IMPERATIVE.sub(lambda m: " " * len(m.group(0)), text)  # "See John SAR …" is John's
    if not _QUOTE_MARKS.isdisjoint(text):
        text = _QUOTED_LETTERS.sub(r"\1 \2", text)  # Child ‘L’ is Child L
        # ‘Emily’ & ‘Jack’ are Emily & Jack (quote marks become spaces: offsets stay)
        text = re.sub(r"[‘“\"](?=[A-Z][\w-]*[’”\"])|(?<=[a-z])[’”\"](?=\s|$|[,;:&–-])", " ", text)
    text = re.sub(r"\.(?:pdf|docx?|odt|rtf|pptx?)\b", " ", text, flags=re.I).replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def _numbered(text: str) -> Subject | None:
    if not mentions_type(text) or not re.search(r"\d", text):
        return None
    m = _TYPE_NUMBER.search(text)
    if not m:
        return None
    kind = type_named(m.group("type"))
    acronym = m.group("type") if m.group("type").isupper() else TYPE_ACRONYMS.get(kind or "", "")
    if not acronym:
        return None
    number = m.group("number")
    number = str(int(number)) if number.isdigit() else number
    return Subject(f"{acronym.upper()} {number}", "number", m.start(), "type and number")


_CITATION = rx.compile(
    r"^\W*[A-Z][a-z]+(?:,? (?:and|&) [A-Z][a-z]+| et al\.?)?,? \((?:19|20)\d\d\w?\)\s*[‘'\"“]"
)


def _abbreviation(text: str, name: str) -> bool:
    """Whether ``name`` (in capitals) abbreviates the words beside it in brackets: 'Female
    Genital Mutilation (FGM)', 'ACEs (Adverse Childhood Experiences)'."""
    letters = name.removesuffix("s")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6):
        return False
    n = len(letters)
    name = re.escape(name)
    word = r"[A-Za-z][\w'’]*"
    before = re.search(rf"((?:{word}[\s-]+){{{n},{n + 3}}})[(\[]\s*{name}\s*[)\]]", text)
    after = re.search(rf"\b{name}\s*[(\[]\s*((?:{word}[\s-]*){{{n},{n + 3}}})[)\]]", text)
    for m in (before, after):
        if m:
            initials = "".join(w[0] for w in re.split(r"[\s-]+", m.group(1)) if w[:1].isupper())
            if letters in initials:
                return True
    return False


def _blank_dates(text: str) -> str:
    """``text`` with its dates blanked out, offsets kept."""
    for found in find_dates(text):
        text = text[: found.start] + " " * (found.end - found.start) + text[found.end :]
    return text


def _position(text: str, name: str) -> int:
    """Where ``name`` (as find_pseudonym returns it, perhaps re-worded) starts in ``text``."""
    if name in text:
        return text.index(name)
    m = re.search(rf"\b{re.escape(name.split()[0])}\b", text, re.I)
    return m.start() if m else 0


def _plain_name(name: str) -> bool:
    return looks_like_name(name) and not is_generic_name(name) and resolve_area(name) is None


DENY_WORDS = rx.compile(
    r"(?i)\b(?:panel|board|partnership|training|guidance|procedures?|policy|framework|meeting"
    r"|conference|template|form|protocol|process|report|annual)\b"
)


def is_speech(text: str, subject: Subject) -> bool:
    """'Mr Benson said: …', 'Mr B was 68 and lived alone': the name opens a sentence about the
    person, not a title."""
    after = text[subject.start + len(subject.name) :]
    return bool(_SPEECH.match(after))


@lru_cache(maxsize=8192)
def subject_of(title: str | None, *, topic_ok: bool = False) -> Subject | None:
    """The subject ``title`` names, or None. ``topic_ok``: a topic counts (a thematic review)."""
    if not title:
        return None
    text = _clean(title)
    if not text:
        return None
    if _CITATION.match(text):
        return None  # "Hagell (1998) ‘Dangerous Care’": a reference to a book or paper
    lead = _LEAD_NAME.match(text)
    if lead and _plain_name(lead.group("name")):
        return Subject(lead.group("name"), "name", lead.start("name"), "lead name")
    found = find_pseudonym(text)
    numbered = _numbered(text)
    text = _blank_dates(text)  # "Published October 2014": a month is no name
    typed = mentions_type(text)
    before = _BEFORE_TYPE.search(text) if typed else None
    at = _position(text, found) if found else 0
    # "Henry SAR (Adult H)": the name before the type, unless the pseudonym stands free of
    # brackets (then it is the subject and the leading word something else).
    bracketed = found and text[:at].count("(") > text[:at].count(")")
    if before and _plain_name(before.group("name")) and (not found or bracketed):
        return Subject(before.group("name"), "name", before.start("name"), "name before type")
    if found:
        return Subject(found, "subject", at, "pseudonym")
    if numbered:
        return numbered
    for after in _AFTER_TYPE.finditer(text) if typed else ():
        phrase = strip_title(after.group("phrase"))
        if not phrase or find_pseudonym(phrase):
            continue
        if _plain_name(phrase):
            return Subject(phrase, "name", after.start("phrase"), "name after type")
        if (
            len(phrase.split()) >= 2
            and not is_generic_name(phrase)
            and not DENY_WORDS.search(phrase)
        ):
            return Subject(phrase, "topic", after.start("phrase"), "topic after type")
    relation = _RELATION.search(text)
    if relation:
        name = strip_title(relation.group("name").replace("-", " - ")) or relation.group("name")
        if looks_like_name(name) or _LETTER.match(name):
            return Subject(name, "name", relation.start("name"), "relation")
    quoted = _QUOTED.search(text)
    if quoted and looks_like_name(quoted.group("name")):
        return Subject(quoted.group("name"), "name", quoted.start("name"), "quoted")
    position = 0
    for piece in _SEPARATORS.split(text)[:6]:  # a title's name is in its first few parts
        start = text.find(piece, position)
        position = max(start, position)
        if not piece or not piece.strip():
            continue
        rest = re.sub(
            r"^The\s+(?=[A-Z][a-z])", "", strip_title(piece)
        )  # "The Margaret Fleming SCR"
        letters = bool(rest) and bool(_LETTER.match(rest))
        if not rest or not (letters or looks_like_name(rest)):
            continue
        if resolve_area(rest) is not None:
            continue  # a place names who published, not whom
        if _ARTICLE.match(piece):
            continue  # "A Safeguarding Adults Review is …": the article, not Adult A
        if _abbreviation(text, rest):
            continue  # "Non-Accidental Injury (NAI)": an abbreviation, not a pseudonym
        if letters and (len(rest) == 1 or (rest.isupper() and not is_generic_name(rest))):
            return Subject(rest, "letter" if len(rest) == 1 else "name", max(start, 0), "letters")
        clause = re.match(r",\s+[a-z]", text[start + len(piece) : start + len(piece) + 4])
        if clause and not known_first_names(rest):
            continue  # "Sadly, some people …": the first word of a sentence, not "Ann, a …"
        owner = re.match(r"\s*[A-Z][a-z]+['’]s\s+(?P<noun>[A-Z][a-z]+)", piece)
        if (
            owner
            and not mentions_type(owner.group("noun"))
            and not _DOCUMENT.match(owner.group("noun"))
        ):
            continue  # "Clare's Law": a law named for someone, not a review of her
        if looks_like_name(rest) and not is_generic_name(rest):
            at = max(start + piece.find(rest.split()[0]), 0)
            if names_only_a_document(text[:at]) and _BRIEFING.search(text[:at]):
                break  # "7 Minute Briefing – Professional Curiosity": a briefing on a topic
            return Subject(re.sub(r"['’]s$", "", rest), "name", at, "name piece")
    if not topic_ok or names_only_a_document(text):
        return None  # "Board response to the thematic review": a document, not a topic
    return _topic(text)


_DOCUMENT = rx.compile(r"(?i)(?:report|review|summary|briefing|brief|story|case)$")
_ARTICLE = rx.compile(r"^\s*(?:A|I)\s+[A-Za-z]")
_BRIEFING = rx.compile(r"(?i)\bbriefing|\bsummary|\bbrief\b|\bleaflet|\bposter")


_TOPIC_DENY = rx.compile(
    r"^(?:the|a|an|this|our|report|reports|review|reviews|summary|briefing|published|learning"
    r"|overview|executive|final|full)$",
    re.I,
)


def _topic(text: str) -> Subject | None:
    """What a thematic review is about: the words after its type, or else the whole title."""
    m = ANY_TYPE.search(text) or re.search(r"(?i)\b(?:thematic|systemic)(?:\s+review)?\b", text)
    after = text[m.end() :] if m else text
    for piece in (after, text):
        rest = strip_title(re.sub(r"(?i)\b(?:thematic|systemic)\b", " ", piece))
        words = rest.split()
        if 1 <= len(words) <= 12 and not all(_TOPIC_DENY.match(w) for w in words):
            return Subject(rest, "topic", max(text.find(words[0]), 0), "thematic topic")
    return None
