"""Offline harvests of saved pages through the real spider callbacks and pipelines, and their
comparison with the answer files in tests/expected/. Used by the accuracy tests and by
bench/accuracy.py, which prints the per-field numbers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import scrapy
import yaml
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.database import ReviewStore
from crawler.items import ReviewItem
from crawler.normalise.names import name_key, normalise_pseudonym, review_name
from crawler.normalise.subject_key import key_for
from crawler.normalise.vocabulary import KINDS
from crawler.pipelines.clean import CleanPipeline
from crawler.pipelines.normalise import NormalisePipeline
from crawler.pipelines.store import source_kind_for
from crawler.pipelines.validate import ValidatePipeline
from crawler.replay import snapshot_path, sniff_content_type

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "snapshot"
EXPECTED = ROOT / "tests" / "expected"
SEEN_AT = "2026-01-01T00:00:00Z"


def offline_response(url: str, request: Request | None = None, root: Path = SNAPSHOT):
    """The saved copy of ``url`` as a response, or a 404 response when none is saved."""
    request = request or Request(url)
    path = snapshot_path(root, url)
    if path is None:
        return HtmlResponse(url=url, status=404, body=b"", request=request)
    body = path.read_bytes()
    kind = sniff_content_type(path, body)
    cls = HtmlResponse if "html" in kind else TextResponse
    return cls(
        url=url, body=body, encoding="utf-8", request=request, headers={"Content-Type": kind}
    )


def crawl_offline(spider, start_requests: list[Request], root: Path = SNAPSHOT, limit: int = 500):
    """Run ``spider``'s callbacks over saved pages, following its requests; returns items."""
    queue = list(start_requests)
    seen: set[str] = set()
    items = []
    while queue and len(seen) < limit:
        request = queue.pop(0)
        if request.url in seen:
            continue
        seen.add(request.url)
        response = offline_response(request.url, request, root)
        if response.status != 200:
            if request.errback is None:
                continue
            failure = Failure(HttpError(response, f"HTTP {response.status}"))
            failure.request = request
            results = request.errback(failure)
        else:
            results = request.callback(response)
        for result in results or []:
            if isinstance(result, scrapy.Request):
                queue.append(result)
            else:
                items.append(result)
    return items


def store_items(items, db_path: Path) -> ReviewStore:
    """Items through clean, normalise and validate, then stored; dropped items are skipped."""
    store = ReviewStore(db_path)
    pipelines = [CleanPipeline(), NormalisePipeline(), ValidatePipeline()]
    for item in items:
        if not isinstance(item, ReviewItem):
            continue  # bookkeeping (pages parsed, documents checked), not a review
        try:
            for pipeline in pipelines:
                item = pipeline.process_item(item)
        except DropItem:
            continue
        data = dict(item)
        store.save_review(
            data, source=data["source"], source_kind=source_kind_for(item), seen_at=SEEN_AT
        )
    return store


def load_expected(kind: str) -> dict[str, dict]:
    out = {}
    for path in sorted((EXPECTED / kind).glob("*.yml")):
        with open(path, encoding="utf-8") as fh:
            out[path.stem] = yaml.safe_load(fh)
    return out


_TYPE_ACRONYMS = [
    (re.compile(rf"\b{name}s?\b", re.I), kind.acronyms[0])
    for kind in KINDS
    if kind.acronyms and not kind.weak
    for name in kind.names
]


def _canonical(text: str) -> str:
    """Type names as their acronyms and numbers without leading zeros, so that an unnamed
    review's "Domestic Homicide Review 004" and "DHR 4" are one key."""
    for pattern, acronym in _TYPE_ACRONYMS:
        text = pattern.sub(acronym, text)
    return re.sub(r"\b0+(\d)", r"\1", text)


_KIND_BEFORE_NAME = re.compile(r"^(?:Case\s+|(?:Child|Adult|Baby|Young Person)\s+(?=[A-Z][a-z]))")


def expected_key(name: str) -> str | None:
    # "Child Joe" and "Joe", "Adult Ian" and "Ian": the kind before a first name is decoration
    name = _KIND_BEFORE_NAME.sub("", _canonical(str(name)))
    return name_key(review_name(name) or name)


def expected_keys(name: str) -> set[str]:
    """The keys an answer's name may be stored under: the plain key, and the store's
    structured subject key ("children m n", "code cysur 2-2023", "exploitation sexual")."""
    keys = {expected_key(name)}
    for text in (str(name), _canonical(str(name))):
        found = key_for(normalise_pseudonym(text), review_name(text) or text)
        if found is not None:
            keys.add(found.text)
    return {k for k in keys if k}


def stored_reviews(store: ReviewStore, source: str) -> list[dict]:
    rows = store.conn.execute(
        "SELECT DISTINCT r.* FROM reviews r JOIN review_sources rs ON rs.review_id = r.id "
        "WHERE rs.source = ? ORDER BY r.id",
        (source,),
    ).fetchall()
    reviews = []
    for row in rows:
        review = dict(row)
        review["source_titles"] = [
            r[0]
            for r in store.conn.execute(
                "SELECT source_title FROM review_sources WHERE review_id = ? AND source = ?",
                (row["id"], source),
            )
            if r[0]
        ]
        review["documents"] = [
            dict(d)
            for d in store.conn.execute(
                "SELECT url, kind, title FROM documents WHERE review_id = ? ORDER BY url",
                (row["id"],),
            )
        ]
        reviews.append(review)
    return reviews


def _keys_of(review: dict) -> set[str]:
    keys = {review["name_key"]}
    if review["name_key"]:
        # The same decoration stripped from the stored key as from the answer's name.
        keys.add(
            re.sub(r"^(?:case|child|adult|baby|young person) (?=[a-z]{2})", "", review["name_key"])
        )
    for text in (review.get("pseudonym"), review.get("title"), *review.get("source_titles", [])):
        if text:
            keys.add(expected_key(text))
    return {k for k in keys if k}


@dataclass
class Comparison:
    expected: int = 0
    found: int = 0
    extra: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    wrong: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    def score(self, name: str, right: bool) -> None:
        tally = self.fields.setdefault(name, [0, 0])
        tally[0] += int(right)
        tally[1] += 1

    def add(self, other: Comparison) -> None:
        self.expected += other.expected
        self.found += other.found
        self.extra += other.extra
        self.missing += other.missing
        self.wrong += other.wrong
        self.forbidden += other.forbidden
        for name, (right, total) in other.fields.items():
            tally = self.fields.setdefault(name, [0, 0])
            tally[0] += right
            tally[1] += total

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        returned = self.found + len(self.extra)
        return self.found / returned if returned else 1.0


def _match(expected: dict, actual: list[dict]) -> dict | None:
    keys = expected_keys(str(expected["name"]))
    for review in actual:
        if keys & _keys_of(review) and review["area"] == expected.get("area"):
            return review
    return None


def forbidden(answer: dict, actual: list[dict], label: str) -> list[str]:
    """The answer's not_reviews texts that became a review anyway (``actual``: the reviews that
    matched no listed review)."""
    found = []
    listed = {expected_key(str(r["name"])) for r in answer.get("reviews") or []}
    for text in answer.get("not_reviews") or []:
        key = expected_key(str(text))
        if key in listed:
            continue  # it names a listed review (a document's file name): nothing to tell apart
        for review in actual:
            if key and (
                key in _keys_of(review) or name_key(review["title"]) == name_key(str(text))
            ):
                found.append(f"{label}: {text!r} became {review['id']}")
    return found


def compare_partnership(answer: dict, actual: list[dict]) -> Comparison:
    """Recall, precision and per-field accuracy of one source's stored reviews."""
    result = Comparison()
    used = set()
    for expected in answer.get("reviews") or []:
        result.expected += 1
        review = _match(expected, actual)
        label = f"{answer['source']}: {expected['name']} ({expected.get('area')})"
        if review is None:
            result.missing.append(label)
            continue
        used.add(review["id"])
        result.found += 1
        checks = {
            "review_type": (review["review_type"], expected.get("review_type")),
            "published": (review["published"], _iso(expected.get("published"))),
            "status": (review["status"], expected.get("status", "published")),
        }
        want_docs = {(d["url"], d["kind"]) for d in expected.get("documents") or []}
        got_docs = {(d["url"], d["kind"]) for d in review["documents"]}
        checks["documents"] = (sorted(got_docs), sorted(want_docs))
        for name, (got, want) in checks.items():
            right = got == want
            result.score(name, right)
            if not right:
                result.wrong.append(f"{label}: {name} {got!r} != {want!r}")
    optional = answer.get("optional") or []
    for review in actual:
        if review["id"] in used:
            continue
        if any(_match(o, [review]) for o in optional):
            continue
        result.extra.append(f"{answer['source']}: {review['title']!r} -> {review['area']}")
    extras = [r for r in actual if r["id"] not in used]
    result.forbidden += forbidden(answer, extras, answer["source"])
    return result


def compare_nspcc(answer: dict, actual: list[dict]) -> Comparison:
    """Per-field accuracy of one NSPCC page's entries."""
    result = Comparison()
    used = set()
    for expected in answer.get("entries") or []:
        result.expected += 1
        review = _match(expected, actual)
        label = f"{answer['url']}: {expected['heading']}"
        if review is None:
            result.missing.append(label)
            continue
        used.add(review["id"])
        result.found += 1
        report = expected.get("report_url")
        fields = {
            "area": (review["area"], expected.get("area")),
            "name": (review["pseudonym"] or review["title"], expected.get("name")),
            "published_year": (review["published_year"], expected.get("year")),
            "nation": (review["nation"], expected.get("nation")),
            "review_type": (review["review_type"], expected.get("review_type")),
            "summary": (review["summary"], expected.get("summary")),
            "incident": (review["incident"], expected.get("incident")),
            "age_text": (review["age_text"], expected.get("age_text")),
            "sex": (review["sex"], expected.get("sex")),
            "incident_date": (review["incident_date"], _iso(expected.get("incident_date"))),
            "themes": (json.loads(review["themes"] or "[]"), expected.get("themes") or []),
            "recommendations": (review["recommendations"], expected.get("recommendations")),
            "keywords": (json.loads(review["keywords"] or "[]"), expected.get("keywords") or []),
            "background": (review["background"], expected.get("background")),
            "response": (review["response"], expected.get("response")),
            "model": (review["model"], expected.get("model")),
            "report_url": (
                report in {d["url"] for d in review["documents"]} if report else True,
                True,
            ),
        }
        for name, (got, want) in fields.items():
            right = _same(got, want)
            result.score(name, right)
            if not right:
                result.wrong.append(f"{label}: {name} {got!r} != {want!r}")
    for review in actual:
        if review["id"] not in used:
            result.extra.append(f"{answer['url']}: {review['title']!r}")
    result.forbidden += forbidden(answer, actual, answer["url"])
    return result


def _iso(value) -> str | None:
    return None if value is None else str(value)


def _same(got, want) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        return " ".join(got.split()).rstrip(".") == " ".join(want.split()).rstrip(".")
    return got == want
