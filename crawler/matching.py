"""When two sightings are one review: a scored matcher, pure and order-free.

Each pair of sightings is judged on its own evidence, so the reviews the store builds (the
connected groups of matching sightings) are the same whatever order sources are harvested in.

Evidence and its weight:

    subject      the same subject key 3; "R" and "Child R", "Adult FF" and "Mr FF" 2 (only on
                 the same source, or the same area and year; never two entries of one page);
                 different subjects: never
    area         the same area, or overlapping authority codes 2; one unknown or Anonymous 0;
                 different areas, or national and local: never
    year         the same year 1, a year apart 0.5, further apart: never (unless the same source
                 lists the same file for the same subject: a page that corrected its date); the same
                 month too +1
    type         the same type 1; two different types -1
    report       a full report or executive summary both list, that no sighting of another
                 subject lists 3 (a press statement shared by two reviews is no evidence)
    summary      summaries sharing half their words 1
    source       both from the same source 1

Two sightings are one review at 5 points; when either says little on its own (no subject, a
topic, a type and date, an unnamed area such as the NSPCC's "Anonymous"), at 6.5.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import patterns as rx
from .normalise.subject_key import DIFFERENT, MAYBE, SAME, SubjectKey, compare

REPORT_KINDS = ("full_report", "executive_summary")
THRESHOLD = 5.0
GENERIC_THRESHOLD = 6.5
UNKNOWN_AREAS = (None, "", "Anonymous")
_WORD = rx.compile(r"[a-z]{4,}")
_STOP = {"this", "that", "with", "from", "were", "which", "their", "there", "have", "been",
         "review", "child", "children", "after", "about", "into", "when", "where", "what"}  # fmt: skip


@dataclass(frozen=True)
class Sighting:
    id: str
    source: str
    key: SubjectKey | None
    area: str | None = None
    area_codes: frozenset[str] = frozenset()
    published: str | None = None
    review_type: str | None = None
    reports: frozenset[str] = frozenset()
    files: frozenset[str] = frozenset()  # every document it lists
    summary: str | None = None
    words: frozenset[str] = field(default=frozenset(), compare=False)
    url: str = ""  # the page it was listed on

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published and self.published[:4].isdigit() else None

    @property
    def generic(self) -> bool:
        return self.key is None or self.key.generic or self.area in UNKNOWN_AREAS


def summary_words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((text or "").lower()) if w not in _STOP)


@dataclass
class Match:
    score: float
    evidence: dict[str, float]
    same: bool
    veto: str | None = None

    def as_dict(self) -> dict:
        out = {"score": round(self.score, 2), "evidence": self.evidence}
        if self.veto:
            out["veto"] = self.veto
        return out


def _no(why: str) -> Match:
    return Match(0.0, {}, False, why)


def match(a: Sighting, b: Sighting, shared_elsewhere: Callable[[str], bool] | None = None) -> Match:
    """Whether ``a`` and ``b`` are one review, with the evidence. ``shared_elsewhere(url)``
    says a report is also listed by a sighting of some other subject."""
    evidence: dict[str, float] = {}
    national = (a.area == "National", b.area == "National")
    if national[0] != national[1]:
        return _no("national and local")
    if a.area not in UNKNOWN_AREAS and b.area not in UNKNOWN_AREAS:
        if a.area == b.area or (a.area_codes & b.area_codes):
            evidence["area"] = 2.0
        else:
            return _no("different areas")
    ya, yb = a.year, b.year
    verdict = compare(a.key, b.key)
    same_file = bool(a.files & b.files) and verdict == SAME and a.source == b.source
    if ya and yb and not (same_file and abs(ya - yb) > 1):
        if abs(ya - yb) > 1:
            return _no("years apart")
        evidence["year"] = 1.0 if ya == yb else 0.5
        if (
            ya == yb
            and len(a.published or "") >= 7
            and (a.published or "")[:7] == (b.published or "")[:7]
        ):
            evidence["month"] = 1.0
    same_source = a.source == b.source
    if same_source:
        evidence["source"] = 1.0
    if verdict == DIFFERENT:
        return _no("different subjects")
    if verdict == SAME:
        evidence["subject"] = 3.0
    elif verdict == MAYBE:
        one_page = same_source and a.url == b.url and a.url
        if one_page and "letter" not in (a.key.kind, b.key.kind):
            return _no("one page, two subjects")  # "Baby A" and "Child A" listed apart
        if not (same_source or ("area" in evidence and ya and ya == yb)):
            return Match(0.0, {}, False)  # alike, with nothing else in common: not joined here
        evidence["subject"] = 2.0
    if a.review_type and b.review_type:
        evidence["type"] = 1.0 if a.review_type == b.review_type else -1.0
    reports = a.reports & b.reports
    if reports and not all(shared_elsewhere and shared_elsewhere(url) for url in reports):
        evidence["report"] = 3.0
    if a.words and b.words:
        overlap = len(a.words & b.words) / max(1, min(len(a.words), len(b.words)))
        if overlap >= 0.5 and min(len(a.words), len(b.words)) >= 4:
            evidence["summary"] = 1.0
    score = sum(evidence.values())
    needed = GENERIC_THRESHOLD if (a.generic or b.generic) else THRESHOLD
    return Match(score, evidence, score >= needed)


def groups(sightings: list[Sighting], shared_elsewhere=None) -> tuple[list[list[Sighting]], dict]:
    """The groups of matching sightings (each a review), and the matches that joined them:
    {sighting id: [(other id, Match), ...]}.

    Strongest matches first; two groups join only if no pair across them is ruled out (a
    different area, subject or decade), so an unnamed sighting cannot chain two boards' reviews
    together. The result depends only on the sightings, never on their order."""
    ordered = sorted(sightings, key=lambda s: s.id)
    results: dict[tuple[str, str], Match] = {}
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            results[(a.id, b.id)] = match(a, b, shared_elsewhere)

    def pair(x: str, y: str) -> Match:
        return results[(x, y) if x < y else (y, x)]

    members = {s.id: [s.id] for s in ordered}
    group_of = {s.id: s.id for s in ordered}
    joined: dict[str, list] = {s.id: [] for s in ordered}
    edges = sorted(
        ((m.score, a, b) for (a, b), m in results.items() if m.same),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    for _, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            joined[a].append((b, pair(a, b)))
            joined[b].append((a, pair(a, b)))
            continue
        if any(pair(x, y).veto for x in members[ga] for y in members[gb]):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        for x in members[gone]:
            group_of[x] = keep
        members[keep].extend(members.pop(gone))
        joined[a].append((b, pair(a, b)))
        joined[b].append((a, pair(a, b)))
    by_id = {s.id: s for s in ordered}
    out = [[by_id[x] for x in sorted(ids)] for ids in members.values()]
    return sorted(out, key=lambda g: g[0].id), joined
