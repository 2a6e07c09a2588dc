"""Classify: is a candidate record a review? A small logistic model over named features.

Every feature is a number between 0 and 1 computed from the record, its section path, the page
and the registry; none names a board, a page or a phrasing. The weights live in
``model.json`` (fitted on the answer files by ``bench/accuracy.py --fit``, leave-one-site-out
figures printed beside them). Each decision keeps its features and their contributions, so a
harvest can say why a row is there, or why a record was left out.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .. import patterns as rx
from ..normalise.names import known_first_names
from ..normalise.vocabulary import NOT_A_REVIEW, is_plural_type, not_a_review, type_named
from .documents import classify_document, is_document_link
from .fields import dated, is_date_line, status_of
from .records import Record, _review_like

MODEL_PATH = Path(__file__).with_name("model.json")

FEATURES = (
    "subject",  # a pseudonym or a code in the title: Child Q, Mr Z, Adult D, ABSB 06-2021
    "numbered",  # a numbered review: DHR 12
    "name",  # a first name or a short name in the title: Jasmine, SK
    "first_name",  # ... made of known first names (Jasmine, Pauline and George)
    "letter",  # a one-letter pseudonym standing alone: A – 2018
    "topic",  # a thematic review's topic
    "dated",  # a review that names no one, known by its type and date: DHR - June 2017
    "unnamed",  # it names no subject at all
    "type_title",  # the title says one review's type
    "type_near",  # the record's other lines say a review type
    "type_context",  # the headings above it, the page or the registry say what is listed
    "briefings",  # the page or its headings are about briefings (most items are topics)
    "document",  # it links a document
    "report",  # ... a report or an executive summary
    "own_host",  # ... on the board's own site
    "date",  # it gives a publication date
    "status",  # it says the review is delayed, unpublished or removed
    "detail",  # its title links a page of its own on the site
    "siblings",  # the share of its same-shaped siblings that name a subject
    "deny",  # its title is about something else: guidance, training, a form, a report on many
    "deny_context",  # a heading above it is about something else ("Audits and guidance")
    "plural",  # its title speaks of reviews in the plural
    "sentence",  # its title is a long sentence
    "nav",  # a bare link to another page of the site, naming no one
    "external",  # every link leaves the site
)

DENY = NOT_A_REVIEW
# A page of briefings ("7 Minute Briefings", "Learning summaries"): most items are topics.
BRIEFINGS = rx.compile(r"(?i)\bbriefings\b|\b(?:7|seven)[ -]?minute\b|\blearning summaries\b")
_READ_MORE = rx.compile(r"^\W*(?:read|find out|learn|see|view)?\s*more\b|^\W*read the\b", re.I)


@dataclass
class Context:
    """What every record on a page shares: the page, and what the registry says of its board."""

    host: str
    page_context: str  # the page's title, h1, breadcrumb and URL words
    lists: str | None = None  # the review type the registry says the source lists
    detail_for: str | None = None


@dataclass
class Decision:
    score: float
    kept: bool
    features: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)
    _dict: dict | None = field(default=None, init=False, repr=False, compare=False)

    def explain(self, limit: int = 4) -> str:
        """The strongest reasons, for a log line: 'kept 0.93: subject +2.1, document +1.4'."""
        top = sorted(self.contributions.items(), key=lambda kv: -abs(kv[1]))[:limit]
        reasons = ", ".join(f"{name} {value:+.1f}" for name, value in top if value)
        return f"{'kept' if self.kept else 'left out'} {self.score:.2f}: {reasons}"

    def as_dict(self) -> dict:
        """The decision as evidence (worked out once: a kept record's is asked twice)."""
        if self._dict is None:
            self._dict = {
                "score": round(self.score, 3),
                "features": {k: round(v, 3) for k, v in self.features.items() if v},
                "contributions": {k: round(v, 3) for k, v in self.contributions.items() if v},
            }
        return {**self._dict}


@lru_cache(maxsize=16384)
def _site(url: str) -> str:
    """The host without 'www.' ('' for a link with none)."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


@lru_cache(maxsize=16384)
def _web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def _same_site(host: str, url: str) -> bool:
    other = _site(url)
    return bool(other) and other == host.removeprefix("www.")


def features(
    record: Record,
    context: Context,
    groups: dict[tuple, list[Record]],
    alike: dict[int, bool] | None = None,
) -> dict:
    """The record's features; ``alike`` says which records look like reviews on their own."""
    if alike is None:
        alike = {id(r): _review_like(r) for group in groups.values() for r in group}
    title = record.title.text
    kind = record.subject.kind if record.subject else None
    body = " ".join(line.text for line in record.all_lines[1:])[:800]
    links = [k for k in record.links if _web(k.url)]
    documents = [k for k in links if is_document_link(k.url, k.text, k.title)]
    kinds = {classify_document(k.text, title, url=k.url) for k in documents}
    plural = is_plural_type(title)
    type_title = bool(type_named(title)) and not plural
    path = " | ".join(reversed(record.path))
    published = [d for d in dated(title) if d.role in ("published", "other")] or [
        d for line in record.all_lines[1:] for d in dated(line.text) if d.role == "published"
    ]
    dated_line = any(is_date_line(line.text) for line in record.all_lines) or record.dateline
    title_links = record.title.links
    group = groups.get(record.group, [])
    siblings = len(group) - 1
    named = sum(1 for r in group if r is not record and alike.get(id(r)))
    return {
        "subject": float(kind == "subject"),
        "numbered": float(kind == "number"),
        "name": float(kind == "name"),
        "first_name": float(kind == "name" and known_first_names(record.subject.name)),
        "letter": float(kind == "letter"),
        "topic": float(kind == "topic"),
        "dated": float(kind == "dated"),
        "unnamed": float(kind is None),
        "type_title": float(type_title),
        "type_near": float(bool(type_named(body))),
        "briefings": float(bool(BRIEFINGS.search(f"{path} | {context.page_context}"))),
        "type_context": float(
            bool(type_named(path) or type_named(context.page_context) or context.lists)
        ),
        "document": float(bool(documents)),
        "report": float(bool(kinds & {"full_report", "executive_summary"})),
        "own_host": float(any(_same_site(context.host, k.url) for k in documents)),
        "date": float(bool(published or dated_line)),
        "status": float(status_of(record.text[:1500]) not in (None, "published")),
        "detail": float(
            any(_same_site(context.host, k.url) and k not in documents for k in title_links)
            or any(_READ_MORE.match(k.text) and _same_site(context.host, k.url) for k in links)
        ),
        "siblings": named / siblings if siblings > 0 else 0.0,
        "deny": float(not_a_review(title)),
        "deny_context": float(any(not_a_review(h) for h in record.path[1:])),
        "plural": float(plural),
        "sentence": float(len(title.split()) > 16),
        "nav": float(
            len(record.all_lines) == 1
            and len(links) == 1
            and not documents
            and kind is None
            and not type_title
        ),
        "external": float(bool(links) and not any(_same_site(context.host, k.url) for k in links)),
    }


class Model:
    """Logistic regression over FEATURES: p = 1 / (1 + e^-(bias + Σ w·x))."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5))

    def save(self, path: Path = MODEL_PATH, **notes) -> None:
        data = {
            "bias": round(self.bias, 4),
            "threshold": self.threshold,
            "weights": {k: round(self.weights.get(k, 0.0), 4) for k in FEATURES},
            **notes,
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def decide(self, values: dict[str, float]) -> Decision:
        contributions = {k: self.weights.get(k, 0.0) * v for k, v in values.items()}
        z = self.bias + sum(contributions.values())
        score = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
        return Decision(score, score >= self.threshold, values, contributions)


_MODEL: Model | None = None


def default_model() -> Model:
    global _MODEL
    if _MODEL is None:
        _MODEL = Model.load()
    return _MODEL


def classify(records: list[Record], context: Context, model: Model | None = None):
    """Each record with its decision, in reading order."""
    model = model or default_model()
    groups: dict[tuple, list[Record]] = {}
    for record in records:
        groups.setdefault(record.group, []).append(record)
    alike = {id(r): _review_like(r) for r in records}
    return [(r, model.decide(features(r, context, groups, alike))) for r in records]


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 1.0, steps: int = 30) -> Model:
    """Weights by Newton's method on the log loss with an L2 penalty on the weights (not the
    bias): small, deterministic and inspectable."""
    names = ["bias", *FEATURES]
    data = [([1.0, *(values.get(k, 0.0) for k in FEATURES)], label) for values, label in rows]
    w = [0.0] * len(names)
    for _ in range(steps):
        grad = [l2 * w[i] if i else 0.0 for i in range(len(names))]
        hess = [
            [(l2 if i == j and i else 0.0) for j in range(len(names))] for i in range(len(names))
        ]
        for x, y in data:
            z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            for i, xi in enumerate(x):
                if not xi:
                    continue
                grad[i] += (p - y) * xi
                for j, xj in enumerate(x):
                    if xj:
                        hess[i][j] += p * (1 - p) * xi * xj
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(si) for si in step) < 1e-6:
            break
    return Model(dict(zip(FEATURES, w[1:], strict=True)), w[0])


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a·x = b (Gaussian elimination with partial pivoting; a is small and regularised)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            m[col][col] = 1e-12
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x
