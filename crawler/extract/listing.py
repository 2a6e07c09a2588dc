"""The one extractor for partnership and board pages, whatever their layout.

A page is read as blocks (``blocks.linearise``). Walking them in order, the extractor keeps the
context a reader keeps: the section it is in (local, national, another area), the date heading
it is under, and the review being talked about. Reviews are started by titles (headings, the
lead of a paragraph, a link's own text, a table row, an NSPCC-style entry, a press-release
sentence); documents attach to the review their link text, their sentence, or the context
names. Finally only candidates with evidence of being a review are kept.

See ../shared/patterns.md for the shapes this handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..normalise.areas import Area, find_area_in, resolve_area, same_place
from ..normalise.dates import best_date, find_dates
from ..normalise.names import (
    find_pseudonym,
    find_pseudonyms,
    is_generic_name,
    looks_like_name,
    name_key,
    normalise_pseudonym,
    review_name,
    strip_title,
)
from ..normalise.review_types import review_type_from_words
from .blocks import Block, Link, linearise, page_title, parse_html, published_date
from .documents import classify_document, is_document_link
from .nspcc_entries import Entry, entries_from_blocks, parse_sections, split_list

# -- vocabulary -------------------------------------------------------------------------------

_NON_REVIEW = re.compile(
    r"annual report|report of the (?:national )?panel|panel'?s? (?:annual|report)|terms of reference"
    r"|newsletter|working together|statutory guidance|guidance for|guidance on|\btraining\b"
    r"|conference|consultation|call for evidence|\bstrategy\b|procedures? manual|\bpolicy\b|toolkit"
    r"|leaflet|webinar|e-learning|\bcourse\b|\bevents?\b|how to make a referral|make a referral"
    r"|referral form|notification form|threshold|business plan|learning from (?:case )?reviews:"
    r"|triennial|analysis of (?:serious case|case) reviews|biennial|national case review repository"
    r"|learning from (?:serious |significant |national |local )?(?:case )?reviews?\b.{0,30}:"
    r"|two[- ]year report"
    r"|nspcc (?:national )?repository|sign up|subscribe|privacy|cookies?|accessibility"
    r"|what is an? (?:serious case|safeguarding practice|child practice|safeguarding adults?) review"
    r"|types of reviews?|campaign|(?:7|seven)[\s-]*minute (?:briefing|learning)\s*[:\-–]\s*(?!child|baby)"
    r"|panel practice briefing|practice briefing\b|practice guidance|\btemplate\b|register of"
    r"|\bframework\b|\bprotocol\b|\bflowchart\b|\bchecklist\b"
    r"|members'? interests",
    re.I,
)
_NATIONAL_SECTION = re.compile(
    r"\bnational\b|\bpanel\b|other (?:areas|local authorities|partnerships|boards)|elsewhere"
    r"|across (?:the country|england)|\bnationally\b",
    re.I,
)
_NATIONAL_NOT_PANEL = re.compile(_NATIONAL_SECTION.pattern.replace(r"|\bpanel\b", ""), re.I)
_PANEL = re.compile(
    r"\bpanel\b|national (?:child safeguarding practice )?review|thematic review|national review",
    re.I,
)
_LOCAL_SECTION = re.compile(
    r"\blocal\b(?!ly)|\bour (?:own )?(?:reviews|scrs|cspr|practice reviews|published)", re.I
)
# "Ruby – published 4th June 2020", "Baby Ivy (published May 2023)": a title with its date.
_LISTED_PUBLISHED = re.compile(r"[–—\-(|:]\s*(?:\w+\s+)?published\b", re.I)
_REFERS_BACK = re.compile(
    r"\b(?:the|this|its|our)\s+(?:[\w-]+\s+){0,5}?(?:review|report|scr|cspr|lcspr|spr|sar|dhr|case)\b"
    r"|\bit\b",
    re.I,
)
_SPEECH = re.compile(r"\b(?:said|says|explained|added|commented|stated|told|asked|wrote)\b", re.I)
_PUBLISH_VERB = re.compile(r"\bpublish(?:es|ed|ing)?\b|\bpublication of\b|\breleased?\b", re.I)
_DATE_LINE_WORDS = re.compile(
    r"^(?:date(?: of)? publi(?:cation|shed)|publi(?:cation|shed)(?: date| on)?|available reports? "
    r"published|reports? published(?: in)?|updated|posted(?: on)?|date|on)\b[\s:,-]*",
    re.I,
)
_SKIP_HOSTS = re.compile(
    r"(?:^|\.)(?:facebook|twitter|x|linkedin|youtube|instagram|tiktok|flickr|google|bit)\.(?:com|ly)$",
    re.I,
)
_NSPCC_REPOSITORY = re.compile(r"nspcc\.org\.uk", re.I)
# Where the national Panel publishes (not the many councils on *.gov.uk).
_NATIONAL_HOSTS = {"www.gov.uk", "gov.uk", "assets.publishing.service.gov.uk"}
_VAGUE = re.compile(
    r"^\W*(?:(?:please )?click (?:here|on this link)|here|this link|link|download|view|read more"
    r"|more|pdf|open|access (?:it|the \w+) here)\W*$",
    re.I,
)
_FOR_THE = re.compile(
    r"\b(?:for|of|to|on) (?:the |this )?(?P<name>.+?)\s+(?:report|review|scr|briefing|summary|document)\b",
    re.I,
)
_QUOTED = re.compile(r"[\"“‘'](?P<name>[A-Z][A-Za-z]+(?: (?:and|&) [A-Z][A-Za-z]+)?)[.,]?[\"”’']")
_NAME = r"(?P<name>[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)"
_MENTIONS = [
    re.compile(
        r"\b(?:review|scr|cspr|lcspr|spr|sar|dhr|report)\)?\s+(?:in respect of|into|regarding|concerning"
        r"|about|in relation to|relating to)\s+"
        r"(?:the (?:death|case|circumstances|care|life|experiences?) of\s+)?"
        r"(?:(?:a|an)\s+[\w\s-]{0,50}?(?:known as|called|referred to as)\s+)?[\"“‘']?" + _NAME,
        re.I,
    ),
    re.compile(r"\b(?:known as|called|referred to as)\s+[\"“‘']?" + _NAME),
    re.compile(_NAME + r"['’]?s\s+(?:scr|cspr|lcspr|review|serious case review|report)\b", re.I),
]
_THEMATIC = re.compile(
    r"\bthematic\b(?:\s+[\w-]+){0,3}?\s+(?:review|scr|sar|l?cspr|spr|dhr|cpr)s?\b", re.I
)
_TYPE_THEN_NAME = re.compile(
    r"\b(?:L?CSPR|SPR|SCR|SAR|DHR|CPR|APR|(?i:serious case review|safeguarding practice review"
    r"|safeguarding adults? review|domestic homicide review))\s+[‘'\"“]?"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})"
)
_TYPE_WORD = r"(?:Local|Child|Serious|Safeguarding|Case|Practice|Review|Adults?|Domestic|Homicide|Learning|Rapid|Thematic)"
_NAME_THEN_TYPE = re.compile(
    r"\b(?:the|a)\s+(?P<name>(?!"
    + _TYPE_WORD
    + r"\b)[A-Z][a-z]+(?:\s+(?!"
    + _TYPE_WORD
    + r"\b)[A-Z][a-z]+){0,2})\s+"
    r"(?:Local\s+)?(?:Child\s+)?(?:Safeguarding Practice Review|Serious Case Review|Safeguarding Adults? Review"
    r"|Domestic Homicide Review|L?CSPR|SPR|SCR|SAR|DHR)\b"
)
_CODE_TITLE = re.compile(
    r"^\s*(?P<code>[A-Z]{2,8}\s?\d{2,4}[-/]\d{2}(?:[-/]\d{1,2})?)\s*[:\-–]\s*\S"
)
_SEP = re.compile(r"\s+[-–—|]\s+|\s*[–—]\s*|\s*:\s+")
# "Serious Case Reviews", "Local SCRs": a heading about reviews, not one review.
_PLURAL_TYPE = re.compile(
    r"\b(?:reviews|scrs|csprs|lcsprs|sprs|sars|dhrs|cprs|aprs|cmrs|susrs)\b", re.I
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_STATUS_WORDS = [
    (
        "no_longer_published",
        re.compile(
            r"no longer (?:published|available|on (?:this|our|the) (?:web)?site)"
            r"|\b(?:reports?|reviews?|documents?|summary|summaries)\s+(?:has|have|was|were|is|are)\s+"
            r"(?:now\s+)?(?:been\s+)?"
            r"(?:removed|withdrawn|taken down)"
            r"|(?:removed|taken down) from (?:this|our|the) (?:web)?(?:site|page)",
            re.I,
        ),
    ),
    (
        "unpublished",
        re.compile(
            r"\bunpublished\b|\bnot (?:been )?published\b|will not be published"
            r"|(?:decided|chose|agreed|decision) not to publish"
            r"|(?:in place|instead) of the (?:full |overview )?report",
            re.I,
        ),
    ),
    (
        "delayed",
        re.compile(
            r"delayed in publication|publication (?:has been |is |was )?(?:delayed|deferred|postponed)"
            r"|awaiting publication|^\W*delayed\W*$|not yet (?:been )?published",
            re.I,
        ),
    ),
]

_REVISED = re.compile(
    r"[(\[]?\b(?:last\s+)?(?:updated|revised|amended|refreshed|reviewed)(?:\s+on)?[:\s]+"
    r"[^)\]]{0,30}?\d{4}[)\]]?",
    re.I,
)

# "… will be published", "published the report" are not statuses of a review.
_ANNOUNCES = re.compile(
    r"\b(?:(?:have|has|been|was|were|is|are) (?:been )?published today|publish(?:es|ed|ing)? today"
    r"|(?:is|are) today publishing|(?:has|have) today published|today (?:we|the \w+) (?:publish|published))\b",
    re.I,
)
_PUBLISH_NOT_STATUS = re.compile(r"\bpublished (?:today|on|in)\b(?! place)", re.I)
_COMMITTEE_PAGE = re.compile(r"^\s*(?:meeting|committee)\s*:", re.I)


@dataclass
class Candidate:
    name: str
    title: str
    order: int
    area: Area | None = None
    published_text: str | None = None
    type_text: str | None = None
    status: str | None = None
    national: bool = False
    summary: str | None = None
    themes: list[str] = field(default_factory=list)
    recommendations: str | None = None
    keywords: list[str] = field(default_factory=list)
    background: str | None = None
    response: str | None = None
    model: str | None = None
    documents: list[dict] = field(default_factory=list)
    detail_url: str | None = None
    evidence: set[str] = field(default_factory=set)
    allowed: bool = True  # False when the context says it is not this board's and names no area
    entry_area_text: str | None = None  # the area an NSPCC-style heading names
    thematic: bool = False  # a thematic review: "the thematic review" in prose means this one
    outside_local_sections: bool = False  # listed outside the page's "local reviews" sections

    @property
    def key(self) -> str:
        return name_key(self.name) or ""

    def add_document(self, url: str, kind: str, title: str | None) -> None:
        if any(d["url"] == url for d in self.documents):
            return
        self.documents.append({"url": url, "kind": kind, "title": title})
        self.evidence.add("document")

    def set_date(self, text: str | None) -> None:
        if not text:
            return
        # "Action Plan (updated March 2018)" dates a document's revision, not the review, and
        # "CYSUR 2 2018" numbers it.
        text = _REVISED.sub(" ", text)
        if re.search(r"\d", self.name):
            text = text.replace(self.name, " ")
        found = best_date(text)
        if found and (
            not self.published_text
            or found.count("-") > (best_date(self.published_text) or "").count("-")
        ):
            self.published_text = found
            self.evidence.add("date")


@dataclass
class Extraction:
    reviews: list[Candidate]
    follow: list[tuple[str, Candidate]]
    page_words: str = ""


@dataclass
class Context:
    """What the reader knows at a point in the page."""

    source_area: Area | None
    host: str
    page_url: str
    page_words: str
    national: bool = False
    section_level: int = 9
    section_national: bool = False
    section_local: bool | None = None
    section_type: str | None = None
    section_text: str = ""
    date: str | None = None
    current: Candidate | None = None
    slot: dict | None = None  # a heading that named a type and date but no one yet
    national_block: Block | None = None  # the block that introduced the current national review
    date_is_heading: bool = False  # a date heading dates its section; a dateline its next title
    date_level: int = 9
    next_is_heading: bool = False
    after_heading: bool = False  # the block before this one was a heading
    last_heading_level: int = 9
    pending_type: str | None = None  # a type tag seen just above the next heading


@dataclass
class Title:
    names: list[str]
    date: str | None
    has_type: bool
    has_subject: bool
    thematic: set[str] = field(default_factory=set)  # the names that are thematic reviews


def parse_title(text: str) -> Title | None:
    """The review(s) a title names, or None if it names none."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text or len(text) > 220:
        return None
    subject = find_pseudonym(text)
    if _NON_REVIEW.search(text) and not subject:
        return None
    has_type = review_type_from_words(text) is not None
    date = best_date(text)
    code = _CODE_TITLE.match(text)
    if code:
        name = review_name(text)
        return Title([name] if name else [], date, True, True)
    names: list[str] = []
    segments = [s for s in _SEP.split(text) if s and s.strip()]
    pieces = segments if len(segments) > 1 else [text]
    skip = False
    thematic: set[str] = set()
    for index, segment in enumerate(pieces):
        if skip:
            skip = False
            continue
        if _THEMATIC.search(segment):
            # "Thematic CSPR: Safer Sleep" is named for its topic; a bare one is "Thematic".
            topic = _topic_after(pieces, index)
            if topic is None and _PLURAL_TYPE.search(segment):
                continue  # "Thematic reviews": a section of them, not one
            names.append(topic or "Thematic")
            thematic.add(topic or "Thematic")
            skip = topic is not None
            continue
        name = normalise_pseudonym(segment)
        if name and name not in names:
            names.append(name)
    # A place is not a review's name ("Somerset SCR - ..." names an area).
    names = [n for n in names if n == "Thematic" or find_pseudonym(n) or resolve_area(n) is None]
    if not names:
        if subject:
            names = [subject]
        elif has_type and not _PLURAL_TYPE.search(text):
            rest = review_name(text)
            words = (rest or "").split()
            capitalised = sum(1 for w in words if w[:1].isupper())
            if (
                rest
                and rest != text
                and len(words) <= 6
                and capitalised * 2 >= len(words)
                and not is_generic_name(rest)
                and not _NON_REVIEW.search(rest)
                and resolve_area(rest) is None
            ):
                names = [rest]
    if not names:
        return None
    return Title(names, date, has_type, bool(subject), thematic & set(names))


def _topic_after(pieces: list[str], index: int) -> str | None:
    """The topic title that follows a thematic review's type words, if any."""
    if index + 1 >= len(pieces):
        return None
    following = pieces[index + 1]
    topic = strip_title(following)
    if (
        not topic
        or find_pseudonym(following)
        or _PUBLISHED_ONLY.match(following)
        or len(topic.split()) > 8
        or _NON_REVIEW.search(topic)
    ):
        return None
    return topic


_PUBLISHED_ONLY = re.compile(r"^\W*(?:published|publication|updated|date)\b", re.I)


# Documents that accompany a review rather than being it.
_UNRELATED_SECTION = re.compile(
    r"\brelated\b|\buseful\b|further (?:information|reading)|see also|other (?:reviews|resources)"
    r"|\bresources\b|\bguidance\b|\btraining\b|\bnews\b|\blatest\b|\bcontact\b",
    re.I,
)
_READ_MORE = re.compile(
    r"^\W*(?:read|find out|learn|see|view)?\s*(?:more|details|the review|full details|"
    r"more about (?:this|the) review)\W*$|^\W*continue reading\W*$",
    re.I,
)
_SECONDARY_KINDS = {
    "response",
    "action_plan",
    "learning_brief",
    "executive_summary",
    "committee_report",
}


def _accompanies_a_review(text: str, title: Title) -> bool:
    """'Dundee CPC response to the Learning Review' is a document of the review in hand, not
    a review of its own: it names no one, and says it is a response, summary, plan or brief."""
    return (
        not title.has_subject
        and not all(looks_like_name(n) for n in title.names)
        and classify_document(text) in _SECONDARY_KINDS
    )


def _link_name(link: Link, document: bool, review_context: bool) -> str | None:
    """The review a link's own text names ("Child A1301 Full Report", "for the Patrick report").

    A bare name ("Harry", "Posters") counts only for a document link on a page or in a section
    about reviews; a link to a page must say more (a subject, a review type or a date).
    """
    text = link.text.strip()
    if not text or _VAGUE.match(text):
        return None
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group("name")
    title = parse_title(text)
    if title and _accompanies_a_review(text, title):
        return None
    if title and (title.has_subject or title.has_type or title.date):
        return title.names[0]
    if title and document and review_context and len(text.split()) <= 8:
        return title.names[0]
    m = _FOR_THE.search(text)
    if m:
        inner = normalise_pseudonym(m.group("name"))
        if inner and not is_generic_name(inner):
            return inner
    return None


_ENDS_IN_S = {"this", "thus", "his", "its", "is", "was", "has", "as", "us", "does", "yes", "plus"}


def _mentions(sentence: str) -> list[tuple[int, str]]:
    """Reviews a prose sentence names, with their positions."""
    found = list(find_pseudonyms(sentence))
    for pattern in _MENTIONS:
        for m in pattern.finditer(sentence):
            name = m.group("name")
            if (
                sentence[m.end("name") : m.end("name") + 1] == "s"
                and (name + "s").lower() in _ENDS_IN_S
            ):
                continue  # "This review" is not "Thi's review" ("Patricks SCR" is Patrick's)
            if looks_like_name(name):
                found.append((m.start("name"), name))
    for m in _THEMATIC.finditer(sentence):
        found.append((m.start(), "Thematic"))
    for m in _TYPE_THEN_NAME.finditer(sentence):
        name = review_name(m.group("name"))
        if name and not is_generic_name(name) and resolve_area(name) is None:
            found.append((m.start("name"), name))
    for m in _NAME_THEN_TYPE.finditer(sentence):
        name = m.group("name")
        if looks_like_name(name) or (not is_generic_name(name) and len(name.split()) <= 3):
            found.append((m.start("name"), name))
    seen, unique = set(), []
    for position, name in sorted(found):
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            unique.append((position, name))
    return unique


_CALL_TO_ACTION = re.compile(
    r"^(?:please )?(?:you can |to )?(?:access|read|view|download|see|find|open|click)\b.*\bhere\W*$"
    r"|^.*\b(?:can be|is|are) (?:found|read|accessed|viewed|downloaded)\b.*\bhere\W*$",
    re.I,
)


def _describe(context: str) -> str:
    """A title for a "here" link from the words before it: "We have produced a 7-minute
    briefing note on this case. You can access the note here" is the first sentence."""
    sentences = [s.strip() for _, s in _sentences(context.strip()) if s.strip()]
    while (
        len(sentences) > 1
        and _CALL_TO_ACTION.match(sentences[-1])
        and classify_document(sentences[-1]) == "other"  # "read the note here" says nothing
    ):
        sentences.pop()
    text = sentences[-1] if sentences else context.strip()
    return text[:200]


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence of ``text`` that contains ``position`` starts."""
    found = 0
    for start, _ in _sentences(text):
        if start > position:
            break
        found = start
    return found


def _sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` that contains ``position``."""
    found = ""
    for start, sentence in _sentences(text):
        if start > position:
            break
        found = sentence
    return found


def _without_dates(text: str) -> str:
    """A title without its dates and the brackets around them: 'Out of Routine (Jul 2020)'."""
    for found in reversed(find_dates(text)):
        text = text[: found.start] + text[found.end :]
    text = re.sub(r"[(\[]\s*(?:published|publication|updated)?\s*[)\]]", " ", text, flags=re.I)
    return re.sub(r"\s+", " ", text).strip(" -–—:,;|")


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


_STATUS_COLUMN = re.compile(r"publi|status|availab", re.I)
# A table column that holds the review's own report.
_MAIN_REPORT = re.compile(r"overview|full report|final report|^\s*report\s*$|^\s*review\s*$", re.I)
_BRIEFING_DATE = re.compile(
    r"^\W*(?:(?:[A-Z][\w'’-]*\s+){0,3}(?:SCR|L?CSPR|SPR|SAR|DHR|CPR|APR|serious case review"
    r"|safeguarding practice review|learning review)(?:\s+[\w'’-]+){0,3}?"
    r"(?:\s*[:\-–]\s*(?:published\s+)?|\s+(?:was\s+)?published(?:\s+on)?\s+)|published\s+)"
    r"(?P<date>(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]{3,9},?\s+\d{4})\b",
    re.I,
)
_DATELINE = re.compile(r"^\W*(?:posted|published|updated|added|date)(?: on)?\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.I)


def publication_date(sentence: str) -> str | None:
    """The date a press sentence gives for publishing (not the incident's date)."""
    verb = _PUBLISH_VERB.search(sentence)
    if not verb:
        return None
    # A year inside a review's code ("CYSUR 2 2023") numbers the review; it is not a date.
    codes = [(start, start + len(name)) for start, name in find_pseudonyms(sentence)]
    found_dates = [d for d in find_dates(sentence) if not any(a <= d.start < b for a, b in codes)]
    if found_dates and found_dates[0].start <= 12:
        return found_dates[0].iso  # "In 2023 the … review was published", "On 12th June 2023, …"
    for found in found_dates:
        before = verb.start() - found.end
        after = found.start - verb.end()
        if -1 <= after <= 80 or 0 <= before <= 30:
            return found.iso
    return None


def _is_date_line(text: str) -> bool:
    if len(text) > 70:
        return False
    if _DATELINE.match(text) and find_dates(text) and len(text.split()) <= 12:
        return True  # "Posted on 9 December, 2021 in Press releases"
    text = _WEEKDAY.sub("", text)
    if len(text) <= 60 and find_dates(text) and re.search(r"\s[|•·]\s", text):
        return True  # a byline: "Thursday, 7 April 2016 | Ali Spalding"

    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    rest = _DATE_LINE_WORDS.sub("", rest.strip())
    return not re.search(
        r"[A-Za-z]{2,}",
        re.sub(r"\b(?:the|of|in|on|and|published|publication|date)\b", "", rest, flags=re.I),
    )


def _status_of(text: str) -> str | None:
    for status, pattern in _STATUS_WORDS:
        if pattern.search(text):
            return status
    return None


class ListingExtractor:
    """Extract the reviews on one page of a partnership or board site."""

    def __init__(
        self,
        html: str | bytes,
        url: str,
        *,
        source_area: str | None = None,
        scope: str | None = None,
        exclude: list[str] | None = None,
        detail_for: str | None = None,
    ):
        self.url = url
        # One parse: the page's own title and date are read before its furniture is removed.
        tree = parse_html(html)
        title = page_title(tree)
        self.page_date = published_date(tree)
        self.blocks = linearise(tree, url, scope=scope, exclude=exclude)
        self.host = urlsplit(url).hostname or ""
        self.source_area = resolve_area(source_area) if source_area else None
        # The Child Safeguarding Practice Review Panel is England's: elsewhere "the Panel" is a
        # board's own (Northern Ireland's Case Management Review Panel).
        self.panel_applies = self.source_area is None or self.source_area.nation in (
            None,
            "England",
        )
        self.national_words = _NATIONAL_SECTION if self.panel_applies else _NATIONAL_NOT_PANEL
        self.detail_for = detail_for
        self.candidates: dict[str, Candidate] = {}
        self.follow: list[tuple[str, Candidate]] = []
        self.order = 0
        heading_text = " ".join(b.text for b in self.blocks if b.level == 1)
        self.page_words = " ".join([title, heading_text])
        # On a page of briefings ("7 Minute Learning"), a bare "Download" is a briefing.
        kind = classify_document(heading_text or title)
        self.page_kind = "learning brief" if kind == "learning_brief" else None
        # "Local SCRs" as a section heading (not "Child R – Local Child Safeguarding Practice
        # Review", which is a review's title) means the page separates its own from others'.
        # A page titled "Learning from local reviews" is local throughout.
        self.has_local_sections = not _LOCAL_SECTION.search(heading_text) and any(
            b.is_heading
            and b.level > 1
            and _LOCAL_SECTION.search(b.text)
            and not self.national_words.search(b.text)
            and parse_title(b.text) is None
            for b in self.blocks
        )

    # -- candidates -----------------------------------------------------------------------------

    def _candidate(
        self,
        name: str,
        title: str,
        ctx: Context,
        *,
        area_text: str | None = None,
        evidence: str | None = None,
    ) -> Candidate:
        key = name_key(name) or name
        existing = self._existing(name)
        unnamed = self.candidates.get("thematic")
        if (
            existing is None
            and unnamed is not None
            and name != "Thematic"
            and _THEMATIC.search(title)
        ):
            # "… published a thematic review …", then "Thematic SAR: Rough sleeping": one review.
            del self.candidates["thematic"]
            unnamed.name, unnamed.title = name, title
            self.candidates[key] = unnamed
            existing = unnamed
        if existing:
            if evidence:
                existing.evidence.add(evidence)
            return existing
        self.order += 1
        candidate = Candidate(name=name, title=title, order=self.order)
        area = self._area_named(area_text or title)
        national = ctx.national or ctx.section_national
        if area is not None:
            candidate.area = area
        elif national:
            if (
                self.panel_applies
                and (
                    _PANEL.search(title)
                    or _PANEL.search(ctx.page_words)
                    or (ctx.slot and _PANEL.search(ctx.slot.get("text", "")))
                )
            ) or self._section_says_panel(ctx):
                candidate.national = True
            else:
                candidate.allowed = False
        elif self.has_local_sections and ctx.section_local is False:
            candidate.allowed = False
            candidate.outside_local_sections = True
        if candidate.national and find_pseudonym(name) and not _PANEL.search(title):
            candidate.allowed = False
        candidate.type_text = " ".join(t for t in (title, ctx.section_type) if t)
        if name == "Thematic":
            # Named for what it is: a title shared with another review must not lend it a type.
            candidate.type_text = f"Thematic review. {candidate.type_text}"
            candidate.thematic = True
        if evidence:
            candidate.evidence.add(evidence)
        if review_type_from_words(title):
            candidate.evidence.add("type")
        if find_pseudonym(title) or find_pseudonym(name):
            candidate.evidence.add("subject")
        self.candidates[key] = candidate
        return candidate

    def _local_heading(self, text: str) -> bool:
        """'Local SCRs', 'Our reviews', or the board's own place: 'Manchester reviews'."""
        if _LOCAL_SECTION.search(text):
            return True
        named = find_area_in(text)
        return same_place(named, self.source_area)

    def _existing(self, name: str) -> Candidate | None:
        """The candidate already known by this name; "the thematic review" is the page's
        thematic review, whatever its title names it."""
        found = self.candidates.get(name_key(name) or name)
        if found is None and name == "Thematic":
            thematic = [c for c in self.candidates.values() if c.thematic]
            found = thematic[-1] if thematic else None
        return found

    def _section_says_panel(self, ctx: Context) -> bool:
        return bool(_PANEL.search(ctx.section_text))

    def _area_named(self, text: str | None) -> Area | None:
        """Another area a title names (own-area mentions do not count)."""
        if not text:
            return None
        exclude = {self.source_area.name} if self.source_area else set()
        area = find_area_in(text, exclude=exclude)
        if area is None or (self.source_area and same_place(area, self.source_area)):
            return None
        if area.kind in ("nation", "national"):
            return None
        return area

    # -- walking --------------------------------------------------------------------------------

    def extract(self) -> Extraction:
        ctx = Context(self.source_area, self.host, self.url, self.page_words)
        ctx.national = bool(
            self.national_words.search(self.page_words)
        ) and not _LOCAL_SECTION.search(self.page_words)
        if self._committee_report(ctx):
            return self._result()
        consumed = set()
        for entry, start, end in entries_from_blocks(self.blocks):
            self._from_entry(entry, ctx)
            consumed.update(range(start, end))
        if self.detail_for:
            ctx.current = self._candidate(self.detail_for, self.detail_for, ctx, evidence="listed")
        for index, block in enumerate(self.blocks):
            if index in consumed:
                continue
            if block.tag == "tr":
                self._row(block, ctx)
            elif block.tag == "th":
                continue
            elif block.is_heading:
                ctx.after_heading = True
                ctx.last_heading_level = block.level
                following = next(
                    (b.text for b in self.blocks[index + 1 : index + 3] if not b.is_heading), ""
                )
                self._heading(block, ctx, following)
                for link in block.links:  # a heading that is itself a link to the report
                    self._link(link, block.text[: link.end], ctx, block)
            else:
                following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
                ctx.next_is_heading = bool(following and following.is_heading)
                self._paragraph(block, ctx)
                ctx.after_heading = False
        return self._result()

    def _result(self) -> Extraction:
        kept = [c for c in self.candidates.values() if self._is_review(c)]
        kept.sort(key=lambda c: c.order)
        if self.page_date and _ANNOUNCES.search(" ".join(b.text for b in self.blocks[:40])):
            # A news post that says "published today": its own date dates what it announces.
            for c in kept:
                # (A review with a page of its own is dated by that page.)
                if not (c.published_text or c.national or c.area or c.detail_url):
                    c.set_date(self.page_date)
        follow = [(url, c) for url, c in self.follow if c in kept]
        return Extraction(kept, follow, self.page_words)

    def _is_review(self, c: Candidate) -> bool:
        if c.outside_local_sections and any(
            urlsplit(d["url"]).hostname == self.host for d in c.documents
        ):
            # Outside the "local" sections, but the board hosts its report: its own review
            # (a "Thematic reviews" section), not another area's it links to.
            c.allowed = True
        if not c.allowed:
            return False
        if _NON_REVIEW.search(c.title) and "subject" not in c.evidence:
            return False
        if not (
            looks_like_name(c.name)
            or find_pseudonym(c.name)
            or _CODE_TITLE.match(c.title)
            or c.name == "Thematic"
            or "type" in c.evidence
            or c.national
        ):
            return False
        e = c.evidence
        if {"document", "detail", "listed", "entry", "row"} & e:
            return True
        if "date" in e and ({"type", "subject"} & e):
            return True
        if c.status not in (None, "published") and "type" in e:
            return True  # "This review has been completed; publication has been delayed"
        # A type word and a heading alone ("SCR Review Principles") are not enough: the
        # heading must name someone, or something must point at a review (a date, a document).
        return {"type", "subject"} <= e

    def _heading(self, block: Block, ctx: Context, following: str = "") -> None:
        try:
            self._heading_inner(block, ctx, following)
        finally:
            ctx.pending_type = None  # a type tag above a heading is for that heading only

    def _heading_inner(self, block: Block, ctx: Context, following: str = "") -> None:
        text = block.text
        if _is_date_line(text):
            ctx.date = text
            ctx.date_is_heading = True
            ctx.date_level = block.level
            ctx.current = None
            return
        if ctx.date_is_heading and block.level <= ctx.date_level:
            ctx.date = None  # a date heading dates what is under it, not its equals
        title = parse_title(text)
        if title is not None and (
            self._title_names_review(title, text, ctx) or self._introduced(title, following)
        ):
            introduced = not self._title_names_review(title, text, ctx)
            candidates = [
                self._candidate(name, text, ctx, evidence="heading") for name in title.names
            ]
            if introduced:
                # Its next sentence says what it is ("This Child Safeguarding Practice Review …").
                first = _sentences(following)[0][1]
                candidates[0].type_text = f"{first} {candidates[0].type_text or ''}"
                candidates[0].evidence.add("type")
            if ctx.pending_type:
                for c in candidates:
                    c.type_text = f"{ctx.pending_type}. {c.type_text or ''}"
                    c.evidence.add("type")
            for name, c in zip(title.names, candidates, strict=True):
                c.set_date((title.date and text) or ctx.date)
                c.thematic = c.thematic or name in title.thematic
            ctx.current = candidates[0]
            ctx.slot = None
            if not ctx.date_is_heading:
                ctx.date = None  # a dateline above a title dates that title only
            return
        if (
            ctx.pending_type
            and not _NON_REVIEW.search(text)
            and not _PLURAL_TYPE.search(text)
            and len(text.split()) <= 10
        ):
            # A card tagged "Thematic review" above a topic title ("Adolescent suicide and
            # self-harm"): the title is the review's name.
            name = _without_dates(text)
            if name:
                c = self._candidate(name, text, ctx, evidence="heading")
                c.type_text = f"{ctx.pending_type}. {c.type_text or ''}"
                c.evidence.add("type")
                if _THEMATIC.search(ctx.pending_type) or ctx.pending_type.lower().startswith(
                    "thematic"
                ):
                    c.thematic = True
                c.set_date((title and title.date and text) or ctx.date)
                ctx.current = c
                ctx.slot = None
                if not ctx.date_is_heading:
                    ctx.date = None
                return
        if (
            title is None
            and review_type_from_words(text)
            and best_date(text)
            and not _PLURAL_TYPE.search(text)  # "Serious case reviews (before the Care Act 2014)"
        ):
            ctx.slot = {"date": text, "text": text, "level": block.level}
            ctx.current = None
            return
        # A section heading. On a review's own page, its sections ("Read the review") are
        # still about it, until one turns to other things ("Related guidance").
        keep = self.detail_for and not _UNRELATED_SECTION.search(text)
        ctx.current = ctx.current if keep else None
        ctx.slot = None
        if block.level <= ctx.section_level or block.level <= 3:
            ctx.section_level = block.level
            ctx.section_text = text
            ctx.section_national = bool(
                self.national_words.search(text)
            ) and not self._local_heading(text)
            if self.has_local_sections:
                ctx.section_local = self._local_heading(text) and not ctx.section_national
            ctx.section_type = text if review_type_from_words(text) else None
            ctx.date = text if best_date(text) and "publi" in text.lower() else None
            ctx.date_is_heading = ctx.date is not None
            ctx.date_level = block.level

    @staticmethod
    def _introduced(title: Title, following: str) -> bool:
        """A bare-name heading ("Two Sisters") whose next paragraph calls it a review."""
        if len(title.names) != 1 or not following:
            return False
        first = _sentences(following)[0][1]
        if not review_type_from_words(first):
            return False
        # "… Child Q's review …", or "This Child Safeguarding Practice Review has been completed."
        named = name_key(title.names[0]) in {name_key(n) for _, n in _mentions(first)}
        return named or bool(re.match(r"\W*(?:this|the)\b", first, re.I))

    def _title_names_review(self, title: Title, text: str, ctx: Context) -> bool:
        if title.has_subject or title.date or (title.has_type and not _PLURAL_TYPE.search(text)):
            return True
        # A bare name ("Harry") heads a review only on a page or section about reviews.
        in_review_context = review_type_from_words(ctx.section_type or ctx.page_words)
        return bool(
            in_review_context
            and len(text.split()) <= 4
            and all(looks_like_name(n) for n in title.names)
        )

    def _paragraph(self, block: Block, ctx: Context) -> None:
        text = block.text
        if _is_date_line(text) and (not block.links or _DATELINE.match(text)):
            current = ctx.current
            if (
                current is not None
                and current.published_text is None
                and re.search(r"\bpubli(?:shed|cation)\b", text, re.I)
            ):
                # "Published: 8 May 2024" under a review's heading dates that review.
                current.set_date(text)
                return
            if ctx.after_heading and current is None and ctx.last_heading_level > 1:
                # The date of the heading just read (a card that is not a review), not of what
                # follows. Under the page's own title (h1) it dates the whole page.
                return
            # A dateline dates what follows; on a detail page the review stays current.
            ctx.date = text
            ctx.date_is_heading = False
            if not self.detail_for:
                ctx.current = None
            return
        lead = self._lead_title(block, ctx)
        if lead is not None:
            ctx.current = lead
        self._prose(block, ctx, lead)
        cursor = 0
        for link in block.links:
            context = text[cursor : link.end]
            cursor = link.end
            self._mentions_before(text[: link.start], ctx)
            self._link(link, context, ctx, block)

    def _lead_title(self, block: Block, ctx: Context) -> Candidate | None:
        """A paragraph that starts with a review title ("Serious Case Review Harry – you can ...")."""
        text = block.text
        if _COMMITTEE_PAGE.match(text):
            return None
        head = re.split(r"\s+[–—-]\s+|:\s+|\.\s+", text, maxsplit=1)[0]
        whole_is_link = len(block.links) == 1 and block.links[0].text.strip() == text.strip()
        if whole_is_link:
            return None  # handled as a link
        candidates = [head] if head != text else []
        if len(text.split()) <= 14:
            candidates.append(text)
        for piece in candidates:
            title = parse_title(piece)
            if title is None:
                continue
            if not (
                title.has_type or title.has_subject or (title.date and len(piece.split()) <= 8)
            ):
                continue
            if piece == text and not (
                block.links or title.date or (title.has_type and title.has_subject)
            ):
                continue
            if _SPEECH.search(piece):
                continue  # "Mr Benson said: …" quotes a person, it does not title a review
            if re.match(r"\W*(?:this|these|that|it|its)\b", piece, re.I):
                continue  # "This thematic review looked at …" speaks of the review in hand
            if _accompanies_a_review(piece, title):
                continue
            if _PUBLISH_VERB.search(piece) and not _LISTED_PUBLISHED.search(piece):
                continue  # a press-release sentence: _prose reads those
            c = self._candidate(title.names[0], piece, ctx, evidence="lead")
            # The title's own date, or "Child Q – Published 3rd October 2021 …"; never a date
            # in prose ("… taken to hospital in September 2018").
            listed = _LISTED_PUBLISHED.search(text)
            briefing = _BRIEFING_DATE.match(text)
            if best_date(piece) and (len(piece.split()) <= 10 or _LISTED_PUBLISHED.search(piece)):
                c.set_date(piece)
            elif briefing:  # "Manchester CSPR Child Ava: January 2025. Key learning: …"
                c.set_date(briefing.group("date"))
            elif listed:
                c.set_date(text[listed.start() : listed.start() + 60])
            else:
                c.set_date(ctx.date)
            rest = text[len(head) :]
            _, sections = parse_sections(rest.replace(". ", ".\n"))
            for body in sections.get("themes", []):
                c.themes.extend(split_list(body.replace("\n", " ")))
            return c
        return None

    def _prose(self, block: Block, ctx: Context, lead: Candidate | None) -> None:
        """Sentences that name reviews: switch the current review, fill a waiting slot, or
        (press releases) announce a review."""
        text = block.text
        if len(text.split()) < 5:
            current = ctx.current
            status = _status_of(text)
            if current is not None and status and current.status is None:
                current.status = status  # "Publication delayed" on a review's card
            if review_type_from_words(text) and (ctx.next_is_heading or not parse_title(text)):
                if ctx.next_is_heading:
                    # A card's tag ("LCSPR") just above its title says what the next review is.
                    ctx.pending_type = text
                elif current is not None:
                    # "Local Learning Review" under a review's heading says what kind it is.
                    current.type_text = f"{text}. {current.type_text or ''}"
            return
        for _, sentence in _sentences(text):
            mentions = _mentions(sentence)
            status = _status_of(sentence) if not _PUBLISH_NOT_STATUS.search(sentence) else None
            if not mentions:
                current = ctx.current
                if current is not None:
                    # "The overview report for this case is delayed in publication"
                    if status and current.status is None:
                        current.status = status
                    # "The OSCB published the review in December 2021."
                    if (
                        _PUBLISH_VERB.search(sentence)
                        and _REFERS_BACK.search(sentence)
                        and not _NON_REVIEW.search(sentence)
                    ):
                        current.set_date(publication_date(sentence))
                    # Briefing blocks: "Northtown SCR: May 2016. Key issues: …",
                    # "– Published 3rd October 2021 Key Issues: …"
                    briefing = _BRIEFING_DATE.match(sentence)
                    if briefing and find_dates(briefing.group("date")):
                        current.set_date(briefing.group("date"))
                continue
            announced = bool(_PUBLISH_VERB.search(sentence))
            for _, name in mentions:
                existing = self._existing(name)
                if (
                    existing is None
                    and name == "Thematic"
                    and ctx.current is not None
                    and re.search(r"\b(?:this|the|our) thematic\b", sentence, re.I)
                ):
                    # "This thematic review looked at …" under a review's title is that review.
                    existing = ctx.current
                    existing.thematic = True
                    existing.type_text = f"Thematic review. {existing.type_text or ''}"
                if existing is not None:
                    ctx.current = existing
                    if announced:
                        existing.set_date(
                            publication_date(sentence)
                            or (
                                (self.page_date or ctx.date)
                                if re.search(r"\btoday\b", sentence, re.I)
                                else None
                            )
                        )
                    if status and existing.status is None:
                        existing.status = status
                    continue
                if ctx.slot is None and not (
                    announced
                    and (publication_date(sentence) or ctx.date or review_type_from_words(sentence))
                ):
                    continue
                if ctx.slot is not None:
                    c = self._candidate(name, sentence, ctx, area_text=sentence, evidence="slot")
                    c.set_date(ctx.slot["date"])
                    c.type_text = " ".join(filter(None, [ctx.slot["text"], c.type_text]))
                    c.evidence.add("type")
                    ctx.slot = None
                else:
                    c = self._candidate(name, sentence, ctx, area_text=sentence, evidence="press")
                    c.set_date(publication_date(sentence) or ctx.date)
                    if review_type_from_words(sentence):
                        c.evidence.add("type")
                if status and c.status is None:
                    c.status = status
                ctx.current = c
            continue
        current = ctx.current
        words = len(text.split())
        if (
            current is not None
            and current.summary is None
            and (words >= 20 or (words >= 8 and not block.links))
        ):
            current.summary = text[:1000]

    def _mentions_before(self, text: str, ctx: Context) -> None:
        """A known review named earlier in the paragraph is the one a later link belongs to."""
        last = None
        for _, sentence in _sentences(text):
            for _, name in _mentions(sentence):
                if self._existing(name) is not None:
                    last = self._existing(name)
        if last is not None:
            ctx.current = last

    def _link(self, link: Link, context: str, ctx: Context, block: Block) -> None:
        url = link.url
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return
        if _SKIP_HOSTS.search(parts.hostname or ""):
            return
        if parts.fragment and parts._replace(fragment="").geturl() == self.url.split("#")[0]:
            return
        if _NSPCC_REPOSITORY.search(parts.hostname) and not is_document_link(url, link.text):
            return
        if self._national_link(link, parts, ctx, block):
            return
        document = is_document_link(url, link.text)
        review_context = bool(
            review_type_from_words(" ".join(filter(None, [ctx.section_type, ctx.page_words])))
        )
        name = _link_name(link, document, review_context)
        target = None
        if name:
            title = link.text
            target = self._candidate(name, title, ctx, evidence="link")
            target.set_date(title if best_date(title) else ctx.date)
        elif ctx.current is not None:
            target = ctx.current
        if document:
            if target is None or (
                _NON_REVIEW.search(link.text) and not name and block.links[0] is link
            ):
                return  # an item of its own: "Learning from significant case reviews in …"
            # Nearest words first: the link, its own clause, what led up to it, the page, the
            # heading ("Read the full report here and the 7 minute briefing here").
            clause_start = max(link.end - len(context), _sentence_start(block.text, link.start))
            kind = classify_document(
                link.text,
                block.text[clause_start : link.end],
                context,
                self.page_kind,
                target.title if target is ctx.current else None,
                url=url,
            )
            target.add_document(
                url, kind, link.text if not _VAGUE.match(link.text) else _describe(context)
            )
            return
        # "Read more" on a review's card opens its own page.
        if (
            not name
            and target is not None
            and _READ_MORE.match(link.text)
            and not self.detail_for
            and parts.hostname == self.host
            and url.split("#")[0] != self.url.split("#")[0]
        ):
            target.detail_url = url
            target.evidence.add("detail")
            self.follow.append((url, target))
            return
        # A page link: a per-review detail page on the same site, followed one level.
        if name and target is not None and not self.detail_for and parts.hostname == self.host:
            if url.split("#")[0] != self.url.split("#")[0]:
                target.detail_url = url
                target.evidence.add("detail")
                self.follow.append((url, target))
        elif (
            name
            and target is not None
            and "gov.uk" in parts.hostname
            and "/government/publications/" in parts.path
        ):
            target.national = True
            target.allowed = True
            target.add_document(url, "full_report", link.text)

    def _national_link(self, link: Link, parts, ctx: Context, block: Block) -> bool:
        """A link to a Panel publication on GOV.UK, named in a national context, is a national
        review; the other links in its list item or paragraph are its documents."""
        if parts.hostname not in _NATIONAL_HOSTS:
            return False
        if parts.hostname != "assets.publishing.service.gov.uk" and not parts.path.startswith(
            "/government/publications/"
        ):
            return False
        text = link.text.strip()
        if _VAGUE.match(text) or _NON_REVIEW.search(text) or len(text.split()) < 2:
            return False
        current = ctx.current
        if current is not None and current.national and ctx.national_block is block:
            return False  # a further document of the review this block is about
        sentence = _sentence_at(block.text, link.start)
        if not self.panel_applies:
            return False
        if not (
            _PANEL.search(sentence)
            or ctx.section_national
            or ctx.national
            or _PANEL.search(ctx.section_text)
        ):
            return False
        if classify_document(text) in ("executive_summary", "learning_brief", "response"):
            return False
        name = _without_dates(text)
        if not name:
            return False
        c = self._candidate(name, text, ctx, evidence="national")
        c.national, c.allowed, c.area = True, True, None
        c.set_date(text if best_date(text) else publication_date(sentence))
        kind = "full_report" if is_document_link(link.url, text) else "other"
        c.add_document(link.url, kind, text)
        ctx.current = c
        ctx.national_block = block
        return True

    def _row(self, block: Block, ctx: Context) -> None:
        cells = block.cells
        if not cells:
            return
        first = cells[0]
        title = parse_title(first.text)
        name = (
            title.names[0]
            if title
            else (normalise_pseudonym(first.text) if len(first.text.split()) <= 6 else None)
        )
        if not name or (title is not None and _accompanies_a_review(first.text, title)):
            # "Overview report | PDF, 920KB" on a review's own page: its documents.
            current = ctx.current
            if current is not None:
                for link in block.links:
                    if is_document_link(link.url, link.text):
                        current.add_document(
                            link.url, classify_document(link.text, url=link.url), link.text
                        )
            return
        c = self._candidate(name, first.text, ctx, evidence="row")
        # The row's other cells may say what it is ("Serious case review (adults)").
        # (They outrank the section's words: "Serious Case Reviews" heads a table of all kinds.)
        others = " ".join(cell.text for cell in cells[1:])
        title_type = review_type_from_words(first.text)
        if review_type_from_words(others) and not title_type:
            c.type_text = f"{others} | {c.type_text or ''}"
        statuses: list[tuple[str, str]] = []  # (column, status) of each document column
        header = block.header or []
        for index, cell in enumerate(cells):
            column = header[index] if index < len(header) else ""
            status = _status_of(cell.text) if index else None
            if cell.links:
                for link in cell.links:
                    if not is_document_link(link.url, link.text) and index:
                        continue
                    if index == 0 and not is_document_link(link.url, link.text):
                        if urlsplit(link.url).hostname == self.host and not self.detail_for:
                            c.detail_url = link.url
                            c.evidence.add("detail")
                            self.follow.append((link.url, c))
                        continue
                    # The link's own words first ("Executive summary" under "Report"), then
                    # its column ("Published 2 May 2018" under "Overview report").
                    kind = classify_document(link.text, column, url=link.url)
                    c.add_document(link.url, kind, " ".join(filter(None, [column, link.text])))
                if index:
                    statuses.append((column, status or "published"))
            elif status:
                statuses.append((column, status))
            elif index and re.search(r"\bpublished\b", cell.text, re.I):
                statuses.append((column, "published"))
            if (
                index
                and best_date(cell.text)
                and (
                    re.search(r"overview|full|report|date|published", column, re.I)
                    or not c.published_text
                )
                and status is None
            ):
                c.set_date(cell.text)
        if statuses:
            # A status column ("Published: Not published*") says it outright; else the main
            # report's status; else the best of the rest.
            stated = [
                st for column, st in statuses if _STATUS_COLUMN.search(column) and st != "published"
            ]
            main = stated or [st for column, st in statuses if _MAIN_REPORT.search(column)]
            if main:
                c.status = main[0]
            else:
                found = {st for _, st in statuses}
                c.status = next(
                    st
                    for st in ("published", "no_longer_published", "unpublished", "delayed")
                    if st in found
                )

    def _from_entry(self, entry: Entry, ctx: Context) -> None:
        area = resolve_area(entry.area_text)
        c = self._candidate(
            entry.name, entry.heading, ctx, area_text=entry.area_text, evidence="entry"
        )
        if area is not None and not (self.source_area and same_place(area, self.source_area)):
            c.area = area
        elif area is None:
            c.area = None
            c.national = False
        c.allowed = True
        c.entry_area_text = entry.area_text
        c.published_text = entry.published_text
        c.summary = entry.summary
        c.themes = entry.themes
        c.recommendations = entry.recommendations
        c.keywords = entry.keywords
        c.background = entry.background
        c.response = entry.response
        c.model = entry.model
        c.type_text = " ".join(filter(None, [entry.heading, entry.summary, entry.model]))
        if entry.report_url:
            c.add_document(
                entry.report_url,
                classify_document(entry.report_text, url=entry.report_url),
                entry.report_text,
            )

    def _labelled(self) -> dict[str, str]:
        """'Meeting: …', 'Title: …' lines, as paragraphs or as two-cell table rows."""
        found: dict[str, str] = {}
        for block in self.blocks[:60]:
            if block.tag == "tr" and len(block.cells) == 2:
                key, value = block.cells[0].text, block.cells[1].text
            elif ":" in block.text:
                key, value = block.text.split(":", 1)
            else:
                continue
            key = key.strip().rstrip(":").strip().lower()
            if key and len(key) <= 25 and value.strip():
                found.setdefault(key, value.strip())
        return found

    def _committee_report(self, ctx: Context) -> bool:
        """A committee report page is one document about one review, not a listing."""
        labels = self._labelled()
        if not ({"meeting", "committee"} & set(labels)):
            return False
        subject = next(
            (labels[k] for k in ("title", "subject", "report title", "report") if k in labels), None
        )
        title = parse_title(subject) if subject else None
        if title is None:
            return False
        c = self._candidate(title.names[0], subject, ctx, evidence="document")
        meeting = labels.get("meeting") or labels.get("committee") or ""
        c.add_document(self.url, "committee_report", f"{meeting}: {subject}".strip(": "))
        for block in self.blocks:
            for _, sentence in _sentences(block.text):
                if re.search(r"\bpublished\b", sentence, re.I) and best_date(sentence):
                    c.set_date(sentence)
                    return True
        return True


def extract_listing(html: str | bytes, url: str, **kwargs) -> Extraction:
    return ListingExtractor(html, url, **kwargs).extract()
