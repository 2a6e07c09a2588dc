"""From the segment tree to candidate records.

Two structural decisions, made from shapes and subjects, never from one site's wording:
- **Which level is the record.** A section is one record when its heading names a subject (or
  says what kind of review it is) and what is under it speaks of no two other subjects. A
  heading over several subjects, a date heading or a category ("Serious Case Reviews") is the
  context of the records under it.
- **Companions** (``companions``): an item naming no subject of its own joins the record before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import patterns as rx
from ..normalise.dates import find_dates
from ..normalise.names import find_pseudonyms, is_generic_name, looks_like_name, name_key
from ..normalise.vocabulary import (
    NAMED_TYPES,
    TYPE_ACRONYMS,
    is_plural_type,
    not_a_review,
    strip_type_words,
    type_named,
)
from .companions import attach_companions
from .documents import is_document_link, names_only_a_document
from .fields import date_heading, dated, is_date_line
from .inline import Line, Link
from .segment import Unit
from .subjects import _CALLS, Subject, is_speech, subject_of

_TITLE_WORDS = 14  # a longer first line is prose, unless it starts with its subject


@dataclass
class Record:
    title: Line
    lines: list[Line]  # every line, the title first
    path: tuple[str, ...]  # the headings above it, outermost first
    kind: str  # section | item | line | row
    group: tuple = ()
    order: int = 0
    cells: list[Line] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    subject: Subject | None = None
    companions: list[Record] = field(default_factory=list)
    dateline: str | None = None  # a date line just above it
    context_date: str | None = None  # what the date headings above it say, in reading order

    @property
    def links(self) -> list[Link]:
        out = [k for line in self.lines for k in line.links]
        for companion in self.companions:
            out.extend(companion.links)
        return out

    @property
    def all_lines(self) -> list[Line]:
        out = list(self.lines)
        for companion in self.companions:
            out.extend(companion.all_lines)
        return out

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.all_lines)

    @property
    def key(self) -> str | None:
        return subject_key(self.subject)


def subject_key(subject: Subject | None) -> str | None:
    return name_key(subject.name) if subject is not None else None


_KIND_WORDS = rx.compile(r"^(?:child|baby|adult|young person|family|mr|mrs|ms|miss|case|sar|scr) ")


_ADULT_LETTERS = rx.compile(r"^(?P<kind>adult|mr|mrs|ms|miss) (?P<letters>[a-z]{1,3}\d{0,3})$")


def same_subject(a: str | None, b: str | None) -> bool:
    """One subject under two names on a page: 'Child G' and 'G' (a bare letter code)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) <= 3 and " " not in short and _KIND_WORDS.sub("", long_) == short:
        return True
    # "Adult FF" and "Mr FF": one adult under two titles (but Mr A and Mrs A are two people).
    ka, kb = _ADULT_LETTERS.match(a), _ADULT_LETTERS.match(b)
    return bool(
        ka and kb and ka["letters"] == kb["letters"] and "adult" in (ka["kind"], kb["kind"])
    )


def thematic(text: str) -> bool:
    """A review of several cases, named for its topic ("Thematic review: …", "… Systemic Review")."""
    low = text.lower()
    return type_named(text) == "other" and ("themat" in low or "systemic" in low)


@lru_cache(maxsize=8192)
def title_subject(text: str) -> Subject | None:
    """The subject a title line names; none when the name opens a sentence about someone."""
    head = _first_sentence(text)
    if _FOOTNOTE.match(head):
        return None  # "* Unpublished: the board decided …" explains a mark, it titles nothing
    subject = subject_of(head, topic_ok=thematic(head) and len(head.split()) <= 14)
    if subject is None or is_speech(head, subject):
        return None
    if len(head.split()) > _TITLE_WORDS and (subject.start > 15 or not subject.strong):
        # In prose, only a name set off as a title counts ("SK: key themes on …", "Child Q –
        # …"), or one the sentence says the review is about ("… into the death of Marta").
        after = re.sub(r"^\s*[(\[][^)\]]{0,30}[)\]]", "", head[subject.start + len(subject.name) :])
        before = re.split(r"[.!?]\s", head[: subject.start])[-1]
        set_off = re.match(r"\s*[:–—|]|\s+-\s", after) and subject.start <= 60
        announced = re.search(r"(?i)\bpublish(?:ed|es|ing)\b", before)  # a press sentence
        about = _ABOUT.search(before[-60:])
        if not (set_off or announced or about):
            return None
    return subject


def _first_sentence(text: str, limit: int = 220) -> str:
    """A title's words: the line, or in prose its first sentence (a name later is a mention)."""
    m = re.search(r"(?<=[a-z0-9)”’\"'])[.!?](?=\s+[A-Z])", text[:limit])
    return text[: m.start() + 1] if m else text[:limit]


# "SAR Stanley", "CSPR Baby Mae": a review's type word right before its name
_TYPE_AND_NAME = rx.compile(
    rf"\b(?:{'|'.join(TYPE_ACRONYMS.values())})\s+(?P<name>(?:Child|Baby|Adult|Mr|Mrs|Ms)\s+\w+"
    r"|[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)\b"
)
_FOOTNOTE = rx.compile(r"^\s*(?:[*†‡]|\(\d\)|note\s*:)", re.I)
_ABOUT = rx.compile(
    r"(?i:(?:case|death|murder|killing|homicide|care|life) of\s*(?:the\s+late\s+)?|in relation to"
    rf"|in respect of|relating to|concerning|regarding|known as|referred to as|called|{_CALLS})"
    r"\s*[\"“‘']?$"
    rf"|(?i:{NAMED_TYPES.pattern})\s*[\"“‘']?$"
)
_MONTH_ONLY = rx.compile(
    r"(?i)^\W*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\W*$"
)


def _record(unit: Unit, path: tuple[str, ...], when: str | None = None) -> Record:
    lines = unit.all_lines() if unit.kind == "section" else list(unit.lines)
    title = unit.cells[0] if unit.kind == "row" and unit.cells else unit.title
    record = Record(
        title=title,
        lines=lines,
        path=path,
        kind=unit.kind,
        group=unit.group,
        order=unit.order,
        cells=unit.cells,
        header=unit.header,
        context_date=when,
    )
    record.subject = None if is_date_line(title.text) else title_subject(title.text)
    if record.subject is None and _known_by_type_and_date(title.text, unit.kind == "section"):
        record.subject = Subject(title.text, "dated", 0, "type and date")
    if record.subject is None and unit.kind == "row":
        # A row may put its name in a later cell ("June 2017 | Overview Report for Baby Q"):
        # that cell then titles the row.
        for cell in unit.cells[1:3]:
            found = subject_of(cell.text[:200])
            if found is not None and found.kind in ("subject", "number", "name", "letter"):
                record.subject, record.title = found, cell
                break
    return record


def _narrative_subject(record: Record) -> Subject | None:
    """Under a date heading, a review told as a story names its subject first: "Ann was a 77
    year old woman …", "KW's death …"."""
    for line in record.lines[1:4]:
        found = subject_of(_first_sentence(line.text))
        if found and found.start == 0 and found.kind in ("subject", "name", "letter"):
            after = line.text[len(found.name) :]
            if is_speech(line.text, found) or after.startswith(("'s", "’s", ",")):
                return Subject(found.name, found.kind, 0, "narrative")
    return None


def _known_by_type_and_date(title: str, section: bool) -> bool:
    """'Domestic Homicide Review - June 2017', or (heading documents) '2020': a review that
    names no one, known by its type and when it was published."""
    if not section and len(title.split()) > 10:
        return False  # the shortcut below, taken before the searches: nothing else says yes
    if is_plural_type(title) or not find_dates(title) or not_a_review(title):
        return False
    if section and is_date_line(title):
        return True
    if not type_named(title) or len(title.split()) > 10:
        return False
    # Nothing else in it: no name, no other words ("Recorded SAR session 24 January 2023" is a
    # companion, not a review).
    rest = strip_type_words(title)
    for found in reversed(find_dates(rest)):
        rest = rest[: found.start] + rest[found.end :]
    rest = re.sub(r"(?i)\b(?:published|publication|on|in|the|date)\b", " ", rest)
    return names_only_a_document(rest) or not re.search(r"[A-Za-z]{2,}", rest)


def _names_someone(record: Record) -> bool:
    return record.subject is not None and record.subject.kind in (
        "subject",
        "number",
        "name",
        "letter",
    )


def _review_like(record: Record) -> bool:
    """A record that looks like a review on its own: a subject, and a document, a date or a
    type word in its title."""
    if record.subject is None:
        return False
    title = record.title.text
    return bool(
        any(is_document_link(k.url, k.text, k.title) for k in record.links)
        or type_named(title)
        or any(d.role in ("published", "other") for d in dated(title))
    )


def _has_documents(records: list[Record]) -> bool:
    return any(is_document_link(k.url, k.text) for r in records for k in r.links)


def _section_is_one_record(head: str, inner: list[Record]) -> bool:
    # "FEBRUARY" under "2022:" is a date heading
    own = None if _MONTH_ONLY.match(head) else title_subject(head)
    own_key = subject_key(own)
    others = {r.key for r in inner if _names_someone(r) and not same_subject(r.key, own_key)}
    # Sections under it that are reviews known by their type and date count as others too.
    others |= {r.title.text for r in inner if r.subject and r.subject.kind == "dated"}
    if len(others) >= 2:
        return False  # a heading over several reviews
    if own is not None:
        return True
    if is_plural_type(head) or others:
        return False
    if type_named(head) and _known_by_type_and_date(head, True):
        return True  # "Domestic Homicide Review Published October 2014"
    # "2020" over documents that name no one: one review known by its date (and the page's
    # type), unless what is under it speaks of several reviews.
    several = any(is_plural_type(r.text) for r in inner)
    named = any(r.subject is not None for r in inner)
    return is_date_line(head) and _has_documents(inner) and not several and not named


class _Dating:
    """The date the headings read so far give to what follows: "2022:" then "SEPTEMBER" is
    September 2022. A heading of the same rank or above that is neither a date nor a category
    of reviews ends it."""

    def __init__(self):
        self.year = self.month = self.day = None
        self.rank = 99

    def read(self, text: str, rank: int) -> None:
        found = date_heading(text) if len(text) <= 80 else None
        if found is None:
            if rank <= self.rank and not is_plural_type(text):
                self.year = self.month = self.day = None
            return
        year, month, day = found
        if year:
            self.year, self.month, self.day, self.rank = year, month, day, rank
        elif self.year:
            self.month, self.day = month, day

    @property
    def iso(self) -> str | None:
        if not self.year:
            return None
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts[: 1 + bool(self.month) + bool(self.month and self.day)])


def candidates(
    units: list[Unit],
    path: tuple[str, ...] = (),
    dating: _Dating | None = None,
    page_url: str | None = None,
) -> list[Record]:
    """Every candidate record in reading order, each with the headings above it."""
    dating = dating or _Dating()
    out: list[Record] = []
    for unit in units:
        if unit.kind == "section":
            head = unit.title.text
            dating.read(head, unit.rank or 99)
            when = dating.iso
            inner = candidates(unit.children, (*path, head), dating, page_url)
            if _section_is_one_record(head, inner):
                # The section is one review, up to where another review's item starts (a
                # page that put "Child Q – Published …" under Child Zara's heading).
                own = subject_key(title_subject(head))
                cut = next(
                    (
                        i
                        for i, r in enumerate(inner)
                        if _names_someone(r) and not same_subject(r.key, own) and _review_like(r)
                    ),
                    len(inner),
                )
                record = _record(unit, path, when)
                if record.subject is not None and record.subject.kind == "dated":
                    record.subject = _narrative_subject(record) or record.subject
                if cut < len(inner):
                    first = inner[cut].title
                    at = next((i for i, k in enumerate(record.lines) if k is first), None)
                    record.lines = record.lines[:at]
                out.append(record)
                out.extend(inner[cut:])
            else:
                out.extend(inner)
        elif unit.kind != "heading":
            if _contents_entry(unit, page_url):
                continue
            lead = unit.title.text.split(":", 1)[0]
            if len(lead) <= 20 and ":" in unit.title.text and date_heading(lead):
                dating.read(lead, 99)  # "21st NOVEMBER: the Board is publishing …"
            out.extend(_several(_record(unit, path, dating.iso)))
    return attach_companions(out)


def _contents_entry(unit: Unit, page_url: str | None) -> bool:
    """An item whose only links jump within the page: a table of contents, not a record."""
    links = [k for line in unit.lines for k in line.links]
    return (
        bool(links)
        and all("#" in k.url for k in links)
        and all(not page_url or k.url.split("#")[0] in ("", page_url.split("#")[0]) for k in links)
    )


def _several(record: Record) -> list[Record]:
    """'… two Serious Case Reviews: Child LN and Child LP', '… for SAR Stanley. … the SAR
    Christopher report': a line naming several reviews gives each a record."""
    title = record.title.text
    named = []
    if is_plural_type(title):
        named = [name for _, name in find_pseudonyms(title[:400])]
    if len(set(named)) < 2:
        named = [m.group("name") for m in _TYPE_AND_NAME.finditer(title[:400])]
        named = [n for n in named if looks_like_name(n) and not is_generic_name(n)]
    named = list(dict.fromkeys(named))
    if len(named) < 2:
        return [record]
    return [
        replace(
            record,
            subject=Subject(name, "subject", title.find(name), "several named"),
            # Each keeps only the links that name it (a shared link belongs to none).
            lines=[_links_naming(line, name) for line in record.lines],
            title=_links_naming(record.title, name),
        )
        for name in named
    ]


def _links_naming(line: Line, name: str) -> Line:
    key = re.sub(r"[^a-z0-9]+", "", name.lower())

    def names(link) -> bool:
        words = re.sub(r"[^a-z0-9]+", "", f"{link.text} {link.url}".lower())
        return key in words

    return Line(line.text, [k for k in line.links if names(k)], line.bold, line.tag)
