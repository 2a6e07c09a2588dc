"""NSPCC repository entries: ``YEAR - AREA - NAME`` headings followed by a summary, labelled
sections and a "Read ..." link. The same shape appears on partnership pages that copy national
entries for their staff, so it lives here rather than in one spider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import patterns as rx
from ...normalise.areas import resolve_area
from ...normalise.dates import normalise_date
from ...normalise.names import FILE_MARK
from ...normalise.vocabulary import ANY_TYPE
from ...schema import ReviewContent
from ..blocks import Block, blocks_of
from ..documents import classify_document
from ..review import Review
from . import Claim

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_HEAD = rx.compile(
    rf"^\s*(?:(?P<month>{_MONTHS})\.?\s*)?(?P<year>(?:19|20)\d\d)(?![\d/])\s*(?P<rest>.+)$", re.I
)
_DOCUMENT_WORDS = rx.compile(r"\b(?:report|summary|briefing|review|published)\b", re.I)
# A separator: a dash of any kind with space on at least one side, or a colon/pipe.
_SEP = rx.compile(r"\s*[–—]\s*|\s+-\s*|\s*-\s+|\s*[:|]\s+")
_READ_LINK = rx.compile(
    r"^\W*(?:read|view|download|access)\b.{0,40}\b(?:report|review|summary|briefing|case|here)\b",
    re.I,
)

# Labels, longest first within a field so "Recommendations include" beats "Recommendations".
_LABELS: list[tuple[str, str]] = [
    (
        "recommendations",
        r"recommendations to the (?:partnership|board|lscb|lscp|safeguarding partners) include",
    ),
    ("recommendations", r"recommendations include"),
    ("recommendations", r"recommendations"),
    ("themes", r"learning themes include"),
    ("themes", r"learning includes"),
    ("themes", r"learning focuses on"),
    ("themes", r"issues identified include"),
    ("themes", r"key issues(?:\s*:\s*includ(?:e|es|ed))?"),
    ("themes", r"key learning(?: points)?"),
    ("themes", r"learning(?: points)?"),
    ("themes", r"includes"),
    ("background", r"background"),
    ("response", r"response"),
    ("model", r"model|methodology"),
    ("keywords", r"keywords|key words"),
]
# Labels start a line; "Learning focuses on:" may also sit inside a sentence.
_LABEL_RE = rx.compile(
    r"(?:(?<=\n)|^|(?<=[.;]\s)|(?<=[.;]))\s*(?:"
    + "|".join(f"(?P<l{i}>{p})" for i, (_, p) in enumerate(_LABELS))
    + r")\s*:\s*"
    r"|(?P<inline>learning focuses on)\s*:\s*",
    re.I,
)


@dataclass
class Heading:
    year: int
    month: str | None
    area_text: str
    name: str


@dataclass
class Entry(ReviewContent):
    heading: str
    year: int
    month: str | None
    area_text: str
    name: str
    report_url: str | None = None
    report_text: str | None = None
    text: str = ""

    @property
    def published_text(self) -> str:
        return f"{self.month} {self.year}" if self.month else str(self.year)


def parse_heading(text: str) -> Heading | None:
    """``2024 – Eastford - Baby R`` -> (2024, None, 'Eastford', 'Baby R'); None if not that shape."""
    text = re.sub(r"\s+", " ", text or "").strip()
    m = _HEAD.match(text)
    if not m or len(text) > 160:
        return None
    rest = m.group("rest").strip()
    rest = re.sub(r"^[–—:|-]\s*", "", rest)
    parts = [p.strip() for p in _SEP.split(rest, maxsplit=1) if p and p.strip()]
    if len(parts) == 2:
        area_text, name = parts
    else:
        area_text, name = _split_without_separator(rest)
        if not area_text:
            return None
    if not re.search(r"[A-Za-z]", area_text) or not re.search(r"[A-Za-z0-9]", name):
        return None
    if len(area_text) > 70 or len(name) > 90:
        return None
    if ANY_TYPE.search(area_text) or _DOCUMENT_WORDS.search(area_text):
        return None  # "2022 SAR Report – 'Joan'" is a year-first title, not year – area – name
    month = m.group("month")
    return Heading(int(m.group("year")), month.capitalize() if month else None, area_text, name)


def _split_without_separator(rest: str) -> tuple[str | None, str]:
    """'Westvale Child J': the longest leading run of words that is a known area."""
    words = rest.split()
    for n in range(min(6, len(words) - 1), 0, -1):
        candidate = " ".join(words[:n])
        if resolve_area(candidate):
            return candidate, " ".join(words[n:])
    return None, rest


def is_entry_heading(block: Block) -> bool:
    if not block.text or len(block.text) > 160:
        return False
    heading = parse_heading(block.text)
    if heading is None:
        return False
    if block.is_heading:
        return True
    # A plain line counts only when its area is recognisable, or it reads like a name.
    return resolve_area(heading.area_text) is not None


def split_list(text: str | None, separators: str = ";") -> list[str]:
    """'a; b; and c.' -> ['a', 'b', 'c']."""
    if not text:
        return []
    text = re.sub(r"^\s*(?:includ(?:e|es|ed|ing))\b\s*:?\s*(?=\S)", "", text.strip(), flags=re.I)
    items = re.split(f"[{re.escape(separators)}]", text)
    out = []
    for i, item in enumerate(items):
        item = item.strip().rstrip(".").strip()
        if i == len(items) - 1 and len(items) > 1:
            item = re.sub(r"^and\s+", "", item, flags=re.I)
        if item:
            out.append(item)
    return out


def _looks_like_keyword_line(text: str) -> bool:
    """The unlabelled keyword line of 2012-13: short comma-separated phrases, no sentence."""
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if len(parts) < 3 or text.rstrip().endswith("."):
        return False
    return all(len(p.split()) <= 5 for p in parts)


def parse_sections(text: str) -> tuple[str, dict[str, list[str]]]:
    """Split entry text into the unlabelled lead and the labelled sections (in order)."""
    matches = list(_LABEL_RE.finditer(text))
    lead = text[: matches[0].start()] if matches else text
    sections: dict[str, list[str]] = {}
    for i, m in enumerate(matches):
        if m.group("inline"):
            fieldname = "themes"
        else:
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v and k.startswith("l"))
            fieldname = _LABELS[index][0]
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[m.end() : end].strip()
        if body:
            sections.setdefault(fieldname, []).append(body)
    return lead, sections


def parse_entry(heading_block: Block, body: list[Block]) -> Entry | None:
    heading = parse_heading(heading_block.text)
    if heading is None:
        return None
    entry = Entry(
        heading=heading_block.text,
        year=heading.year,
        month=heading.month,
        area_text=heading.area_text,
        name=heading.name,
    )
    lines: list[str] = []
    for block in body:
        read = next((link for link in block.links if _READ_LINK.match(link.text)), None)
        if read and entry.report_url is None:
            entry.report_url, entry.report_text = read.url, read.text
            rest = (block.text[: read.start] + block.text[read.end :]).strip(" >›»-–")
            rest = FILE_MARK.sub("", rest).strip(" >›»-–")
            if rest:
                lines.append(rest)
            continue
        if re.fullmatch(r"[>›»\s]*", block.text):
            continue
        lines.append(block.text)
    entry.text = "\n".join(lines)
    lead, sections = parse_sections(entry.text)
    unlabelled_keywords: list[str] = []

    def keep(line: str, first: bool) -> bool:
        # The 2012-13 keyword line has no label: pull it out of whatever section it follows.
        if not first and "keywords" not in sections and _looks_like_keyword_line(line):
            unlabelled_keywords.extend(split_list(line, ",;"))
            return False
        return True

    lead_lines = [line.strip() for line in lead.split("\n") if line.strip()]
    lead_lines = [line for i, line in enumerate(lead_lines) if keep(line, i == 0)]
    if lead_lines:
        entry.summary = lead_lines[0]
    for name, bodies in sections.items():
        cleaned = []
        for body_text in bodies:
            body_lines = [line.strip() for line in body_text.split("\n") if line.strip()]
            body_lines = [line for i, line in enumerate(body_lines) if keep(line, i == 0)]
            if body_lines:
                cleaned.append("\n".join(body_lines))
        sections[name] = cleaned
    entry.themes = [
        item
        for body_text in sections.get("themes", [])
        for line in body_text.split("\n")
        for item in split_list(line)
    ]
    entry.recommendations = _joined(sections.get("recommendations"), strip_include=True)
    if sections.get("keywords"):
        keywords = " ".join(sections["keywords"]).replace("\n", ";")
        # "a; b, c; d": with semicolons, commas belong inside a keyword ("Gypsy, Roma and Traveller").
        entry.keywords = split_list(keywords, ";" if ";" in keywords else ",")
    else:
        entry.keywords = unlabelled_keywords
    entry.background = _joined(sections.get("background"))
    entry.response = _joined(sections.get("response"))
    entry.model = _joined(sections.get("model"))
    return entry


def _joined(parts: list[str] | None, strip_include: bool = False) -> str | None:
    if not parts:
        return None
    text = " ".join(p.replace("\n", " ").strip() for p in parts).strip()
    if strip_include:  # "Recommendations: include better training" (but not "includes" -> "s")
        text = re.sub(r"^\s*includ(?:es|ed|e)\b\s*:?\s*", "", text, flags=re.I) or text
    return text or None


def entries_from_blocks(blocks: list[Block]) -> list[tuple[Entry, int, int]]:
    """Every NSPCC-style entry in ``blocks``: (entry, index of heading, index after its body)."""
    starts = [i for i, b in enumerate(blocks) if is_entry_heading(b)]
    found = []
    for n, start in enumerate(starts):
        limit = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        end = start + 1
        heading_level = blocks[start].level or 7
        while end < limit:
            block = blocks[end]
            if block.is_heading and block.level <= heading_level and not _is_label_heading(block):
                break
            end += 1
            if any(_READ_LINK.match(link.text) for link in block.links):
                break
        entry = parse_entry(blocks[start], blocks[start + 1 : end])
        if entry is not None:
            found.append((entry, start, end))
    return found


def _is_label_heading(block: Block) -> bool:
    """A bold 'Key issues:' line inside an entry is a label, not the end of the entry."""
    return bool(_LABEL_RE.match(block.text + ("" if ":" in block.text else ":")))


# -- the adapter hook --------------------------------------------------------------------------


def review_of(entry: Entry) -> Review:
    review = Review(
        name=entry.name,
        title=entry.heading,
        subject_kind="subject",
        area_text=entry.area_text,
        published=f"{entry.year}" if not entry.month else None,
        type_text=" ".join(filter(None, [entry.heading, entry.summary, entry.model])),
        evidence={"adapter": "nspcc", "entry": entry.heading},
        **entry.content(),
    )
    review.published = normalise_date(entry.published_text)
    if entry.report_url:
        kind = classify_document(entry.report_text, url=entry.report_url)
        review.add_document(entry.report_url, kind, entry.report_text)
    return review


def claim(page, units, context) -> Claim | None:
    """NSPCC-style entries, on the NSPCC's pages or copied onto a board's."""
    blocks = blocks_of(units)
    found = entries_from_blocks(blocks)
    if not found:
        return None
    reviews, taken = [], []
    for entry, start, end in found:
        reviews.append(review_of(entry))
        taken.extend(b.unit for b in blocks[start:end] if b.unit is not None)
    return Claim(reviews, taken)
