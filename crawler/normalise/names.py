"""Review names: the subject's pseudonym from a title, and a key for matching the same review."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns as rx
from .dates import find_dates
from .vocabulary import ACRONYMS, KINDS, NAMED_TYPES

_LETTERS = r"[A-Z]{1,3}\d{0,4}"
_TOPIC_WORDS = {
    "abuse", "neglect", "exploitation", "harm", "injury", "injuries", "suicide", "self", "sexual",
    "criminal", "domestic", "violence", "adolescents", "adolescent", "infants", "infant", "babies",
    "children", "thematic", "risk", "safeguarding", "review", "learning", "death", "deaths",
    "disabilities", "disabled", "mental", "health", "drowning", "bruising", "care", "online",
    "homicide", "overdose", "multi", "agency", "practice", "national", "young", "people", "at",
    "of", "in", "on", "for", "with", "from", "to", "the", "by", "who", "whose", "sudden",
    "unexpected", "sleep", "co", "sleeping", "knife", "crime", "gang", "county", "lines",
    # the practice topics briefings are written about
    "parental", "parenting", "parents", "drinking", "alcohol", "drugs", "drug", "substance",
    "misuse", "cannabis", "hidden", "males", "men", "fathers", "father", "mothers", "critical",
    "thinking", "dark", "web", "forced", "marriage", "trauma", "adverse", "experiences",
    "childhood", "radicalisation", "prevent", "trafficking", "slavery", "modern", "day",
    "fabricated", "induced", "illness", "genital", "mutilation", "female", "male", "law", "public",
    "outline", "contextual", "exploited", "coercive", "control", "curiosity", "professional",
    "disguised", "compliance", "hoarding", "cuckooing", "transition", "transitions",
    "transitional", "capacity", "consent", "escalation", "supervision", "chronology", "voice",
    "invisible", "head", "shaken", "syndrome", "attachment", "bereavement", "grooming",
    "bullying", "cyber", "esafety", "e-safety", "sexting", "homelessness", "housing", "poverty",
    "debt", "gambling", "elective", "education", "exclusion", "missing", "runaway", "looked",
    "after", "leavers", "fostering", "adoption", "kinship", "good", "example", "examples",
    "case", "study", "studies", "financial", "material", "scams", "fraud", "falls", "pressure",
    "ulcers", "hospital", "discharge", "medication", "nutrition", "dehydration",
}  # fmt: skip
# Words that follow "Child"/"Baby"/"Family" in topics, not names ("Child Protection", "Shaken
# Baby Syndrome"): these and every topic word.
_NOT_FIRST = (
    r"(?!(?:Protection|Safeguarding|Sexual|Death|Deaths|Abuse|Criminal|Exploitation|Practice|Care"
    r"|Health|Development|Neglect|Poverty|Mental|Services|Social|Court|Court|Arrangements|Support"
    r"|Friendly|Focused|Centred|Centered|Trafficking|Poverty|Voice|Hubs?|Hub|Help|Law|Contact"
    r"|Courts|Plans?|Protect|Safety|Welfare|Employment|Benefit|Minding|Line|Sleep|Led|Finding"
    r"|Missing|Hubs|Safe|Matters|Review|Reviews|Practitioners?|Group|Groups|Justice|Reviewer"
    r"|Learning|Ofsted|Concern|Concerns|Board|Boards|Partnership|Partnerships|Centre|Centres"
    r"|Management|Study|Studies|Conference|Conferences|File|Files|Notes|Officer|Officers|Worker"
    r"|Workers|Load|Work|Holder|Holders|Summary|Summaries|Reference|Law|Records|Community"
    r"|Communities|Members|Member|Friendly|Hubs|Example|Examples|"
    + "|".join(sorted(w.capitalize() for w in _TOPIC_WORDS if w.isalpha() and len(w) > 2))
    + r")\b)"
)
_FIRST = _NOT_FIRST + r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"

# The subject of a review, in the shapes listings use. The first that matches wins.
_SUBJECT_PATTERNS = [
    # Codes that are a review's whole name: CPR ABCD 03-2020, BSCB 2011-12/1,
    # GwSB CPR 01/2021 (the board's initials first)
    r"(?:[A-Z][A-Za-z]{1,5}[A-Z]\s+)?(?:CPR|APR|SUSR)\s+(?:[A-Z]{2,6}\s+)?\d{1,2}[\s\-/]\d{2,4}\b",
    r"\b[A-Z]{2,6}\s?(?:19|20)\d\d-\d\d/\d+\b",
    # CTMSB 1/2022, CYSUR 3/2018, ABSB 06-2021, GwSB 01/2021, WGA N5 2016, NWSB 01-2025: a
    # board's own numbering (letters, a number, a year)
    r"\b[A-Z][A-Za-z]{1,5}[A-Z]\s?(?:[A-Z]\d{1,3}|\d{1,2})[-/ ](?:19|20)\d\d\b",
    # Children F, G and H / Siblings A and B / Children A-D
    rf"(?:Children|Siblings|Brothers|Sisters|Young People)\s+{_LETTERS}\b(?:\s*(?:,|and|&|-|to)\s*{_LETTERS}\b)+",
    # Child LG, Baby A, Young Person F, Family U, Adult B, Child A1301, Baby T2
    rf"(?:Child|Baby|Young Person|Family|Adult|Infant|Sibling|Person|Case)\s+{_LETTERS}\b(?:\s*(?:and|&)\s*{_LETTERS}\b)?",
    # Person 1, Adult 3, Case 12: numbered subjects
    r"(?:Child|Baby|Young Person|Family|Adult|Person|Case)\s+\d{1,3}\b(?![/.-]\d)",
    # the B Family
    rf"(?<=[Tt]he ){_LETTERS} Family\b",
    # Mr Z, Ms A, Mrs B (also 'Mr Z' in quotes), Mr and Mrs T
    rf"(?:Mr|Mrs|Ms|Miss|Mx)\.?(?:\s+(?:and|&)\s+(?:Mr|Mrs|Ms|Miss|Mx)\.?)?\s+['‘\"]?(?:{_LETTERS}|{_FIRST})\b",
    # Case Joyce Jackson, Case Diana
    rf"Case\s+{_FIRST}(?:\s+{_FIRST})?\b",
    # Baby Rose, Child Iris, Baby Ivy
    rf"(?:Child|Baby|Young Person|Family|Adult)\s+{_FIRST}\b",
    # Operation Kestrel
    rf"Operation\s+{_FIRST}",
]
_SUBJECT = rx.compile("|".join(f"(?:{p})" for p in _SUBJECT_PATTERNS))
# In a title, "Child I and Child J" is one review of two children; in a sentence ("two Serious
# Case Reviews: Child LN and Child LP") they may be two reviews, so only titles join them.
_JOINED_SUBJECTS = (
    rf"(?:Child|Baby)\s+{_LETTERS}(?:\s*(?:,|and|&)\s*(?:Child|Baby)\s+{_LETTERS}\b)+"
)
_TITLE_SUBJECT = rx.compile(
    "|".join(f"(?:{p})" for p in [*_SUBJECT_PATTERNS[:2], _JOINED_SUBJECTS, *_SUBJECT_PATTERNS[2:]])
)

# Words that describe the review or the document rather than name anyone: every review type's
# names and acronyms (the vocabulary), and the words for documents and publishing.
_NOISE = rx.compile(
    rf"{NAMED_TYPES.pattern}|\b(?:multi[- ]agency learning reviews?|MALRs?|discretionary|local|national"
    r"|overview reports?|full reports?|final reports?|executive summary|summary reports?|reports?"
    r"|one[- ]page (?:learning )?summary|learning (?:summary|brief(?:ing)?|briefing note)"
    r"|(?:7|seven)[- ]minute (?:briefing|learning)(?: note)?|practitioner briefing|briefing(?: note)?"
    r"|action plan|(?:partnership |agency )?response|media statement|press release"
    r"|lunch and learn|learning event|podcast|video|recording|webinar|presentation|slides"
    r"|published(?: on)?(?: the)?|publication|final|update[d]?|draft|v\d+|version \d+"
    r"|pdf icon|word icon|pdf|docx?|into|in respect of|in relation to|concerning|regarding|about"
    r"|the death of|reviews?|into)\b",
    re.I,
)
_FILE_TYPE = r"(?:pdf|docx?|word|excel|xlsx?|pptx?|odt|rtf)\b"
_FILE_SIZE = r"\d+(?:[.,]\d+)?\s*(?:kb|mb|k|m)\b"
# How sites describe a file beside its link: "(PDF)", "(PDF, 1.2MB)", "[287kb]", "PDF, 980KB",
# "pdf icon". Never part of a review's name.
FILE_MARK = rx.compile(
    rf"[\[(]\s*(?:{_FILE_TYPE}(?:\s*[,:-]?\s*(?:file\s*,?\s*)?{_FILE_SIZE})?|{_FILE_SIZE})\s*[\])]"
    rf"|\b{_FILE_TYPE}\s*[,:-]?\s*{_FILE_SIZE}|\b(?:pdf|word|document) icon\b"
    rf"|\b\d+(?:[.,]\d+)?\s?(?:kb|mb)\b",
    re.I,
)
_SIZE = FILE_MARK
_EXT = rx.compile(r"\.(?:pdf|docx?|odt|rtf)\b", re.I)


_EDGE = rx.compile(
    r"^(?:[\s\-–—:;,.|'\"‘’“”()]|(?:and|&|or)\b)+|(?:[\s\-–—:;,.|'\"‘’“”(]|\b(?:and|&|or))+$"
)


def _tidy(text: str) -> str:
    """Without the punctuation, and the dangling "and" a removed word leaves ("Poppy and")."""
    text = re.sub(r"\s+", " ", text)
    previous = None
    while previous != text:
        previous, text = text, _EDGE.sub("", text).strip()
    return text


_CAPS_WORDS = rx.compile(
    r"\b(BABY|CHILD|CHILDREN|FAMILY|YOUNG|PERSON|ADULT|REPORT|REVIEW|FINAL|SUMMARY|EXECUTIVE"
    r"|OVERVIEW|SERIOUS|CASE|LEARNING|BRIEFING|PUBLISHED|OPERATION)\b"
)
_CAPS_NAME = rx.compile(r"\b(Baby|Child|Family|Operation|Person|Adult) ([A-Z]{3,})\b")


def _title_case_caps(text: str) -> str:
    """BABY ROSE REPORT -> Baby Rose Report; letter codes (LG, XSCP, ABCD) and review-type
    acronyms ("Family SAR") stay as they are."""
    text = _CAPS_WORDS.sub(lambda m: m.group(1).capitalize(), text)
    return _CAPS_NAME.sub(
        lambda m: (
            m.group(0) if m.group(2) in ACRONYMS else f"{m.group(1)} {m.group(2).capitalize()}"
        ),
        text,
    )


# Board acronyms in titles ("Leo – HSCB Report"): who published, not who it is about.
_BOARD_ACRONYM = rx.compile(r"\b[A-Z]{0,4}(?:LSCB|LSCP|SCB|SCP|SAB|SCMP|CSP|SSP|SP)\b")
_TYPE_PHRASES = rx.compile(
    "|".join(
        rf"\b{name}s?\b" for kind in KINDS if not kind.weak for name in kind.names if " " in name
    ),
    re.I,
)
# Topic words: a title made of these names a theme, not a person ("Sibling Abuse").
# Words that are never (part of) a review subject's name on these sites.
_NOT_NAME_WORDS = {
    "threshold", "document", "documents", "guidance", "procedure", "procedures", "policy",
    "policies", "strategy", "plan", "plans", "form", "forms", "template", "leaflet", "newsletter",
    "newsletters", "annual", "business", "referral", "referrals", "contact", "training", "course",
    "courses", "event", "events", "news", "home", "about", "us", "resources", "resource", "team",
    "board", "boards", "partnership", "partnerships", "council", "members", "minutes", "agenda",
    "meeting", "privacy", "cookies", "cookie", "accessibility", "statement", "sitemap", "help",
    "search", "login", "register", "professionals", "parents", "carers", "practitioners",
    "volunteers", "schools", "police", "nspcc", "ofsted", "gov", "local", "national", "protection",
    "working", "together", "lessons", "briefing", "briefings", "summary", "report", "reports",
    "reviews", "case", "cases", "serious", "framework", "toolkit", "information", "advice",
    "support", "services", "service", "concern", "concerns", "worried", "library", "repository",
    "publications", "publication", "links", "useful", "more", "read", "click", "here", "download",
    "view", "page", "website", "site", "menu", "back", "top", "next", "previous", "older", "newer",
    "latest", "recent", "all", "other", "our", "your", "what", "why", "how", "when", "where",
    "who", "we", "you", "is", "are", "was", "a", "an", "panel", "pathways", "private", "fostering",
    "early", "multi-agency", "mash", "lado", "send", "cse", "cce", "dfe", "nhs", "camhs", "icb",
    "ccg", "uk", "england", "wales", "scotland", "ireland", "northern", "faq", "faqs",
    "ebulletin", "bulletin", "conference", "webinar", "webinars", "podcast", "podcasts",
    "consultation", "evidence", "terms", "reference", "chair", "chairs", "introduction",
    "overview", "executive", "final", "full", "learning", "themes", "theme", "thematic",
    "published", "publishes", "publish", "update", "updates", "archive", "archived", "notes",
    "note", "presentation", "slides", "handout", "minute", "seven", "flowchart", "chart",
    "diagram", "guide", "process", "criteria", "checklist", "pathway", "protocol", "glossary",
    "timeline", "leaflets", "posters", "poster", "questions",
    "domestic", "adults", "adult", "child", "children", "young", "people", "person", "family",
    "families", "baby", "babies", "safeguarding", "practice", "review", "audit", "audits",
    "governance", "assurance", "quality", "data", "dataset", "statistics", "figures",
    "practitioner", "incident", "incidents", "significant", "access", "copy", "find",
    "list", "lists", "available", "attached", "alongside", "following", "further", "new",
    "paper", "papers", "background", "principles", "principle", "purpose", "terminology",
    "barriers", "additional", "research", "materials", "findings", "recommendations",
    "actions", "progress", "outcomes", "learnt", "learned", "key", "issues",
    "earlier", "historic", "historical", "past", "current", "neighbouring",
    "english", "welsh", "cymraeg", "adroddiad", "terfynol", "polish", "urdu", "translation",
    "translations", "language", "languages", "easy", "accessible", "large", "print", "audio",
    "regional", "county", "borough", "city", "district", "joint", "combined",
    "concise", "extended", "single", "unified", "statutory", "independent", "initial",
    "ok", "okay", "accept", "reject", "agree", "close", "yes", "no", "cancel", "settings",
    "released", "issued", "posted", "comments", "comment", "sub", "group", "subgroup", "committee", "community", "see", "visit", "watch", "listen", "government", "office", "department", "authority",
    "commission", "trust", "university", "college", "school", "safety", "building", "discretionary", "mandatory", "unpublished", "delayed", "withdrawn", "removed", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "last", "date", "downloads", "completed", "ongoing", "closed", "open", "pending", "professional", "curiosity", "adultification",
    "chronologies", "chronology", "inquiry", "conclusion", "topics", "issue", "decision",
    "decisions", "item", "items", "the", "this", "that", "these", "those", "it", "its", "their", "there", "they", "he", "she",
    "his", "her", "hers", "him", "them", "if", "in", "on", "at", "by", "for", "to", "of", "with",
    "from", "as", "or", "but", "not", "also", "please", "thank", "thanks",
}  # fmt: skip


@lru_cache(maxsize=8192)
def strip_title(text: str) -> str:
    """The title without file-name debris, sizes, dates, type words and document words."""
    text = _title_case_caps(_EXT.sub(" ", text).replace("_", " "))
    text = _BOARD_ACRONYM.sub(" ", text)
    text = re.sub(r"(?<=[a-z])-(?=[A-Z])", " ", text)
    text = _SIZE.sub(" ", text)
    for found in reversed(find_dates(text)):
        text = text[: found.start] + " " + text[found.end :]
    text = re.sub(
        r"[(\[]\s*(?:published|publication|pub\.?|updated)?\s*(?:on\s*)?[)\]]",
        " ",
        text,
        flags=re.I,
    )
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\s+(?:[-–—:|])(?:\s+[-–—:|])+\s+", " – ", text)
    text = re.sub(r"\s+:", ":", text)
    return _tidy(text)


def find_pseudonyms(text: str | None) -> list[tuple[int, str]]:
    """Every subject a sentence names, with positions ("Child LN and Child LP")."""
    if not text:
        return []
    candidate = _title_case_caps(text)
    return [
        (m.start(), re.sub(r"['‘’\"]", "", re.sub(r"\s+", " ", m.group(0))).strip())
        for m in _SUBJECT.finditer(candidate)
    ]


@lru_cache(maxsize=8192)
def find_pseudonym(text: str | None) -> str | None:
    """The subject named in a title or sentence (``Child LG``, ``Mr Z``), or None."""
    if not text:
        return None
    candidate = _title_case_caps(_EXT.sub(" ", text).replace("_", " "))
    candidate = re.sub(r"(?<=[A-Za-z])-(?=[A-Z])", " ", candidate)
    candidate = _TYPE_PHRASES.sub(" – ", candidate)
    m = _TITLE_SUBJECT.search(candidate)
    if not m:
        return None
    name = re.sub(r"\s+", " ", m.group(0)).strip()
    name = re.sub(r"['‘’\"]", "", name)
    return _plural_subjects(name)


_REPEATED_SUBJECT = rx.compile(
    rf"^(Child|Baby)\s+({_LETTERS})((?:\s*(?:,|and|&)\s*(?:\1\s+)?{_LETTERS})+)$"
)


def _plural_subjects(name: str) -> str:
    """'Child I and Child J' is 'Children I and J', as the NSPCC and most boards write it."""
    m = _REPEATED_SUBJECT.match(name)
    if not m:
        return name
    letters = [m.group(2), *re.findall(rf"(?:(?:Child|Baby)\s+)?\b({_LETTERS})\b", m.group(3))]
    word = "Children" if m.group(1) == "Child" else "Babies"
    return f"{word} {', '.join(letters[:-1])} and {letters[-1]}"


def normalise_pseudonym(text: str | None) -> str | None:
    """A clean name for a review's subject from an isolated name or a whole title.

    A recognisable subject (``Child Q``, ``Children F, G and H``, ``Mr Z``) is returned as
    written; otherwise the title without type words, dates and file debris (``Jasmine``,
    ``Claire and Anne``). None when nothing is left.
    """
    if not text:
        return None
    found = find_pseudonym(text)
    if found:
        return found
    rest = re.sub(r"\s*\([A-Z]{2,}\d*\)$", "", strip_title(text))
    return rest if looks_like_name(rest) else None


@lru_cache(maxsize=8192)
def looks_like_name(text: str | None) -> bool:
    """'Jasmine', 'Claire and Anne', 'Tom & Ann' are names; 'Sibling Abuse' is a topic."""
    if not text or len(text) > 40:
        return False
    text = re.sub(r"['’]s\b", "", text)  # "David’s SAR" names David
    words = re.findall(r"[A-Za-z'’]+", text)
    if not words or len(words) > 5:
        return False
    for word in words:
        lower = word.lower().strip("'’")
        if lower == "and":
            continue
        if lower in _TOPIC_WORDS or lower in _NOT_NAME_WORDS or not word[0].isupper():
            return False
    return True


def is_generic_name(text: str | None) -> bool:
    """A leftover like 'Previous', 'Local', 'Learning from National' names no review."""
    words = re.findall(r"[A-Za-z']+", text or "")
    return not words or words[0].lower() in _NOT_NAME_WORDS


def review_name(title: str | None) -> str | None:
    """The name a review goes by: its subject, or for a review about no one, its short title."""
    if not title:
        return None
    return normalise_pseudonym(title) or strip_title(title) or None


@lru_cache(maxsize=16384)
def name_key(name: str | None) -> str | None:
    """A matching key: case, quotes, 'and'/'&', punctuation and a leading article do not matter.
    A single letter is a pseudonym, not an article: "Child A" keys as "child a", "A" as "a"."""
    if not name:
        return None
    text = name.lower().replace("&", " and ")
    text = re.sub(r"['‘’\"]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^(?:the|an?)\s+(?=[a-z0-9]{2})", " ", text)
    text = re.sub(r"\bthe\b", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def slug(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_FIRST_NAMES = None


@lru_cache(maxsize=8192)
def known_first_names(name: str) -> bool:
    """Whether every word of a name is a known given name (gender-guesser's dictionary of about
    40,000): 'Pauline and George' yes, 'Hidden Males' no."""
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        from gender_guesser.detector import Detector

        _FIRST_NAMES = Detector(case_sensitive=False)
    words = [
        w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("and", "mr", "mrs", "ms")
    ]
    return bool(words) and all(_FIRST_NAMES.get_gender(w) != "unknown" for w in words)
